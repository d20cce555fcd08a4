package com.mileotech.cyber.incident;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mileotech.cyber.system.Refusal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * Reading what Tasklist submits: lists and objects arrive as Json variables (Spin nodes), text
 * fields as strings, checkboxes as booleans. Tests and the API may pass plain Java values.
 */
final class Values {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Values() {}

  static String text(Object value) {
    if (value == null) {
      return null;
    }
    String text = value.toString().trim();
    return text.isEmpty() ? null : text;
  }

  static Boolean bool(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof String s && (s.equals("true") || s.equals("false"))) {
      return Boolean.valueOf(s);
    }
    return null;
  }

  /** A list of strings: a Json array, a Java collection, or comma-separated text. */
  static List<String> strings(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof Collection<?> collection) {
      return collection.stream().filter(v -> v != null).map(Object::toString).map(String::trim)
          .filter(s -> !s.isEmpty()).toList();
    }
    String text = value.toString().trim();
    if (text.startsWith("[")) {
      return strings(parse(text, new TypeReference<List<Object>>() {}));
    }
    return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  /** A list of objects (a dynamic list of a form): a Json array or a Java list of maps. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> objects(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof Collection<?> collection) {
      List<Map<String, Object>> list = new ArrayList<>();
      for (Object o : collection) {
        list.add(o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of());
      }
      return list;
    }
    String text = value.toString().trim();
    if (text.isEmpty()) {
      return List.of();
    }
    return parse(text, new TypeReference<List<Map<String, Object>>>() {});
  }

  /** A Json process variable, as Tasklist reads and submits it. */
  static JsonValue json(Object value) {
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(value)).create();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A list a person submitted: unreadable, the submission is refused (never a server error). */
  private static <T> T parse(String text, TypeReference<T> type) {
    try {
      return JSON.readValue(text, type);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw Refusal.of("Formulaire refusé", "liste illisible (un tableau JSON est attendu)");
    }
  }
}
