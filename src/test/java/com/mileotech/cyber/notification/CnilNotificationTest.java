package com.mileotech.cyber.notification;

import com.mileotech.cyber.system.Refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestClients;
import com.mileotech.cyber.TestUsers;
import com.mileotech.cyber.security.Groups;
import com.mileotech.cyber.reminder.RecordingReminders;
import com.mileotech.cyber.reminder.Reminders;
import com.mileotech.cyber.reminder.mail.Outbox;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** GDPR art. 33 and 34 through the cnil-notification process, with the clock moved. */
@IntegrationTest
class CnilNotificationTest {

  private static final Instant AWARENESS = Instant.parse("2026-03-02T08:00:00Z");

  @Autowired ProcessEngine engine;
  @Autowired TaskService taskService;
  @Autowired NotificationTestSupport support;
  @Autowired NotificationRegister register;
  @Autowired Reminders reminders;
  @Autowired Outbox outbox;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    support.prepare();
    TestUsers.ensure(engine.getIdentityService(), "referent.cnil", Groups.CYBER_REFERENT);
    ClockUtil.setCurrentTime(Date.from(AWARENESS));
    ((RecordingReminders) reminders).clear();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void cnilNotifiedOnTime() {
    ProcessInstance incident = incident(TestClients.PLAIN);
    ProcessInstance cnil = support.notification(incident, "CNIL");
    assertThat(cnil).isWaitingAt("Task_InformClient");
    assertThat(cnil.getTenantId()).isEqualTo(TestClients.PLAIN);

    Task inform = support.task(cnil, "Task_InformClient");
    assertThat(inform.getDueDate()).isEqualTo(Date.from(AWARENESS.plus(Duration.ofHours(4))));
    assertThat(taskService.getIdentityLinksForTask(inform.getId())).extracting(l -> l.getGroupId())
        .containsExactlyInAnyOrder("cyber-referent", "project-managers");
    support.informClient(cnil); // the client is told at once, in writing: its clock starts
    assertThat(cnil).isWaitingAt("Task_NotifyCnil");
    ProcessInstance report = report(cnil); // the report's own instance, in the client's tenant
    assertThat(report).isWaitingAt("Task_DraftReport");
    assertThat(report.getTenantId()).isEqualTo(TestClients.PLAIN);
    Map<String, Object> variables = engine.getRuntimeService().getVariables(cnil.getId());
    assertThat(variables.get("clientAwarenessAt")).isEqualTo(Date.from(AWARENESS));
    assertThat(variables.get("cnilDueAt")).isEqualTo(Date.from(AWARENESS.plus(Duration.ofHours(72))));
    assertThat((String) variables.get("cnilDueText")).isEqualTo("jeudi 5 mars 2026 à 9 h 00 (heure de Paris)");
    assertThat(((RecordingReminders) reminders).calls(cnil.getId())).singleElement()
        .satisfies(c -> assertThat(c.notice().template()).isEqualTo("breach-client-information"));
    Task draft = support.task(report, "Task_DraftReport");
    assertThat(draft.getName()).isEqualTo("Rédiger la notification CNIL " + incident.getBusinessKey() + " — Client sans régime");
    assertThat(draft.getDueDate()).isEqualTo(Date.from(AWARENESS.plus(Duration.ofHours(72))));
    assertThat(taskService.getIdentityLinksForTask(draft.getId())).extracting(l -> l.getGroupId()).containsExactly("cyber-referent");

    completeDraft(cnil, "risque");
    Task filing = support.task(report, "Task_FileReport");
    assertThat(filing.getName()).startsWith("Valider et déposer la notification CNIL " + incident.getBusinessKey());
    assertThat(taskService.getIdentityLinksForTask(filing.getId())).extracting(l -> l.getGroupId())
        .containsExactlyInAnyOrder("client-rssi", "cyber-referent");
    ClockUtil.setCurrentTime(Date.from(AWARENESS.plus(Duration.ofHours(31))));
    support.asRssi(TestClients.PLAIN_RSSI, TestClients.PLAIN, () -> taskService.complete(filing.getId(),
        NotificationForms.cnilFiled("2026-03-03T15:00+01:00", "CNIL-2026-0001", null)));

    assertThat(cnil).isWaitingAt("Task_FollowUpCnilNotification");
    NotificationRegister.Notification record = record(incident, "CNIL");
    assertThat(record.status()).isEqualTo("deposee");
    assertThat(record.clientInformedHow()).contains("RSSI Plain").contains("rssi.plain@test.example");
    assertThat(record.clientInformationDueAt()).isEqualTo(AWARENESS.plus(Duration.ofHours(4)));
    assertThat(record.clientInformedOnTime()).isTrue();
    assertThat(record.clientInformedBy()).isEqualTo(NotificationTestSupport.REFERENT);
    assertThat(record.earliestAwarenessAt()).isEqualTo(AWARENESS);
    assertThat(record.decisionBy()).isEqualTo(TestClients.PLAIN_RSSI);
    assertThat(record.breachFacts().personsCategories()).isEqualTo("clients, passants");
    assertThat(record.breachFacts().personsCount()).isEqualTo(40);
    assertThat(record.reports()).singleElement().satisfies(r -> {
      assertThat(r.kind()).isEqualTo("notification-initiale");
      assertThat(r.dueAt()).isEqualTo(AWARENESS.plus(Duration.ofHours(72)));
      assertThat(r.legalDueAt()).isEqualTo(AWARENESS.plus(Duration.ofHours(72)));
      assertThat(r.submittedAt()).isEqualTo(Instant.parse("2026-03-03T14:00:00Z"));
      assertThat(r.submittedBy()).isEqualTo(TestClients.PLAIN_RSSI);
      assertThat(r.verdict()).isEqualTo("dans le délai");
      assertThat(r.receiptReference()).isEqualTo("CNIL-2026-0001");
      assertThat(r.onTime()).isTrue();
      assertThat(r.lateByMinutes()).isNull();
    });
    assertThat(engine.getRuntimeService().getVariable(cnil.getId(), "cnilMet")).isEqualTo(true);

    // art. 33(4): a complement, then closure
    ClockUtil.setCurrentTime(Date.from(AWARENESS.plus(Duration.ofHours(50))));
    support.completeAsReferent(cnil, "Task_FollowUpCnilNotification", NotificationForms.cnilComplement(
        "2026-03-04T10:00+01:00", "CNIL-2026-0001-C1", "Nombre de personnes précisé : 52"));
    assertThat(cnil).isWaitingAt("Task_FollowUpCnilNotification");
    assertThat(engine.getRuntimeService().getVariable(cnil.getId(), "complementReceiptReference")).isNull();
    support.completeAsReferent(cnil, "Task_FollowUpCnilNotification", NotificationForms.cnilClosed());
    assertThat(cnil).isEnded().hasPassed("Event_CnilNotificationClosed").hasNotPassed("Task_DecideDataSubjectsCommunication");
    record = record(incident, "CNIL");
    assertThat(record.status()).isEqualTo("close");
    assertThat(record.reports()).extracting(NotificationRegister.Report::kind)
        .containsExactly("notification-initiale", "complement");
    // the referent recorded the complement the client filed: as the client's, by the referent
    assertThat(record.reports().get(1).submittedBy()).isNull();
    assertThat(record.reports().get(1).recordedBy()).isEqualTo(NotificationTestSupport.REFERENT);
  }

  /**
   * Paris turns its clocks back on 25 October 2026: 02:00–03:00 happens twice (00:00–01:00 UTC in
   * summer time, then 01:00–02:00 UTC in winter time). A deadline in the second 02:30 was stored
   * as a zone-less "02:30" and read back as the first, one hour early, when the JVM ran in Paris:
   * the task's due date, the timer, the register, and a filing 15 minutes early counted 45 minutes
   * late. Run in Europe/Paris too (pom.xml, profile paris-time-zone).
   */
  @Test
  void aDeadlineInTheRepeatedAutumnHourIsKeptToTheMinute() {
    Instant due = Instant.parse("2026-10-25T01:30:00Z"); // 02:30 winter time, the second 02:30 of the night
    Instant awareness = due.minus(Duration.ofHours(72));
    ClockUtil.setCurrentTime(Date.from(awareness));
    ProcessInstance cnil = support.notification(
        support.qualifiedIncident(TestClients.PLAIN, true, "significatif", "intrusion", awareness, "alerte-supervision"),
        "CNIL");
    support.informClient(cnil);
    SoftAssertions softly = new SoftAssertions(); // every place the deadline is kept, each reported

    softly.assertThat(((Date) engine.getRuntimeService().getVariable(cnil.getId(), "cnilDueAt")).toInstant())
        .as("the process variable").isEqualTo(due);
    softly.assertThat(engine.getRuntimeService().getVariable(cnil.getId(), "cnilDueText"))
        .as("the deadline as the forms show it").isEqualTo("dimanche 25 octobre 2026 à 2 h 30 (heure de Paris, heure d'hiver)");
    softly.assertThat(support.task(report(cnil), "Task_DraftReport").getDueDate().toInstant())
        .as("the task's due date as the engine reads it back").isEqualTo(due);
    softly.assertThat(taskService.createTaskQuery().processInstanceId(report(cnil).getId())
        .dueAfter(Date.from(due.minusSeconds(1))).dueBefore(Date.from(due.plusSeconds(1))).count())
        .as("tasks due within a second of the deadline").isEqualTo(1);
    softly.assertThat(engine.getManagementService().createJobQuery().processInstanceId(report(cnil).getId())
        .activityId("Event_ReportDeadlinePassed").singleResult().getDuedate().toInstant())
        .as("the deadline timer's due date").isEqualTo(due);
    completeDraft(cnil, "risque");
    softly.assertThat(support.task(report(cnil), "Task_FileReport").getDueDate().toInstant())
        .as("the filing task's due date").isEqualTo(due);
    softly.assertThat(record(cnil).reports()).singleElement()
        .satisfies(r -> assertThat(r.dueAt()).as("the register's due date").isEqualTo(due))
        .satisfies(r -> assertThat(r.legalDueAt()).as("the register's legal due date").isEqualTo(due));
    softly.assertThat(engine.getRuntimeService().getVariable(cnil.getId(), "cnilLegalDueText"))
        .as("the legal time as the forms show it").isEqualTo("dimanche 25 octobre 2026 à 2 h 30 (heure de Paris, heure d'hiver)");

    // 02:45 summer time, 45 minutes before the deadline: not passed yet
    ClockUtil.setCurrentTime(Date.from(due.minus(Duration.ofMinutes(45))));
    support.runDueJobs(cnil);
    softly.assertThat(support.reminderCalls(cnil)).extracting(RecordingReminders.Call::kind)
        .as("escalations 45 minutes before the deadline").doesNotContain("escalate");

    // filed at 02:15 winter time, 15 minutes before the deadline: on time
    ClockUtil.setCurrentTime(Date.from(due.minus(Duration.ofMinutes(15))));
    String filing = support.task(report(cnil), "Task_FileReport").getId();
    support.asRssi(TestClients.PLAIN_RSSI, TestClients.PLAIN, () -> taskService.complete(filing,
        NotificationForms.cnilFiled("2026-10-25T02:15+01:00", "CNIL-2026-1025", null)));
    softly.assertThat(record(cnil).reports()).singleElement().satisfies(r -> {
      assertThat(r.submittedAt()).as("filed at").isEqualTo(due.minus(Duration.ofMinutes(15)));
      assertThat(r.dueAt()).as("due at").isEqualTo(due);
      assertThat(r.lateByMinutes()).as("late by (minutes)").isNull();
      assertThat(r.onTime()).as("on time").isTrue();
    });
    softly.assertThat(engine.getRuntimeService().getVariable(cnil.getId(), "cnilMet")).as("cnilMet").isEqualTo(true);
    softly.assertAll();
  }

  @Test
  void cnilFiledLateNeedsTheReasons() {
    ProcessInstance cnil = startedCnil(TestClients.PLAIN);
    completeDraft(cnil, "risque");
    Task filing = support.task(report(cnil), "Task_FileReport");
    ClockUtil.setCurrentTime(Date.from(AWARENESS.plus(Duration.ofHours(81))));
    Map<String, Object> late = NotificationForms.cnilFiled("2026-03-05T18:00+01:00", "CNIL-2026-0002", null);

    assertThatThrownBy(() -> support.asRssi(TestClients.PLAIN_RSSI, TestClients.PLAIN, () -> taskService.complete(filing.getId(), late)))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("postérieur à l'échéance de 72 heures et au délai légal").hasMessageContaining("art. 33(1)");
    assertThat(report(cnil)).isWaitingAt("Task_FileReport");
    assertThat(record(cnil).reports()).allSatisfy(r -> assertThat(r.submittedAt()).isNull());

    late.put("cnilDelayReasons", "Attente de l'expertise du constructeur sur l'étendue de l'accès");
    support.asRssi(TestClients.PLAIN_RSSI, TestClients.PLAIN, () -> taskService.complete(filing.getId(), late));
    assertThat(record(cnil).reports()).singleElement().satisfies(r -> {
      assertThat(r.onTime()).isFalse();
      assertThat(r.lateByMinutes()).isEqualTo(9 * 60); // due 5 March 08:00 UTC, filed 17:00 UTC
      assertThat(r.legallyOnTime()).isFalse();
      assertThat(r.legallyLateByMinutes()).isEqualTo(9 * 60);
      assertThat(r.verdict()).isEqualTo("hors délai légal");
      assertThat(r.delayReasons()).startsWith("Attente de l'expertise");
    });
    assertThat(engine.getRuntimeService().getVariable(cnil.getId(), "cnilMet")).isEqualTo(false);
  }

  @Test
  void cnilNotRequiredIsDocumented() {
    ProcessInstance cnil = startedCnil(TestClients.PLAIN);
    completeDraft(cnil, "improbable");
    Task filing = support.task(report(cnil), "Task_FileReport");
    assertThatThrownBy(() -> support.asRssi(TestClients.PLAIN_RSSI, TestClients.PLAIN,
        () -> taskService.complete(filing.getId(), Map.of("cnilDecision", "non-requise"))))
        .hasMessageContaining("documentez pourquoi");
    Map<String, Object> notRequired =
        NotificationForms.cnilNotRequired("Images chiffrées, clé non compromise : aucune personne identifiable");
    // the controller's judgement: not the referent's, even on the client's word
    assertThatThrownBy(() -> support.completeAsReferent(report(cnil), "Task_FileReport", notRequired))
        .isInstanceOf(Refusal.class)
        .hasMessage("Décision « notification non requise » refusée : seul le RSSI du client « Client sans régime », "
            + "responsable du traitement, peut décider que la violation n'a pas à être notifiée à la CNIL.");
    assertThat(report(cnil)).isWaitingAt("Task_FileReport");
    support.asRssi(TestClients.PLAIN_RSSI, TestClients.PLAIN, () -> taskService.complete(filing.getId(), notRequired));
    assertThat(cnil).isEnded().hasPassed("Event_CnilNotRequired");
    NotificationRegister.Notification record = record(cnil);
    assertThat(record.status()).isEqualTo("non-requise");
    assertThat(record.decisionReason()).startsWith("Images chiffrées");
    assertThat(record.decisionBy()).isEqualTo(TestClients.PLAIN_RSSI);
    assertThat(record.decisionRecordedBy()).isEqualTo(TestClients.PLAIN_RSSI);
    assertThat(record.breachFacts().riskToPersons()).isEqualTo("improbable"); // documented though not notified
  }

  @Test
  void aHighRiskAsksTheClientToDecideOnTellingThePersons() {
    ProcessInstance cnil = startedCnil(TestClients.PLAIN);
    completeDraft(cnil, "eleve");
    ClockUtil.setCurrentTime(Date.from(AWARENESS.plus(Duration.ofHours(7))));
    support.completeAsReferent(report(cnil), "Task_FileReport",
        NotificationForms.cnilFiled("2026-03-02T12:00+01:00", "CNIL-2026-0003", null));
    Task decide = support.task(cnil, "Task_DecideDataSubjectsCommunication");
    assertThat(decide).isNotNull();
    assertThatThrownBy(() -> support.asRssi(TestClients.PLAIN_RSSI, TestClients.PLAIN,
        () -> taskService.complete(decide.getId(), Map.of("dataSubjectsDecision", "communiquer"))))
        .hasMessageContaining("date de la décision");
    support.asRssi(TestClients.PLAIN_RSSI, TestClients.PLAIN, () -> taskService.complete(decide.getId(),
        NotificationForms.dataSubjects("communiquer", "2026-03-02T14:00+01:00", "Affichage sur site et courriel aux abonnés")));
    NotificationRegister.Notification record = record(cnil);
    assertThat(record.dataSubjectsDecision()).isEqualTo("communiquer");
    assertThat(record.dataSubjectsDecidedAt()).isEqualTo(Instant.parse("2026-03-02T13:00:00Z"));
    assertThat(record.dataSubjectsDecidedBy()).isEqualTo(TestClients.PLAIN_RSSI);
    // the filing the referent recorded is the client's
    assertThat(record.decisionBy()).isNull();
    assertThat(record.decisionRecordedBy()).isEqualTo(NotificationTestSupport.REFERENT);
    assertThat(cnil).isWaitingAt("Task_FollowUpCnilNotification");
  }

  @Test
  void anIncompleteDraftIsRefusedAndChangesNothing() {
    ProcessInstance cnil = startedCnil(TestClients.PLAIN);
    Task draft = support.task(report(cnil), "Task_DraftReport");
    assertThatThrownBy(() -> taskService.complete(draft.getId(), Map.of("personsCount", 3)))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("catégories de personnes")
        .hasMessageContaining("risque pour les personnes");
    assertThat(report(cnil)).isWaitingAt("Task_DraftReport");
    assertThat(record(cnil).breachFacts()).isNull();
  }

  @Test
  void remindersAt24h48h66hAndTheEscalationAt72hNotBefore() {
    ProcessInstance cnil = startedCnil(TestClients.PLAIN);
    RecordingReminders recorded = (RecordingReminders) reminders;
    recorded.clear();
    for (int hours : new int[] {23, 24, 47, 48, 65, 66, 71, 72}) {
      ClockUtil.setCurrentTime(Date.from(AWARENESS.plus(Duration.ofHours(hours))));
      support.runDueJobs(cnil);
    }
    assertThat(support.reminderCalls(cnil)).extracting(c -> c.kind() + "@" + Duration.between(AWARENESS, c.at()).toHours())
        .containsExactly("remind@24", "remind@48", "remind@66", "escalate@72");
    assertThat(support.reminderCalls(cnil)).allSatisfy(c -> assertThat(c.name()).isEqualTo("cnil"));
    // the timers sit on the report's subprocess: each mail is about the task open in it, to its people
    String draftTask = support.task(report(cnil), "Task_DraftReport").getId();
    for (int hours : new int[] {24, 48, 66}) {
      assertThat(outbox.findByKey(Outbox.reminderKey(report(cnil).getId(), "cnil", AWARENESS.plus(Duration.ofHours(hours)))))
          .as("reminder at %d h", hours).hasValueSatisfying(mail -> {
            assertThat(mail.taskId()).isEqualTo(draftTask);
            assertThat(mail.recipients()).contains("referent.cnil@test.example");
            assertThat(mail.subject()).contains("CNIL");
          });
    }
    // the escalation does not cancel the notification, which must still be filed (late)
    assertThat(report(cnil)).isWaitingAt("Task_DraftReport");
  }

  /**
   * "Informer le client" has its own deadline, "sans délai" (4 h) from Mileo's awareness: reminders
   * at 1 h and 3 h to the people of the task, escalation at 4 h to the referent and the project
   * managers, not before; the task stays open. Told at 5 h: the deadline is missed, the CNIL clock
   * still runs from Mileo's awareness, the legal one from the client's.
   */
  @Test
  void tellingTheClientHasItsOwnDeadlineWithRemindersAndAnEscalation() {
    TestUsers.ensure(engine.getIdentityService(), "cdp.cnil", Groups.PROJECT_MANAGERS);
    ProcessInstance cnil = support.notification(incident(TestClients.PLAIN), "CNIL");
    RecordingReminders recorded = (RecordingReminders) reminders;
    for (int minutes : new int[] {59, 60, 179, 180, 239, 240}) {
      ClockUtil.setCurrentTime(Date.from(AWARENESS.plus(Duration.ofMinutes(minutes))));
      support.runDueJobs(cnil);
    }
    assertThat(recorded.calls(cnil.getId()))
        .extracting(c -> c.kind() + " " + c.name() + "@" + Duration.between(AWARENESS, c.at()).toMinutes())
        .containsExactly("remind clientInformation@60", "remind clientInformation@180", "escalate clientInformation@240");
    assertThat(recorded.calls(cnil.getId())).allSatisfy(c -> assertThat(c.taskDefinitionKey()).isEqualTo("Task_InformClient"));
    assertThat(outbox.findByKey(Outbox.reminderKey(cnil.getId(), "clientInformation", AWARENESS.plus(Duration.ofHours(1)))))
        .hasValueSatisfying(mail -> assertThat(mail.recipients()).contains("referent.cnil@test.example"));
    assertThat(outbox.findByKey(Outbox.escalationKey(cnil.getId(), "clientInformation", AWARENESS.plus(Duration.ofHours(4)))))
        .hasValueSatisfying(mail -> assertThat(mail.recipients()).contains("referent.cnil@test.example", "cdp.cnil@test.example"));
    assertThat(cnil).isWaitingAt("Task_InformClient"); // the escalation does not withdraw the task

    ClockUtil.setCurrentTime(Date.from(AWARENESS.plus(Duration.ofHours(5))));
    support.informClient(cnil);
    assertThat(report(cnil)).isWaitingAt("Task_DraftReport");
    Map<String, Object> variables = engine.getRuntimeService().getVariables(cnil.getId());
    assertThat(variables).containsEntry("clientInformationMet", false)
        .containsEntry("clientAwarenessAt", Date.from(AWARENESS.plus(Duration.ofHours(5))))
        .containsEntry("earliestAwarenessAt", Date.from(AWARENESS))
        .containsEntry("cnilDueAt", Date.from(AWARENESS.plus(Duration.ofHours(72))))
        .containsEntry("cnilLegalDueAt", Date.from(AWARENESS.plus(Duration.ofHours(77))));
    NotificationRegister.Notification record = record(cnil);
    assertThat(record.clientInformationDueAt()).isEqualTo(AWARENESS.plus(Duration.ofHours(4)));
    assertThat(record.clientInformedAt()).isEqualTo(AWARENESS.plus(Duration.ofHours(5)));
    assertThat(record.clientInformedOnTime()).isFalse();
    assertThat(record.clientInformationVerdict()).isEqualTo("hors délai");
  }

  /**
   * Told 5 h after Mileo's awareness, the client's legal 72 hours end 5 h after the internal
   * deadline. The report still not filed at the internal deadline is escalated; still not filed
   * at the legal time, it is escalated a second time, by a mail of its own that says it is the
   * legal time, to the same people; the work goes on. Told at once, the two coincide: one
   * escalation only (the legal timer is parked).
   */
  @Test
  void aReportStillNotFiledAtTheLegalTimeIsEscalatedASecondTime() {
    ProcessInstance cnil = support.notification(incident(TestClients.PLAIN), "CNIL");
    ClockUtil.setCurrentTime(Date.from(AWARENESS.plus(Duration.ofHours(5))));
    support.informClient(cnil);
    RecordingReminders recorded = (RecordingReminders) reminders;
    recorded.clear();
    ProcessInstance report = report(cnil);
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(report.getId())
        .activityId("Event_ReportLegalDeadlinePassed").singleResult().getDuedate().toInstant())
        .isEqualTo(AWARENESS.plus(Duration.ofHours(77)));

    for (int hours : new int[] {71, 72, 76}) {
      ClockUtil.setCurrentTime(Date.from(AWARENESS.plus(Duration.ofHours(hours))));
      support.runDueJobs(cnil);
    }
    assertThat(recorded.calls(report.getId())).filteredOn(c -> c.kind().equals("escalate"))
        .extracting(c -> c.kind() + "@" + Duration.between(AWARENESS, c.at()).toHours()).containsExactly("escalate@72");
    ClockUtil.setCurrentTime(Date.from(AWARENESS.plus(Duration.ofHours(77))));
    support.runDueJobs(cnil);
    assertThat(recorded.calls(report.getId())).filteredOn(c -> c.kind().equals("escalate"))
        .extracting(c -> c.name() + "@" + Duration.between(AWARENESS, c.at()).toHours())
        .containsExactly("cnil@72", "cnil@77");

    var internal = outbox.findByKey(Outbox.escalationKey(report.getId(), "cnil", AWARENESS.plus(Duration.ofHours(72))));
    var legal = outbox.findByKey(Outbox.escalationKey(report.getId(), "cnil", AWARENESS.plus(Duration.ofHours(77))));
    assertThat(legal).as("a mail of its own").isPresent();
    assertThat(legal.get().id()).isNotEqualTo(internal.orElseThrow().id());
    assertThat(legal.get().bodyText()).contains("Notification de la violation de données à la CNIL : délai légal")
        .contains("jeudi 5 mars 2026 à 14 h 00");
    assertThat(legal.get().recipients()).containsAll(internal.get().recipients()).contains("referent.cnil@test.example");
    assertThat(report).isWaitingAt("Task_DraftReport"); // late, it is still to be filed

    // told at once: the legal time is the deadline itself, its timer parked, one escalation
    ClockUtil.setCurrentTime(Date.from(AWARENESS));
    ProcessInstance atOnce = startedCnil(TestClients.PLAIN);
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(report(atOnce).getId())
        .activityId("Event_ReportLegalDeadlinePassed").singleResult().getDuedate().toInstant())
        .isEqualTo(Instant.parse("9999-12-31T00:00:00Z"));
  }

  /**
   * The case of issue 14: Mileo knew 80 hours before telling the client. The CNIL deadline is 72 h
   * after Mileo's awareness (already passed: escalated at once), the legal one 72 h after the client
   * was told; a filing between the two is recorded "hors délai interne, dans le délai légal", and
   * Mileo's delay in telling the client is recorded as missed.
   */
  @Test
  void eightyHoursBeforeTellingTheClient() {
    Instant told = AWARENESS.plus(Duration.ofHours(80));
    ClockUtil.setCurrentTime(Date.from(told));
    ProcessInstance incident = incident(TestClients.PLAIN); // qualified now, Mileo aware since AWARENESS
    ProcessInstance cnil = support.notification(incident, "CNIL");
    support.runDueJobs(cnil); // 76 hours late already: escalated at once
    assertThat(((RecordingReminders) reminders).calls(cnil.getId())).extracting(c -> c.kind() + " " + c.name())
        .containsExactly("escalate clientInformation");
    support.informClient(cnil);
    support.runDueJobs(cnil);

    Map<String, Object> variables = engine.getRuntimeService().getVariables(cnil.getId());
    assertThat(variables.get("cnilDueAt")).isEqualTo(Date.from(AWARENESS.plus(Duration.ofHours(72))));
    assertThat(variables.get("cnilLegalDueAt")).isEqualTo(Date.from(told.plus(Duration.ofHours(72))));
    assertThat(variables.get("clientAwarenessAt")).isEqualTo(Date.from(told));
    assertThat((String) variables.get("cnilLegalDueText")).isEqualTo("dimanche 8 mars 2026 à 17 h 00 (heure de Paris)");
    assertThat(support.task(report(cnil), "Task_DraftReport").getDueDate())
        .isEqualTo(Date.from(AWARENESS.plus(Duration.ofHours(72))));
    assertThat(support.reminderCalls(cnil)).extracting(c -> c.kind() + " " + c.name())
        .containsExactly("escalate clientInformation", "inform client-informed-CNIL", "escalate cnil");

    completeDraft(cnil, "risque");
    ClockUtil.setCurrentTime(Date.from(AWARENESS.plus(Duration.ofHours(100))));
    Task filing = support.task(report(cnil), "Task_FileReport");
    Map<String, Object> filed = NotificationForms.cnilFiled("2026-03-06T13:00+01:00", "CNIL-2026-0080", null); // 100 h after
    assertThatThrownBy(() -> support.asRssi(TestClients.PLAIN_RSSI, TestClients.PLAIN,
        () -> taskService.complete(filing.getId(), filed)))
        .isInstanceOf(Refusal.class)
        .hasMessage("Dépôt de la notification CNIL impossible : le dépôt est postérieur à l'échéance interne de 72 heures "
            + "après la première prise de connaissance (jeudi 5 mars 2026 à 9 h 00 (heure de Paris)), bien que dans le "
            + "délai légal : indiquez les motifs du retard.");
    filed.put("cnilDelayReasons", "Client informé tardivement : incident découvert pendant une intervention sans remontée");
    support.asRssi(TestClients.PLAIN_RSSI, TestClients.PLAIN, () -> taskService.complete(filing.getId(), filed));

    NotificationRegister.Notification record = record(cnil);
    assertThat(record.mileoAwarenessAt()).isEqualTo(AWARENESS);
    assertThat(record.earliestAwarenessAt()).isEqualTo(AWARENESS);
    assertThat(record.clientAwarenessAt()).isEqualTo(told);
    assertThat(record.clientInformationDueAt()).isEqualTo(AWARENESS.plus(Duration.ofHours(4)));
    assertThat(record.clientInformedOnTime()).isFalse();
    assertThat(record.reports()).singleElement().satisfies(r -> {
      assertThat(r.dueAt()).isEqualTo(AWARENESS.plus(Duration.ofHours(72)));
      assertThat(r.legalDueAt()).isEqualTo(told.plus(Duration.ofHours(72)));
      assertThat(r.onTime()).isFalse();
      assertThat(r.lateByMinutes()).isEqualTo(28 * 60);
      assertThat(r.legallyOnTime()).isTrue();
      assertThat(r.legallyLateByMinutes()).isNull();
      assertThat(r.verdict()).isEqualTo("hors délai interne, dans le délai légal");
    });
    assertThat(engine.getRuntimeService().getVariables(cnil.getId()))
        .containsEntry("cnilMet", false).containsEntry("cnilLegallyMet", true);
  }

  /** The client, as controller, decides; Mileo's referent may only record a filing the client made. */
  @Test
  void aFilingIsTheClientsAndAnAdministratorMakesNone() {
    ProcessInstance cnil = startedCnil(TestClients.PLAIN);
    completeDraft(cnil, "risque");
    Task filing = support.task(report(cnil), "Task_FileReport");
    Map<String, Object> filed = NotificationForms.cnilFiled("2026-03-02T12:00+01:00", "CNIL-2026-0004", null);
    var identity = engine.getIdentityService();
    try {
      identity.setAuthentication("admin", List.of("camunda-admin"), null);
      assertThatThrownBy(() -> taskService.complete(filing.getId(), filed))
          .isInstanceOf(Refusal.class)
          .hasMessage("Dépôt de la notification CNIL impossible : seul le RSSI du client « Client sans régime » dépose "
              + "la notification auprès de la CNIL ; le référent cybersécurité peut enregistrer ce que le client a fait lui-même.");
      // an RSSI whose tenant is another client's, even claiming this one in the authentication
      identity.setAuthentication(TestClients.OIV_RSSI, List.of("client-rssi"), List.of(TestClients.PLAIN));
      assertThatThrownBy(() -> taskService.complete(filing.getId(), filed)).isInstanceOf(Refusal.class)
          .hasMessageContaining("seul le RSSI du client « Client sans régime »");
    } finally {
      identity.clearAuthentication();
    }
    assertThat(report(cnil)).isWaitingAt("Task_FileReport");
    assertThat(record(cnil).reports()).allSatisfy(r -> assertThat(r.submittedAt()).isNull());
  }

  @Test
  void theRssiOfAnotherClientCanNeitherSeeNorCompleteTheTasks() {
    ProcessInstance cnil = startedCnil(TestClients.OIV);
    completeDraft(cnil, "risque");
    Task filing = support.task(report(cnil), "Task_FileReport");
    var identity = engine.getIdentityService();
    try {
      identity.setAuthentication(TestClients.PLAIN_RSSI, List.of("client-rssi"), List.of(TestClients.PLAIN));
      assertThat(taskService.createTaskQuery().processInstanceBusinessKey(cnil.getBusinessKey()).list()).isEmpty();
      assertThatThrownBy(() -> taskService.complete(filing.getId(), NotificationForms.cnilNotRequired("x")))
          .isNotInstanceOf(Refusal.class);

      identity.setAuthentication(TestClients.OIV_RSSI, List.of("client-rssi"), List.of(TestClients.OIV));
      assertThat(taskService.createTaskQuery().processInstanceBusinessKey(cnil.getBusinessKey()).list())
          .extracting(Task::getTaskDefinitionKey).containsExactly("Task_FileReport");
      taskService.claim(filing.getId(), TestClients.OIV_RSSI);
      ClockUtil.setCurrentTime(Date.from(AWARENESS.plus(Duration.ofHours(5))));
      taskService.complete(filing.getId(), NotificationForms.cnilFiled("2026-03-02T12:00+01:00", "CNIL-OIV-1", null));
    } finally {
      identity.clearAuthentication();
    }
    assertThat(record(cnil).reports()).singleElement()
        .satisfies(r -> assertThat(r.submittedBy()).isEqualTo(TestClients.OIV_RSSI));
  }

  private ProcessInstance incident(String clientId) {
    return support.qualifiedIncident(clientId, true, "significatif", "intrusion", AWARENESS, "alerte-supervision");
  }

  private ProcessInstance startedCnil(String clientId) {
    ProcessInstance cnil = support.notification(incident(clientId), "CNIL");
    support.informClient(cnil);
    return cnil;
  }

  /** The CNIL notification's report (regulatory-report): drafted by the referent, filed by the client. */
  private ProcessInstance report(ProcessInstance cnil) {
    return support.report(cnil, "notification-initiale");
  }

  private void completeDraft(ProcessInstance cnil, String risk) {
    taskService.complete(support.task(report(cnil), "Task_DraftReport").getId(), NotificationForms.cnilDraft(risk));
  }

  private NotificationRegister.Notification record(ProcessInstance incident, String authority) {
    return register.forIncident(incident.getBusinessKey()).stream()
        .filter(n -> n.authority().equals(authority)).findFirst().orElseThrow();
  }

  private NotificationRegister.Notification record(ProcessInstance cnil) {
    String reference = (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(cnil.getId()).variableName("reference").singleResult().getValue();
    return register.forIncident(reference).stream().filter(n -> n.authority().equals("CNIL")).findFirst().orElseThrow();
  }
}
