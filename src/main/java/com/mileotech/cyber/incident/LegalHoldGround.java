package com.mileotech.cyber.incident;

/** Why video footage is kept past the one-month purge of recordings (CSI L252-5). */
enum LegalHoldGround implements Code {
  JUDICIAL_REQUEST("requisition-judiciaire", "Réquisition judiciaire"),
  COMPLAINT_FILED("plainte-deposee", "Plainte déposée"),
  AUTHORITY_REQUEST("demande-autorite", "Demande d'une autorité (CNIL, ANSSI...)"),
  OTHER("autre", "Autre motif légal");

  private final String code;
  private final String label;

  LegalHoldGround(String code, String label) {
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
