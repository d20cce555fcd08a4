package com.mileotech.cyber.commissioning;

import java.util.List;

/**
 * Exactly what the technician signs and the document shows: the identification of the
 * commissioning, the inventory and every point with its assessment. Its canonical JSON
 * ({@link Json#canonical}) is the input of the SHA-256 recorded with the signature.
 */
record SignedContent(
    String reference,
    String previousReference,
    String catalogueSource,
    String catalogueVersion,
    String clientId,
    String clientName,
    String siteId,
    String siteName,
    String vmsProduct,
    String vmsVersion,
    List<Equipment> equipment,
    List<PointEntry> points) {

  String canonicalJson() {
    return Json.canonical(this);
  }

  String sha256() {
    return Json.sha256(canonicalJson());
  }

  long count(Status status) {
    return points.stream().filter(p -> p.statusValue() == status).count();
  }

  List<PointEntry> nonConformities() {
    return points.stream().filter(p -> p.statusValue() == Status.NON_CONFORME).toList();
  }

  List<Equipment> endOfSupport() {
    return equipment.stream().filter(Equipment::endOfSupport).toList();
  }

  /** « 32 points : 29 conformes, 2 non conformes (VMS-04, CAM-02), 1 non applicable ». */
  String summary() {
    List<String> nc = nonConformities().stream().map(p -> p.id).toList();
    return points.size() + " points : " + count(Status.CONFORME) + " conforme(s), "
        + count(Status.NON_CONFORME) + " non conforme(s)" + (nc.isEmpty() ? "" : " (" + String.join(", ", nc) + ")")
        + ", " + count(Status.NON_APPLICABLE) + " non applicable(s)";
  }
}
