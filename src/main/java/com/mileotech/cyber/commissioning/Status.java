package com.mileotech.cyber.commissioning;

import com.mileotech.cyber.system.Published;

/** The three assessments of a control point (GUID-PREM-003 §04), declared once; stored by name. */
@Published
public enum Status {
  CONFORME("Conforme"),
  NON_CONFORME("Non conforme"),
  NON_APPLICABLE("Non applicable");

  private final String label;

  Status(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The status stored as {@code value}, or null (blank, unknown). */
  public static Status parse(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    for (Status s : values()) {
      if (s.name().equals(value)) {
        return s;
      }
    }
    return null;
  }
}
