package com.mileotech.cyber.commissioning;

import java.util.List;
import java.util.Optional;

/**
 * A version of the hardening guide's control points, as kept in
 * {@code resources/commissioning/catalogue/<source>-<version>.json}. Every checklist records the
 * version it was filled against; a new version of the guide becomes a new file.
 */
record Catalogue(String source, String title, String version, String published, List<Category> categories,
    List<Point> points) {

  /** e.g. {@code GUID-PREM-003 v1.3}. */
  String name() {
    return source + " " + version;
  }

  Optional<Point> point(String id) {
    return points.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  List<Point> pointsOf(String category) {
    return points.stream().filter(p -> p.category().equals(category)).toList();
  }

  /** A category of the guide's §04 with the number of points it announces. */
  record Category(String id, String label, int points) {}

  /**
   * One control point: stable id, French label, what the technician verifies and how, the guide's
   * section it comes from, and the figure to record when the guide sets one ({@link Measure}).
   */
  record Point(String id, String category, String section, String label, String verify, Measure measure) {}
}
