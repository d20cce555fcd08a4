package com.mileotech.cyber.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.mileotech.cyber.TestClients;
import com.mileotech.cyber.TestUsers;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.client.ClientService;
import com.mileotech.cyber.notification.NotificationForms;
import com.mileotech.cyber.reminder.RecordingReminders;
import com.mileotech.cyber.reminder.Reminders;
import com.mileotech.cyber.security.Groups;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the scenario tests of security-incident share: people, clock, and the steps of the
 * procedure as the people of each role perform them through their forms.
 */
abstract class IncidentScenario {

  static final String TECH = "tech.incident";
  static final String MANAGER = "cdp.incident";
  static final String REFERENT = "referent.incident";
  static final String OTHER_RSSI = TestClients.PLAIN_RSSI;
  /** Monday 2 March 2026, 09:00 in Paris. */
  static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
  static final String SHA = IncidentForms.SHA;

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;
  @Autowired ClientRepository clientRepository;
  @Autowired ClientService clientService;
  @Autowired Reminders reminders;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void setUpScenario() {
    BpmnAwareTests.init(processEngine);
    TestClients.ensure(identityService, clientRepository, clientService);
    TestUsers.ensure(identityService, TECH, Groups.TECHNICIANS);
    TestUsers.ensure(identityService, MANAGER, Groups.PROJECT_MANAGERS);
    TestUsers.ensure(identityService, REFERENT, Groups.CYBER_REFERENT);
    recorder().clear();
    ClockUtil.setCurrentTime(Date.from(T0));
  }

  @AfterEach
  void tearDownScenario() {
    identityService.clearAuthentication();
    ClockUtil.reset();
  }

  RecordingReminders recorder() {
    return (RecordingReminders) reminders;
  }

  void now(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /** Acts as a person of the group (staff belong to every client's tenant, an RSSI to their client's). */
  void as(String userId, Groups group) {
    List<String> tenants = group == Groups.CLIENT_RSSI
        ? List.of(OTHER_RSSI.equals(userId) ? TestClients.PLAIN : TestClients.OIV)
        : List.of(TestClients.OIV, TestClients.PLAIN);
    identityService.setAuthentication(userId, List.of(group.id()), tenants);
  }

  void asNobody() {
    identityService.clearAuthentication();
  }

  /** The Tasklist start form as a technician submits it. */
  ProcessInstance report(Map<String, Object> form) {
    as(TECH, Groups.TECHNICIANS);
    try {
      String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey(SecurityIncidentVariables.PROCESS_KEY)
          .latestVersion().singleResult().getId();
      return formService.submitStartForm(definitionId, form);
    } finally {
      asNobody();
    }
  }

  static Map<String, Object> reportForm(String clientId, List<String> sites) {
    return IncidentForms.report(clientId, sites);
  }

  ProcessInstance reportPlain() {
    return report(reportForm(TestClients.PLAIN, List.of("boutique")));
  }

  ProcessInstance reportOiv() {
    return report(reportForm(TestClients.OIV, List.of("site-nord", "site-sud")));
  }

  Task task(ProcessInstance pi, String key) {
    Task task = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
    assertThat(task).as("task " + key + " active").isNotNull();
    return task;
  }

  boolean active(ProcessInstance pi, String key) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).count() > 0;
  }

  /** Submits the task's form as that person (the way Tasklist does). */
  void submit(ProcessInstance pi, String key, String userId, Groups group, Map<String, Object> form) {
    Task task = task(pi, key);
    as(userId, group);
    try {
      formService.submitTaskForm(task.getId(), form);
    } finally {
      asNobody();
    }
  }

  Object variable(ProcessInstance pi, String name) {
    return runtimeService.getVariable(pi.getId(), name);
  }

  /** Runs every job of the instance that is due now, earliest first, and those they lead to. */
  void runDueJobs(ProcessInstance pi) {
    for (int guard = 0; guard < 30; guard++) {
      // one at a time: a timer that fires may cancel another (the end of a period and its reminder)
      List<Job> due = managementService.createJobQuery().processInstanceId(pi.getId()).executable()
          .orderByJobDuedate().asc().list();
      if (due.isEmpty()) {
        return;
      }
      managementService.executeJob(due.get(0).getId());
    }
    throw new AssertionError("jobs keep coming");
  }

  Job timer(ProcessInstance pi, String activityId) {
    return managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).timers().singleResult();
  }

  // ---------- the steps, with valid input

  void qualify(ProcessInstance pi, String severity, boolean personalData) {
    runDueJobs(pi); // the referent's notice
    submit(pi, "Task_QualifyIncident", REFERENT, Groups.CYBER_REFERENT, qualification(severity, personalData,
        (String) variable(pi, SecurityIncidentVariables.SITE_IDS.name())));
    runDueJobs(pi); // the assessment of regulatory obligations
  }

  static Map<String, Object> qualification(String severity, boolean personalData, String siteIds) {
    return IncidentForms.qualification(severity, personalData, IncidentForms.sites(siteIds));
  }

  void captureEvidence(ProcessInstance pi) {
    submit(pi, "Task_CaptureEvidence", TECH, Groups.TECHNICIANS, IncidentForms.evidenceCaptured());
  }

  /** Slot n of the evidence form, as Tasklist submits it. */
  static Map<String, Object> evidence(int n, String kind, String sha) {
    return IncidentForms.evidence(n, kind, sha, "2026-03-02T08:45");
  }

  void contain(ProcessInstance pi) {
    submit(pi, "Task_ContainIncident", TECH, Groups.TECHNICIANS, IncidentForms.containment("Fait à 10 h 05"));
  }

  void eradicate(ProcessInstance pi) {
    submit(pi, "Task_EradicateThreat", TECH, Groups.TECHNICIANS, IncidentForms.eradication());
  }

  void verifyIntegrity(ProcessInstance pi, boolean firmwareUpToDate, String problem) {
    submit(pi, "Task_VerifyIntegrity", TECH, Groups.TECHNICIANS, IncidentForms.integrity(firmwareUpToDate, problem));
  }

  /** "2026-03-05T14:00" style wall-clock text in Paris for an instant. */
  static String paris(Instant instant) {
    return IncidentForms.paris(instant);
  }

  void proposeRecovery(ProcessInstance pi, Instant at) {
    submit(pi, "Task_ProposeRecoveryDate", MANAGER, Groups.PROJECT_MANAGERS, IncidentForms.recoveryProposal(at));
  }

  void agreeRecovery(ProcessInstance pi, String rssi) {
    submit(pi, "Task_AgreeRecoveryDate", rssi, Groups.CLIENT_RSSI, IncidentForms.recoveryAgreed());
  }

  void returnToService(ProcessInstance pi) {
    submit(pi, "Task_ReturnToService", TECH, Groups.TECHNICIANS,
        IncidentForms.returnToService()); // before the agreed date: the client agreed to it
  }

  /** From a qualified incident to its closure, without detours. */
  void respondUntilClosure(ProcessInstance pi, String rssi) {
    captureEvidence(pi);
    contain(pi);
    eradicate(pi);
    verifyIntegrity(pi, true, null);
    proposeRecovery(pi, now().plusSeconds(86_400));
    agreeRecovery(pi, rssi);
    returnToService(pi);
  }

  /** "Informer le client" of a notification process, by the application's mail, as the referent; then the mail. */
  void informClient(ProcessInstance notification) {
    runDueJobs(notification);
    submit(notification, "Task_InformClient", REFERENT, Groups.CYBER_REFERENT,
        NotificationForms.clientInformedByMail());
    runDueJobs(notification);
  }

  void writeLessonsLearned(ProcessInstance pi) {
    runDueJobs(pi); // the chronology
    submit(pi, "Task_WriteLessonsLearned", REFERENT, Groups.CYBER_REFERENT, IncidentForms.lessonsLearned());
  }

  void approveLessonsLearned(ProcessInstance pi) {
    submit(pi, "Task_ApproveLessonsLearned", MANAGER, Groups.PROJECT_MANAGERS, IncidentForms.lessonsApproved());
  }
}
