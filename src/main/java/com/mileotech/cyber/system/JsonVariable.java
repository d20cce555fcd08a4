package com.mileotech.cyber.system;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * A Spin JSON variable: lists and objects that Tasklist hands to form-js as they are. Set from a
 * Java value (lists, maps, records: serialized here) or from an already serialized JSON value
 * (the commissioning feature writes canonical JSON); never stored as a serialized Java object.
 */
@Published
public final class JsonVariable extends ProcessVariable<Object> {

  JsonVariable(String name) {
    super(name, Object.class);
  }

  @Override
  public void set(VariableScope scope, Object value) {
    Object typed = typed(value);
    if (!holds(scope.getVariableTyped(name(), false), typed)) {
      scope.setVariable(name(), typed);
    }
  }

  @Override
  public void setLocal(VariableScope scope, Object value) {
    Object typed = typed(value);
    if (!holds(scope.getVariableLocalTyped(name(), false), typed)) {
      scope.setVariableLocal(name(), typed);
    }
  }

  @Override
  public void put(Map<String, Object> variables, Object value) {
    variables.put(name(), typed(value));
  }

  /** A JSON list of strings (also a Java collection, or comma-separated text). */
  public List<String> strings(VariableScope scope) {
    return FormValues.strings(raw(scope));
  }

  /** A JSON list of objects. */
  public List<Map<String, Object>> objects(VariableScope scope) {
    return FormValues.objects(raw(scope));
  }

  /** The JSON text of the value, for parsers of our own types; null when absent. */
  public String jsonText(VariableScope scope) {
    Object value = raw(scope);
    return value == null ? null : value.toString();
  }

  private static Object typed(Object value) {
    return value == null || value instanceof TypedValue ? value : FormValues.json(value);
  }
}
