package com.mileotech.cyber.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestClients;
import com.mileotech.cyber.TestUsers;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Exercises (issue 18): declared in the report, the whole procedure runs, the notifications are
 * rehearsed and flagged, every mail says EXERCICE; converted later by the referent, with a reason,
 * who and when recorded, never converted back, refused for a closed incident.
 */
@IntegrationTest
class ExerciseTest extends IncidentScenario {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate http;

  @Test
  void anExerciseDeclaredInTheReportRunsTheProcedureAndEveryMailSaysSo() throws Exception {
    Map<String, Object> form = reportForm(TestClients.OIV, List.of("site-nord"));
    form.put("exerciseInput", true);
    ProcessInstance pi = report(form);
    String reference = pi.getBusinessKey();
    assertThat(variable(pi, "exercise")).isEqualTo(true);
    assertThat(variable(pi, "exerciseInput")).isNull();
    assertThat(jdbc.sql("select exercise_origin || ' ' || exercise_recorded_by from security_incident where reference = ?")
        .param(reference).query(String.class).single()).isEqualTo("signalement " + TECH);

    runDueJobs(pi);
    assertThat(task(pi, "Task_QualifyIncident").getName())
        .isEqualTo("Qualifier l'incident " + reference + " — Client OIV (EXERCICE)");
    qualify(pi, "critique", true); // CNIL and ANSSI (OIV): rehearsed
    ProcessInstance anssi = notification(reference, "ANSSI");
    assertThat(task(anssi, "Task_InformClient").getName()).endsWith(" (EXERCICE)");
    assertThat(notification(reference, "CNIL")).isNotNull();
    assertThat(runtimeService.getVariable(anssi.getId(), "exercise")).isEqualTo(true);
    assertThat(registerFlags(reference)).containsExactly("CNIL true", "ANSSI true");
    informClient(anssi);

    List<Map<String, Object>> mails = mails(reference);
    assertThat(mails).extracting(m -> m.get("template")).contains("incident-reported", "breach-client-information");
    assertThat(mails).allSatisfy(m -> {
      assertThat((String) m.get("subject")).startsWith("[EXERCICE] ");
      assertThat((String) m.get("body_text")).startsWith("EXERCICE — Ce message concerne un exercice");
    });

    JsonNode summary = JSON.readTree(get(REFERENT, "/api/security-incidents/" + reference).getBody());
    assertThat(summary.path("exercise").path("origin").asText()).isEqualTo("signalement");
    assertThat(summary.path("exercise").path("recordedBy").asText()).isEqualTo(TECH);
  }

  @Test
  void theReferentConvertsAReportedIncidentWithAReasonOnceAndForAll() throws Exception {
    ProcessInstance pi = reportOiv();
    String reference = pi.getBusinessKey();
    qualify(pi, "critique", true);
    ProcessInstance anssi = notification(reference, "ANSSI");
    assertThat(registerFlags(reference)).containsExactly("CNIL false", "ANSSI false");
    String path = "/api/security-incidents/" + reference + "/exercise-conversion";

    assertThat(post(TECH, path, Map.of("reason", "Test")).getStatusCode().value()).isEqualTo(403);
    ResponseEntity<String> noReason = post(REFERENT, path, Map.of("reason", "  "));
    assertThat(noReason.getStatusCode().value()).isEqualTo(400);
    assertThat(noReason.getBody()).contains("motif de la conversion en exercice obligatoire");
    assertThat(variable(pi, "exercise")).isEqualTo(false);

    ResponseEntity<String> converted = post(REFERENT, path, Map.of("reason", "Exercice de crise annuel planifié"));
    assertThat(converted.getStatusCode().value()).as(converted.getBody()).isEqualTo(200);
    JsonNode exercise = JSON.readTree(converted.getBody()).path("exercise");
    assertThat(exercise.path("origin").asText()).isEqualTo("conversion");
    assertThat(exercise.path("recordedBy").asText()).isEqualTo(REFERENT);
    assertThat(exercise.path("reason").asText()).isEqualTo("Exercice de crise annuel planifié");
    assertThat(exercise.path("recordedAt").asText()).isNotEmpty();
    assertThat(variable(pi, "exercise")).isEqualTo(true);
    assertThat(runtimeService.getVariable(anssi.getId(), "exercise")).isEqualTo(true);
    assertThat(registerFlags(reference)).containsExactly("CNIL true", "ANSSI true");

    // from now on, its mails say EXERCICE
    informClient(anssi);
    assertThat(mails(reference)).filteredOn(m -> "breach-client-information".equals(m.get("template")))
        .singleElement().satisfies(m -> assertThat((String) m.get("subject")).startsWith("[EXERCICE] "));

    // never back, never twice: the first record stands
    ResponseEntity<String> again = post(REFERENT, path, Map.of("reason", "Autre motif"));
    assertThat(again.getStatusCode().value()).isEqualTo(409);
    assertThat(again.getBody()).contains("déjà un exercice");
    assertThat(jdbc.sql("select exercise_reason from security_incident where reference = ?").param(reference)
        .query(String.class).single()).isEqualTo("Exercice de crise annuel planifié");
  }

  @Test
  void theSupervisionPlatformDeclaresAnExerciseThroughItsApi() throws Exception {
    org.camunda.bpm.engine.impl.util.ClockUtil.reset(); // the alert is of the real present
    com.mileotech.cyber.TestUsers.ensure(identityService, SecurityIncidentApiTest.SUPERVISION,
        com.mileotech.cyber.security.Groups.INTEGRATIONS);
    Map<String, Object> alert = SecurityIncidentApiTest.alert();
    alert.put("exercise", true);
    ResponseEntity<String> created = http.withBasicAuth(SecurityIncidentApiTest.SUPERVISION, TestUsers.PASSWORD)
        .postForEntity("/api/security-incidents", alert, String.class);
    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    String reference = JSON.readTree(created.getBody()).path("reference").asText();
    assertThat(jdbc.sql("select exercise_origin || ' ' || exercise_recorded_by from security_incident where reference = ?")
        .param(reference).query(String.class).single())
        .isEqualTo("signalement " + SecurityIncidentApiTest.SUPERVISION);
    ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey(SecurityIncidentVariables.PROCESS_KEY).singleResult();
    assertThat(variable(pi, "exercise")).isEqualTo(true);
    runDueJobs(pi);
    assertThat(mails(reference)).singleElement()
        .satisfies(m -> assertThat((String) m.get("subject")).startsWith("[EXERCICE] "));
  }

  @Test
  void anIncidentWithAFilingRecordedStaysARealOne() {
    ProcessInstance pi = reportOiv();
    qualify(pi, "critique", true);
    ProcessInstance cnil = notification(pi.getBusinessKey(), "CNIL");
    informClient(cnil);
    ProcessInstance report = runtimeService.createProcessInstanceQuery().superProcessInstanceId(cnil.getId())
        .singleResult();
    submit(report, "Task_DraftReport", REFERENT, com.mileotech.cyber.security.Groups.CYBER_REFERENT,
        com.mileotech.cyber.notification.NotificationForms.cnilDraft("risque"));
    submit(report, "Task_FileReport", REFERENT, com.mileotech.cyber.security.Groups.CYBER_REFERENT,
        com.mileotech.cyber.notification.NotificationForms.cnilFiled(paris(now()), "CNIL-2026-77", null));

    ResponseEntity<String> refused = post(REFERENT,
        "/api/security-incidents/" + pi.getBusinessKey() + "/exercise-conversion", Map.of("reason", "Après coup"));
    assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(409);
    assertThat(refused.getBody()).contains("dépôt auprès d'une autorité");
    // nothing of the conversion remains
    assertThat(variable(pi, "exercise")).isEqualTo(false);
    assertThat(jdbc.sql("select exercise from security_incident where reference = ?").param(pi.getBusinessKey())
        .query(Boolean.class).single()).isFalse();
    assertThat(registerFlags(pi.getBusinessKey())).containsExactly("CNIL false", "ANSSI false");
  }

  @Test
  void aClosedIncidentStaysARealOne() {
    ProcessInstance pi = reportPlain();
    qualify(pi, "mineur", false);
    respondUntilClosure(pi, OTHER_RSSI);
    runDueJobs(pi);
    ResponseEntity<String> refused = post(REFERENT,
        "/api/security-incidents/" + pi.getBusinessKey() + "/exercise-conversion", Map.of("reason", "Trop tard"));
    assertThat(refused.getStatusCode().value()).isEqualTo(409);
    assertThat(refused.getBody()).contains("est clos");
    assertThat(jdbc.sql("select exercise from security_incident where reference = ?").param(pi.getBusinessKey())
        .query(Boolean.class).single()).isFalse();
  }

  private ProcessInstance notification(String reference, String authority) {
    return runtimeService.createProcessInstanceQuery()
        .processDefinitionKey("CNIL".equals(authority) ? "cnil-notification" : "anssi-notification")
        .processInstanceBusinessKey(reference + "-" + authority).singleResult();
  }

  private List<String> registerFlags(String reference) {
    return jdbc.sql("select authority, exercise from regulatory_notification where incident_reference = ? order by id desc")
        .param(reference).query((rs, n) -> rs.getString(1) + " " + rs.getBoolean(2)).list();
  }

  /** The mails the incident and its notifications wrote to the outbox (their reference is the incident's). */
  private List<Map<String, Object>> mails(String reference) {
    return jdbc.sql("""
        select template, subject, cast(body_text as varchar) as body_text from mail_outbox
        where reference = ? order by created_at""").param(reference).query().listOfRows();
  }

  private ResponseEntity<String> post(String user, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, TestUsers.PASSWORD).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
        String.class);
  }

  private ResponseEntity<String> get(String user, String path) {
    return http.withBasicAuth(user, TestUsers.PASSWORD).getForEntity(path, String.class);
  }

}
