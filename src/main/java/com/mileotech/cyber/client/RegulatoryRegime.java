package com.mileotech.cyber.client;

import com.mileotech.cyber.system.Published;

/** The client's regulatory regime, which decides the ANSSI obligations of PROC-CYB-005 §05. */
@Published
public enum RegulatoryRegime {
  OIV("Opérateur d'importance vitale (OIV)"),
  NIS2_ESSENTIAL("Entité essentielle NIS2"),
  NIS2_IMPORTANT("Entité importante NIS2"),
  NONE("Aucun régime particulier");

  private final String label;

  RegulatoryRegime(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
