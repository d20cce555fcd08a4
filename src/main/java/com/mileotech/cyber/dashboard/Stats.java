package com.mileotech.cyber.dashboard;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Median and 90th percentile of durations in minutes. Percentiles interpolate linearly between
 * the two nearest ranks — the method of Excel's CENTILE.INCLUS (PERCENTILE.INC) — so an auditor
 * can recompute any figure from the CSV export.
 */
final class Stats {

  private Stats() {}

  /** {@code count} values; {@code median} and {@code p90} in minutes (one decimal), null when there is none. */
  record Summary(int count, Double median, Double p90) {
    static final Summary NONE = new Summary(0, null, null);
  }

  static Summary of(Collection<Long> values) {
    List<Long> sorted = values.stream().filter(Objects::nonNull).sorted().toList();
    if (sorted.isEmpty()) {
      return Summary.NONE;
    }
    return new Summary(sorted.size(), round(percentile(sorted, 0.5)), round(percentile(sorted, 0.9)));
  }

  /** The {@code p}-quantile of sorted values, rank (n − 1)·p interpolated. */
  static double percentile(List<Long> sorted, double p) {
    double rank = (sorted.size() - 1) * p;
    int below = (int) Math.floor(rank);
    int above = Math.min(below + 1, sorted.size() - 1);
    return sorted.get(below) + (rank - below) * (sorted.get(above) - sorted.get(below));
  }

  static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }

  /** A share in percent with one decimal (0 when there is nothing to share). */
  static double percent(long part, long whole) {
    return whole == 0 ? 0 : round(100.0 * part / whole);
  }
}
