package com.mileotech.cyber.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.Test;

/** The typed variables store what the engine stored before them, and say so when a type is wrong. */
class ProcessVariableTest {

  private final Map<String, Object> stored = new HashMap<>();
  private final org.camunda.bpm.engine.delegate.VariableScope scope = Scopes.of(stored);

  @Test
  void readsAndWritesTheDeclaredType() {
    ProcessVariable<String> reference = ProcessVariable.text("reference");
    reference.set(scope, "INC-2026-0001");
    assertThat(stored).containsEntry("reference", "INC-2026-0001");
    assertThat(reference.get(scope)).isEqualTo("INC-2026-0001");
    assertThat(ProcessVariable.integer("count").get(scope)).isNull();
  }

  @Test
  void aWrongTypeNamesTheVariable() {
    stored.put("qualificationVersion", 2L);
    assertThatThrownBy(() -> ProcessVariable.integer("qualificationVersion").get(scope))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("qualificationVersion").hasMessageContaining("java.lang.Long");
  }

  @Test
  void aMomentIsStoredAsADate() {
    DateVariable detectedAt = ProcessVariable.date("detectedAt");
    Instant at = Instant.parse("2026-03-04T13:30:00Z");
    detectedAt.set(scope, at);
    assertThat(stored.get("detectedAt")).isInstanceOf(Date.class);
    assertThat(detectedAt.instant(scope)).isEqualTo(at);
  }

  @Test
  void jsonStaysJson() {
    JsonVariable sites = ProcessVariable.json("siteSelection");
    sites.set(scope, List.of("atelier", "entrepot"));
    assertThat(stored.get("siteSelection")).isInstanceOf(JsonValue.class);
    assertThat(((TypedValue) stored.get("siteSelection")).getType().getName()).isEqualTo("json");
    JsonValue already = FormValues.json(List.of("x"));
    sites.set(scope, already);
    assertThat(stored.get("siteSelection")).isSameAs(already);
  }

  @Test
  void theSameValueAgainIsNoWrite() {
    // a rewrite of the value held would cost an update, a history update and a detail row (issue 20)
    Map<String, Object> writes = new HashMap<>();
    org.camunda.bpm.engine.delegate.VariableScope counting = Scopes.of(new HashMap<>() {
      @Override
      public Object put(String key, Object value) {
        writes.merge(key, 1, (a, b) -> (Integer) a + 1);
        return super.put(key, value);
      }
    });
    ProcessVariable<String> sites = ProcessVariable.text("sites");
    sites.set(counting, "Boutique");
    sites.set(counting, "Boutique");
    ProcessVariable.date("closedAt").set(counting, Instant.parse("2026-03-04T13:30:00Z"));
    ProcessVariable.date("closedAt").set(counting, Instant.parse("2026-03-04T13:30:00Z"));
    JsonVariable selection = ProcessVariable.json("siteSelection");
    selection.set(counting, List.of("boutique"));
    selection.set(counting, List.of("boutique"));
    assertThat(writes).containsEntry("sites", 1).containsEntry("closedAt", 1).containsEntry("siteSelection", 1);
    // another value, or the same number as another type, is written
    sites.set(counting, "Boutique, Atelier");
    selection.set(counting, List.of("boutique", "atelier"));
    ProcessVariable.any("count").set(counting, 2);
    ProcessVariable.any("count").set(counting, 2L);
    assertThat(writes).containsEntry("sites", 2).containsEntry("siteSelection", 2).containsEntry("count", 2);
  }

  @Test
  void aFactStillUnknownIsNoVariable() {
    // a null variable is a runtime row, its history, a detail and a delete at the end, for nothing (issue 20)
    Map<String, Object> writes = new HashMap<>();
    Map<String, Object> held = counted(writes);
    org.camunda.bpm.engine.delegate.VariableScope counting = Scopes.of(held);
    ProcessVariable<String> parts = ProcessVariable.text("mileoServiceParts").absentWhenNull();
    parts.set(counting, null);
    assertThat(held).doesNotContainKey("mileoServiceParts");
    Map<String, Object> start = new HashMap<>();
    parts.put(start, null);
    ProcessVariable.date("beganAt").absentWhenNull().put(start, (Date) null);
    assertThat(start).isEmpty();
    assertThat(parts.map(null)).containsEntry("mileoServiceParts", null);
    // once known, back to unknown is written (the history keeps the change), and only once
    parts.set(counting, "plateforme-supervision");
    parts.set(counting, null);
    parts.set(counting, null);
    assertThat(held).containsEntry("mileoServiceParts", null);
    assertThat(writes).containsEntry("mileoServiceParts", 2);
    // a variable not declared so is written with its null, once: a null held is no write either
    ProcessVariable<Long> mttr = ProcessVariable.longInteger("mttrMinutes");
    mttr.set(counting, null);
    mttr.set(counting, null);
    assertThat(held).containsEntry("mttrMinutes", null);
    assertThat(writes).containsEntry("mttrMinutes", 1);
  }

  @Test
  void aMapOfVariablesWritesOnlyWhatChanged() {
    // the report step sets the contract's variables over the start form's fields (issue 20)
    Map<String, Object> writes = new HashMap<>();
    Map<String, Object> held = counted(writes);
    held.put("equipment", "NVR-01");
    held.put("siteSelection", FormValues.json(List.of("boutique")));
    held.put("count", 2);
    writes.clear();
    Map<String, Object> report = new java.util.LinkedHashMap<>();
    ProcessVariable.text("equipment").put(report, "NVR-01");
    ProcessVariable.json("siteSelection").put(report, List.of("boutique"));
    ProcessVariable.any("count").put(report, 2L);
    ProcessVariable.text("reference").put(report, "INC-2026-0001");
    ProcessVariable.setAll(Scopes.of(held), report);
    assertThat(writes).containsOnlyKeys("count", "reference");
    assertThat(held).containsEntry("count", 2L).containsEntry("reference", "INC-2026-0001");
  }

  @Test
  void formFieldsReadWhatPeopleSubmit() {
    stored.put("personsCount", " 12 ");
    stored.put("breachNature", "  ");
    stored.put("legalHold", "true");
    assertThat(FormField.of("personsCount").integer(scope)).isEqualTo(12);
    assertThat(FormField.of("breachNature").text(scope)).isNull();
    assertThat(FormField.of("legalHold").isTrue(scope)).isTrue();
    assertThat(FormField.of("sites").strings(scope)).isEmpty();
    stored.put("personsCount", "douze");
    assertThatThrownBy(() -> FormField.of("personsCount").integer(scope)).isInstanceOf(Refusal.class);
  }

  @Test
  void aStartMapGetsTheSameValues() {
    Map<String, Object> variables = Variables.createVariables();
    ProcessVariable.date("awarenessAt").put(variables, Instant.EPOCH);
    ProcessVariable.bool("personalDataInvolved").put(variables, true);
    assertThat(variables.get("awarenessAt")).isEqualTo(new Date(0));
    assertThat(ProcessVariable.bool("personalDataInvolved").from(variables)).isTrue();
  }

  /** A map of variables that counts the writes of each name into {@code writes}. */
  private static Map<String, Object> counted(Map<String, Object> writes) {
    return new HashMap<>() {
      @Override
      public Object put(String key, Object value) {
        writes.merge(key, 1, (a, b) -> (Integer) a + 1);
        return super.put(key, value);
      }
    };
  }
}
