package com.mileotech.cyber.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mileotech.cyber.system.Refusal;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.Test;

/** What a form lets a submission write (SubmissionGuard's rules), without an engine. */
class FormContractTest {

  static final String FORM = """
      {"id": "test-form", "components": [
        {"type": "text", "text": "## {{reference}}"},
        {"type": "radio", "key": "decision", "values": [{"label": "Oui", "value": "oui"}]},
        {"type": "textfield", "key": "receipt", "validate": {"maxLength": 20}},
        {"type": "textarea", "key": "reasons"},
        {"type": "number", "key": "count", "validate": {"min": 0, "max": 10}},
        {"type": "checkbox", "key": "confirmed"},
        {"type": "datetime", "key": "at", "subtype": "datetime"},
        {"type": "datetime", "key": "day", "subtype": "date"},
        {"type": "checklist", "key": "sites", "valuesKey": "siteOptions"},
        {"type": "textarea", "key": "overview", "readonly": true},
        {"type": "group", "components": [
          {"type": "radio", "key": "points.P_01.status"},
          {"type": "textarea", "key": "points.P_01.comment"},
          {"type": "textarea", "key": "points.inventory", "readonly": true}
        ]}
      ]}""";

  @Test
  void aSubmissionSetsTheFormsFieldsWithValuesOfTheirTypes() throws Exception {
    VariableMap ok = Variables.createVariables().putValue("decision", "oui").putValue("receipt", "CNIL-1")
        .putValue("reasons", "x".repeat(4000)).putValue("count", 3L).putValue("confirmed", true)
        .putValue("at", "2026-12-05T14:30").putValue("day", "2026-12-05")
        .putValueTyped("sites", json("[\"nord\", \"sud\"]"))
        .putValueTyped("points", json("{\"P_01\": {\"status\": \"CONFORME\", \"comment\": \"RAS\"}}"));
    contract().check(ok, "Test");
    assertThat(ok).containsKeys("decision", "points");
  }

  @Test
  void anythingElseIsRefusedNamingEachField() throws Exception {
    VariableMap extra = Variables.createVariables().putValue("decision", "oui").putValue("cnilDueAt", new Date())
        .putValue("reference", "INC-1999-0001")
        .putValueTyped("points", json("{\"P_01\": {\"status\": \"CONFORME\", \"signedBy\": \"x\"}, \"P_99\": {}}"));
    assertThatThrownBy(() -> contract().check(extra, "Formulaire refusé"))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("cnilDueAt : ce champ n'appartient pas au formulaire")
        .hasMessageContaining("reference : ")
        .hasMessageContaining("points.P_01.signedBy : ")
        .hasMessageContaining("points.P_99 : ")
        .hasMessageNotContaining("decision");
  }

  @Test
  void valuesOfTheWrongTypeOrSizeAreRefused() throws Exception {
    Map<String, Object> cases = Map.of("receipt", "x".repeat(21), "reasons", 42, "count", "beaucoup",
        "confirmed", "oui", "at", "05/12/2026 14:30", "day", "2026-12-05T10:00", "sites", "[oops",
        "decision", List.of("oui"));
    cases.forEach((field, value) -> assertThatThrownBy(
        () -> contract().check(Variables.createVariables().putValue(field, value), "Test"))
        .as(field).isInstanceOf(Refusal.class).hasMessageContaining(field + " : "));
    assertThatThrownBy(() -> contract().check(Variables.createVariables().putValue("count", 11), "Test"))
        .hasMessageContaining("count : au plus 10");
    assertThatThrownBy(() -> contract().check(Variables.createVariables()
        .putValueTyped("points", Variables.serializedObjectValue("{}").serializationDataFormat("application/json")
            .objectTypeName("com.example.Gadget").create()), "Test"))
        .hasMessageContaining("points : type de valeur non admis");
  }

  /** Issue 15: what the form states itself is checked too, and every text can be stored. */
  @Test
  void choicesDatesNumbersAndCharactersAreThoseTheFormStatesAndADatabaseKeeps() throws Exception {
    Map<String, Object> cases = new java.util.LinkedHashMap<>();
    cases.put("decision", "peut-etre");              // not one of the form's choices
    cases.put("at", "2026-02-30T10:00");             // no such day
    cases.put("day", "2026-13-01");
    cases.put("count", 2.5);                         // decimalDigits 0
    cases.put("reasons", "texte\u0000nul");          // PostgreSQL refuses U+0000
    cases.put("receipt", "\ud800");                  // half of a UTF-16 pair
    cases.put("unbounded", 3_000_000_000L);          // no max in the form: ±1e9
    cases.forEach((field, value) -> assertThatThrownBy(
        () -> strict().check(Variables.createVariables().putValue(field, value), "Test"))
        .as(field).isInstanceOf(Refusal.class).hasMessageContaining(field + " : "));
    assertThatThrownBy(() -> strict().check(Variables.createVariables().putValue("at", "2026-03-02T25:00"), "Test"))
        .hasMessageContaining("at : date ou heure mal formée ou inexistante");
    assertThatThrownBy(() -> strict().check(Variables.createVariables().putValue("decision", "peut-etre"), "Test"))
        .hasMessageContaining("decision : choix inconnu « peut-etre » ; choix possibles : oui, non");

    VariableMap fine = Variables.createVariables().putValue("decision", "non").putValue("at", "2026-03-02T14:30")
        .putValue("at2", "2026-03-02T14:30+01:00").putValue("count", 3).putValue("unbounded", -999_999_999)
        .putValue("reasons", "Accents é, emoji 🎥, tabulation\tet\nlignes").putValueTyped("sites", json("[\"n'importe\"]"));
    strict().check(fine, "Test");
  }

  @Test
  void aFieldTheFormAlwaysRequiresCannotBeLeftEmptyHiddenOnesMay() throws Exception {
    assertThatThrownBy(() -> strict().check(Variables.createVariables(), "Formulaire refusé"))
        .isInstanceOf(Refusal.class)
        .hasMessage("Formulaire refusé : decision : obligatoire ; reasons : obligatoire.");
    assertThatThrownBy(() -> strict().check(Variables.createVariables().putValue("decision", "oui")
        .putValue("reasons", "   "), "Test")).hasMessageContaining("reasons : obligatoire");
    // what the case already holds counts; a field hidden by a condition (or in a hidden group) is the procedure's to judge
    strict().check(Variables.createVariables().putValue("decision", "oui"), "Test", name -> "reasons".equals(name) ? "déjà là" : null);
  }

  @Test
  void readOnlyFieldsAreShownNeverWrittenBack() throws Exception {
    VariableMap submission = Variables.createVariables().putValue("overview", "réécrit")
        .putValueTyped("points", json("{\"P_01\": {\"status\": \"CONFORME\"}, \"inventory\": \"réécrit\"}"));
    contract().check(submission, "Test");
    assertThat(submission).doesNotContainKey("overview");
    assertThat(((JsonValue) submission.getValueTyped("points")).getValueSerialized())
        .contains("CONFORME").doesNotContain("inventory");
  }

  /** Every form of the product parses, and none declares a fact the server records. */
  @Test
  void everyFormOfTheProductDeclaresOnlyInputs() throws Exception {
    List<String> serverFacts = List.of("reference", "clientName", "personalDataInvolved", "awarenessAt",
        "qualifiedBy", "qualifiedAt", "recoveryAgreedBy", "recoveryDateAgreed", "recoveryClientProposedBy",
        "cnilDueAt", "anssiDeadline", "clientAwarenessAt", "signedBy", "signatureSha256", "documentVersion",
        "catalogueVersion", "lessonsLearnedApprovedBy", "evidenceRecordedBy",
        // issue 14, items 2 and 6: who decided or recorded, and the clocks
        "recoveryAgreementKind", "recoveryAgreementCollectedBy", "recoveryAgreementChannel", "recoveryAgreementGivenAt",
        "recoveryAgreementEvidence", "recoveryAcceptedBy", "lessonsLearnedWrittenBy", "lessonsLearnedAuthors",
        "clientInformedAt", "clientInformedBy", "clientInformedChannel", "clientInformedHow", "earliestAwarenessAt",
        // the client told once per incident: whether and through which duty it was already told
        "clientAlreadyInformed", "clientInformedThrough",
        "clientInformationDueAt", "clientInformationMet", "cnilLegalDueAt", "cnilDecidedBy", "cnilRecordedBy",
        "cnilLegallyMet", "complementFiledBy", "complementRecordedBy",
        // issue 18: the NIS2 significance verdict, the rule that decided, the recurrence decision's owner
        "nis2Significant", "nis2SignificanceBasis", "nis2SignificanceTest", "ruleVersion", "recurrenceNote",
        "relatedIncidents", "recurrenceDecidedBy", "recurrenceDecidedAt", "recurrenceNotificationId",
        // issue 19: the playbook version an incident follows, and the actions its forms show
        "playbookId", "playbookVersion", "playbookContainmentActions", "playbookEradicationActions",
        "playbookContainmentNature", "playbookEradicationNature", "playbookContainmentSummary",
        "playbookEradicationSummary");
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.filter(f -> f.toString().endsWith(".form")).toList()) {
        try (InputStream in = Files.newInputStream(form)) {
          FormContract contract = FormContract.parse(in);
          assertThat(contract.formId()).as(form.toString()).isNotBlank();
          assertThat(contract.fields().keySet()).as(form.toString()).doesNotContainAnyElementsOf(serverFacts);
        }
      }
    }
  }

  /** The guard reads the input of these engine commands by field name: an engine upgrade that renames one fails here. */
  @Test
  void theEngineCommandsKeepTheFieldsTheGuardReads() throws Exception {
    assertThat(field(CompleteTaskCmd.class, "taskId")).isNotNull();
    assertThat(field(CompleteTaskCmd.class, "variables")).isNotNull();
    assertThat(field(SubmitTaskFormCmd.class, "taskId")).isNotNull();
    assertThat(field(SubmitTaskFormCmd.class, "properties")).isNotNull();
    assertThat(field(SubmitStartFormCmd.class, "processDefinitionId")).isNotNull();
    assertThat(field(SubmitStartFormCmd.class, "variables")).isNotNull();
    assertThat(field(org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd.class, "instantiationBuilder")).isNotNull();
    assertThat(field(org.camunda.bpm.engine.impl.cmd.SaveTaskCmd.class, "task")).isNotNull();
    assertThat(field(org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd.class, "userId")).isNotNull();
    assertThat(field(org.camunda.bpm.engine.impl.cmd.AssignTaskCmd.class, "userId")).isNotNull();
    assertThat(field(org.camunda.bpm.engine.impl.cmd.AssignTaskCmd.class, "taskId")).isNotNull();
    assertThat(field(org.camunda.bpm.engine.impl.cmd.AddCommentCmd.class, "taskId")).isNotNull();
    assertThat(field(org.camunda.bpm.engine.impl.cmd.SetJobRetriesCmd.class, "retries")).isNotNull();
    assertThat(field(org.camunda.bpm.engine.impl.cmd.SetJobRetriesCmd.class, "isDueDateSet")).isNotNull();
    assertThat(field(org.camunda.bpm.engine.impl.cmd.AbstractSetJobsRetriesBatchCmd.class, "retries")).isNotNull();
    assertThat(field(org.camunda.bpm.engine.impl.cmd.AbstractSetJobsRetriesBatchCmd.class, "isDueDateSet")).isNotNull();
    assertThat(field(org.camunda.bpm.engine.impl.cmd.AbstractUpdateProcessInstancesSuspendStateCmd.class, "suspending"))
        .isNotNull();
    assertThat(field(org.camunda.bpm.engine.impl.cmd.UpdateProcessDefinitionHistoryTimeToLiveCmd.class,
        "historyTimeToLive")).isNotNull();
    assertThat(field(org.camunda.bpm.engine.impl.cmd.UpdateDecisionDefinitionHistoryTimeToLiveCmd.class,
        "decisionDefinitionId")).isNotNull();
    assertThat(SubmissionGuard.knownCommands()).hasSizeGreaterThan(50);
  }

  private static java.lang.reflect.Field field(Class<?> type, String name) {
    for (Class<?> t = type; t != null; t = t.getSuperclass()) {
      try {
        return t.getDeclaredField(name);
      } catch (NoSuchFieldException e) {
        // superclass
      }
    }
    return null;
  }

  static final String STRICT_FORM = """
      {"id": "strict-form", "components": [
        {"type": "radio", "key": "decision", "validate": {"required": true},
         "values": [{"label": "Oui", "value": "oui"}, {"label": "Non", "value": "non"}]},
        {"type": "textfield", "key": "receipt"},
        {"type": "textarea", "key": "reasons", "validate": {"required": true}},
        {"type": "number", "key": "count", "decimalDigits": 0, "validate": {"min": 0, "max": 10}},
        {"type": "number", "key": "unbounded"},
        {"type": "datetime", "key": "at", "subtype": "datetime"},
        {"type": "datetime", "key": "at2", "subtype": "datetime"},
        {"type": "datetime", "key": "day", "subtype": "date", "validate": {"required": true},
         "conditional": {"hide": "=decision != \\"oui\\""}},
        {"type": "checklist", "key": "sites", "valuesKey": "siteOptions"},
        {"type": "group", "conditional": {"hide": "=true"}, "components": [
          {"type": "textfield", "key": "hidden", "validate": {"required": true}}
        ]}
      ]}""";

  private static FormContract strict() throws Exception {
    return FormContract.parse(new ByteArrayInputStream(STRICT_FORM.getBytes(StandardCharsets.UTF_8)));
  }

  private static FormContract contract() throws Exception {
    return FormContract.parse(new ByteArrayInputStream(FORM.getBytes(StandardCharsets.UTF_8)));
  }

  private static JsonValue json(String text) {
    return SpinValues.jsonValue(text).create();
  }
}
