package com.mileotech.cyber.incident;

import com.mileotech.cyber.system.Published;

/** Severity levels of PROC-CYB-005 §02. */
@Published
public enum Severity implements Code {
  MINOR("mineur", "Mineur"),
  SIGNIFICANT("significatif", "Significatif"),
  CRITICAL("critique", "Critique");

  private final String code;
  private final String label;

  Severity(String code, String label) {
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
