package com.mileotech.cyber.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * The one reader of what people submit: Tasklist sends text fields as strings, checkboxes as
 * booleans, numbers as numbers, checklists and dynamic lists as Spin JSON; tests and the API may
 * pass plain Java values. Blank is absent. Unreadable input is refused naming the field (a
 * {@link Refusal}, never a server error). Dates and times go through {@link Moments}. Read a
 * named field with {@link FormField}; these functions also read the rows of a dynamic list.
 */
@Published
public final class FormValues {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FormValues() {}

  /** A text, trimmed; a list (a checklist arrives as a JSON array) joined with commas; blank is null. */
  public static String text(Object value) {
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

  /** {@link #text} when it is one of {@code allowed}, else null. */
  public static String choice(Object value, Collection<String> allowed) {
    String text = text(value);
    return text != null && allowed.contains(text) ? text : null;
  }

  /** A checkbox: true or false (also as text); anything else is null. */
  public static Boolean bool(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof String s && (s.equals("true") || s.equals("false"))) {
      return Boolean.valueOf(s);
    }
    return null;
  }

  /** A whole number; anything else is refused naming {@code field} (never a server error, never a silent cut). */
  public static Integer integer(Object value, String field) {
    BigDecimal number;
    if (value instanceof Number n) {
      number = Double.isFinite(n.doubleValue()) ? new BigDecimal(n.toString()) : null;
    } else {
      String text = text(value);
      if (text == null) {
        return null;
      }
      try {
        number = new BigDecimal(text.replace(',', '.'));
      } catch (NumberFormatException e) {
        number = null;
      }
    }
    if (number == null || number.stripTrailingZeros().scale() > 0
        || number.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
      throw Refusal.of("Formulaire refusé", List.of(field + " : nombre entier attendu"));
    }
    return number.intValueExact();
  }

  /** A list of strings: a JSON array, a Java collection, or comma-separated text. */
  public static List<String> strings(Object value) {
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

  /** One entry per non-blank line (a text area). */
  public static List<String> lines(Object value) {
    return value == null ? List.of()
        : Arrays.stream(value.toString().split("\\R")).map(String::trim).filter(l -> !l.isEmpty()).toList();
  }

  /** Entries separated by commas, semicolons or spaces. */
  public static List<String> words(Object value) {
    return value == null ? List.of()
        : Arrays.stream(value.toString().split("[,;\\s]+")).map(String::trim).filter(l -> !l.isEmpty()).toList();
  }

  /** A list of objects (a dynamic list of a form): a JSON array or a Java list of maps. */
  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> objects(Object value) {
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

  /** A Spin JSON value of {@code value}, as Tasklist reads and submits it. */
  public static JsonValue json(Object value) {
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(value)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A list a person submitted: unreadable, the submission is refused (never a server error). */
  private static <T> T parse(String text, TypeReference<T> type) {
    try {
      return JSON.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw Refusal.of("Formulaire refusé", "liste illisible (un tableau JSON est attendu)");
    }
  }
}
