package com.mileotech.cyber.update;

import java.time.Instant;
import java.util.List;

/**
 * A security update as its maker or a CERT publishes it, whatever the entry point (Tasklist start
 * form, POST /api/security-updates): product, kind, criticality, affected versions, the version
 * that fixes it (optional), the advisory's reference and its CVE ids, and when it was published.
 */
record Publication(String product, String kind, Boolean critical, List<String> affectedVersions,
    String fixedVersion, String advisory, List<String> cveIds, Instant publishedAt) {

  Publication {
    affectedVersions = affectedVersions == null ? List.of()
        : affectedVersions.stream().map(v -> v == null ? null : v.trim()).toList();
    // a null entry stays, for the validator to name it
    cveIds = cveIds == null ? List.of() : cveIds.stream().map(c -> c == null ? null : c.trim().toUpperCase())
        .filter(c -> c == null || !c.isEmpty()).toList();
    product = product == null ? null : product.trim().replaceAll("\\s+", " ");
    advisory = advisory == null ? null : advisory.trim();
    fixedVersion = fixedVersion == null || fixedVersion.isBlank() ? null : fixedVersion.trim();
  }

  UpdateKind kindValue() {
    return UpdateKind.parse(kind).orElseThrow();
  }

  /** The deadline rule under mileo.deadlines: the strictest that applies. */
  String deadlineRule() {
    if (Boolean.TRUE.equals(critical)) {
      return DeadlineRules.CRITICAL_PATCH;
    }
    return kindValue() == UpdateKind.VMS ? DeadlineRules.VMS_UPDATE : DeadlineRules.DEFAULT;
  }

  /** How the same advisory is recognised when it comes again: its id, case and spaces ignored. */
  static String advisoryKey(String advisory) {
    return advisory.trim().replaceAll("\\s+", " ").toUpperCase(java.util.Locale.ROOT);
  }
}
