package com.mileotech.cyber.client;

import com.mileotech.cyber.system.Published;

/** Maintenance contract: Premium includes the annual audit of GUID-PREM-003 §04. */
@Published
public enum ContractType {
  STANDARD("Standard"),
  PREMIUM("Premium");

  private final String label;

  ContractType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
