package com.mileotech.cyber.notification;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Collects what is wrong with a submitted form and refuses it as a whole: the task is not
 * completed, nothing is recorded, and Tasklist shows the message naming each field.
 */
final class FormErrors {

  private final List<String> errors = new ArrayList<>();
  private final String what;

  FormErrors(String what) {
    this.what = what;
  }

  FormErrors require(boolean ok, String message) {
    if (!ok) {
      errors.add(message);
    }
    return this;
  }

  void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new BadUserRequestException(what + " : " + String.join(" ; ", errors) + ".");
    }
  }
}
