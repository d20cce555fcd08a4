package com.mileotech.cyber.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestClients;
import com.mileotech.cyber.TestUsers;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.client.ClientService;
import com.mileotech.cyber.incident.IncidentForms;
import com.mileotech.cyber.incident.SecurityIncidentVariables;
import com.mileotech.cyber.security.Groups;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Webhooks end to end: real receivers (JDK HTTP server, {@link WebhookReceiver}) registered through
 * the API, the steps of a real incident, delivery rounds run by the test with Camunda's clock moved
 * (no timing): each event once per subscriber across an outage and a restart, signed, and nothing
 * of a client to another client's subscriber.
 */
@IntegrationTest
class WebhookDeliveryTest {

  static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
  static final String TECH = "tech.events";
  static final String REFERENT = "referent.events";

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired ClientRepository clientRepository;
  @Autowired ClientService clientService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired ManagementService managementService;
  @Autowired ApplicationEventPublisher publisher;
  @Autowired TransactionTemplate transactions;
  @Autowired WebhookOutbox outbox;
  @Autowired WebhookProperties properties;
  @Autowired WebhookSender sender;
  @Autowired WebhookHealthIndicator health;

  private final WebhookSubscriptions subscriptions = new WebhookSubscriptions(this::admin);

  @BeforeEach
  void setUp() {
    TestClients.ensure(identityService, clientRepository, clientService);
    TestUsers.ensure(identityService, TECH, Groups.TECHNICIANS);
    TestUsers.ensure(identityService, REFERENT, Groups.CYBER_REFERENT);
    ClockUtil.setCurrentTime(Date.from(T0));
    sender.deliverDue(); // what earlier tests left due is not this test's
  }

  @AfterEach
  void tearDown() {
    subscriptions.close();
    identityService.clearAuthentication();
    ClockUtil.reset();
  }

  @Test
  void theStepsOfAnIncidentReachItsClientsSubscriberAndMileosToolsButNotAnotherClients() throws Exception {
    WebhookReceiver oiv = subscribe("SIEM du client OIV", TestClients.OIV, null);
    WebhookReceiver plain = subscribe("SIEM du client sans régime", TestClients.PLAIN, null);
    WebhookReceiver mileo = subscribe("Supervision Mileo", null, null);
    WebhookReceiver qualifiedOnly = subscribe("Tableau de bord", null, List.of("security-incident.qualified"));

    ProcessInstance pi = report(TestClients.OIV, List.of("site-nord"));
    String reference = (String) runtimeService.getVariable(pi.getId(), SecurityIncidentVariables.REFERENCE.name());
    runDueJobs(pi); // the referent informed
    qualify(pi);

    assertThat(sender.deliverDue()).isEqualTo(5); // 2 events to oiv and mileo, 1 to the dashboard

    assertThat(oiv.events()).extracting(e -> e.get("type").asText())
        .containsExactly("com.mileotech.cyber.security-incident.reported",
            "com.mileotech.cyber.security-incident.qualified");
    JsonNode reported = oiv.events().get(0);
    assertThat(reported.get("specversion").asText()).isEqualTo("1.0");
    assertThat(reported.get("subject").asText()).isEqualTo(reference);
    assertThat(reported.get("source").asText()).isEqualTo("urn:mileotech:cyber/security-incident");
    assertThat(reported.get("datacontenttype").asText()).isEqualTo("application/json");
    assertThat(Instant.parse(reported.get("time").asText())).isEqualTo(T0);
    assertThat(reported.get("data").get("clientId").asText()).isEqualTo(TestClients.OIV);
    assertThat(reported.get("data").get("step").asText()).isEqualTo("Task_RegisterIncident");
    JsonNode qualified = oiv.events().get(1).get("data");
    assertThat(qualified.get("nature").asText()).isEqualTo("intrusion");
    assertThat(qualified.get("severity").asText()).isEqualTo("mineur");
    assertThat(qualified.get("qualificationVersion").asInt()).isEqualTo(1);
    // no people, no free text: what the client's own RSSI may read, nothing more
    assertThat(oiv.events().toString()).doesNotContain(TECH, REFERENT, "NVR-01");

    assertThat(mileo.events()).extracting(e -> e.get("id").asText())
        .containsExactlyElementsOf(oiv.events().stream().map(e -> e.get("id").asText()).toList());
    assertThat(qualifiedOnly.events()).extracting(e -> e.get("type").asText())
        .containsExactly("com.mileotech.cyber.security-incident.qualified");
    assertThat(plain.requests()).as("another client's subscriber").isZero();
    for (WebhookReceiver r : List.of(oiv, mileo, qualifiedOnly)) {
      assertThat(r.badSignatures()).isZero();
      assertThat(r.duplicates()).isZero();
    }
  }

  @Test
  void eachEventReachesItsSubscriberExactlyOnceAcrossAnOutageAndARestart() throws Exception {
    WebhookReceiver siem = subscribe("SIEM du client sans régime", TestClients.PLAIN, null);
    WebhookReceiver other = subscribe("SIEM du client OIV", TestClients.OIV, null);
    siem.answer(503); // the subscriber is down

    transactions.executeWithoutResult(status -> {
      publisher.publishEvent(step("INC-TEST-0001", "a"));
      publisher.publishEvent(step("INC-TEST-0001", "a")); // the same occurrence again: not a second event
      // the extension point another feature's application event uses (e.g. evidence added)
      publisher.publishEvent((CaseEventSource) () -> new CaseEvent(EventType.EVIDENCE_VERIFICATION_FAILED,
          TestClients.PLAIN, "INC-TEST-0001", "security-incident", "evidence:b", Map.of("item", "b")));
    });
    // a step rolled back tells nothing
    transactions.executeWithoutResult(status -> {
      publisher.publishEvent(step("INC-TEST-0001", "rolled-back"));
      status.setRollbackOnly();
    });

    assertThat(sender.deliverDue()).isZero();
    assertThat(siem.requests()).isEqualTo(2); // each tried once, refused
    assertThat(sender.deliverDue()).as("not before its backoff").isZero();
    assertThat(siem.requests()).isEqualTo(2);

    // the node restarts: the rows are in the database, a new sender takes them up
    siem.answer(204);
    WebhookSender restarted = new WebhookSender(outbox, properties);
    restarted.resumeAfterRestart();
    assertThat(restarted.deliverDue()).as("still in its backoff after the restart").isZero();
    ClockUtil.setCurrentTime(Date.from(T0.plus(properties.retry().backoff(1)).plusSeconds(1)));
    assertThat(restarted.deliverDue()).isEqualTo(2);

    // later rounds, on this node and after another restart: nothing is sent again
    ClockUtil.setCurrentTime(Date.from(T0.plus(Duration.ofDays(2))));
    assertThat(restarted.deliverDue()).isZero();
    WebhookSender again = new WebhookSender(outbox, properties);
    again.resumeAfterRestart();
    assertThat(again.deliverDue()).isZero();

    assertThat(siem.events()).extracting(e -> e.get("type").asText())
        .containsExactlyInAnyOrder("com.mileotech.cyber.security-incident.qualified",
            "com.mileotech.cyber.security-incident.evidence-verification-failed");
    assertThat(siem.requests()).isEqualTo(4);
    assertThat(siem.duplicates()).isZero();
    assertThat(siem.badSignatures()).isZero();
    assertThat(other.requests()).as("another client's subscriber").isZero();

    @SuppressWarnings("unchecked")
    Map<String, Object> read = admin().getForObject("/api/webhook-subscriptions/" + subscriptions.id(0), Map.class);
    assertThat((Map<String, Object>) read.get("deliveries")).containsEntry("delivered", 2);
    assertThat(read).doesNotContainKey("secret");
  }

  @Test
  @SuppressWarnings("unchecked")
  void aDeliveryGivenUpIsReArmedByAnAdministratorAndADeletedSubscriberGetsNothingMore() throws Exception {
    WebhookReceiver siem = subscribe("SIEM du client OIV", TestClients.OIV, null);
    String subscription = subscriptions.id(0);
    siem.answer(503);
    transactions.executeWithoutResult(status -> publisher.publishEvent(new CaseEvent(EventType.DEADLINE_MISSED,
        TestClients.OIV, "INC-TEST-0002", "security-incident", "test:missed", Map.of("deadline", "cnil"))));

    Instant now = T0;
    int maxAttempts = properties.retry().maxAttempts();
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      assertThat(sender.deliverDue()).isZero();
      now = now.plus(properties.retry().backoff(attempt)).plusSeconds(1);
      ClockUtil.setCurrentTime(Date.from(now));
    }
    assertThat(siem.requests()).isEqualTo(maxAttempts);
    assertThat(sender.deliverDue()).as("given up").isZero();
    assertThat(siem.requests()).isEqualTo(maxAttempts);
    Map<String, Object> read = admin().getForObject("/api/webhook-subscriptions/" + subscription, Map.class);
    assertThat((Map<String, Object>) read.get("deliveries")).containsEntry("failed", 1);
    assertThat(health.health().getStatus().getCode()).isEqualTo("DEGRADED");

    siem.answer(204);
    Map<String, Object> rearmed = admin().postForObject("/api/webhook-subscriptions/retry-failed", null, Map.class);
    assertThat((Integer) rearmed.get("rearmed")).isGreaterThanOrEqualTo(1);
    assertThat(sender.deliverDue()).isEqualTo(1);
    assertThat(siem.events()).extracting(e -> e.get("type").asText())
        .containsExactly("com.mileotech.cyber.deadline.missed");

    // deleted while an event waits for its next attempt: that one is cancelled, later ones not written
    siem.answer(503);
    transactions.executeWithoutResult(status -> publisher.publishEvent(new CaseEvent(EventType.DEADLINE_NEAR,
        TestClients.OIV, "INC-TEST-0002", "security-incident", "test:near", Map.of("deadline", "cnil"))));
    assertThat(sender.deliverDue()).isZero();
    int requests = siem.requests();
    assertThat(admin().exchange("/api/webhook-subscriptions/" + subscription, HttpMethod.DELETE, null, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    siem.answer(204);
    transactions.executeWithoutResult(status -> publisher.publishEvent(new CaseEvent(EventType.DEADLINE_NEAR,
        TestClients.OIV, "INC-TEST-0002", "security-incident", "test:near-after", Map.of("deadline", "cnil"))));
    ClockUtil.setCurrentTime(Date.from(now.plus(Duration.ofDays(1))));
    sender.deliverDue();
    assertThat(siem.requests()).isEqualTo(requests);
    assertThat(siem.events()).hasSize(1);
    assertThat(admin().getForEntity("/api/webhook-subscriptions/" + subscription, String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void onlyAdministratorsManageSubscriptionsAndBadInputIsRefusedNamingTheField() {
    ResponseEntity<String> technician = http.withBasicAuth(TECH, TestUsers.PASSWORD)
        .postForEntity("/api/webhook-subscriptions", Map.of("name", "x", "url", "https://siem.example/hook"), String.class);
    assertThat(technician.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.withBasicAuth(TECH, TestUsers.PASSWORD).getForEntity("/api/webhook-subscriptions", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    Map<String, Object> bad = new HashMap<>();
    bad.put("name", "SIEM");
    bad.put("url", "ftp://siem.example/hook");
    bad.put("clientId", "client-inconnu");
    bad.put("eventTypes", List.of("security-incident.qualified", "incident.pwned"));
    ResponseEntity<String> refused = admin().postForEntity("/api/webhook-subscriptions", bad, String.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("url", "clientId", "eventTypes", "client inconnu", "incident.pwned");

    ResponseEntity<String> missing = admin().exchange("/api/webhook-subscriptions/nope", HttpMethod.DELETE, null,
        String.class);
    assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  // ---------- helpers

  private TestRestTemplate admin() {
    return http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
  }

  private WebhookReceiver subscribe(String name, String clientId, List<String> types) throws Exception {
    return subscriptions.subscribe(name, clientId, types);
  }

  private static CaseEvent step(String reference, String occurrence) {
    return new CaseEvent(EventType.SECURITY_INCIDENT_QUALIFIED, TestClients.PLAIN, reference, "security-incident",
        "test:" + occurrence, Map.of("reference", reference, "severity", "mineur"));
  }

  private ProcessInstance report(String clientId, List<String> sites) {
    identityService.setAuthentication(TECH, List.of(Groups.TECHNICIANS_ID), List.of(TestClients.OIV, TestClients.PLAIN));
    try {
      String definitionId = repositoryService.createProcessDefinitionQuery()
          .processDefinitionKey(SecurityIncidentVariables.PROCESS_KEY).latestVersion().singleResult().getId();
      return formService.submitStartForm(definitionId, IncidentForms.report(clientId, sites));
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void qualify(ProcessInstance pi) {
    Task task = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_QualifyIncident")
        .singleResult();
    String siteIds = (String) runtimeService.getVariable(pi.getId(), SecurityIncidentVariables.SITE_IDS.name());
    identityService.setAuthentication(REFERENT, List.of(Groups.CYBER_REFERENT_ID),
        List.of(TestClients.OIV, TestClients.PLAIN));
    try {
      formService.submitTaskForm(task.getId(), IncidentForms.qualification("mineur", false, IncidentForms.sites(siteIds)));
    } finally {
      identityService.clearAuthentication();
    }
    runDueJobs(pi);
  }

  private void runDueJobs(ProcessInstance pi) {
    for (int guard = 0; guard < 30; guard++) {
      List<Job> due = managementService.createJobQuery().processInstanceId(pi.getId()).executable()
          .orderByJobDuedate().asc().list();
      if (due.isEmpty()) {
        return;
      }
      managementService.executeJob(due.get(0).getId());
    }
    throw new AssertionError("jobs keep coming");
  }
}
