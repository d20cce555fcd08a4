package com.mileotech.cyber.system;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * A process variable: its name, as the BPMN expressions and the forms spell it, and the Java type
 * it is stored as. The contract class of each process declares its variables once with these
 * ({@code SecurityIncidentVariables.REFERENCE.get(execution)}); nothing else spells a variable's
 * name or casts what the engine returns. Reading a value of another type is a defect of ours,
 * reported with the variable's name, never a {@link ClassCastException} three calls later.
 *
 * <p>What a person submits through a form is read with a {@link FormField} instead, which is
 * lenient the way people are (blank is absent, "12" is 12).
 */
@Published
public class ProcessVariable<T> {

  private final String name;
  private final Class<T> type;
  /** See {@link #absentWhenNull()}; set once, where the contract declares the variable. */
  private boolean absentWhenNull;

  protected ProcessVariable(String name, Class<T> type) {
    this.name = Objects.requireNonNull(name);
    this.type = Objects.requireNonNull(type);
  }

  public static ProcessVariable<String> text(String name) {
    return new ProcessVariable<>(name, String.class);
  }

  public static ProcessVariable<Boolean> bool(String name) {
    return new ProcessVariable<>(name, Boolean.class);
  }

  public static ProcessVariable<Integer> integer(String name) {
    return new ProcessVariable<>(name, Integer.class);
  }

  /** A list of strings kept as a Java list (a multi-instance collection). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static ProcessVariable<List<String>> textList(String name) {
    return new ProcessVariable(name, List.class);
  }

  public static ProcessVariable<Long> longInteger(String name) {
    return new ProcessVariable<>(name, Long.class);
  }

  /** A moment, stored as a {@link Date} (what BPMN timers and Cockpit read), handled as an instant. */
  public static DateVariable date(String name) {
    return new DateVariable(name);
  }

  /** A Spin JSON value (lists and objects that Tasklist forms read). */
  public static JsonVariable json(String name) {
    return new JsonVariable(name);
  }

  /** A value of no fixed type: an input parameter that an expression may give as a Date or as text. */
  public static ProcessVariable<Object> any(String name) {
    return new ProcessVariable<>(name, Object.class);
  }

  public static <T> ProcessVariable<T> of(String name, Class<T> type) {
    return new ProcessVariable<>(name, type);
  }

  /**
   * Declares a fact that may stay unknown (an incident's beginning, the NIS2 verdict of a client
   * that is no NIS2 entity): absent until it is known. Setting it to null while it is absent, or
   * putting a null in a map of start variables, writes nothing: a null variable costs a runtime
   * row, its history, a detail and a delete at the end, and says nothing a reader does not get from
   * its absence ({@link #get} is null either way; the history and the incident file read null
   * too). Once it holds a value, null is written as usual (the history keeps the change). Only for
   * variables no BPMN expression names, where an absent variable is an error
   * ({@code ProcessContractsTest.variablesAbsentWhenNullAreNamedByNoExpression}). Returns this
   * variable, for its declaration.
   */
  @SuppressWarnings("unchecked")
  public <V extends ProcessVariable<T>> V absentWhenNull() {
    this.absentWhenNull = true;
    return (V) this;
  }

  public boolean isAbsentWhenNull() {
    return absentWhenNull;
  }

  public String name() {
    return name;
  }

  public Class<T> type() {
    return type;
  }

  /** The value visible from {@code scope} (its own or a parent's); null when absent. */
  public T get(VariableScope scope) {
    return cast(scope.getVariable(name));
  }

  /** The value of {@code scope} itself (an input parameter, a task-local value); null when absent. */
  public T getLocal(VariableScope scope) {
    return cast(scope.getVariableLocal(name));
  }

  /** The value, which the process must hold by now. */
  public T require(VariableScope scope) {
    T value = get(scope);
    if (value == null) {
      throw new IllegalStateException("Process variable '" + name + "' missing");
    }
    return value;
  }

  /** The value in a map of variables (a start request, what the runtime service returned); null when absent. */
  public T from(Map<String, ?> variables) {
    return variables == null ? null : cast(variables.get(name));
  }

  /** Whatever the engine holds under this name, untyped: for readers of people's input. */
  public Object raw(VariableScope scope) {
    return scope.getVariable(name);
  }

  /**
   * The value as a person's text ({@link FormValues#text}: trimmed, blank is null), for a variable
   * that a form or the API submits before the process keeps it.
   */
  public String text(VariableScope scope) {
    return FormValues.text(raw(scope));
  }

  public Object rawLocal(VariableScope scope) {
    return scope.getVariableLocal(name);
  }

  public boolean isSet(VariableScope scope) {
    return scope.getVariable(name) != null;
  }

  /**
   * Sets the value; the same value again is no write (see {@link #holds}), nor is null for a
   * variable {@link #absentWhenNull()} that is absent.
   */
  public void set(VariableScope scope, T value) {
    TypedValue current = scope.getVariableTyped(name, false);
    if (value == null && current == null && absentWhenNull) {
      return;
    }
    if (!holds(current, value)) {
      scope.setVariable(name, value);
    }
  }

  /**
   * Sets each of {@code variables} (a contract's {@code put}s, e.g. a report's variables) on
   * {@code scope}, skipping those it already holds ({@link #holds}): the report step rewrote the
   * start form's fields with the same text, each an update, a history update and a detail row.
   */
  public static void setAll(VariableScope scope, Map<String, Object> variables) {
    variables.forEach((name, value) -> {
      if (!holds(scope.getVariableTyped(name, false), value)) {
        scope.setVariable(name, value);
      }
    });
  }

  public void setLocal(VariableScope scope, T value) {
    TypedValue current = scope.getVariableLocalTyped(name, false);
    if (value == null && current == null && absentWhenNull) {
      return;
    }
    if (!holds(current, value)) {
      scope.setVariableLocal(name, value);
    }
  }

  /**
   * Whether {@code current} (the variable as stored, not deserialized) already is {@code value}:
   * then setting it again would change nothing but cost an update of the variable, of its history
   * and a history detail row at level FULL, and for JSON a rewrite of its byte array and a copy of
   * it in the history (docs/bench.md, "Lifecycle overhead"). Conservative: only equal non-null
   * values of the same class, JSON with the same serialized text, or null where a null is held,
   * count as held.
   */
  static boolean holds(TypedValue current, Object value) {
    if (current == null) {
      return false;
    }
    if (value == null) {
      // a variable holding null (the null type, or a primitive without a value): nothing to write
      return ValueType.NULL.equals(current.getType())
          || !(current instanceof SerializableValue) && current.getValue() == null;
    }
    if (current instanceof SerializableValue held) {
      return value instanceof SerializableValue wanted && held.getType().equals(wanted.getType())
          && held.getValueSerialized() != null && held.getValueSerialized().equals(wanted.getValueSerialized());
    }
    if (value instanceof TypedValue) {
      return false;
    }
    Object held = current.getValue();
    return held != null && held.getClass() == value.getClass() && held.equals(value);
  }

  /**
   * Puts the value in a map of variables, e.g. those a process starts with; a null for a variable
   * {@link #absentWhenNull()} is left out.
   */
  public void put(Map<String, Object> variables, T value) {
    if (value == null && absentWhenNull) {
      return;
    }
    variables.put(name, value);
  }

  /** This one variable as a map, for the runtime service ({@code setVariables(processInstanceId, …)}); null included. */
  public Map<String, Object> map(T value) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(name, value);
    return variables;
  }

  /** Copies the value from {@code scope} into {@code variables}, e.g. those another process starts with. */
  public void copy(VariableScope scope, Map<String, Object> variables) {
    put(variables, get(scope));
  }

  public void remove(VariableScope scope) {
    scope.removeVariable(name);
  }

  protected T cast(Object value) {
    if (value == null || type.isInstance(value)) {
      return type.cast(value);
    }
    throw new IllegalStateException("Process variable '" + name + "' holds a " + value.getClass().getName()
        + ", not the " + type.getName() + " its contract declares");
  }

  @Override
  public String toString() {
    return name + " (" + type.getSimpleName() + ")";
  }
}
