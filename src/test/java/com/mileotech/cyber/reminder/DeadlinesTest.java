package com.mileotech.cyber.reminder;

import com.mileotech.cyber.MapScope;
import com.mileotech.cyber.system.Moments;
import static org.assertj.core.api.Assertions.assertThat;

import com.mileotech.cyber.EngineSteps;
import com.mileotech.cyber.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The deadline mechanism every process uses: due dates from their starting moment, and the
 * reminder timer that re-arms itself along the configured schedule (CNIL: 24 h, 48 h, 66 h after
 * awareness, escalation at 72 h), proved by moving the clock.
 */
@IntegrationTest
class DeadlinesTest {

  private static final String PROCESS = "deadline-mechanism-check";
  /** Friday before the switch to summer time in Paris (29 March 2026, 02:00 → 03:00). */
  private static final Instant AWARENESS = Instant.parse("2026-03-27T10:00:00Z");

  @Autowired EngineSteps steps;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired Deadlines deadlines;
  @Autowired Reminders reminders;

  private static boolean deployed;

  @BeforeEach
  void deployAndReset() {
    if (!deployed) {
      repositoryService.createDeployment().addModelInstance(PROCESS + ".bpmn", DeadlineTestProcess.model(PROCESS, "cyber-referent")).deploy();
      deployed = true;
    }
    recorder().clear();
    ClockUtil.setCurrentTime(Date.from(AWARENESS));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void hourDeadlinesCountElapsedHoursAcrossDaylightSaving() {
    ProcessInstance pi = start();
    Deadline deadline = deadlines.get(scope(pi), "cnil");
    assertThat(deadline.dueAt()).isEqualTo(AWARENESS.plus(Duration.ofHours(72)));
    assertThat(deadline.reminders()).containsExactly(
        AWARENESS.plus(Duration.ofHours(24)), AWARENESS.plus(Duration.ofHours(48)), AWARENESS.plus(Duration.ofHours(66)));
  }

  @Test
  void calendarDeadlinesKeepTheParisWallClockTime() {
    DeadlineProperties properties = new DeadlineProperties(Map.of("lessons", new DeadlineRule("Retour d'expérience", Span.parse("P15D"),
            List.of(Span.parse("P10D")), List.of(Span.parse("P1D")), List.of())));
    Deadlines calendar = new Deadlines(properties,
        new com.mileotech.cyber.system.ZoneProperties(java.time.ZoneId.of("Europe/Paris")));
    MapScope scope = new MapScope();
    Instant closure = Instant.parse("2026-03-20T09:00:00Z"); // 10:00 in Paris, winter time
    Deadline deadline = calendar.start(scope, "lessons", "lessons", closure);
    // 15 calendar days later it is summer time: still 10:00 in Paris, i.e. 08:00 UTC
    assertThat(deadline.dueAt()).isEqualTo(Instant.parse("2026-04-04T08:00:00Z"));
    assertThat(deadline.reminders()).containsExactly(
        Instant.parse("2026-03-30T08:00:00Z"), Instant.parse("2026-04-03T08:00:00Z"));
    assertThat(scope.get("lessonsDueAt")).isEqualTo(Date.from(Instant.parse("2026-04-04T08:00:00Z")));
  }

  @Test
  void remindersGoOutAtTheConfiguredMomentsAndNotBeforeThenTheEscalation() {
    ProcessInstance pi = start();

    assertThat(reminderTimer(pi).getDuedate()).isEqualTo(at(24));
    assertThat(escalationTimer(pi).getDuedate()).isEqualTo(at(72));

    // just before the first reminder: nothing is due
    ClockUtil.setCurrentTime(Date.from(at(24).minusSeconds(60)));
    assertThat(dueJobs(pi)).isEmpty();

    for (int hours : new int[] {24, 48, 66}) {
      ClockUtil.setCurrentTime(Date.from(at(hours)));
      steps.runDueJobs(pi);
      assertThat(recorder().calls(pi.getId())).last()
          .satisfies(call -> {
            assertThat(call.kind()).isEqualTo("remind");
            assertThat(call.at()).isEqualTo(at(hours));
            assertThat(call.taskDefinitionKey()).isEqualTo("Task_Notify");
          });
    }
    assertThat(recorder().calls(pi.getId())).extracting(RecordingReminders.Call::kind)
        .containsExactly("remind", "remind", "remind");
    // after the last reminder the timer is parked, never to fire
    assertThat(reminderTimer(pi).getDuedate()).isAfter(Date.from(Instant.parse("9000-01-01T00:00:00Z")));

    ClockUtil.setCurrentTime(Date.from(at(72)));
    steps.runDueJobs(pi);
    assertThat(recorder().calls(pi.getId())).last()
        .satisfies(call -> assertThat(call.kind()).isEqualTo("escalate"));
    // the escalation does not cancel the work, which must still be done
    assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);
  }

  @Test
  void aCompletedTaskGetsNoFurtherReminder() {
    ProcessInstance pi = start();
    ClockUtil.setCurrentTime(Date.from(at(30)));
    taskService.complete(taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId());
    assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(recorder().calls(pi.getId())).isEmpty();
  }

  @Test
  void reminderTimesPassedBeforeTheTaskStartsAreSkipped() {
    ClockUtil.setCurrentTime(Date.from(at(50)));
    ProcessInstance pi = runtimeService.startProcessInstanceByKey(PROCESS,
        Map.of("awarenessAt", Date.from(AWARENESS)));
    assertThat(reminderTimer(pi).getDuedate()).isEqualTo(at(66));

    ClockUtil.setCurrentTime(Date.from(at(70)));
    ProcessInstance late = runtimeService.startProcessInstanceByKey(PROCESS,
        Map.of("awarenessAt", Date.from(AWARENESS)));
    assertThat(dueJobs(late)).isEmpty();
    ClockUtil.setCurrentTime(Date.from(at(72)));
    steps.runDueJobs(late);
    assertThat(recorder().calls(late.getId())).extracting(RecordingReminders.Call::kind).containsExactly("escalate");
  }

  private ProcessInstance start() {
    return runtimeService.startProcessInstanceByKey(PROCESS, Map.of("awarenessAt", Date.from(AWARENESS)));
  }

  private org.camunda.bpm.engine.delegate.VariableScope scope(ProcessInstance pi) {
    MapScope scope = new MapScope();
    runtimeService.getVariables(pi.getId()).forEach(scope::setVariable);
    return scope;
  }

  private static Instant at(int hours) {
    return AWARENESS.plus(Duration.ofHours(hours));
  }

  private Job reminderTimer(ProcessInstance pi) {
    return managementService.createJobQuery().processInstanceId(pi.getId()).activityId("Event_Reminder").singleResult();
  }

  private Job escalationTimer(ProcessInstance pi) {
    return managementService.createJobQuery().processInstanceId(pi.getId()).activityId("Event_DeadlinePassed").singleResult();
  }

  private List<Job> dueJobs(ProcessInstance pi) {
    return managementService.createJobQuery().processInstanceId(pi.getId()).executable().list();
  }

  private RecordingReminders recorder() {
    return (RecordingReminders) reminders;
  }
}
