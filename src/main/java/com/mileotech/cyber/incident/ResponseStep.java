package com.mileotech.cyber.incident;

import com.mileotech.cyber.system.Published;

/** The two steps of PROC-CYB-005 whose actions another feature may list and record (§03, §04). */
@Published
public enum ResponseStep {
  CONTAINMENT("Confinement"),
  ERADICATION("Éradication");

  private final String label;

  ResponseStep(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
