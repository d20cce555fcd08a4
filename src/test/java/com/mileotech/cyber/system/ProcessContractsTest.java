package com.mileotech.cyber.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the process variables behind their contracts (docs/development.md, "Process variables"):
 * no code spells a variable's name in an engine call or casts what the engine returns, only the
 * typed variables of {@code system} call the engine, and every name a contract declares is one
 * the models, the forms or the code use. A source scan, so that it needs no engine.
 */
class ProcessContractsTest {

  private static final Path MAIN = Path.of("src/main/java");

  /** The contract classes: one per process (or family of processes), and the shared ones. */
  static final List<String> CONTRACTS = List.of(
      "com.mileotech.cyber.system.CommonVariables",
      "com.mileotech.cyber.incident.SecurityIncidentVariables",
      "com.mileotech.cyber.notification.NotificationVariables",
      "com.mileotech.cyber.commissioning.CommissioningVariables",
      "com.mileotech.cyber.update.SecurityUpdateVariables",
      "com.mileotech.cyber.improvement.ImprovementActionVariables",
      "com.mileotech.cyber.reminder.DeadlineVariables",
      "com.mileotech.cyber.playbook.PlaybookVariables");

  /** The typed variables themselves: the only code that calls the engine's variable methods. */
  private static final Set<String> VARIABLE_API = Set.of(
      "com/mileotech/cyber/system/ProcessVariable.java",
      "com/mileotech/cyber/system/JsonVariable.java",
      "com/mileotech/cyber/system/FormField.java");

  /**
   * Code that reads variables whatever the process, by a name it is given: the submission guard
   * (every variable of a submission), Moments' date-time reading of a named field (its callers
   * name it through a {@link FormField}).
   */
  private static final Set<String> GENERIC_ACCESS = Set.of(
      "com/mileotech/cyber/security/SubmissionGuard.java",
      "com/mileotech/cyber/system/Moments.java");

  private static final Pattern LITERAL_ACCESS = Pattern.compile(
      "\\.(get|set|remove)Variable(Local)?(Typed)?\\s*\\(\\s*\"|variableValue\\w*\\(\\s*\"");
  private static final Pattern CAST_ACCESS = Pattern.compile(
      "\\(\\s*[A-Z][\\w.]*(<[^()]*>)?\\s*\\)\\s*\\(*\\s*[\\w.]+\\.getVariable");
  private static final Pattern ANY_ACCESS = Pattern.compile(
      "\\.(get|set|remove)Variable(Local)?(Typed)?\\s*\\(");

  private static Map<Path, String> sources;

  @BeforeAll
  static void read() throws IOException {
    try (Stream<Path> files = Files.walk(MAIN)) {
      sources = new java.util.TreeMap<>();
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        sources.put(MAIN.relativize(file), Files.readString(file));
      }
    }
  }

  @Test
  void noCodeSpellsAVariableNameInAnEngineCall() {
    assertThat(matches(LITERAL_ACCESS, Set.of()))
        .as("declare the variable in its process's contract and use it: NAME.get(execution), NAME.set(…)")
        .isEmpty();
  }

  @Test
  void noCodeCastsWhatTheEngineReturns() {
    assertThat(matches(CAST_ACCESS, Set.of()))
        .as("a contract's typed variable returns the declared type, or says which variable holds what")
        .isEmpty();
  }

  @Test
  void onlyTheTypedVariablesCallTheEngine() {
    Set<String> allowed = new java.util.HashSet<>(VARIABLE_API);
    allowed.addAll(GENERIC_ACCESS);
    assertThat(matches(ANY_ACCESS, allowed))
        .as("read and write process variables through the contracts (" + CONTRACTS + ")")
        .isEmpty();
  }

  @Test
  void everyDeclaredVariableIsUsed() throws Exception {
    String models = text(Path.of("bpmn")) + text(Path.of("forms"));
    List<String> unused = new ArrayList<>();
    for (String contract : CONTRACTS) {
      Class<?> type = Class.forName(contract);
      String file = contract.replace('.', '/') + ".java";
      for (Field field : type.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers()) || !ProcessVariable.class.isAssignableFrom(field.getType())) {
          continue;
        }
        field.setAccessible(true);
        String name = ((ProcessVariable<?>) field.get(null)).name();
        boolean inModels = Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(models).find();
        Pattern constant = Pattern.compile("\\b" + field.getName() + "\\b");
        boolean inCode = sources.entrySet().stream()
            .filter(e -> !e.getKey().toString().replace('\\', '/').equals(file))
            .anyMatch(e -> constant.matcher(e.getValue()).find());
        if (!inModels && !inCode) {
          unused.add(type.getSimpleName() + "." + field.getName() + " (" + name + ")");
        }
      }
    }
    assertThat(unused).as("declared but used by no model, form or code: remove them").isEmpty();
  }

  /**
   * A variable absent while unknown ({@link ProcessVariable#absentWhenNull()}) must not be named by
   * an expression of a model: JUEL fails on an absent variable where it read a null one.
   */
  @Test
  void variablesAbsentWhenNullAreNamedByNoExpression() throws Exception {
    String bpmn = text(Path.of("bpmn"));
    List<String> expressions = new ArrayList<>();
    Matcher m = Pattern.compile("\\$\\{[^}]*}").matcher(bpmn);
    while (m.find()) {
      expressions.add(m.group());
    }
    List<String> named = new ArrayList<>();
    for (String contract : CONTRACTS) {
      for (Field field : Class.forName(contract).getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers()) || !ProcessVariable.class.isAssignableFrom(field.getType())) {
          continue;
        }
        field.setAccessible(true);
        ProcessVariable<?> variable = (ProcessVariable<?>) field.get(null);
        Pattern name = Pattern.compile("\\b" + Pattern.quote(variable.name()) + "\\b");
        if (variable.isAbsentWhenNull() && expressions.stream().anyMatch(e -> name.matcher(e).find())) {
          named.add(variable.name());
        }
      }
    }
    assertThat(expressions).isNotEmpty();
    assertThat(named).as("absent when null, yet named by a BPMN expression: declare it without absentWhenNull()")
        .isEmpty();
  }

  @Test
  void theContractsDeclareVariables() throws Exception {
    for (String contract : CONTRACTS) {
      long declared = Stream.of(Class.forName(contract).getDeclaredFields())
          .filter(f -> ProcessVariable.class.isAssignableFrom(f.getType())).count();
      assertThat(declared).as(contract).isPositive();
    }
  }

  private static List<String> matches(Pattern pattern, Set<String> allowed) {
    List<String> found = new ArrayList<>();
    sources.forEach((file, text) -> {
      if (allowed.contains(file.toString().replace('\\', '/'))) {
        return;
      }
      Matcher m = pattern.matcher(text);
      while (m.find()) {
        int line = (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
        found.add(file + ":" + line);
      }
    });
    return found;
  }

  private static String text(Path dir) throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        all.append(Files.readString(file)).append('\n');
      }
    }
    return all.toString();
  }
}
