package com.mileotech.cyber.tasklist;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every field of a query's parameter object, written out: the same text means the same state, so
 * MyBatis builds the same SQL with the same values from it (its dynamic SQL reads nothing else of
 * the query). Written by reflection over every instance field of Camunda's own classes, down to
 * the permission and tenant checks and the variable conditions, so that a criterion added by a
 * Camunda upgrade is part of it without anyone listing it. Null when the object holds anything
 * whose state cannot be written exactly here (then the caller builds the SQL as before).
 */
final class QueryFingerprint {

  private static final String CAMUNDA = "org.camunda.bpm.engine.";
  /** Per class, its fields; an empty optional for a class whose state cannot be read. */
  private static final Map<Class<?>, Optional<List<Field>>> FIELDS = new ConcurrentHashMap<>();
  /** Deeper than any query Camunda builds (or-queries are one level): a cycle not through identity. */
  private static final int MAX_DEPTH = 32;

  private final StringBuilder text = new StringBuilder(4096);
  private final IdentityHashMap<Object, Integer> seen = new IdentityHashMap<>();

  private QueryFingerprint() {}

  /** The state of this object, written out; null when it cannot be written exactly. */
  static String of(Object parameter) {
    QueryFingerprint fingerprint = new QueryFingerprint();
    return fingerprint.write(parameter, 0) ? fingerprint.text.toString() : null;
  }

  private boolean write(Object value, int depth) {
    if (depth > MAX_DEPTH) {
      return false;
    }
    if (value == null) {
      text.append('n');
      return true;
    }
    Class<?> type = value.getClass();
    String scalar = scalar(value);
    if (scalar != null) {
      text.append(scalar.length()).append(':').append(scalar);
      return true;
    }
    Integer earlier = seen.get(value);
    if (earlier != null) {
      // a reference to an object written before (TaskQueryImpl.queries holds the query itself)
      text.append('@').append(earlier).append(';');
      return true;
    }
    seen.put(value, seen.size());
    if (type.isArray()) {
      int length = Array.getLength(value);
      text.append(type.getName()).append('[').append(length).append(']');
      for (int i = 0; i < length; i++) {
        if (!write(Array.get(value, i), depth + 1)) {
          return false;
        }
      }
      return true;
    }
    if (value instanceof Collection<?> items && type.getName().startsWith("java.util.")) {
      text.append(type.getName()).append('[').append(items.size()).append(']');
      for (Object item : items) {
        if (!write(item, depth + 1)) {
          return false;
        }
      }
      return true;
    }
    if (value instanceof Map<?, ?> map && type.getName().startsWith("java.util.")) {
      text.append(type.getName()).append('{').append(map.size()).append('}');
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!write(entry.getKey(), depth + 1) || !write(entry.getValue(), depth + 1)) {
          return false;
        }
      }
      return true;
    }
    if (!type.getName().startsWith(CAMUNDA)) {
      return false;
    }
    List<Field> fields = FIELDS.computeIfAbsent(type, QueryFingerprint::fields).orElse(null);
    if (fields == null) {
      return false;
    }
    text.append(type.getName()).append('(');
    for (Field field : fields) {
      Object fieldValue;
      try {
        fieldValue = field.get(value);
      } catch (IllegalAccessException e) {
        return false;
      }
      text.append(field.getName()).append('=');
      if (!write(fieldValue, depth + 1)) {
        return false;
      }
    }
    text.append(')');
    return true;
  }

  /** A value written whole, with its type; null for anything else. */
  static String scalar(Object value) {
    if (value instanceof String s) {
      return "s" + s;
    }
    if (value instanceof Date d) {
      // a JDBC timestamp keeps nanoseconds beyond getTime(); a JDBC day has no instant
      try {
        return "d" + d.getClass().getName() + ":" + d.toInstant();
      } catch (UnsupportedOperationException dayOnly) {
        return "d" + d.getClass().getName() + ":" + d.getTime();
      }
    }
    if (value instanceof Enum<?> e) {
      return "e" + e.getDeclaringClass().getName() + "." + e.name();
    }
    if (value instanceof Class<?> c) {
      return "c" + c.getName();
    }
    if ((value instanceof Number || value instanceof Boolean || value instanceof Character)
        && value.getClass().getName().startsWith("java.")) {
      return value.getClass().getName() + ":" + value;
    }
    return null;
  }

  /**
   * The instance fields of a Camunda class and its Camunda superclasses, but the query's command
   * executor (how it runs, not what it asks); empty when one cannot be read.
   */
  private static Optional<List<Field>> fields(Class<?> type) {
    List<Field> fields = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      if (!c.getName().startsWith(CAMUNDA)) {
        return Optional.empty(); // a superclass whose state is not ours to read
      }
      for (Field field : c.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers()) || field.isSynthetic()
            || "org.camunda.bpm.engine.impl.interceptor.CommandExecutor".equals(field.getType().getName())) {
          continue;
        }
        try {
          field.setAccessible(true);
        } catch (InaccessibleObjectException | SecurityException e) {
          return Optional.empty();
        }
        fields.add(field);
      }
    }
    return Optional.of(List.copyOf(fields));
  }
}
