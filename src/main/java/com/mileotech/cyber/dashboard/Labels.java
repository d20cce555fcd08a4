package com.mileotech.cyber.dashboard;

import com.mileotech.cyber.incident.DetectionSource;
import com.mileotech.cyber.incident.Nature;
import com.mileotech.cyber.incident.Severity;
import com.mileotech.cyber.notification.ReportKind;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The French names of the codes the processes record, in the order the dashboard shows them: the
 * features' published enums; only the authorities and the processes' names are the dashboard's own.
 */
final class Labels {

  /** Nature or severity of an incident not yet qualified. */
  static final String UNQUALIFIED = "non-qualifie";
  static final String UNQUALIFIED_LABEL = "Non qualifié";
  /** Whose duty a late item is when it is Mileo's own as a service provider, not a client's. */
  static final String MILEO_OWN = "Mileo Technology (obligation propre)";

  static final Map<String, String> SEVERITIES = new LinkedHashMap<>();
  static final Map<String, String> NATURES = new LinkedHashMap<>();
  static final Map<String, String> DETECTION_SOURCES = new LinkedHashMap<>();
  static final Map<String, String> AUTHORITIES = new LinkedHashMap<>();
  static final Map<String, String> REPORT_KINDS = new LinkedHashMap<>();
  static final Map<String, String> PROCESSES = new LinkedHashMap<>();

  static {
    // most severe first: the order of the charts' stacks and legends
    Severity[] severities = Severity.values();
    for (int i = severities.length - 1; i >= 0; i--) {
      SEVERITIES.put(severities[i].code(), severities[i].label());
    }
    Arrays.stream(Nature.values()).forEach(n -> NATURES.put(n.code(), n.label()));
    Arrays.stream(DetectionSource.values()).forEach(s -> DETECTION_SOURCES.put(s.code(), s.label()));
    AUTHORITIES.put("CNIL", "CNIL (RGPD art. 33)");
    AUTHORITIES.put("ANSSI", "ANSSI (NIS2 / OIV)");
    Arrays.stream(ReportKind.values()).forEach(k -> REPORT_KINDS.put(k.code(), k.label()));
    PROCESSES.put("security-incident", "Incident de sécurité");
    PROCESSES.put("cnil-notification", "Notification CNIL");
    PROCESSES.put("anssi-notification", "Notification ANSSI");
    PROCESSES.put("recurring-incidents-review", "Examen des incidents récurrents");
    PROCESSES.put("vms-commissioning", "Checklist de durcissement");
    PROCESSES.put("hardening-reverification", "Revérification de durcissement");
    PROCESSES.put("improvement-action", "Action d'amélioration");
    PROCESSES.put("security-update", "Mise à jour de sécurité");
    PROCESSES.put("security-update-client", "Mise à jour de sécurité");
    PROCESSES.put("equipment-replacement", "Plan de remplacement");
  }

  private Labels() {}

  /** The stored code of a value, null for none (« non qualifié »). */
  static String code(Severity value) {
    return value == null ? null : value.code();
  }

  static String code(Nature value) {
    return value == null ? null : value.code();
  }

  static String code(DetectionSource value) {
    return value == null ? null : value.code();
  }

  static String of(Map<String, String> labels, String code) {
    if (code == null) {
      return UNQUALIFIED_LABEL;
    }
    return labels.getOrDefault(code, code);
  }
}
