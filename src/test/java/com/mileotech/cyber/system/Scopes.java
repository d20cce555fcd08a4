package com.mileotech.cyber.system;

import java.lang.reflect.Proxy;
import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.engine.delegate.VariableScope;

/** A variable scope over a map: what the typed variables call, without an engine. */
final class Scopes {

  private Scopes() {}

  static VariableScope of(Map<String, Object> variables) {
    return (VariableScope) Proxy.newProxyInstance(Scopes.class.getClassLoader(), new Class<?>[] {VariableScope.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "getVariable", "getVariableLocal" -> variables.get((String) args[0]);
          case "getVariableTyped", "getVariableLocalTyped" ->
              variables.containsKey((String) args[0]) ? typed(variables.get((String) args[0])) : null;
          case "setVariable", "setVariableLocal" -> variables.put((String) args[0], args[1]);
          case "removeVariable", "removeVariableLocal" -> variables.remove((String) args[0]);
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }

  /** A variable held, as the engine gives it typed: a null one is the null value, an absent one is null. */
  private static TypedValue typed(Object value) {
    if (value == null) {
      return Variables.untypedNullValue();
    }
    return value instanceof TypedValue typed ? typed : Variables.untypedValue(value);
  }
}
