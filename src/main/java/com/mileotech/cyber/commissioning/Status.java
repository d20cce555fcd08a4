package com.mileotech.cyber.commissioning;

/** The three assessments of GUID-PREM-003 §04. */
enum Status {
  CONFORME("Conforme"),
  NON_CONFORME("Non conforme"),
  NON_APPLICABLE("Non applicable");

  private final String label;

  Status(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  static Status parse(String value) {
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
