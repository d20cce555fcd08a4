package com.mileotech.cyber.notification;

import java.util.Collection;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Values as Camunda Forms submit them: texts, lists, numbers. Dates and times go through
 * {@link com.mileotech.cyber.system.Moments} (ISO with an offset, or wall-clock time in mileo.zone).
 */
final class FormValues {

  private FormValues() {}

  /** A text, or a list (a checklist arrives as a JSON array) joined with commas; blank is null. */
  static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value == null) {
      return null;
    }
    String text;
    if (value instanceof SpinJsonNode json && json.isArray()) {
      text = json.elements().stream().map(e -> e.isString() ? e.stringValue() : e.toString())
          .collect(Collectors.joining(", "));
    } else if (value instanceof Collection<?> list) {
      text = list.stream().map(String::valueOf).collect(Collectors.joining(", "));
    } else {
      text = value.toString();
    }
    text = text.trim();
    return text.isEmpty() ? null : text;
  }

  static Integer integer(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value instanceof Number number) {
      return number.intValue();
    }
    String text = text(scope, name);
    return text == null ? null : Integer.valueOf(text);
  }
}
