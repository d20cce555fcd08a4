package com.mileotech.cyber.system;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A value a person submits through a form (or the API), under the name of its form field: held
 * as whatever the form sent, read leniently through {@link FormValues}. A date-time field comes
 * with its repeated-hour choice {@code <name>Occurrence} ({@link Moments#OCCURRENCE_SUFFIX}).
 */
@Published
public final class FormField extends ProcessVariable<Object> {

  private FormField(String name) {
    super(name, Object.class);
  }

  public static FormField of(String name) {
    return new FormField(name);
  }

  public String text(Map<String, ?> variables) {
    return FormValues.text(variables == null ? null : variables.get(name()));
  }

  /** The text when it is one of {@code allowed} (the values of a select or radio), else null. */
  public String choice(VariableScope scope, Collection<String> allowed) {
    return FormValues.choice(raw(scope), allowed);
  }

  public Boolean bool(VariableScope scope) {
    return FormValues.bool(raw(scope));
  }

  /** A checkbox that is ticked. */
  public boolean isTrue(VariableScope scope) {
    return Boolean.TRUE.equals(bool(scope));
  }

  /** A whole number, refused naming the field when it is not one. */
  public Integer integer(VariableScope scope) {
    return FormValues.integer(raw(scope), name());
  }

  public List<String> strings(VariableScope scope) {
    return FormValues.strings(raw(scope));
  }

  public List<String> lines(VariableScope scope) {
    return FormValues.lines(raw(scope));
  }

  public List<String> words(VariableScope scope) {
    return FormValues.words(raw(scope));
  }

  public List<Map<String, Object>> objects(VariableScope scope) {
    return FormValues.objects(raw(scope));
  }

  /** The name of the repeated-hour choice of this date-time field. */
  public String occurrenceName() {
    return name() + Moments.OCCURRENCE_SUFFIX;
  }

  /** The repeated-hour choice of this date-time field, as submitted. */
  public Object occurrence(VariableScope scope) {
    return scope.getVariable(occurrenceName());
  }

  /**
   * A date and time as typed ("05/12/2026 14:30", Paris time, day first) with its repeated-hour
   * choice; blank is null.
   *
   * @throws IllegalArgumentException when it is no date and time, in French
   */
  public Instant instant(VariableScope scope, Moments moments) {
    return moments.typed(raw(scope), occurrence(scope));
  }

  /** {@link #instant(VariableScope, Moments)}, refused as {@code what} naming {@code field} when unreadable. */
  public Instant instant(VariableScope scope, Moments moments, String what, String field) {
    try {
      return instant(scope, moments);
    } catch (IllegalArgumentException e) {
      throw Refusal.of(what, List.of(field + " : " + e.getMessage()));
    }
  }

  /** A calendar day as typed ("31/01/2027"); blank is null. @throws IllegalArgumentException in French */
  public LocalDate day(VariableScope scope, Moments moments) {
    return moments.day(raw(scope));
  }

  /** Removes the field and, for a date-time field, its repeated-hour choice. */
  @Override
  public void remove(VariableScope scope) {
    scope.removeVariable(name());
    scope.removeVariable(occurrenceName());
  }

  /** Removes these fields of a submission once it is recorded. */
  public static void removeAll(VariableScope scope, FormField... fields) {
    for (FormField field : fields) {
      field.remove(scope);
    }
  }
}
