package com.mileotech.cyber.commissioning;

import java.util.List;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A task submission that is refused as a whole, naming each offending point. A form-validation
 * exception, so the REST API (and so Tasklist) answers 400 with this message, and the
 * transaction — every variable the form submitted — is rolled back.
 */
class ChecklistRefused extends FormFieldValidationException {

  private final List<String> problems;

  ChecklistRefused(String intro, List<String> problems) {
    super(problems, intro + " : " + String.join(" ; ", problems));
    this.problems = List.copyOf(problems);
  }

  List<String> problems() {
    return problems;
  }
}
