package com.mileotech.cyber.incident;

import com.mileotech.cyber.system.Published;

/** The nature of a security incident, as the referent qualifies it (PROC-CYB-005 §02). */
@Published
public enum Nature implements Code {
  INTRUSION("intrusion", "Intrusion (accès non autorisé)"),
  MALWARE("malware", "Logiciel malveillant"),
  DENIAL_OF_SERVICE("deni-de-service", "Déni de service"),
  HUMAN_ERROR("erreur-humaine", "Erreur humaine"),
  OTHER("autre", "Autre");

  private final String code;
  private final String label;

  Nature(String code, String label) {
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
