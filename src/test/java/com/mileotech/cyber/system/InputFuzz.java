package com.mileotech.cyber.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mileotech.cyber.TestUsers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Malformed input, sent over HTTP to the running application, and what must follow (issue 15):
 * never a 500, never a stack trace, SQL or English exception text; a 400 naming the field (or
 * 403/404/409 where the case says so); and nothing written — no row of the register, no process
 * instance, no variable, no task completed, no reference spent.
 *
 * <p>Deterministic: every input is built from the forms and the cases themselves, no randomness,
 * no timing. The fuzz tests of each feature (incident, notification, commissioning, update, the
 * API at large) drive their cases to the tasks and hand each input to {@link #send}; failures are
 * collected, so that one run lists them all.
 */
public final class InputFuzz {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Engine tables whose rows change whenever a command does anything at all (history level full). */
  private static final List<String> ENGINE_TABLES = List.of("ACT_RU_EXECUTION", "ACT_RU_TASK", "ACT_RU_VARIABLE",
      "ACT_RU_JOB", "ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST", "ACT_HI_VARINST", "ACT_HI_DETAIL",
      "ACT_HI_OP_LOG", "ACT_GE_BYTEARRAY");

  /** Words of the messages of Java, Jackson, Camunda, SQL: none may reach a person. */
  private static final Pattern ENGLISH = Pattern.compile(
      "(?i)\\b(the|must|cannot|can't|not|failed|unexpected|unrecognized|error|exception|invalid|value|deserialize|"
          + "unsupported|unknown|should|expected|type id|null)\\b|java\\.|org\\.|ENGINE-\\d|\\bSQL\\b|insert into|"
          + "\\[Source|line: \\d|\tat ");

  private final int port;
  private final JdbcClient jdbc;
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<String> failures = new ArrayList<>();
  private final List<String> recordTables;
  private int sent;
  private String countAll;

  public InputFuzz(int port, JdbcClient jdbc) {
    this.port = port;
    this.jdbc = jdbc;
    this.recordTables = jdbc.sql("""
        select table_name from information_schema.tables
        where table_schema = 'PUBLIC' and table_type = 'BASE TABLE'
          and table_name not like 'ACT_%' and table_name <> 'flyway_schema_history'
        order by table_name""").query(String.class).list();
  }

  // ------------------------------------------------------------------ one input

  /** An HTTP call with a malformed input: what is sent, and what answer is acceptable. */
  public record Input(String label, String user, String method, String path, String body, String field,
      Set<Integer> statuses) {

    /** The same, answered by one of {@code statuses} instead of 400. */
    public Input answeredBy(Integer... accepted) {
      return new Input(label, user, method, path, body, field, Set.of(accepted));
    }

    /** The same, without asking that a field be named (a body that cannot be read at all). */
    public Input namingNoField() {
      return new Input(label, user, method, path, body, null, statuses);
    }
  }

  public static Input input(String label, String user, String method, String path, String body, String field) {
    return new Input(label, user, method, path, body, field, Set.of(400));
  }

  /**
   * Sends the input and checks its answer and that nothing was written; {@code state} reads what
   * the call could change beyond the tables (a task's variables, a register row), compared before
   * and after (null: the tables only).
   */
  public void send(Input input, Supplier<?> state) {
    Map<String, Long> before = writes();
    Object stateBefore = state == null ? null : state.get();
    HttpResponse<String> answer = call(input);
    sent++;
    List<String> problems = new ArrayList<>(judge(input, answer));
    Map<String, Long> after = writes();
    before.forEach((table, rows) -> {
      if (!Objects.equals(rows, after.get(table))) {
        problems.add("wrote " + table + " (" + rows + " -> " + after.get(table) + ")");
      }
    });
    if (state != null && !Objects.equals(stateBefore, state.get())) {
      problems.add("changed the case's state");
    }
    if (!problems.isEmpty()) {
      failures.add(input.method() + " " + shorten(input.path(), 120) + " [" + input.label() + "] as " + input.user()
          + ": " + String.join("; ", problems) + "\n      answer " + answer.statusCode() + " "
          + shorten(answer.body(), 400));
    }
  }

  public void send(Input input) {
    send(input, null);
  }

  public void sendAll(List<Input> inputs, Supplier<?> state) {
    inputs.forEach(i -> send(i, state));
  }

  /**
   * Every malformed submission of a task's form ({@link #formInputs}) through /engine-rest, as
   * {@code user} (one of its candidates). Fails at once when one was not refused cleanly: the case
   * may have moved on, what follows would not say more.
   */
  public void task(String formId, String user, String taskId, Supplier<?> state) {
    sendAll(formInputs(formId, user, "/engine-rest/task/" + taskId + "/submit-form"), state);
    if (!failures.isEmpty()) {
      assertNoFailures(0);
    }
  }

  /** A case as a submission could change it: its open tasks, its variables, and what {@code registers} read. */
  public static Supplier<Object> caseState(ProcessEngine engine, String processInstanceId, Supplier<?>... registers) {
    return () -> {
      Map<String, Object> state = new TreeMap<>();
      engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).list()
          .forEach(t -> state.put("task " + t.getTaskDefinitionKey(), t.getId() + " " + t.getAssignee()));
      engine.getRuntimeService().getVariables(processInstanceId).forEach((k, v) -> state.put(k, String.valueOf(v)));
      for (int i = 0; i < registers.length; i++) {
        state.put("register " + i, registers[i].get());
      }
      return state;
    };
  }

  public int sent() {
    return sent;
  }

  public List<String> failures() {
    return failures;
  }

  /** Fails with every failure seen (and how many inputs were sent), or not at all. */
  public void assertNoFailures(int atLeast) {
    if (!failures.isEmpty()) {
      throw new AssertionError(failures.size() + " of " + sent + " malformed inputs were not refused cleanly:\n  "
          + String.join("\n  ", failures));
    }
    if (sent < atLeast) {
      throw new AssertionError("only " + sent + " malformed inputs sent, at least " + atLeast + " expected");
    }
    System.out.println("InputFuzz: " + sent + " malformed inputs, each refused cleanly, nothing written");
  }

  private List<String> judge(Input input, HttpResponse<String> answer) {
    List<String> problems = new ArrayList<>();
    int status = answer.statusCode();
    String body = answer.body() == null ? "" : answer.body();
    if (status >= 500) {
      problems.add("server error " + status);
    } else if (!input.statuses().contains(status)) {
      problems.add("status " + status + ", expected " + input.statuses());
    }
    JsonNode json = null;
    try {
      json = body.isBlank() ? null : JSON.readTree(body);
    } catch (JsonProcessingException e) {
      problems.add("answer is not JSON");
    }
    String message = json == null ? body : json.path("message").asText("");
    if (json != null && !json.has("message") && status >= 400) {
      problems.add("answer without a message");
    }
    List<String> texts = new ArrayList<>(List.of(message));
    if (json != null) {
      json.path("errors").forEach(e -> texts.add(e.path("message").asText("")));
    }
    for (String text : texts) {
      var english = ENGLISH.matcher(withoutQuotedInput(text));
      if (english.find()) {
        problems.add("English or technical text « " + english.group() + " » in « " + shorten(text, 160) + " »");
        break;
      }
    }
    if (status == 400 && input.field() != null && !namesField(json, message, input.field())) {
      problems.add("400 that does not name " + input.field());
    }
    return problems;
  }

  /** Our API lists the fields in errors[].field; the engine's API names them in its message. */
  private static boolean namesField(JsonNode json, String message, String field) {
    if (json != null && json.has("errors")) {
      for (JsonNode error : json.path("errors")) {
        String named = error.path("field").asText("");
        if (named.equals(field) || named.startsWith(field + ".") || named.startsWith(field + "[")
            || field.startsWith(named + ".") || field.startsWith(named + "[")) {
          return true;
        }
      }
    }
    return message.contains(field);
  }

  /**
   * What the answer quotes back of the input (« … ») is the caller's text, not the server's; the
   * codes it lists as admitted values are the API's own (pending, sent, failed…).
   */
  private static String withoutQuotedInput(String text) {
    return text.replaceAll("«[^»]*»", "«»").replaceAll("(valeurs admises|choix possibles|types admis) ?:[^;»]*", "");
  }

  private HttpResponse<String> call(Input input) {
    String password = TestUsers.ADMIN.equals(input.user()) ? TestUsers.ADMIN_PASSWORD : TestUsers.PASSWORD;
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + input.path()))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((input.user() + ":" + password).getBytes(StandardCharsets.UTF_8)));
    if (input.body() == null) {
      request.method(input.method(), HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json")
          // a lone surrogate cannot be encoded in UTF-8: sent as the JSON escape a client would write
          .method(input.method(), HttpRequest.BodyPublishers.ofString(input.body().replace("\ud800", "\\ud800"),
              StandardCharsets.UTF_8));
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Rows of every table of the register and of the engine's runtime and history, and the references handed out. */
  public Map<String, Long> writes() {
    if (countAll == null) {
      StringBuilder sql = new StringBuilder();
      for (String table : recordTables) {
        sql.append(sql.isEmpty() ? "" : " union all ").append("select '").append(table).append("', count(*) from \"")
            .append(table).append('"');
      }
      for (String table : ENGINE_TABLES) {
        sql.append(" union all select '").append(table).append("', count(*) from ").append(table);
      }
      sql.append(" union all select 'references handed out', coalesce(sum(last_value), 0) from reference_counter");
      countAll = sql.toString();
    }
    Map<String, Long> rows = new TreeMap<>();
    jdbc.sql(countAll).query((rs, n) -> rows.put(rs.getString(1), rs.getLong(2))).list();
    return rows;
  }

  // ------------------------------------------------------------------ inputs of a form

  /** One input field of a Camunda Form (readonly ones are not inputs). */
  public record FormField(String key, String type, String subtype, Integer maxLength, Double min, Double max,
      List<String> values) {

    String root() {
      int dot = key.indexOf('.');
      return dot < 0 ? key : key.substring(0, dot);
    }

    boolean nested() {
      return key.indexOf('.') >= 0;
    }

    /** The path under the root: "SRV_06.criticalPatchDelayHours". */
    String path() {
      return key.substring(key.indexOf('.') + 1);
    }

    String leaf() {
      return key.substring(key.lastIndexOf('.') + 1);
    }

    int textLimit() {
      return maxLength != null ? maxLength : "textarea".equals(type) ? 4000 : 500;
    }
  }

  /** The input fields of forms/{id}.form, in order. */
  public static List<FormField> fields(String formId) {
    try {
      JsonNode form = JSON.readTree(Path.of("forms", formId + ".form").toFile());
      List<FormField> fields = new ArrayList<>();
      collect(form.path("components"), fields);
      return fields;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void collect(JsonNode components, List<FormField> fields) {
    for (JsonNode c : components) {
      String type = c.path("type").asText();
      String key = c.path("key").asText(null);
      boolean readonly = c.path("readonly").asBoolean(false) || c.path("disabled").asBoolean(false);
      if (key != null && !readonly && Set.of("textfield", "textarea", "number", "checkbox", "checklist", "taglist",
          "radio", "select", "datetime").contains(type)) {
        JsonNode validate = c.path("validate");
        List<String> values = new ArrayList<>();
        c.path("values").forEach(v -> values.add(v.path("value").asText()));
        fields.add(new FormField(key, type, c.path("subtype").asText(null),
            validate.has("maxLength") ? validate.path("maxLength").asInt() : null,
            validate.has("min") ? validate.path("min").asDouble() : null,
            validate.has("max") ? validate.path("max").asDouble() : null, values));
      }
      collect(c.path("components"), fields);
    }
  }

  /**
   * Malformed submissions of a form, each to {@code path} (a task's or a process definition's
   * submit-form) as {@code user}: per field, values of the wrong type, size, range or format; for
   * the form, bodies and variables the REST API cannot read, unknown fields, nothing and nulls.
   * Fields under one JSON root are sampled: one of each leaf name.
   */
  public static List<Input> formInputs(String formId, String user, String path) {
    List<FormField> fields = fields(formId);
    List<Input> inputs = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (FormField field : fields) {
      if (field.nested() && !seen.add(field.root() + "/" + field.leaf())) {
        continue;
      }
      for (Map.Entry<String, JsonNode> bad : badValues(field).entrySet()) {
        inputs.add(input(formId + " " + field.key() + " : " + bad.getKey(), user, "POST", path,
            body(variable(field, bad.getValue())), field.key()));
      }
    }
    String first = fields.get(0).root();
    String label = formId + " ";
    fields.stream().filter(f -> List.of("textfield", "textarea").contains(f.type())).findFirst().ifPresent(text -> {
      inputs.add(input(label + text.key() + " : 100 000 caractères", user, "POST", path,
          body(variable(text, typedValue(longText(100_000), "String"))), text.key()));
      inputs.add(input(label + text.key() + " : booléen", user, "POST", path,
          body(variable(text, typedValue(NODES.booleanNode(true), "Boolean"))), text.key()));
    });
    inputs.add(input(label + "corps illisible", user, "POST", path, "{\"variables\": {", null));
    inputs.add(input(label + "variables en liste", user, "POST", path, "{\"variables\": [1, 2]}", null));
    inputs.add(input(label + "type inconnu", user, "POST", path, body(typed(first, "x", "Foo")), first));
    inputs.add(input(label + "entier illisible", user, "POST", path, body(typed(first, "abc", "Integer")), first));
    inputs.add(input(label + "date illisible", user, "POST", path, body(typed(first, "demain", "Date")), first));
    inputs.add(input(label + "JSON illisible", user, "POST", path, body(typed(first, "{\"a\": [", "Json")), first));
    ObjectNode java = typed(first, "rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcA==", "Object");
    ((ObjectNode) java.get(first)).set("valueInfo", NODES.objectNode()
        .put("objectTypeName", "java.util.HashMap")
        .put("serializationDataFormat", "application/x-java-serialized-object"));
    inputs.add(input(label + "objet Java sérialisé", user, "POST", path, body(java), first));
    inputs.add(input(label + "champ inconnu", user, "POST", path, body(typed("champInconnu", "x", "String")),
        "champInconnu"));
    inputs.add(input(label + "rien", user, "POST", path, body(NODES.objectNode()), null));
    ObjectNode nulls = NODES.objectNode();
    fields.stream().map(FormField::root).distinct().forEach(root -> nulls.set(root, NODES.objectNode().putNull("value")));
    inputs.add(input(label + "tout à null", user, "POST", path, body(nulls), null));
    return inputs;
  }

  /** The malformed values of a field, by what they try. */
  static Map<String, JsonNode> badValues(FormField field) {
    Map<String, JsonNode> bad = new LinkedHashMap<>();
    switch (field.type()) {
      case "textfield", "textarea" -> {
        bad.put("texte trop long", typedValue(longText(field.textLimit() + 1), "String"));
        bad.put("nombre", typedValue(NODES.numberNode(42), "Integer"));
        bad.put("objet imbriqué", json("{\"a\": {\"b\": [1, {\"c\": null}]}}"));
        bad.put("caractère nul", typedValue(NODES.textNode("avant\u0000après"), "String"));
        bad.put("séquence d'échappement", typedValue(NODES.textNode("rouge\u001b[31m"), "String"));
        bad.put("demi-caractère UTF-16", typedValue(NODES.textNode("abc\ud800"), "String"));
      }
      case "number" -> {
        bad.put("texte", typedValue(NODES.textNode("douze"), "String"));
        bad.put("NaN", typedValue(NODES.textNode("NaN"), "String"));
        bad.put("chiffres et lettres", typedValue(NODES.textNode("12abc"), "String"));
        bad.put("énorme", typedValue(NODES.numberNode(1e30), "Double"));
        bad.put("hors des entiers", typedValue(NODES.numberNode(3_000_000_000L), "Long"));
        if (field.min() != null) {
          bad.put("sous le minimum", typedValue(NODES.numberNode(field.min() - 1), "Double"));
        }
        if (field.max() != null) {
          bad.put("au-dessus du maximum", typedValue(NODES.numberNode(field.max() + 1), "Double"));
        }
        bad.put("booléen", typedValue(NODES.booleanNode(true), "Boolean"));
        bad.put("liste", json("[1]"));
      }
      case "checkbox" -> {
        bad.put("texte", typedValue(NODES.textNode("oui"), "String"));
        bad.put("nombre", typedValue(NODES.numberNode(1), "Integer"));
        bad.put("liste", json("[true]"));
      }
      case "radio", "select" -> {
        if (!field.values().isEmpty()) {
          bad.put("valeur inconnue", typedValue(NODES.textNode("valeur-inconnue"), "String"));
        }
        bad.put("texte trop long", typedValue(longText(600), "String"));
        bad.put("nombre", typedValue(NODES.numberNode(7), "Integer"));
        bad.put("liste", json("[\"a\", \"b\"]"));
        bad.put("objet", json("{\"value\": \"x\"}"));
        bad.put("caractère nul", typedValue(NODES.textNode("a\u0000"), "String"));
      }
      case "checklist", "taglist" -> {
        bad.put("liste illisible", typedValue(NODES.textNode("[\"a\", "), "String"));
        bad.put("liste trop longue", json(JSON.valueToTree(java.util.stream.IntStream.range(0, 300)
            .mapToObj(i -> "v" + i).toList()).toString()));
        bad.put("listes imbriquées", json("[[{\"a\": []}]]"));
        bad.put("nombres", json("[1, 2]"));
        bad.put("pas une liste", typedValue(NODES.textNode("texte"), "String"));
        bad.put("objet", json("{\"a\": 1}"));
        if (!field.values().isEmpty()) {
          bad.put("valeur inconnue", json("[\"valeur-inconnue\"]"));
        }
      }
      case "datetime" -> {
        String time = "date".equals(field.subtype()) || field.subtype() == null ? "" : "T10:00";
        bad.put("mot", typedValue(NODES.textNode("demain"), "String"));
        bad.put("30 février", typedValue(NODES.textNode("2026-02-30" + time), "String"));
        bad.put("mois 13", typedValue(NODES.textNode("2026-13-01" + time), "String"));
        bad.put("format français", typedValue(NODES.textNode("30/03/2026" + (time.isEmpty() ? "" : " 10:00")), "String"));
        if (!time.isEmpty()) {
          bad.put("25 heures", typedValue(NODES.textNode("2026-03-02T25:00"), "String"));
        }
        bad.put("secondes depuis 1970", typedValue(NODES.numberNode(1_772_438_400L), "Long"));
        bad.put("liste", json("[\"2026-03-02\"]"));
      }
      default -> { }
    }
    return bad;
  }

  /** {"value": v, "type": t} */
  static JsonNode typedValue(JsonNode value, String type) {
    return NODES.objectNode().<ObjectNode>set("value", value).put("type", type);
  }

  /** A Json variable whose value is this JSON text. */
  static JsonNode json(String text) {
    return NODES.objectNode().put("value", text).put("type", "Json");
  }

  /** The variables that set {@code field} to {@code bad} (a leaf of a JSON root: its root, with only that leaf). */
  static ObjectNode variable(FormField field, JsonNode bad) {
    ObjectNode variables = NODES.objectNode();
    if (!field.nested()) {
      variables.set(field.key(), bad);
      return variables;
    }
    ObjectNode root = NODES.objectNode();
    ObjectNode at = root;
    String[] steps = field.path().split("\\.");
    for (int i = 0; i < steps.length - 1; i++) {
      at = at.putObject(steps[i]);
    }
    JsonNode leaf = bad.path("value");
    if ("Json".equals(bad.path("type").asText())) {
      try {
        leaf = JSON.readTree(leaf.asText());
      } catch (JsonProcessingException e) {
        leaf = NODES.textNode(leaf.asText());
      }
    }
    at.set(steps[steps.length - 1], leaf);
    variables.set(field.root(), NODES.objectNode().put("value", root.toString()).put("type", "Json"));
    return variables;
  }

  static ObjectNode typed(String name, String value, String type) {
    ObjectNode variables = NODES.objectNode();
    variables.set(name, NODES.objectNode().put("value", value).put("type", type));
    return variables;
  }

  /** {"variables": …} */
  public static String body(JsonNode variables) {
    return NODES.objectNode().set("variables", variables).toString();
  }

  /** Text of {@code length} characters, accents included (a limit counts characters, not bytes). */
  public static JsonNode longText(int length) {
    return NODES.textNode("é".repeat(length));
  }

  // ------------------------------------------------------------------ inputs of a JSON body of our API

  /**
   * Malformed variants of a valid JSON body of our API: each leaf (and each list) replaced by a
   * value of the wrong type, size or format, as {@code kinds} says what the leaf is; required
   * leaves also set to null and left out. The body itself: not JSON, not an object, empty.
   */
  public static List<Input> bodyInputs(String label, String user, String method, String path, JsonNode valid,
      Map<String, Leaf> kinds) {
    List<Input> inputs = new ArrayList<>();
    kinds.forEach((at, leaf) -> {
      for (Map.Entry<String, JsonNode> bad : leaf.badValues().entrySet()) {
        inputs.add(input(label + " " + at + " : " + bad.getKey(), user, method, path,
            replaced(valid, at, bad.getValue()).toString(), at));
      }
      if (leaf.required()) {
        inputs.add(input(label + " " + at + " : null", user, method, path, replaced(valid, at, NODES.nullNode()).toString(), at));
      }
    });
    inputs.add(input(label + " corps illisible", user, method, path, "{\"a\": ", null));
    inputs.add(input(label + " corps en liste", user, method, path, "[" + valid + "]", null));
    inputs.add(input(label + " corps vide", user, method, path, "", null));
    inputs.add(input(label + " champ inconnu seul", user, method, path, "{\"inconnu\": {\"a\": [1, 2]}}", null));
    inputs.add(input(label + " profondément imbriqué", user, method, path, "[".repeat(2000) + "]".repeat(2000), null));
    return inputs;
  }

  /** What one leaf of a body is, for its malformed values. */
  public record Leaf(Map<String, JsonNode> badValues, boolean required) {

    public static Leaf text(int max, boolean required) {
      Map<String, JsonNode> bad = new LinkedHashMap<>();
      bad.put("texte trop long", longText(max + 1));
      bad.put("100 000 caractères", longText(100_000));
      bad.put("nombre", NODES.numberNode(42));
      bad.put("objet", JSON.createObjectNode().put("a", 1));
      bad.put("liste", NODES.arrayNode().add("a"));
      bad.put("caractère nul", NODES.textNode("avant\u0000après"));
      bad.put("séquence d'échappement", NODES.textNode("rouge\u001b[31m"));
      if (required) {
        bad.put("blanc", NODES.textNode("   "));
      }
      return new Leaf(bad, required);
    }

    /** A code of a fixed list. */
    public static Leaf code(boolean required) {
      Map<String, JsonNode> bad = new LinkedHashMap<>();
      bad.put("valeur inconnue", NODES.textNode("valeur-inconnue"));
      bad.put("texte trop long", longText(5000));
      bad.put("nombre", NODES.numberNode(3));
      bad.put("liste", NODES.arrayNode().add("a"));
      bad.put("caractère nul", NODES.textNode("a\u0000"));
      return new Leaf(bad, required);
    }

    public static Leaf list(int max, JsonNode validItem, boolean required) {
      Map<String, JsonNode> bad = new LinkedHashMap<>();
      ArrayNode huge = NODES.arrayNode();
      for (int i = 0; i < Math.max(max + 1, 3000); i++) {
        huge.add(validItem.isTextual() ? NODES.textNode(validItem.asText() + i) : validItem.deepCopy());
      }
      bad.put("liste trop longue", huge);
      bad.put("texte", NODES.textNode("pas une liste"));
      bad.put("objet", JSON.createObjectNode().put("a", 1));
      bad.put("listes imbriquées", NODES.arrayNode().add(NODES.arrayNode().add(NODES.objectNode())));
      bad.put("élément null", NODES.arrayNode().addNull());
      bad.put("élément trop long", NODES.arrayNode().add(longText(5000)));
      if (required) {
        bad.put("vide", NODES.arrayNode());
      }
      return new Leaf(bad, required);
    }

    public static Leaf bool(boolean required) {
      Map<String, JsonNode> bad = new LinkedHashMap<>();
      bad.put("texte", NODES.textNode("oui"));
      bad.put("nombre", NODES.numberNode(1));
      bad.put("liste", NODES.arrayNode().add(true));
      return new Leaf(bad, required);
    }

    public static Leaf instant(boolean required) {
      Map<String, JsonNode> bad = new LinkedHashMap<>();
      bad.put("mot", NODES.textNode("demain"));
      bad.put("30 février", NODES.textNode("2026-02-30T10:00:00+01:00"));
      bad.put("sans décalage", NODES.textNode("2026-03-02 10:00"));
      bad.put("secondes depuis 1970", NODES.numberNode(1_772_438_400L));
      bad.put("an 10000", NODES.textNode("+10000-01-01T00:00:00Z"));
      bad.put("futur lointain", NODES.textNode("2999-01-01T00:00:00Z"));
      bad.put("objet", JSON.createObjectNode().put("a", 1));
      return new Leaf(bad, required);
    }

    public static Leaf day(boolean required) {
      Map<String, JsonNode> bad = new LinkedHashMap<>();
      bad.put("mot", NODES.textNode("demain"));
      bad.put("30 février", NODES.textNode("2026-02-30"));
      bad.put("format français", NODES.textNode("30/03/2026"));
      bad.put("nombre", NODES.numberNode(20260330));
      return new Leaf(bad, required);
    }
  }

  /** A copy of {@code body} with the value at {@code path} ("a.b[0].c") replaced. */
  static JsonNode replaced(JsonNode body, String path, JsonNode value) {
    JsonNode copy = body.deepCopy();
    List<Object> steps = new ArrayList<>();
    for (String part : path.split("\\.")) {
      int bracket = part.indexOf('[');
      steps.add(bracket < 0 ? part : part.substring(0, bracket));
      while (bracket >= 0) {
        int close = part.indexOf(']', bracket);
        steps.add(Integer.parseInt(part.substring(bracket + 1, close)));
        bracket = part.indexOf('[', close);
      }
    }
    JsonNode at = copy;
    for (int i = 0; i < steps.size() - 1; i++) {
      Object step = steps.get(i);
      at = step instanceof Integer index ? at.get(index) : at.get((String) step);
    }
    Object last = steps.get(steps.size() - 1);
    if (last instanceof Integer index) {
      ((ArrayNode) at).set(index, value);
    } else {
      ((ObjectNode) at).set((String) last, value);
    }
    return copy;
  }

  /** Every field name of a JSON object, for cases that list them. */
  static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }

  private static String shorten(String text, int max) {
    if (text == null) {
      return "";
    }
    String flat = text.replace('\n', ' ');
    return flat.length() <= max ? flat : flat.substring(0, max) + "…";
  }
}
