package com.mileotech.cyber.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestClients;
import com.mileotech.cyber.TestUsers;
import com.mileotech.cyber.reminder.RecordingReminders;
import com.mileotech.cyber.reminder.Reminders;
import com.mileotech.cyber.reminder.mail.Outbox;
import com.mileotech.cyber.reminder.mail.OutboxMail;
import com.mileotech.cyber.reminder.mail.OutboxSender;
import com.mileotech.cyber.reminder.mail.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The client is told once per incident, not once per authority: one « Informer le client » task
 * however many duties are open, one written mail to the RSSI, and every duty of the incident records
 * that same telling, judged against its own deadline (docs/notifications.md, "The client is told
 * first"). Both orders, both open at once, the reminders of the closed task, and the record attacked
 * through /engine-rest. The clock is moved, never waited for.
 */
@IntegrationTest
class ClientInformedOnceTest {

  private static final Instant AWARENESS = Instant.parse("2026-03-02T08:00:00Z");
  private static final String RSSI_ADDRESS = TestClients.OIV_RSSI + "@test.example";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static TestSmtp smtp;

  @Autowired ProcessEngine engine;
  @Autowired NotificationTestSupport support;
  @Autowired NotificationRegister register;
  @Autowired IncidentNotifications incidentNotifications;
  @Autowired Reminders reminders;
  @Autowired Outbox outbox;
  @Autowired OutboxSender sender;
  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startSmtp() {
    smtp = new TestSmtp();
  }

  @AfterAll
  static void stopSmtp() {
    smtp.close();
  }

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    support.prepare();
    ClockUtil.setCurrentTime(Date.from(AWARENESS));
    ((RecordingReminders) reminders).clear();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /**
   * Both duties open at once (an OIV, images of people, critical): two tasks; telling the client
   * through one closes the other, whose reminders and escalation never go. One mail, naming both.
   */
  @Test
  void bothOpenAtOnceTheFirstTellingClosesTheOtherTaskAndOneMailNamesBoth() throws Exception {
    ProcessInstance incident = support.qualifiedIncident(TestClients.OIV, true, "critique", "intrusion", AWARENESS,
        "alerte-supervision");
    ProcessInstance cnil = support.notification(incident, "CNIL");
    ProcessInstance anssi = support.notification(incident, "ANSSI");
    assertThat(cnil).isWaitingAt("Task_InformClient");
    assertThat(anssi).isWaitingAt("Task_InformClient");

    at(Duration.ofMinutes(30));
    support.informClient(anssi); // told through the ANSSI duty, by the application's mail
    assertThat(support.task(cnil, "Task_InformClient")).as("the CNIL task closed").isNull();
    assertThat(cnil).hasPassed("Event_ClientInformedElsewhere", "Task_CopyClientInformation")
        .hasNotPassed("Task_RecordClientInformation", "Task_SendClientInformation");
    assertThat(support.report(cnil, "notification-initiale")).isWaitingAt("Task_DraftReport");
    assertThat(support.report(anssi, "declaration-oiv")).isWaitingAt("Task_DraftReport");

    NotificationRegister.Notification told = record(incident, "ANSSI");
    NotificationRegister.Notification copied = record(incident, "CNIL");
    Instant at = AWARENESS.plus(Duration.ofMinutes(30));
    assertThat(told.clientInformedAt()).isEqualTo(at);
    assertThat(told.clientInformedThrough()).isNull();
    assertThat(copied.clientInformedAt()).isEqualTo(at);
    assertThat(copied.clientInformedBy()).isEqualTo(NotificationTestSupport.REFERENT);
    assertThat(copied.clientInformedChannel()).isEqualTo("courriel-application");
    assertThat(copied.clientInformedThrough()).isEqualTo(told.id());
    assertThat(copied.clientInformedHow()).startsWith("Client déjà informé le 2 mars 2026 à 9 h 30, heure de Paris"
        + " (notification ANSSI " + told.id() + ") : ").contains(told.clientInformedHow());
    assertThat(copied.clientInformedOnTime()).isTrue();
    assertThat(copied.clientInformationVerdict()).isEqualTo("dans le délai");
    assertThat(copied.clientAwarenessAt()).isEqualTo(told.clientAwarenessAt()).isEqualTo(at);
    assertThat(copied.earliestAwarenessAt()).isEqualTo(AWARENESS);
    // the legal clocks run from that same awareness, as before
    assertThat(engine.getRuntimeService().getVariable(cnil.getId(), "cnilLegalDueAt"))
        .isEqualTo(Date.from(at.plus(Duration.ofHours(72))));
    assertThat(engine.getRuntimeService().getVariable(cnil.getId(), "clientInformedThrough")).isEqualTo(told.id());
    // what the incident file reads
    assertThat(incidentNotifications.of(incident.getBusinessKey()))
        .extracting(d -> d.authority() + " : " + d.clientInformation())
        .containsExactlyInAnyOrder("ANSSI : dans le délai",
            "CNIL : dans le délai, information donnée une fois pour l'incident, par la notification ANSSI");

    // the closed task's reminders (1 h, 3 h) and escalation (4 h) never go
    for (int minutes : new int[] {60, 180, 240, 300}) {
      at(Duration.ofMinutes(minutes));
      support.runDueJobs(cnil);
      support.runDueJobs(anssi);
    }
    assertThat(Stream.concat(support.reminderCalls(cnil).stream(), support.reminderCalls(anssi).stream())
        .filter(c -> "clientInformation".equals(c.name()))).isEmpty();
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(cnil.getId())
        .activityId("Event_ClientInformationReminder").count()).isZero();

    // one written mail, naming both duties, delivered once to the RSSI
    List<OutboxMail> mails = clientMails(cnil, anssi);
    assertThat(mails).singleElement().satisfies(mail -> {
      assertThat(mail.processInstanceId()).isEqualTo(anssi.getId());
      assertThat(mail.subject()).contains("violation de données personnelles et notification à l'ANSSI");
      assertThat(mail.bodyText()).contains("notifier la CNIL dans les 72 heures").contains("notifié à l'ANSSI");
      assertThat(mail.recipients()).contains(RSSI_ADDRESS);
    });
    List<MimeMessage> received = deliver(mails);
    assertThat(received).singleElement().satisfies(m -> {
      assertThat(m.getSubject()).contains("violation de données personnelles et notification à l'ANSSI");
      assertThat(mails.get(0).bodyText()).contains("Votre propre délai de notification à la CNIL (72 heures)")
          .contains("Il doit également être notifié à l'ANSSI, dans ses propres délais.");
    });
    assertThat(smtp.inbox(RSSI_ADDRESS, List.of(mails.get(0).id()))).hasSize(1);
  }

  /**
   * CNIL first (images of people, a minor incident), the client told; a re-qualification a day later
   * makes it critical: the ANSSI duty starts with no task, records the earlier telling (kept: told
   * before its own deadline), and its clocks start at its own awareness. No second mail.
   */
  @Test
  void aDutyStartedAfterTheClientWasToldOpensNoTaskAndTakesTheTellingOver() throws Exception {
    ProcessInstance incident = support.qualifiedIncident(TestClients.OIV, true, "mineur", "erreur-humaine", AWARENESS,
        "alerte-supervision");
    ProcessInstance cnil = support.notification(incident, "CNIL");
    assertThat(support.notification(incident, "ANSSI")).isNull();
    at(Duration.ofHours(1));
    support.informClient(cnil);

    Instant day2 = AWARENESS.plus(Duration.ofHours(30));
    at(Duration.ofHours(30));
    support.requalify(incident, Map.of("severity", "critique", "awarenessAt", Date.from(day2)));
    ProcessInstance anssi = support.notification(incident, "ANSSI");
    assertThat(anssi).isNotNull();
    assertThat(support.task(anssi, "Task_InformClient")).isNull();
    assertThat(anssi).hasPassed("Gateway_ClientAlreadyInformed", "Task_CopyClientInformation")
        .hasNotPassed("Task_InformClient", "Task_SendClientInformation");
    assertThat(support.report(anssi, "declaration-oiv")).isWaitingAt("Task_DraftReport");

    NotificationRegister.Notification told = record(incident, "CNIL");
    NotificationRegister.Notification copied = record(incident, "ANSSI");
    assertThat(copied.clientInformationDueAt()).isEqualTo(day2.plus(Duration.ofHours(4)));
    assertThat(copied.clientInformedAt()).isEqualTo(AWARENESS.plus(Duration.ofHours(1)));
    assertThat(copied.clientInformedOnTime()).isTrue();
    assertThat(copied.clientInformedBy()).isEqualTo(NotificationTestSupport.REFERENT);
    assertThat(copied.clientInformedThrough()).isEqualTo(told.id());
    assertThat(copied.clientInformedHow()).startsWith("Client déjà informé le 2 mars 2026 à 10 h 00, heure de Paris"
        + " (notification CNIL " + told.id() + ")");
    // the facts that made the duty apply are known from the re-qualification: its clocks start there
    assertThat(copied.clientAwarenessAt()).isEqualTo(day2);
    assertThat(copied.earliestAwarenessAt()).isEqualTo(day2);
    assertThat(engine.getRuntimeService().getVariable(anssi.getId(), "oivDeclarationDueAt"))
        .isEqualTo(Date.from(day2.plus(Duration.ofHours(24))));
    // the CNIL's own record is untouched
    assertThat(told.clientInformedThrough()).isNull();
    assertThat(told.clientAwarenessAt()).isEqualTo(AWARENESS.plus(Duration.ofHours(1)));

    assertThat(clientMails(cnil, anssi)).singleElement().satisfies(mail -> {
      assertThat(mail.processInstanceId()).isEqualTo(cnil.getId());
      assertThat(mail.bodyText()).doesNotContain("ANSSI"); // the only duty when the client was told
    });
    assertThat(support.reminderCalls(anssi)).noneMatch(c -> "clientInformation".equals(c.name()));
  }

  /**
   * ANSSI first, its task left open past its deadline (escalated); a re-qualification adds the CNIL.
   * Telling the client through the CNIL closes the ANSSI task: the same moment is kept for the CNIL's
   * deadline and late for the ANSSI's, each judged against its own.
   */
  @Test
  void eachDutyJudgesTheSameTellingAgainstItsOwnDeadline() {
    ProcessInstance incident = support.qualifiedIncident(TestClients.OIV, false, "critique", "intrusion", AWARENESS,
        "alerte-supervision");
    ProcessInstance anssi = support.notification(incident, "ANSSI");
    at(Duration.ofHours(4));
    support.runDueJobs(anssi);
    assertThat(support.reminderCalls(anssi)).extracting(c -> c.kind() + " " + c.name())
        .contains("escalate clientInformation");

    Instant day2 = AWARENESS.plus(Duration.ofHours(30));
    at(Duration.ofHours(30));
    support.requalify(incident, Map.of("personalDataInvolved", true, "awarenessAt", Date.from(day2)));
    ProcessInstance cnil = support.notification(incident, "CNIL");
    assertThat(support.task(anssi, "Task_InformClient")).as("still open").isNotNull();
    at(Duration.ofHours(31));
    support.informClient(cnil);
    assertThat(support.task(anssi, "Task_InformClient")).isNull();
    support.runDueJobs(anssi);

    NotificationRegister.Notification viaCnil = record(incident, "CNIL");
    NotificationRegister.Notification anssiRecord = record(incident, "ANSSI");
    Instant told = AWARENESS.plus(Duration.ofHours(31));
    assertThat(viaCnil.clientInformedOnTime()).isTrue();
    assertThat(anssiRecord.clientInformedAt()).isEqualTo(told);
    assertThat(anssiRecord.clientInformedOnTime()).isFalse();
    assertThat(anssiRecord.clientInformationVerdict()).isEqualTo("hors délai");
    assertThat(anssiRecord.clientAwarenessAt()).isEqualTo(told);
    assertThat(anssiRecord.earliestAwarenessAt()).isEqualTo(AWARENESS);
    assertThat(engine.getRuntimeService().getVariable(anssi.getId(), "clientInformationMet")).isEqualTo(false);
    assertThat(clientMails(cnil, anssi)).singleElement()
        .satisfies(mail -> assertThat(mail.subject()).contains("violation de données personnelles et notification à l'ANSSI"));
  }

  /**
   * The copied facts are the server's: a submission cannot set them (complete, submit-form), nor a
   * variable write, nor a forged message closing the task without a telling.
   */
  @Test
  void theTakenOverTellingCannotBeForgedThroughTheEngineApi() throws Exception {
    ProcessInstance incident = support.qualifiedIncident(TestClients.OIV, true, "critique", "intrusion", AWARENESS,
        "alerte-supervision");
    ProcessInstance cnil = support.notification(incident, "CNIL");
    ProcessInstance anssi = support.notification(incident, "ANSSI");
    Task inform = support.task(cnil, "Task_InformClient");

    Map<String, Object> forged = new LinkedHashMap<>();
    forged.put("clientInformationChannel", Map.of("value", "courriel-application"));
    forged.put("clientAlreadyInformed", Map.of("value", true));
    forged.put("clientInformedThrough", Map.of("value", anssi.getBusinessKey()));
    forged.put("clientInformedAt", Map.of("value", "2026-03-01T08:00:00.000+0000", "type", "Date"));
    for (String action : List.of("complete", "submit-form")) {
      HttpResponse<String> refused = post(TestUsers.ADMIN, "/engine-rest/task/" + inform.getId() + "/" + action,
          Map.of("variables", forged));
      assertThat(refused.statusCode()).as(action + ": " + refused.body()).isEqualTo(400);
      assertThat(message(refused)).contains("clientAlreadyInformed", "clientInformedThrough", "clientInformedAt");
    }
    HttpResponse<String> write = call(TestUsers.ADMIN, "PUT",
        "/engine-rest/process-instance/" + cnil.getId() + "/variables/clientInformedThrough",
        Map.of("value", anssi.getBusinessKey()));
    assertThat(write.statusCode()).as(write.body()).isEqualTo(400);
    HttpResponse<String> message = post(TestUsers.ADMIN, "/engine-rest/message", Map.of(
        "messageName", NotificationVariables.CLIENT_INFORMED_MESSAGE, "businessKey", cnil.getBusinessKey(), "all", true));
    assertThat(message.statusCode()).as(message.body()).isEqualTo(400);

    assertThat(support.task(cnil, "Task_InformClient").getId()).isEqualTo(inform.getId());
    assertThat(support.task(anssi, "Task_InformClient")).isNotNull();
    assertThat(engine.getRuntimeService().getVariable(cnil.getId(), "clientInformedThrough")).isNull();
    assertThat(record(incident, "CNIL").clientInformedAt()).isNull();
    assertThat(record(incident, "ANSSI").clientInformedAt()).isNull();

    // the real telling, once: both record it, one mail
    support.informClient(cnil);
    support.runDueJobs(anssi);
    assertThat(record(incident, "ANSSI").clientInformedThrough()).isEqualTo(record(incident, "CNIL").id());
    assertThat(clientMails(cnil, anssi)).hasSize(1);
  }

  /**
   * Two people completing the CNIL's and the ANSSI's task at the same moment: whichever commits second
   * fails on the register's unique key (V121) and changes nothing; the first telling stands.
   */
  @Test
  void twoTellingsOfOneIncidentCannotBothBeRecorded() {
    ProcessInstance incident = support.qualifiedIncident(TestClients.OIV, true, "critique", "intrusion", AWARENESS,
        "alerte-supervision");
    String cnil = record(incident, "CNIL").id();
    String anssi = record(incident, "ANSSI").id();
    NotificationRegister.ClientInformation first = new NotificationRegister.ClientInformation(AWARENESS.plusSeconds(60),
        "Par téléphone", "referent.a", "telephone", true, AWARENESS.plusSeconds(60), AWARENESS);
    NotificationRegister.ClientInformation second = new NotificationRegister.ClientInformation(AWARENESS.plusSeconds(90),
        "Par courriel", "referent.b", "courriel", true, AWARENESS.plusSeconds(90), AWARENESS);
    register.clientInformed(cnil, first);
    assertThatThrownBy(() -> register.clientInformed(anssi, second))
        .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    assertThat(record(incident, "ANSSI").clientInformedAt()).isNull();
    assertThat(register.clientInformation(incident.getBusinessKey())).hasValueSatisfying(told -> {
      assertThat(told.notificationId()).isEqualTo(cnil);
      assertThat(told.informedBy()).isEqualTo("referent.a");
    });
  }

  // ------------------------------------------------------------------ helpers

  private static void at(Duration afterAwareness) {
    ClockUtil.setCurrentTime(Date.from(AWARENESS.plus(afterAwareness)));
  }

  private NotificationRegister.Notification record(ProcessInstance incident, String authority) {
    return register.forIncident(incident.getBusinessKey()).stream()
        .filter(n -> n.authority().equals(authority) && "client".equals(n.obligor())).findFirst().orElseThrow();
  }

  /** The written information mails of these notifications. */
  private List<OutboxMail> clientMails(ProcessInstance... notifications) {
    List<OutboxMail> mails = new ArrayList<>();
    for (ProcessInstance notification : notifications) {
      outbox.findByProcessInstance(notification.getId()).stream()
          .filter(m -> "breach-client-information".equals(m.template())).forEach(mails::add);
    }
    return mails;
  }

  private List<MimeMessage> deliver(List<OutboxMail> mails) {
    for (int round = 0; round < 10; round++) { // a round sends one batch of the mails due now (others' too)
      sender.sendDue(smtp.mailSender());
    }
    return smtp.receivedFor(mails.stream().map(OutboxMail::id).toList());
  }

  private static String message(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body()).path("message").asText("");
  }

  private HttpResponse<String> post(String user, String path, Object body) throws Exception {
    return call(user, "POST", path, body);
  }

  private HttpResponse<String> call(String user, String method, String path, Object body) throws Exception {
    String password = TestUsers.ADMIN.equals(user) ? TestUsers.ADMIN_PASSWORD : TestUsers.PASSWORD;
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
