package com.mileotech.cyber.commissioning;

import static org.assertj.core.api.Assertions.assertThat;

import com.mileotech.cyber.EngineSteps;
import com.mileotech.cyber.EngineSteps.Person;
import com.mileotech.cyber.TestClients;
import com.mileotech.cyber.TestUsers;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.client.ClientService;
import com.mileotech.cyber.reminder.RecordingReminders;
import com.mileotech.cyber.reminder.Reminders;
import com.mileotech.cyber.security.Groups;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Drives vms-commissioning in scenario tests: starts, fills, signs as a named technician,
 * runs the jobs that are due ({@link EngineSteps}). Built by each test from the shared context's beans (same
 * package as the delegates).
 * What each form submits comes from {@link CommissioningForms}, the process's one form driver.
 */

class CommissioningFixture {

  static final String TECHNICIAN = "tech.commissioning";
  static final String OTHER_TECHNICIAN = "tech.remediation";
  static final String PROJECT_MANAGER = "cdp.commissioning";
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  final RuntimeService runtimeService;
  final TaskService taskService;
  final ManagementService managementService;
  final IdentityService identityService;
  final ClientRepository clientRepository;
  final ClientService clientService;
  final Reminders reminders;
  final EngineSteps steps;

  CommissioningFixture(RuntimeService runtimeService, TaskService taskService, ManagementService managementService,
      IdentityService identityService, ClientRepository clientRepository, ClientService clientService, Reminders reminders,
      EngineSteps steps) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.managementService = managementService;
    this.identityService = identityService;
    this.clientRepository = clientRepository;
    this.clientService = clientService;
    this.reminders = reminders;
    this.steps = steps;
  }

  void ensureAccounts() {
    TestClients.ensure(identityService, clientRepository, clientService);
    TestUsers.ensure(identityService, TECHNICIAN, Groups.TECHNICIANS);
    TestUsers.ensure(identityService, OTHER_TECHNICIAN, Groups.TECHNICIANS);
    TestUsers.ensure(identityService, PROJECT_MANAGER, Groups.PROJECT_MANAGERS);
  }

  RecordingReminders recorder() {
    return (RecordingReminders) reminders;
  }

  ProcessInstance start(String clientId, String siteId, boolean review, List<Map<String, Object>> equipment) {
    return runtimeService.startProcessInstanceByKey("vms-commissioning",
        CommissioningForms.start(clientId, siteId, review, equipment));
  }

  Task task(ProcessInstance pi, String activityId) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(activityId).singleResult();
  }

  void fill(ProcessInstance pi, List<PointEntry> points) {
    taskService.complete(task(pi, "Task_FillChecklist").getId(), CommissioningForms.fill(points));
  }

  /** Completes a task as {@code user}: the engine sees them as the authenticated caller, as Tasklist does. */
  void completeAs(String user, Groups group, ProcessInstance pi, String activityId, Map<String, Object> variables) {
    Task task = task(pi, activityId);
    assertThat(task).as("task %s of %s", activityId, pi.getId()).isNotNull();
    steps.as(Person.of(user, group, steps.tenant(pi)), () -> taskService.complete(task.getId(), variables));
  }

  void sign(ProcessInstance pi) {
    completeAs(TECHNICIAN, Groups.TECHNICIANS, pi, "Task_SignChecklist", CommissioningForms.sign());
  }

  List<Job> dueJobs(String processInstanceId) {
    return managementService.createJobQuery().processInstanceId(processInstanceId).executable().list();
  }

  /** Runs the jobs due now, earliest first, and the asynchronous steps they lead to ({@link EngineSteps#runDueJobs}). */
  void runDueJobs(ProcessInstance pi) {
    steps.runDueJobs(pi);
  }

  static LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), PARIS);
  }
}
