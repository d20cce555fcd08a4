package com.mileotech.cyber.playbook;

import com.mileotech.cyber.system.Published;
import java.util.Arrays;

/** What a technician recorded for a playbook action; the code is what the form submits. */
@Published
public enum ActionStatus {
  DONE("realisee", "Réalisée"),
  NOT_APPLICABLE("non-applicable", "Non applicable");

  private final String code;
  private final String label;

  ActionStatus(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  /** The status submitted as {@code code}, or null. */
  static ActionStatus of(String code) {
    return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst().orElse(null);
  }
}
