package com.mileotech.cyber.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestClients;
import com.mileotech.cyber.TestUsers;
import com.mileotech.cyber.security.Groups;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** GET /api/security-incidents/{reference}/notifications and the ANSSI request, over HTTP. */
@IntegrationTest
class NotificationApiTest {

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identity;
  @Autowired TaskService taskService;
  @Autowired org.camunda.bpm.engine.RuntimeService runtime;
  @Autowired NotificationTestSupport support;

  private ProcessInstance incident;

  @BeforeEach
  void incidentWithBothNotifications() {
    support.prepare();
    TestUsers.ensure(identity, "referent.api", Groups.CYBER_REFERENT);
    TestUsers.ensure(identity, "tech.api", Groups.TECHNICIANS);
    TestUsers.ensure(identity, "supervision.api", Groups.INTEGRATIONS);
    incident = support.qualifiedIncident(TestClients.OIV, true, "critique", "intrusion", Instant.now().minusSeconds(60),
        "alerte-supervision");
    support.informClient(support.notification(incident, "CNIL")); // told once: the ANSSI duty takes it over
    support.runDueJobs(support.notification(incident, "ANSSI"));
  }

  @Test
  void staffAndThatClientsRssiReadTheRegister() {
    for (String user : List.of("referent.api", "tech.api", TestClients.OIV_RSSI)) {
      ResponseEntity<List> response = as(user).getForEntity(path(), List.class);
      assertThat(response.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
      List<Map<String, Object>> notifications = response.getBody();
      assertThat(notifications).extracting(n -> n.get("authority")).containsExactly("ANSSI", "CNIL");
      Map<String, Object> cnil = notifications.get(1);
      assertThat(cnil).containsEntry("status", "en-cours").containsEntry("procedure", "rgpd-art33");
      assertThat((String) cnil.get("clientInformedHow")).contains(TestClients.OIV_RSSI + "@test.example");
      assertThat(cnil.get("clientInformationDueAt")).isNotNull();
      assertThat(cnil).containsEntry("clientInformedOnTime", true).containsEntry("clientInformationVerdict", "dans le délai");
      assertThat(cnil.get("earliestAwarenessAt")).isEqualTo(cnil.get("mileoAwarenessAt"));
      // the rule of the table that decided each duty, with the table's version (issue 18)
      assertThat((Map<String, Object>) cnil.get("rule")).satisfies(rule ->
          assertThat((String) rule.get("ruleVersion")).startsWith("rgpd-art33@2018-05-25 · regulatory-obligations "));
      assertThat((Map<String, Object>) notifications.get(0).get("rule")).containsEntry("regime", "OIV");
      // whose duty and whether an exercise's (issue 18): the client's, a real incident
      assertThat(notifications).allSatisfy(n -> assertThat(n).containsEntry("obligor", "client")
          .containsEntry("exercise", false));
      assertThat((List<Map<String, Object>>) cnil.get("reports")).singleElement().satisfies(r -> {
        assertThat(r).containsEntry("kind", "notification-initiale");
        assertThat(r.get("dueAt")).isNotNull();
        assertThat(r.get("legalDueAt")).isNotNull();
        assertThat(r.get("submittedAt")).isNull();
      });
    }
  }

  @Test
  void anotherClientsRssiAndUnknownReferencesGet404() {
    assertThat(as(TestClients.PLAIN_RSSI).getForEntity(path(), String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(as("referent.api").getForEntity("/api/security-incidents/INC-1999-9999/notifications", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    String body = as(TestClients.PLAIN_RSSI).getForEntity(path(), String.class).getBody();
    assertThat(body).doesNotContain("CNIL").doesNotContain("rgpd");
  }

  @Test
  void integrationsAndAnonymousCallersAreRefused() {
    assertThat(as("supervision.api").getForEntity(path(), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.getForEntity(path(), String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void theReferentRecordsAnAnssiRequestForAnIntermediateReport() {
    String request = path() + "/anssi/intermediate-report-requests";
    assertThat(as("tech.api").postForEntity(request, null, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as(TestClients.OIV_RSSI).postForEntity(request, null, String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    ProcessInstance anssi = support.notification(incident, "ANSSI");
    assertThat(support.report(anssi, "rapport-intermediaire")).isNull();

    ResponseEntity<Map> accepted = as("referent.api").postForEntity(request, null, Map.class);
    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(support.reportTask(anssi, "rapport-intermediaire", "Task_DraftReport")).isNotNull();

    ProcessInstance withoutAnssi = support.qualifiedIncident(TestClients.PLAIN, true, "mineur", "autre",
        Instant.now().minusSeconds(60), "alerte-supervision");
    assertThat(as("referent.api").postForEntity("/api/security-incidents/" + withoutAnssi.getBusinessKey()
        + "/notifications/anssi/intermediate-report-requests", null, Map.class).getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void onADualRegimeIncidentTheRequestNamesWhichAnssiDutyWasAsked() {
    support.dualRegimeClient();
    ProcessInstance dual = support.qualifiedIncident(NotificationTestSupport.DUAL_CLIENT, true, "critique", "intrusion",
        Instant.now().minusSeconds(60), "alerte-supervision");
    String reference = dual.getBusinessKey();
    String request = "/api/security-incidents/" + reference + "/notifications/anssi/intermediate-report-requests";
    ProcessInstance oiv = anssiDuty(reference, "oiv");
    ProcessInstance nis2 = anssiDuty(reference, "nis2");
    assertThat(oiv.getBusinessKey()).isNotEqualTo(nis2.getBusinessKey());

    // two duties open: the request must say which one, in French, naming the field; nothing is recorded
    ResponseEntity<String> ambiguous = as("referent.api").postForEntity(request, null, String.class);
    assertThat(ambiguous.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(ambiguous.getBody()).contains("procedure").contains("deux notifications ANSSI").contains("nis2")
        .contains("oiv");
    ResponseEntity<String> unknown = as("referent.api").postForEntity(request, Map.of("procedure", "lpm"), String.class);
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unknown.getBody()).contains("procedure").contains("procédure inconnue");
    assertThat(support.report(oiv, "rapport-intermediaire")).isNull();
    assertThat(support.report(nis2, "rapport-intermediaire")).isNull();

    // the second duty can be asked, then the first: each gets its own report
    ResponseEntity<Map> second = as("referent.api").postForEntity(request, Map.of("procedure", "NIS2"), Map.class);
    assertThat(second.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(second.getBody()).containsEntry("procedure", "nis2").containsEntry("notification", nis2.getBusinessKey());
    assertThat(support.report(nis2, "rapport-intermediaire")).isNotNull();
    assertThat(support.report(oiv, "rapport-intermediaire")).isNull();
    ResponseEntity<Map> first = as("referent.api").postForEntity(request, Map.of("procedure", "oiv"), Map.class);
    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(first.getBody()).containsEntry("notification", oiv.getBusinessKey());
    assertThat(support.report(oiv, "rapport-intermediaire")).isNotNull();

    // one duty open: the field may be left out (above), and one naming another duty is refused
    ResponseEntity<String> notOpen = as("referent.api").postForEntity("/api/security-incidents/"
        + incident.getBusinessKey() + "/notifications/anssi/intermediate-report-requests", Map.of("procedure", "nis2"),
        String.class);
    assertThat(notOpen.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(notOpen.getBody()).contains("procedure").contains("aucune notification ANSSI « nis2 »");
  }

  private ProcessInstance anssiDuty(String reference, String procedure) {
    return runtime.createProcessInstanceQuery().processDefinitionKey("anssi-notification")
        .processInstanceBusinessKeyLike(reference + "-ANSSI%").variableValueEquals("procedure", procedure).singleResult();
  }

  private String path() {
    return "/api/security-incidents/" + incident.getBusinessKey() + "/notifications";
  }

  private TestRestTemplate as(String user) {
    return http.withBasicAuth(user, TestUsers.PASSWORD);
  }
}
