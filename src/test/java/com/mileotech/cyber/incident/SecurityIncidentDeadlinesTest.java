package com.mileotech.cyber.incident;

import com.mileotech.cyber.system.FormValues;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestClients;
import com.mileotech.cyber.reminder.Audience;
import com.mileotech.cyber.reminder.RecordingReminders.Call;
import com.mileotech.cyber.security.Groups;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * The deadlines after closure, proved by moving the clock: 30 days of reinforced monitoring from
 * the return to service, and the lessons-learned report due 15 calendar days after closure
 * (Paris), with their reminders and escalation at the configured moments and not before.
 */
@IntegrationTest
class SecurityIncidentDeadlinesTest extends IncidentScenario {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private ProcessInstance closedIncident() {
    ProcessInstance pi = reportPlain();
    qualify(pi, "mineur", false);
    respondUntilClosure(pi, TestClients.PLAIN_RSSI);
    return pi;
  }

  @Test
  void reinforcedMonitoringEndsThirtyCalendarDaysAfterReturnToServiceWithAReminderTwoDaysBefore() {
    // closing on 20 March: 30 days later it is summer time in Paris, the wall-clock hour stays
    now(Instant.parse("2026-03-20T09:00:00Z"));
    ProcessInstance pi = closedIncident();
    Instant closedAt = Instant.parse("2026-03-20T09:00:00Z");
    Instant end = Instant.parse("2026-04-19T08:00:00Z"); // 10:00 in Paris, as on 20 March
    assertThat(variable(pi, "returnedToServiceAt")).isEqualTo(Date.from(closedAt));
    assertThat(variable(pi, "reinforcedMonitoringDueAt")).isEqualTo(Date.from(end));
    assertThat(variable(pi, "reinforcedMonitoringDueLabel")).isEqualTo("19 avril 2026 à 10 h 00, heure de Paris");
    assertThat(task(pi, "Task_MonitorSystem").getDueDate()).isEqualTo(Date.from(end));
    Instant reminder = end.atZone(PARIS).minusDays(2).toInstant();
    assertThat(task(pi, "Task_MonitorSystem").getFollowUpDate()).isEqualTo(Date.from(reminder));
    assertThat(timer(pi, "Event_MonitoringReminder").getDuedate()).isEqualTo(Date.from(reminder));
    assertThat(timer(pi, "Event_MonitoringPeriodEnded").getDuedate()).isEqualTo(Date.from(end));

    now(reminder.minusSeconds(60));
    runDueJobs(pi);
    assertThat(monitoringCalls(pi)).isEmpty();
    assertThat(pi).isWaitingAt("Task_MonitorSystem");

    now(reminder);
    runDueJobs(pi);
    assertThat(monitoringCalls(pi)).singleElement().satisfies(call -> {
      assertThat(call.kind()).isEqualTo("remind");
      assertThat(call.at()).isEqualTo(reminder);
      assertThat(call.taskDefinitionKey()).isEqualTo("Task_MonitorSystem");
    });

    now(end.minusSeconds(60));
    runDueJobs(pi);
    assertThat(pi).isWaitingAt("Task_MonitorSystem");
    now(end);
    runDueJobs(pi);
    assertThat(pi).hasPassed("Event_MonitoringPeriodEnded").isWaitingAt("Task_ConfirmMonitoringEnd");
    assertThat(active(pi, "Task_MonitorSystem")).isFalse();
    assertThat(monitoringCalls(pi)).hasSize(1);

    // something seen: a new security incident of the same client, linked to this one
    submit(pi, "Task_ConfirmMonitoringEnd", REFERENT, Groups.CYBER_REFERENT, IncidentForms.monitoringAnomaly(
        "Nouvelle connexion depuis une adresse inconnue", "alerte-supervision"));
    assertThat(pi).isWaitingAt("Task_ReportRelatedIncident");
    runDueJobs(pi);
    String followUp = (String) variable(pi, "followUpIncident");
    assertThat(followUp).matches("INC-2026-\\d{4}").isNotEqualTo(pi.getBusinessKey());
    ProcessInstance related = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(followUp).singleResult();
    assertThat(related.getTenantId()).isEqualTo(TestClients.PLAIN);
    Map<String, Object> v = runtimeService.getVariables(related.getId());
    assertThat(v).containsEntry("relatedIncident", pi.getBusinessKey()).containsEntry("detectionSource", "alerte-supervision")
        .containsEntry("siteIds", "boutique").containsEntry("equipment", "NVR-01 (Milestone XProtect)")
        .containsEntry("detectedAt", Date.from(end)).containsEntry("reportedBy", REFERENT)
        .containsEntry("description", "Constaté pendant le suivi renforcé de " + pi.getBusinessKey()
            + " : Nouvelle connexion depuis une adresse inconnue");
    assertThat(related).isWaitingAt("Task_QualifyIncident");
    assertThat(jdbc.sql("select follow_up_incident from security_incident where reference = ?")
        .param(pi.getBusinessKey()).query(String.class).single()).isEqualTo(followUp);
  }

  @Test
  void anAnomalySeenDuringTheMonitoringOpensALinkedIncidentAtOnce() {
    ProcessInstance pi = closedIncident();
    now(now().plus(Duration.ofDays(3)));
    submit(pi, "Task_MonitorSystem", TECH, Groups.TECHNICIANS, IncidentForms.monitoringAnomaly(
        "Caméra C12 redémarrée sans intervention", "technicien-sur-site"));
    assertThat(timer(pi, "Event_MonitoringPeriodEnded")).isNull();
    runDueJobs(pi);
    assertThat(pi).hasPassed("Event_RelatedIncidentReported");
    assertThat(variable(pi, "followUpIncident")).isNotNull();
    assertThat(variable(pi, "monitoringEndedBy")).isEqualTo(TECH);
  }

  @Test
  void theLessonsLearnedReportIsDueFifteenDaysAfterClosureWithRemindersThenAnEscalation() {
    ProcessInstance pi = closedIncident();
    Instant closedAt = ((Date) variable(pi, "closedAt")).toInstant();
    Instant due = closedAt.atZone(PARIS).plusDays(15).toInstant();
    Instant day10 = closedAt.atZone(PARIS).plusDays(10).toInstant();
    Instant day14 = closedAt.atZone(PARIS).plusDays(14).toInstant();
    assertThat(variable(pi, "lessonsLearnedDueAt")).isEqualTo(Date.from(due));
    runDueJobs(pi); // the chronology
    assertThat(task(pi, "Task_WriteLessonsLearned").getDueDate()).isEqualTo(Date.from(due));
    assertThat(task(pi, "Task_WriteLessonsLearned").getFollowUpDate()).isEqualTo(Date.from(day10));
    assertThat(timer(pi, "Event_LessonsLearnedReminder").getDuedate()).isEqualTo(Date.from(day10));
    assertThat(timer(pi, "Event_LessonsLearnedOverdue").getDuedate()).isEqualTo(Date.from(due));

    // the chronology: detection to closure, each step with its time and person
    List<Map<String, Object>> chronology = FormValues.objects(variable(pi, "lessonsLearnedChronology"));
    assertThat(chronology).extracting(e -> e.get("step")).contains("Détection", "Qualification", "Confinement",
        "Éradication", "Reprise");
    assertThat(chronology).anySatisfy(e -> {
      assertThat(e.get("detail")).isEqualTo("Capturer les preuves");
      assertThat(e.get("person").toString()).contains(TECH);
    });
    assertThat(chronology).anySatisfy(e -> assertThat(e.get("person").toString()).contains(REFERENT));

    now(day10.minusSeconds(60));
    runDueJobs(pi);
    assertThat(lessonsCalls(pi)).isEmpty();
    now(day10);
    runDueJobs(pi);
    now(day14);
    runDueJobs(pi);
    assertThat(lessonsCalls(pi)).extracting(Call::kind, Call::at, Call::taskDefinitionKey).containsExactly(
        org.assertj.core.groups.Tuple.tuple("remind", day10, "Task_WriteLessonsLearned"),
        org.assertj.core.groups.Tuple.tuple("remind", day14, "Task_WriteLessonsLearned"));

    // written on day 14, sent back for rework, approved late: escalated, and the deadline is marked missed
    writeLessonsLearned(pi);
    submit(pi, "Task_ApproveLessonsLearned", MANAGER, Groups.PROJECT_MANAGERS,
        IncidentForms.lessonsSentBack("Préciser la cause racine"));
    assertThat(pi).isWaitingAt("Task_BuildChronology");
    runDueJobs(pi);
    assertThat(pi).isWaitingAt("Task_WriteLessonsLearned");
    assertThat(variable(pi, "lessonsReviewComment")).isEqualTo("Préciser la cause racine");

    now(due);
    runDueJobs(pi);
    assertThat(lessonsCalls(pi)).last().satisfies(call -> {
      assertThat(call.kind()).isEqualTo("escalate");
      assertThat(call.taskDefinitionKey()).isEqualTo("Task_WriteLessonsLearned");
    });
    assertThat(pi).isWaitingAt("Task_WriteLessonsLearned"); // the work must still be done

    now(due.plus(Duration.ofDays(1)));
    writeLessonsLearned(pi);
    approveLessonsLearned(pi);
    runDueJobs(pi); // « Lancer les actions d'amélioration » (asynchronous), then the report is archived
    assertThat(variable(pi, "lessonsLearnedMet")).isEqualTo(false);
    assertThat(variable(pi, "lessonsLearnedDoneAt")).isEqualTo(Date.from(due.plus(Duration.ofDays(1))));
    List<Call> notices = recorder().calls(pi.getId()).stream().filter(c -> c.kind().equals("inform")).toList();
    assertThat(notices).extracting(Call::name).containsExactly("incident-reported", "lessons-learned-shared", "security-bulletin");
    Call shared = notices.get(1);
    assertThat(shared.notice().template()).isEqualTo("lessons-learned-shared");
    assertThat(shared.notice().audience()).containsExactly(Audience.CLIENT_RSSI);
    assertThat(shared.notice().model()).containsKeys("title", "body", "report");
    String report = shared.notice().model().get("report").toString();
    assertThat(report).contains("Retour d'expérience — " + pi.getBusinessKey()).contains("Chronologie")
        .contains("Causes racines\nMot de passe par défaut sur le NVR").contains("MTTR (remise en service − détection)");
    Call bulletin = notices.get(2);
    assertThat(bulletin.notice().template()).isEqualTo("security-bulletin");
    assertThat(bulletin.notice().audience()).containsExactly(Audience.TECHNICIANS);
    assertThat(bulletin.notice().model().get("report")).isEqualTo(report);
    assertThat(jdbc.sql("select lessons_learned_report from security_incident where reference = ?")
        .param(pi.getBusinessKey()).query(String.class).single()).isEqualTo(report);
  }

  private List<Call> monitoringCalls(ProcessInstance pi) {
    return recorder().calls(pi.getId()).stream().filter(c -> "reinforcedMonitoring".equals(c.name())).toList();
  }

  private List<Call> lessonsCalls(ProcessInstance pi) {
    return recorder().calls(pi.getId()).stream().filter(c -> "lessonsLearned".equals(c.name())).toList();
  }
}
