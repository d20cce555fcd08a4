package com.mileotech.cyber.update;

import java.util.List;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A start or task form submission refused as a whole, naming each offending field or line. A
 * form-validation exception: Tasklist and the REST API answer 400 with this French message, and
 * the transaction (every submitted variable, any reference spent) is rolled back.
 */
class Refused extends FormFieldValidationException {

  Refused(String intro, List<String> problems) {
    super(problems, intro + " : " + String.join(" ; ", problems) + ".");
  }
}
