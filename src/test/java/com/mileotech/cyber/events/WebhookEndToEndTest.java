package com.mileotech.cyber.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mileotech.cyber.EngineSteps;
import com.mileotech.cyber.EngineSteps.Person;
import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestClients;
import com.mileotech.cyber.TestUsers;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.client.ClientService;
import com.mileotech.cyber.commissioning.CommissioningForms;
import com.mileotech.cyber.incident.IncidentForms;
import com.mileotech.cyber.incident.SecurityIncidentVariables;
import com.mileotech.cyber.notification.NotificationForms;
import com.mileotech.cyber.security.Groups;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 19, "done when" for the events: a subscriber receives each event of a real case exactly
 * once, every type of {@link EventType}, across a subscriber outage (503, then connections
 * refused) and a restart of the delivering node; a delivery in flight when its node dies is
 * delivered later, not lost; a delivery the receiver kept but whose answer was lost comes again
 * under the same {@code X-Mileo-Delivery} and the receiver drops it (at least once, deduplicated:
 * docs/events.md, "What is guaranteed"). Another client's subscriber receives nothing; Mileo's
 * every-client subscriber receives everything.
 *
 * <p>No timing: the processes are driven by {@link EngineSteps} with Camunda's clock moved, and the
 * delivery rounds are run by the test ({@code mileo.webhooks.sender.enabled=false} in tests), on
 * senders built as a (re)started node builds them.
 */
@IntegrationTest
class WebhookEndToEndTest {

  /** Monday 2 March 2026, 09:00 in Paris. */
  static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  static final String TECH = "tech.webhooks";
  static final String MANAGER = "cdp.webhooks";
  static final String REFERENT = "referent.webhooks";
  static final Path EVIDENCE_STORE = Path.of("target/test-evidence");

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired ClientRepository clientRepository;
  @Autowired ClientService clientService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired RepositoryService repositoryService;
  @Autowired EngineSteps steps;
  @Autowired TransactionTemplate transactions;
  @Autowired WebhookOutbox outbox;
  @Autowired WebhookProperties properties;
  @Autowired WebhookSender sender;

  private final ObjectMapper json = new ObjectMapper();
  private final WebhookSubscriptions subscriptions = new WebhookSubscriptions(this::admin);

  @BeforeEach
  void setUp() {
    TestClients.ensure(identityService, clientRepository, clientService);
    TestUsers.ensure(identityService, TECH, Groups.TECHNICIANS);
    TestUsers.ensure(identityService, MANAGER, Groups.PROJECT_MANAGERS);
    TestUsers.ensure(identityService, REFERENT, Groups.CYBER_REFERENT);
    ClockUtil.setCurrentTime(Date.from(T0));
    drain(sender); // what earlier tests left due is not this test's
  }

  @AfterEach
  void tearDown() {
    subscriptions.close();
    identityService.clearAuthentication();
    ClockUtil.reset();
  }

  @Test
  void everyStepOfACaseReachesItsClientsSubscriberExactlyOnceAcrossAnOutageAndARestart() throws Exception {
    WebhookReceiver siem = subscribe("SIEM du client sans régime", TestClients.PLAIN);
    WebhookReceiver otherClient = subscribe("SIEM du client OIV", TestClients.OIV);
    WebhookReceiver mileo = subscribe("Supervision Mileo", null);

    // ---- the subscriber is down (503) while the incident is reported, qualified and its evidence kept
    siem.answer(503);
    ProcessInstance incident = steps.start(SecurityIncidentVariables.PROCESS_KEY, staff(TECH, Groups.TECHNICIANS),
        IncidentForms.report(TestClients.PLAIN, List.of("boutique")));
    String reference = (String) runtimeService.getVariable(incident.getId(), SecurityIncidentVariables.REFERENCE.name());
    runCase(reference);
    steps.submit(incident, "Task_QualifyIncident", staff(REFERENT, Groups.CYBER_REFERENT),
        IncidentForms.qualification("mineur", true, List.of("boutique"))); // images of people: the CNIL's 72 h
    runCase(reference);
    JsonNode item = uploadEvidence(reference);
    Path file = EVIDENCE_STORE.resolve(item.get("sha256").asText());
    Files.write(file, ("altéré " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < 2; i++) { // verified twice, altered once: one event
      assertThat(verifyEvidence(reference, item).get("lastVerification").asText()).isEqualTo("non-conforme");
    }
    drain(sender);
    assertThat(siem.events()).as("nothing kept during the outage").isEmpty();
    assertThat(siem.requests()).as("each tried once, refused").isEqualTo(4);

    // ---- the deadlines come: reminders, then escalations; meanwhile the receiver's host refuses connections
    siem.down();
    for (int hour = 1; hour <= 6; hour++) {
      now(T0.plus(Duration.ofHours(hour)));
      runCase(reference);
      drain(sender);
    }
    assertThat(mileo.types()).contains(EventType.DEADLINE_NEAR.type(), EventType.DEADLINE_MISSED.type());

    // ---- the node restarts, the receiver is back: every waiting delivery goes, once
    siem.up();
    siem.answer(204);
    WebhookSender restarted = new WebhookSender(outbox, properties);
    restarted.resumeAfterRestart();
    now(now().plus(properties.retry().maxInterval()).plusSeconds(1)); // past every backoff
    drain(restarted);
    assertThat(siem.ids()).containsExactlyInAnyOrderElementsOf(mileo.ids());

    // ---- the rest of the case: filed with the CNIL, closed; a checklist issued for the same client
    ProcessInstance cnil = runtimeService.createProcessInstanceQuery().processDefinitionKey("cnil-notification")
        .processInstanceBusinessKey(reference + "-CNIL").singleResult();
    assertThat(cnil).as("the CNIL notification of %s", reference).isNotNull();
    if (steps.findTask(cnil.getId(), "Task_InformClient") != null) {
      steps.submit(cnil, "Task_InformClient", staff(REFERENT, Groups.CYBER_REFERENT),
          NotificationForms.clientInformedByMail());
      runCase(reference);
    }
    steps.submit(cnil, "Task_DraftReport", staff(REFERENT, Groups.CYBER_REFERENT), NotificationForms.cnilDraft("risque"));
    runCase(reference);
    String filedAt = now().minusSeconds(600).atZone(PARIS).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmxxx"));
    steps.submit(cnil, "Task_FileReport", Person.of(TestClients.PLAIN_RSSI, Groups.CLIENT_RSSI, TestClients.PLAIN),
        NotificationForms.cnilFiled(filedAt, "CNIL-2026-WH01", null));
    runCase(reference);
    respondUntilClosure(incident, reference);
    ProcessInstance commissioning = steps.start("vms-commissioning", staff(TECH, Groups.TECHNICIANS),
        CommissioningForms.start(TestClients.PLAIN, "boutique", "WH-" + System.nanoTime()));
    steps.runDueJobs(commissioning);
    steps.submit(commissioning, "Task_FillChecklist", staff(TECH, Groups.TECHNICIANS), CommissioningForms.fillAllConforme());
    steps.submit(commissioning, "Task_SignChecklist", staff(TECH, Groups.TECHNICIANS), CommissioningForms.sign());
    steps.runDueJobs(commissioning); // the document is issued

    // ---- and a second restart: what was delivered is never sent again
    drain(restarted);
    int requestsBefore = siem.requests();
    WebhookSender again = new WebhookSender(outbox, properties);
    again.resumeAfterRestart();
    now(now().plus(Duration.ofDays(3)));
    drain(again);
    assertThat(siem.requests()).isEqualTo(requestsBefore);

    // every type, each step once
    Map<String, Long> perType = siem.events().stream()
        .collect(Collectors.groupingBy(e -> e.get("type").asText(), Collectors.counting()));
    assertThat(perType.keySet()).containsExactlyInAnyOrderElementsOf(
        java.util.Arrays.stream(EventType.values()).map(EventType::type).toList());
    for (EventType once : List.of(EventType.SECURITY_INCIDENT_REPORTED, EventType.SECURITY_INCIDENT_QUALIFIED,
        EventType.EVIDENCE_ADDED, EventType.EVIDENCE_VERIFICATION_FAILED, EventType.REGULATORY_REPORT_FILED,
        EventType.SECURITY_INCIDENT_CLOSED, EventType.CHECKLIST_ISSUED)) {
      assertThat(perType.get(once.type())).as(once.code()).isEqualTo(1L);
    }
    // a reminder or an escalation: one event per occurrence (a reminder cycle fires more than once),
    // as many as the engine's history has reminder and escalation steps for this client
    List<String> deadlineSteps = siem.events().stream()
        .filter(e -> e.get("type").asText().startsWith(EventType.PREFIX + "deadline."))
        .map(e -> e.get("data").get("step").asText()).sorted().toList();
    assertThat(deadlineSteps).isNotEmpty().containsExactlyElementsOf(deadlineStepsRun(List.of(reference, commissioningReference(commissioning))));
    assertThat(siem.events()).allSatisfy(e -> {
      assertThat(e.get("data").get("clientId").asText()).isEqualTo(TestClients.PLAIN);
      assertThat(e.get("subject").asText()).isIn(reference, reference + "-CNIL",
          commissioningReference(commissioning));
    });
    assertThat(siem.duplicates()).as("nothing sent twice").isZero();
    assertThat(siem.sameEventTwice()).isZero();
    assertThat(siem.badSignatures()).isZero();
    assertThat(deliveries(subscriptions.id(0))).as("every delivery of the subscription delivered")
        .containsOnlyKeys("delivered").containsEntry("delivered", siem.events().size());

    // Mileo's tools get every client's events, the same ones; another client's subscriber nothing
    assertThat(mileo.ids()).containsExactlyInAnyOrderElementsOf(siem.ids());
    assertThat(mileo.duplicates()).isZero();
    assertThat(otherClient.requests()).as("another client's subscriber").isZero();
  }

  @Test
  void aDeliveryInFlightWhenItsNodeDiesIsDeliveredLaterAndAnAnswerLostIsDroppedByTheReceiver() throws Exception {
    WebhookReceiver siem = subscribe("SIEM du client sans régime", TestClients.PLAIN);
    WebhookReceiver otherClient = subscribe("SIEM du client OIV", TestClients.OIV);
    WebhookProperties nodeA = node("node-a");
    WebhookProperties nodeB = node("node-b");
    String first = publish("in-flight-a");
    String second = publish("in-flight-b");
    String third = publish("answer-lost");

    // node A claims the first two deliveries and dies before sending (or while sending): no "delivered" mark
    Instant now = now();
    List<String> due = outbox.dueIds(now, 100);
    assertThat(due).hasSize(3);
    for (String id : due.subList(0, 2)) {
      assertThat(outbox.claim(id, nodeA.nodeId(), now, now.plus(nodeA.sender().lease()))).isTrue();
    }
    // node B goes on: it does not send what A holds, only the third, which the receiver keeps but
    // whose answer is lost (as if B died between the answer and its mark)
    siem.keepButLoseAnswer();
    WebhookSender b = new WebhookSender(outbox, nodeB);
    assertThat(b.deliverDue()).isZero();
    assertThat(siem.events()).extracting(e -> e.get("data").get("occurrence").asText()).containsExactly("answer-lost");
    String lostAnswer = siem.deliveryIds().get(0);

    // A restarts: what it held is free again at once and delivered, once
    WebhookSender a = new WebhookSender(outbox, nodeA);
    assertThat(a.resumeAfterRestart()).isEqualTo(2);
    assertThat(a.deliverDue()).isEqualTo(2);

    // the lost answer: retried after its backoff, same X-Mileo-Delivery, the receiver drops it
    now(now.plus(properties.retry().backoff(1)).plusSeconds(1));
    assertThat(a.deliverDue()).isEqualTo(1);
    assertThat(siem.deliveryIds()).hasSize(4).containsOnlyOnce(siem.deliveryIds().get(1), siem.deliveryIds().get(2))
        .filteredOn(lostAnswer::equals).hasSize(2);
    assertThat(siem.duplicates()).as("the retry of the kept delivery, dropped").isEqualTo(1);
    assertThat(siem.events()).extracting(e -> e.get("id").asText()).containsExactlyInAnyOrder(first, second, third);

    // a node that died for good: another node takes its claims once their lease ends, not before
    String fourth = publish("node-gone");
    now = now();
    String id = outbox.dueIds(now, 10).get(0);
    assertThat(outbox.claim(id, "node-gone", now, now.plus(nodeA.sender().lease()))).isTrue();
    assertThat(b.deliverDue()).isZero();
    now(now.plus(nodeA.sender().lease()).plusSeconds(1));
    assertThat(b.deliverDue()).isEqualTo(1);
    assertThat(siem.events()).extracting(e -> e.get("id").asText()).containsExactlyInAnyOrder(first, second, third,
        fourth);
    drain(a);
    drain(b);
    assertThat(siem.events()).hasSize(4);
    assertThat(siem.badSignatures()).isZero();
    assertThat(siem.sameEventTwice()).isZero();
    assertThat(deliveries(subscriptions.id(0))).containsOnlyKeys("delivered").containsEntry("delivered", 4);
    assertThat(otherClient.requests()).isZero();
  }

  // ---------- the case

  private void respondUntilClosure(ProcessInstance incident, String reference) {
    Person tech = staff(TECH, Groups.TECHNICIANS);
    steps.submit(incident, "Task_CaptureEvidence", tech, IncidentForms.evidenceCaptured());
    steps.submit(incident, "Task_ContainIncident", tech, IncidentForms.containment("Fait à 10 h 05"));
    steps.submit(incident, "Task_EradicateThreat", tech, IncidentForms.eradication());
    steps.submit(incident, "Task_VerifyIntegrity", tech, IncidentForms.integrity(true, null));
    steps.submit(incident, "Task_ProposeRecoveryDate", staff(MANAGER, Groups.PROJECT_MANAGERS),
        IncidentForms.recoveryProposal(now().plus(Duration.ofDays(1))));
    steps.submit(incident, "Task_AgreeRecoveryDate", Person.of(TestClients.PLAIN_RSSI, Groups.CLIENT_RSSI,
        TestClients.PLAIN), IncidentForms.recoveryAgreed());
    steps.submit(incident, "Task_ReturnToService", tech, IncidentForms.returnToService());
    runCase(reference);
  }

  /** Runs the due jobs of every instance of the case: the incident, its notifications, their reports. */
  private void runCase(String reference) {
    steps.runDueJobs(() -> runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike(reference + "%")
        .list().stream().map(ProcessInstance::getId).toList());
  }

  /** The reminder and escalation steps the engine ran in these instances and those they called, by element id. */
  private List<String> deadlineStepsRun(List<String> businessKeys) {
    return businessKeys.stream()
        .flatMap(key -> historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKeyLike(key + "%")
            .list().stream())
        .flatMap(pi -> historyService.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
            .activityType("serviceTask").finished().list().stream())
        .filter(a -> ProcessSteps.of(a.getProcessDefinitionKey(), a.getActivityId(), delegateOf(a)).filter(
            t -> t == EventType.DEADLINE_NEAR || t == EventType.DEADLINE_MISSED).isPresent())
        .map(a -> a.getActivityId()).sorted().toList();
  }

  private String delegateOf(org.camunda.bpm.engine.history.HistoricActivityInstance activity) {
    org.camunda.bpm.model.bpmn.instance.ServiceTask task = repositoryService.getBpmnModelInstance(
        activity.getProcessDefinitionId()).getModelElementById(activity.getActivityId());
    return task.getCamundaDelegateExpression();
  }

  private String commissioningReference(ProcessInstance commissioning) {
    return (String) historyService.createHistoricVariableInstanceQuery().processInstanceId(commissioning.getId()).variableName("reference")
        .singleResult().getValue();
  }

  private JsonNode uploadEvidence(String reference) throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_OCTET_STREAM);
    byte[] content = ("journal du NVR " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    ResponseEntity<String> answer = http.withBasicAuth(TECH, TestUsers.PASSWORD).exchange(
        "/api/security-incidents/" + reference + "/evidence?kind=journaux&description=Journaux du NVR",
        HttpMethod.POST, new HttpEntity<>(content, headers), String.class);
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode item = json.readTree(answer.getBody());
    assertThat(item.get("sha256").asText())
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
    return item;
  }

  private JsonNode verifyEvidence(String reference, JsonNode item) throws Exception {
    ResponseEntity<String> answer = http.withBasicAuth(REFERENT, TestUsers.PASSWORD).postForEntity(
        "/api/security-incidents/" + reference + "/evidence/" + item.get("id").asLong() + "/verifications", null,
        String.class);
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
    return json.readTree(answer.getBody());
  }

  // ---------- delivery

  /** Delivery rounds until nothing due is left (a round delivers a batch at most). */
  private static void drain(WebhookSender sender) {
    for (int round = 0; round < 50; round++) {
      if (sender.deliverDue() == 0) {
        return;
      }
    }
    throw new AssertionError("deliveries keep coming");
  }

  /** This node's configuration under another node id: several nodes share the outbox. */
  private WebhookProperties node(String nodeId) {
    return new WebhookProperties(properties.source(), properties.allowHttp(), nodeId, properties.sender(),
        properties.retry());
  }

  /** A step of the client's case written to the outbox (as a step's transaction does); returns its event id. */
  private String publish(String occurrence) {
    return transactions.execute(status -> outbox.record(new CaseEvent(EventType.DEADLINE_NEAR, TestClients.PLAIN,
        "INC-TEST-WH", "security-incident", "test:" + occurrence + ":" + UUID.randomUUID(),
        Map.of("clientId", TestClients.PLAIN, "occurrence", occurrence)), now()).orElseThrow());
  }

  @SuppressWarnings("unchecked")
  private Map<String, Integer> deliveries(String subscription) {
    Map<String, Object> read = admin().getForObject("/api/webhook-subscriptions/" + subscription, Map.class);
    return (Map<String, Integer>) read.get("deliveries");
  }

  // ---------- people and subscribers

  private TestRestTemplate admin() {
    return http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
  }

  /** Staff belong to every client's tenant. */
  private static Person staff(String userId, Groups group) {
    return Person.of(userId, group, List.of(TestClients.OIV, TestClients.PLAIN));
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  private static void now(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  private WebhookReceiver subscribe(String name, String clientId) throws Exception {
    return subscriptions.subscribe(name, clientId, null);
  }
}
