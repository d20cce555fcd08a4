package com.mileotech.cyber.system;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A moment kept as a {@link Date} variable: the type BPMN timer definitions ({@code ${dueAt}}),
 * Cockpit and the REST API read as a date. Code handles it as an {@link Instant}.
 */
@Published
public final class DateVariable extends ProcessVariable<Date> {

  DateVariable(String name) {
    super(name, Date.class);
  }

  public Instant instant(VariableScope scope) {
    return instant(get(scope));
  }

  public Instant instantLocal(VariableScope scope) {
    return instant(getLocal(scope));
  }

  public Instant instantFrom(Map<String, ?> variables) {
    return instant(from(variables));
  }

  public void set(VariableScope scope, Instant value) {
    set(scope, Moments.date(value));
  }

  public void setLocal(VariableScope scope, Instant value) {
    setLocal(scope, Moments.date(value));
  }

  public void put(Map<String, Object> variables, Instant value) {
    put(variables, Moments.date(value));
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
