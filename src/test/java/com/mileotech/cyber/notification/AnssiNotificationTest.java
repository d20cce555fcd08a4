package com.mileotech.cyber.notification;

import com.mileotech.cyber.system.Refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestClients;
import com.mileotech.cyber.reminder.RecordingReminders;
import com.mileotech.cyber.reminder.Reminders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** ANSSI notifications of an OIV and of a NIS2 entity, re-qualification, with the clock moved. */
@IntegrationTest
class AnssiNotificationTest {

  private static final Instant AWARENESS = Instant.parse("2026-05-04T07:00:00Z"); // 09:00 in Paris

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService taskService;
  @Autowired NotificationTestSupport support;
  @Autowired NotificationRegister register;
  @Autowired Reminders reminders;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    support.prepare();
    at(0);
    ((RecordingReminders) reminders).clear();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aCriticalIncidentAtAnOivClient() {
    ProcessInstance incident = support.qualifiedIncident(TestClients.OIV, false, "critique", "intrusion", AWARENESS,
        "alerte-supervision");
    assertThat(support.notification(incident, "CNIL")).isNull();
    ProcessInstance anssi = support.notification(incident, "ANSSI");
    assertThat(anssi).isWaitingAt("Task_InformClient");
    support.informClient(anssi);
    assertThat(anssi).isWaitingAt("Task_DeclareOivIncident");
    assertThat(support.report(anssi, "declaration-oiv")).isWaitingAt("Task_DraftReport");
    assertThat(support.reportTask(anssi, "declaration-oiv", "Task_DraftReport").getName())
        .startsWith("Rédiger la déclaration d'incident (OIV) " + incident.getBusinessKey());
    assertThat(variable(anssi, "oivDeclarationDueAt")).isEqualTo(Date.from(AWARENESS.plus(Duration.ofHours(24))));

    // reminders 4 h, 12 h, 20 h after the client's awareness, escalation at 24 h (configured target)
    for (int hours : new int[] {3, 4, 11, 12, 19, 20}) {
      at(hours);
      support.runDueJobs(anssi);
    }
    assertThat(support.reminderCalls(anssi))
        .filteredOn(c -> !c.kind().equals("inform"))
        .extracting(c -> c.kind() + "@" + Duration.between(AWARENESS, c.at()).toHours())
        .containsExactly("remind@4", "remind@12", "remind@20");

    assertThatThrownBy(() -> taskService.complete(support.reportTask(anssi, "declaration-oiv", "Task_DraftReport").getId(),
        Map.of("oivSummary", "Intrusion sur le VMS")))
        .isInstanceOf(Refusal.class).hasMessageContaining("systèmes d'information d'importance vitale");
    taskService.complete(support.reportTask(anssi, "declaration-oiv", "Task_DraftReport").getId(),
        NotificationForms.anssiDraft("declaration-oiv"));
    support.completeAsReferent(support.report(anssi, "declaration-oiv"), "Task_FileReport",
        NotificationForms.anssiFiled("2026-05-05T04:30+02:00", "ANSSI-OIV-77", null));

    // the final report's month counts from the declaration filed (5 May 02:30 UTC), not from awareness
    Instant filed = Instant.parse("2026-05-05T02:30:00Z");
    assertThat(variable(anssi, "anssiNotificationFiledAt")).isEqualTo(Date.from(filed));
    assertThat(variable(anssi, "finalReportDueAt"))
        .isEqualTo(Date.from(filed.atZone(ZoneId.of("Europe/Paris")).plusMonths(1).toInstant()))
        .isNotEqualTo(Date.from(AWARENESS.atZone(ZoneId.of("Europe/Paris")).plusMonths(1).toInstant()));
    assertThat(variable(anssi, "oivDeclarationMet")).isEqualTo(true);
    assertThat(anssi).isWaitingAt("Task_SubmitFinalReport");
    assertThat(support.report(anssi, "rapport-avancement")).isWaitingAt("Task_DraftReport");
    assertThat(variable(anssi, "incidentOngoing")).isEqualTo(true);

    // ANSSI asks for an intermediate report: a message correlated to the running instance
    runtime.createMessageCorrelation("AnssiIntermediateReportRequested").processInstanceBusinessKey(anssi.getBusinessKey())
        .correlate();
    assertThat(anssi).isWaitingAt("Task_SubmitFinalReport", "Task_SubmitIntermediateReport");
    assertThat(support.report(anssi, "rapport-intermediaire")).isWaitingAt("Task_DraftReport");
    taskService.complete(support.reportTask(anssi, "rapport-intermediaire", "Task_DraftReport").getId(),
        NotificationForms.anssiDraft("rapport-intermediaire"));
    at(30);
    support.completeAsReferent(support.report(anssi, "rapport-intermediaire"), "Task_FileReport",
        NotificationForms.anssiFiled("2026-05-05T14:00+02:00", "ANSSI-OIV-77-I1", null));
    assertThat(anssi).isWaitingAt("Task_SubmitFinalReport");

    // still ongoing: a progress report instead, then the final report one month after the end
    assertThat(variable(anssi, "anssiReportTitle")).isNull(); // a parameter of the report's own instance
    taskService.complete(support.reportTask(anssi, "rapport-avancement", "Task_DraftReport").getId(),
        NotificationForms.anssiDraft("rapport-avancement"));
    at(72);
    support.completeAsReferent(support.report(anssi, "rapport-avancement"), "Task_FileReport",
        NotificationForms.anssiFiled("2026-05-07T08:00+02:00", "ANSSI-OIV-77-P1", null));
    assertThat(anssi).isWaitingAt("Event_SecurityIncidentEnded");

    support.requalify(incident, Map.of()); // investigation over (no new facts)
    Instant end = AWARENESS.plus(Duration.ofDays(6));
    at(6 * 24);
    support.endIncident(incident, end);
    assertThat(anssi).isWaitingAt("Task_SubmitFinalReport");
    assertThat(support.report(anssi, "rapport-final")).isWaitingAt("Task_DraftReport");
    assertThat(variable(anssi, "finalReportDueAt"))
        .isEqualTo(Date.from(end.atZone(ZoneId.of("Europe/Paris")).plusMonths(1).toInstant()));
    assertThat(variable(anssi, "incidentOngoing")).isEqualTo(false);
    taskService.complete(support.reportTask(anssi, "rapport-final", "Task_DraftReport").getId(),
        NotificationForms.anssiDraft("rapport-final"));
    at(8 * 24 + 2);
    support.completeAsReferent(support.report(anssi, "rapport-final"), "Task_FileReport",
        NotificationForms.anssiFiled("2026-05-12T10:00+02:00", "ANSSI-OIV-77-F", null));
    assertThat(anssi).isEnded().hasPassed("Event_AnssiNotificationClosed");

    NotificationRegister.Notification record = register.forIncident(incident.getBusinessKey()).get(0);
    assertThat(record.authority()).isEqualTo("ANSSI");
    assertThat(record.procedure()).isEqualTo("oiv");
    assertThat(record.status()).isEqualTo("close");
    assertThat(record.reports()).extracting(r -> r.kind() + " " + r.receiptReference() + " " + r.onTime())
        .containsExactly("declaration-oiv ANSSI-OIV-77 true", "rapport-avancement ANSSI-OIV-77-P1 true",
            "rapport-intermediaire ANSSI-OIV-77-I1 null", "rapport-final ANSSI-OIV-77-F true");
    // the referent recorded the client's filings: as the client's, never as filed by Mileo
    assertThat(record.reports()).allSatisfy(r -> {
      assertThat(r.submittedBy()).isNull();
      assertThat(r.recordedBy()).isEqualTo(NotificationTestSupport.REFERENT);
    });
    assertThat(record.reports().get(3).dueAt()).isEqualTo(end.atZone(ZoneId.of("Europe/Paris")).plusMonths(1).toInstant());
  }

  @Test
  void aNis2EntityOwesAnEarlyWarningIn24hAndANotificationIn72h() {
    ProcessInstance incident = support.qualifiedIncident(NotificationTestSupport.NIS2_CLIENT, false, "significatif",
        "malware", AWARENESS, "signalement-client");
    ProcessInstance anssi = support.notification(incident, "ANSSI");
    at(2);
    support.informClient(anssi); // by telephone: the client has no RSSI with an address
    // the client reported the incident itself: its clock runs from that awareness, not from our mail
    assertThat(variable(anssi, "clientAwarenessAt")).isEqualTo(Date.from(AWARENESS));
    assertThat(variable(anssi, "clientInformationMet")).isEqualTo(true);
    assertThat(variable(anssi, "earlyWarningLegalDueAt")).isEqualTo(Date.from(AWARENESS.plus(Duration.ofHours(24))));
    assertThat(variable(anssi, "earlyWarningDueAt")).isEqualTo(Date.from(AWARENESS.plus(Duration.ofHours(24))));
    assertThat(variable(anssi, "incidentNotificationDueAt")).isEqualTo(Date.from(AWARENESS.plus(Duration.ofHours(72))));
    assertThat(anssi).isWaitingAt("Task_IssueEarlyWarning");
    assertThat(support.report(anssi, "alerte-precoce")).isWaitingAt("Task_DraftReport");

    for (int hours : new int[] {11, 12, 20, 24}) {
      at(hours);
      support.runDueJobs(anssi);
    }
    assertThat(support.reminderCalls(anssi)).filteredOn(c -> !c.kind().equals("inform"))
        .extracting(c -> c.kind() + " " + c.name() + "@" + Duration.between(AWARENESS, c.at()).toHours())
        .containsExactly("remind earlyWarning@12", "remind earlyWarning@20", "escalate earlyWarning@24");

    taskService.complete(support.reportTask(anssi, "alerte-precoce", "Task_DraftReport").getId(),
        NotificationForms.anssiDraft("alerte-precoce"));
    at(26);
    ProcessInstance earlyWarning = support.report(anssi, "alerte-precoce");
    assertThatThrownBy(() -> support.completeAsReferent(earlyWarning, "Task_FileReport",
        NotificationForms.anssiFiled("2026-05-05T11:00+02:00", "ANSSI-EW-1", null)))
        .hasMessageContaining("motifs du retard");
    support.completeAsReferent(earlyWarning, "Task_FileReport", NotificationForms.anssiFiled(
        "2026-05-05T11:00+02:00", "ANSSI-EW-1", "Week-end, astreinte client injoignable"));
    assertThat(variable(anssi, "earlyWarningMet")).isEqualTo(false);
    assertThat(anssi).isWaitingAt("Task_NotifyIncident");
    assertThat(support.reportTask(anssi, "notification-incident", "Task_DraftReport").getDueDate())
        .isEqualTo(Date.from(AWARENESS.plus(Duration.ofHours(72))));

    taskService.complete(support.reportTask(anssi, "notification-incident", "Task_DraftReport").getId(),
        NotificationForms.anssiDraft("notification-incident"));
    at(60);
    support.completeAsReferent(support.report(anssi, "notification-incident"), "Task_FileReport",
        NotificationForms.anssiFiled("2026-05-06T18:00+02:00", "ANSSI-N-1", null));
    assertThat(variable(anssi, "incidentNotificationMet")).isEqualTo(true);
    assertThat(variable(anssi, "finalReportDueAt")).isEqualTo(Date.from(Instant.parse("2026-06-06T16:00:00Z")));

    // the incident ends while the progress report is being filed: no message is awaited then
    taskService.complete(support.reportTask(anssi, "rapport-avancement", "Task_DraftReport").getId(),
        NotificationForms.progressReport("Restauration en cours", "NVR remplacé"));
    support.requalify(incident, Map.of());
    at(100);
    support.endIncident(incident, AWARENESS.plus(Duration.ofHours(100)));
    support.completeAsReferent(support.report(anssi, "rapport-avancement"), "Task_FileReport",
        NotificationForms.anssiFiled("2026-05-08T12:00+02:00", "ANSSI-P-1", null));
    assertThat(anssi).hasPassed("Gateway_IncidentEndedMeanwhile").hasNotPassed("Event_SecurityIncidentEnded")
        .isWaitingAt("Task_SubmitFinalReport");
    assertThat(support.report(anssi, "rapport-final")).isWaitingAt("Task_DraftReport");
    assertThat(variable(anssi, "finalReportDueAt")).isEqualTo(Date.from(Instant.parse("2026-06-08T11:00:00Z")));
  }

  @Test
  void personalDataDiscoveredOnDay2StartsTheCnilClockThenAndOnlyOnce() {
    ProcessInstance incident = support.qualifiedIncident(TestClients.OIV, false, "critique", "intrusion", AWARENESS,
        "alerte-supervision");
    assertThat(support.notificationCount(incident)).isEqualTo(1);
    Instant day2 = AWARENESS.plus(Duration.ofHours(30));
    at(30);
    support.requalify(incident, Map.of("personalDataInvolved", true, "awarenessAt", Date.from(day2)));
    assertThat(support.notificationCount(incident)).isEqualTo(2);
    ProcessInstance cnil = support.notification(incident, "CNIL");
    support.informClient(cnil);
    assertThat(variable(cnil, "cnilDueAt")).isEqualTo(Date.from(day2.plus(Duration.ofHours(72))));
    // the ANSSI clock already running is untouched
    ProcessInstance anssi = support.notification(incident, "ANSSI");
    support.runDueJobs(anssi);
    assertThat(variable(anssi, "awarenessAt")).isEqualTo(Date.from(AWARENESS));

    // the same re-qualification again starts nothing more
    runtime.createProcessInstanceModification(incident.getId())
        .startBeforeActivity("Task_AssessAfterRequalification").execute();
    assertThat(support.notificationCount(incident)).isEqualTo(2);
    assertThat(register.forIncident(incident.getBusinessKey())).extracting(NotificationRegister.Notification::authority)
        .containsExactly("ANSSI", "CNIL");
  }

  private Object variable(ProcessInstance instance, String name) {
    return runtime.getVariable(instance.getId(), name);
  }

  private static void at(int hours) {
    ClockUtil.setCurrentTime(Date.from(AWARENESS.plus(Duration.ofHours(hours))));
  }
}
