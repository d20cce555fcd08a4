package com.mileotech.cyber.incident;

import com.mileotech.cyber.system.Published;

/** Where a suspicion came from (PROC-CYB-005 §01 and §02). */
@Published
public enum DetectionSource implements Code {
  SUPERVISION_ALERT("alerte-supervision", "Alerte de la plateforme de supervision"),
  CLIENT_REPORT("signalement-client", "Signalement du client"),
  TECHNICIAN_ON_SITE("technicien-sur-site", "Découverte par un technicien en intervention"),
  VENDOR_OR_CERT_NOTICE("notification-constructeur-cert", "Notification d'un constructeur ou d'un CERT"),
  UNRESOLVED_ALERT("alerte-non-resolue", "Alerte de sécurité non résolue dans les délais");

  private final String code;
  private final String label;

  DetectionSource(String code, String label) {
    this.code = code;
    this.label = label;
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public String label() {
    return label;
  }
}
