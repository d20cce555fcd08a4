package com.mileotech.cyber.client;

/** Maintenance contract: Premium includes the annual audit of GUID-PREM-003 §04. */
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
