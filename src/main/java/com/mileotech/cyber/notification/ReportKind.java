package com.mileotech.cyber.notification;

import com.mileotech.cyber.system.Published;
import java.util.Arrays;

/** The reports owed or made to an authority, with their French names. */
@Published
public enum ReportKind {
  CNIL_INITIAL("notification-initiale", "Notification initiale à la CNIL"),
  CNIL_COMPLEMENT("complement", "Notification complémentaire à la CNIL"),
  EARLY_WARNING("alerte-precoce", "Alerte précoce à l'ANSSI (24 h)"),
  INCIDENT_NOTIFICATION("notification-incident", "Notification d'incident à l'ANSSI (72 h)"),
  OIV_DECLARATION("declaration-oiv", "Déclaration d'incident à l'ANSSI (OIV)"),
  INTERMEDIATE_REPORT("rapport-intermediaire", "Rapport intermédiaire à l'ANSSI"),
  PROGRESS_REPORT("rapport-avancement", "Rapport d'avancement à l'ANSSI"),
  FINAL_REPORT("rapport-final", "Rapport final à l'ANSSI");

  private final String code;
  private final String label;

  ReportKind(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  /** A report to the CNIL (GDPR art. 33), the others are the ANSSI's (NIS2, LPM). */
  boolean isCnil() {
    return this == CNIL_INITIAL || this == CNIL_COMPLEMENT;
  }

  static ReportKind of(String code) {
    return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown report kind " + code));
  }
}
