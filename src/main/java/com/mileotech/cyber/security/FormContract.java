package com.mileotech.cyber.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mileotech.cyber.system.Limits;
import com.mileotech.cyber.system.Refusal;
import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * What one deployed Camunda Form lets a person write: its input fields, each with its type and
 * limits. A submission may set these and nothing else, each with a value of the field's type and
 * size; what the value means is for the procedure's own checks to judge. Read-only fields show a
 * fact and are never written back (Tasklist sends them anyway: they are dropped). Keys with dots
 * ("checklistSrv.SRV_01.status") are paths into one JSON variable ("checklistSrv"), as form-js
 * submits them.
 */
final class FormContract {

  /** A text field without its own limit: a line. */
  static final int TEXTFIELD_MAX = 500;
  /** A text area without its own limit: what Camunda stores as a text variable (4,000 characters). */
  static final int TEXTAREA_MAX = 4000;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> INPUT_TYPES = Set.of("textfield", "textarea", "number", "checkbox", "checklist",
      "taglist", "radio", "select", "datetime");
  /** Items of a checklist or taglist without a limit of its own. */
  static final int LIST_MAX = Limits.LIST;
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern TIME = Pattern.compile(
      "(\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?)(Z|[+-]\\d{2}:\\d{2})?");
  private static final Set<String> PLAIN_JSON_TYPES = Set.of("java.util.LinkedHashMap", "java.util.HashMap",
      "java.util.ArrayList", "java.util.LinkedList");

  /**
   * One input field: its path ("a" or "a.b.c"), type, and the limits of its value; {@code choices}
   * are the fixed values of a radio, select or checklist (empty when its options come from a
   * variable or an expression), {@code decimalDigits} how many digits a number may have after
   * the point (null: any); {@code required} whether the form requires it always (required, and
   * neither it nor a group around it is ever hidden).
   */
  record Field(String path, String type, String subtype, boolean readonly, Integer maxLength,
      Double min, Double max, List<String> choices, Integer decimalDigits, boolean required) {

    String root() {
      int dot = path.indexOf('.');
      return dot < 0 ? path : path.substring(0, dot);
    }

    boolean nested() {
      return path.indexOf('.') >= 0;
    }
  }

  private final String formId;
  private final Map<String, Field> fields;
  private final Set<String> roots = new HashSet<>();

  private FormContract(String formId, Map<String, Field> fields) {
    this.formId = formId;
    this.fields = fields;
    fields.values().forEach(f -> roots.add(f.root()));
  }

  /** No form at all: nothing may be written. */
  static FormContract none() {
    return new FormContract(null, Map.of());
  }

  static FormContract parse(InputStream form) throws IOException {
    JsonNode schema = JSON.readTree(form);
    Map<String, Field> fields = new LinkedHashMap<>();
    collect(schema.path("components"), fields, false);
    return new FormContract(schema.path("id").asText(null), fields);
  }

  String formId() {
    return formId;
  }

  Map<String, Field> fields() {
    return fields;
  }

  /** {@link #check(Map, String, Function)} of a start, where nothing is filled yet. */
  void check(Map<String, Object> submission, String what) {
    check(submission, what, name -> null);
  }

  /**
   * Checks a submission against the form, dropping what read-only fields sent back. Refuses it as a
   * whole, naming each field, when it sets anything the form does not declare or a value of the
   * wrong type or size, or leaves empty a field the form always requires (its value is the
   * submitted one, else what {@code current} holds: a task's form shows the case's variables, and
   * a submission may leave them as they are). {@code submission} must be mutable (the REST API's
   * maps are).
   */
  void check(Map<String, Object> submission, String what, Function<String, Object> current) {
    List<Refusal.Problem> problems = new ArrayList<>();
    for (Field field : fields.values()) {
      if (field.required() && !field.nested()) {
        Object value = submission.containsKey(field.path())
            ? (submission instanceof VariableMap typed ? typed.getValueTyped(field.path()) : submission.get(field.path()))
            : current.apply(field.path());
        if (empty(value)) {
          problems.add(new Refusal.Problem(field.path(), "obligatoire"));
        }
      }
    }
    for (String name : List.copyOf(submission.keySet())) {
      if (!roots.contains(name)) {
        problems.add(new Refusal.Problem(name, "ce champ n'appartient pas au formulaire : il ne peut pas être écrit"));
        continue;
      }
      Field field = fields.get(name);
      Object value = submission instanceof VariableMap typed ? typed.getValueTyped(name) : submission.get(name);
      if (field != null && !field.nested()) {
        if (field.readonly()) {
          submission.remove(name);
        } else {
          checkValue(field, plain(value, name, problems), problems);
        }
      } else {
        checkNested(name, value, submission, problems);
      }
    }
    if (!problems.isEmpty()) {
      throw Refusal.ofFields(what, problems);
    }
  }

  /** A JSON object whose leaves are this form's fields under {@code root}. */
  private void checkNested(String root, Object value, Map<String, Object> submission, List<Refusal.Problem> problems) {
    Object plain = plain(value, root, problems);
    if (plain == null) {
      return;
    }
    JsonNode tree = JSON.valueToTree(plain);
    if (!tree.isObject()) {
      problems.add(new Refusal.Problem(root, "objet attendu"));
      return;
    }
    boolean dropped = walk(root, (ObjectNode) tree, problems);
    if (dropped) {
      submission.put(root, SpinValues.jsonValue(tree.toString()).create());
    }
  }

  /** Checks each leaf of {@code node} (at {@code path}); removes read-only leaves. Returns whether any was removed. */
  private boolean walk(String path, ObjectNode node, List<Refusal.Problem> problems) {
    boolean dropped = false;
    for (String name : names(node)) {
      String child = path + "." + name;
      JsonNode value = node.get(name);
      Field field = fields.get(child);
      if (field != null) {
        if (field.readonly()) {
          node.remove(name);
          dropped = true;
        } else {
          checkValue(field, JSON.convertValue(value, Object.class), problems);
        }
      } else if (value.isObject() && fields.keySet().stream().anyMatch(k -> k.startsWith(child + "."))) {
        dropped |= walk(child, (ObjectNode) value, problems);
      } else {
        problems.add(new Refusal.Problem(child, "ce champ n'appartient pas au formulaire : il ne peut pas être écrit"));
      }
    }
    return dropped;
  }

  private static void checkValue(Field field, Object value, List<Refusal.Problem> problems) {
    if (value == null) {
      return;
    }
    String problem = switch (field.type()) {
      case "textfield", "textarea" -> text(field, value);
      case "number" -> number(field, value);
      case "checkbox" -> value instanceof Boolean ? null : "vrai ou faux attendu";
      case "radio", "select" -> choice(field, value);
      case "checklist", "taglist" -> choices(field, value);
      case "datetime" -> moment(field, value);
      default -> null;
    };
    if (problem != null) {
      problems.add(new Refusal.Problem(field.path(), problem));
    }
  }

  private static String text(Field field, Object value) {
    if (!(value instanceof String text)) {
      return "texte attendu";
    }
    int max = field.maxLength() != null ? field.maxLength()
        : "textarea".equals(field.type()) ? TEXTAREA_MAX : TEXTFIELD_MAX;
    return Limits.textProblem(text, max);
  }

  private static String number(Field field, Object value) {
    double number;
    if (value instanceof Number n) {
      number = n.doubleValue();
    } else if (value instanceof String s && s.strip().matches("-?\\d{1,15}([.,]\\d{1,9})?")) {
      number = Double.parseDouble(s.strip().replace(',', '.'));
    } else {
      return "nombre attendu";
    }
    if (Double.isNaN(number) || Double.isInfinite(number)) {
      return "nombre attendu";
    }
    double min = field.min() != null ? field.min() : -Limits.NUMBER;
    double max = field.max() != null ? field.max() : Limits.NUMBER;
    if (number < min) {
      return "au moins " + format(min);
    }
    if (number > max) {
      return "au plus " + format(max);
    }
    if (field.decimalDigits() != null && !hasAtMostDecimals(number, field.decimalDigits())) {
      return field.decimalDigits() == 0 ? "nombre entier attendu"
          : "au plus " + field.decimalDigits() + " chiffre(s) après la virgule";
    }
    return null;
  }

  private static boolean hasAtMostDecimals(double number, int digits) {
    double scaled = number * Math.pow(10, digits);
    return Math.abs(scaled - Math.rint(scaled)) < 1e-6;
  }

  /**
   * One choice: one of the form's fixed values, when it has some; else its value is the
   * procedure's to judge (options from a variable: its validators name the field in their own words).
   */
  private static String choice(Field field, Object value) {
    if (!(value instanceof String text) || text.length() > TEXTFIELD_MAX) {
      return "choix attendu";
    }
    String characters = Limits.characterProblem(text);
    if (characters != null) {
      return characters;
    }
    if (!field.choices().isEmpty() && !text.isEmpty() && !field.choices().contains(text)) {
      // a long list (the clients of the registry) is the form's to show, not the refusal's
      return "choix inconnu " + Limits.quote(text) + (field.choices().size() > 10 ? ""
          : " ; choix possibles : " + String.join(", ", field.choices()));
    }
    return null;
  }

  /** Several choices: a list, or its JSON text (what a REST client sends without "type": "Json"). */
  private static String choices(Field field, Object value) {
    Object list = value;
    if (value instanceof String text && text.strip().startsWith("[")) {
      try {
        list = JSON.readValue(text, Object.class);
      } catch (JsonProcessingException e) {
        return "liste illisible";
      }
    }
    if (!(list instanceof Collection<?> items)) {
      return "liste attendue";
    }
    String tooLong = Limits.listProblem(items, LIST_MAX);
    if (tooLong != null) {
      return tooLong;
    }
    for (Object item : items) {
      String problem = choice(field, item);
      if (problem != null) {
        return item instanceof String ? problem : "liste de choix attendue";
      }
    }
    return null;
  }

  private static String moment(Field field, Object value) {
    if (!(value instanceof String text)) {
      return "date ou heure attendue";
    }
    boolean ok = switch (field.subtype() == null ? "date" : field.subtype()) {
      case "time" -> isTime(text);
      case "datetime" -> text.length() > 10 && text.charAt(10) == 'T' && isDay(text.substring(0, 10))
          && isTime(text.substring(11));
      default -> isDay(text);
    };
    return ok ? null : "date ou heure mal formée ou inexistante";
  }

  /** A day of the calendar, written yyyy-MM-dd (not 2026-02-30). */
  private static boolean isDay(String text) {
    if (!DATE.matcher(text).matches()) {
      return false;
    }
    try {
      LocalDate.parse(text);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  /** A time of day (not 25:00), with an offset that exists if there is one. */
  private static boolean isTime(String text) {
    var time = TIME.matcher(text);
    if (!time.matches()) {
      return false;
    }
    try {
      LocalTime.parse(time.group(1));
      if (time.group(2) != null) {
        ZoneOffset.of(time.group(2));
      }
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  /**
   * The plain Java value of what the REST API made of the submitted JSON: a String, Boolean, Number,
   * or for Json values (lists, objects) a Map / List. Anything else (serialized Java objects,
   * files, bytes) is refused.
   */
  private static Object plain(Object value, String name, List<Refusal.Problem> problems) {
    if (value instanceof SpinJsonNode json) {
      return readJson(json.toString(), name, problems);
    }
    if (!(value instanceof TypedValue typed)) {
      return value instanceof Map || value instanceof Collection ? JSON.convertValue(value, Object.class) : value;
    }
    if (typed instanceof JsonValue || typed instanceof ObjectValue) {
      SerializableValue serializable = (SerializableValue) typed;
      if (typed instanceof ObjectValue object && (!"application/json".equals(object.getSerializationDataFormat())
          || object.getObjectTypeName() == null || !PLAIN_JSON_TYPES.contains(object.getObjectTypeName()))) {
        problems.add(new Refusal.Problem(name, "type de valeur non admis"));
        return null;
      }
      String text = serializable.isDeserialized() ? String.valueOf(serializable.getValue()) : serializable.getValueSerialized();
      return text == null ? null : readJson(text, name, problems);
    }
    Object plain = typed.getValue();
    if (plain == null || plain instanceof String || plain instanceof Boolean || plain instanceof Number) {
      return plain;
    }
    problems.add(new Refusal.Problem(name, "type de valeur non admis"));
    return null;
  }

  private static Object readJson(String text, String name, List<Refusal.Problem> problems) {
    try {
      return JSON.readValue(text, Object.class);
    } catch (JsonProcessingException e) {
      problems.add(new Refusal.Problem(name, "valeur JSON illisible"));
      return null;
    }
  }

  /** Nothing there: no value, blank text, an empty list or object. */
  private static boolean empty(Object value) {
    Object plain = value instanceof TypedValue typed && !(typed instanceof SerializableValue) ? typed.getValue() : value;
    if (plain instanceof SerializableValue serializable) {
      plain = serializable.isDeserialized() ? serializable.getValue() : serializable.getValueSerialized();
      if (plain instanceof String json) {
        String text = json.strip();
        return text.isEmpty() || text.equals("null") || text.equals("[]") || text.equals("{}") || text.equals("\"\"");
      }
    }
    if (plain instanceof SpinJsonNode json) {
      return json.isNull() || (json.isArray() && json.elements().isEmpty()) || (json.isString() && json.stringValue().isBlank());
    }
    return plain == null || (plain instanceof CharSequence text && text.toString().isBlank())
        || (plain instanceof Collection<?> list && list.isEmpty()) || (plain instanceof Map<?, ?> map && map.isEmpty());
  }

  private static void collect(JsonNode components, Map<String, Field> fields, boolean hidden) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      String key = component.path("key").asText(null);
      boolean conditional = hidden || component.has("conditional");
      if (key != null && INPUT_TYPES.contains(type)) {
        fields.put(key, field(key, type, component, conditional));
      }
      collect(component.path("components"), fields, conditional);
    }
  }

  private static Field field(String key, String type, JsonNode component, boolean conditional) {
    JsonNode validate = component.path("validate");
    boolean readonly = component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false);
    List<String> choices = new ArrayList<>();
    if (!component.has("valuesKey") && !component.has("valuesExpression")) {
      component.path("values").forEach(v -> choices.add(v.path("value").asText()));
    }
    return new Field(key, type, component.path("subtype").asText(null), readonly,
        validate.has("maxLength") ? validate.path("maxLength").asInt() : null,
        validate.has("min") ? validate.path("min").asDouble() : null,
        validate.has("max") ? validate.path("max").asDouble() : null, List.copyOf(choices),
        component.has("decimalDigits") ? component.path("decimalDigits").asInt() : null,
        validate.path("required").asBoolean(false) && !readonly && !conditional);
  }

  private static String format(double number) {
    return number == Math.rint(number) ? String.valueOf((long) number) : String.valueOf(number);
  }

  private static List<String> names(ObjectNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
