package com.mileotech.cyber.incident;

import com.mileotech.cyber.EngineSteps;
import com.mileotech.cyber.EngineSteps.Person;
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
 * procedure as the people of each role perform them through their forms ({@link IncidentForms}),
 * driven through the engine by {@link EngineSteps}.
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
  @Autowired EngineSteps steps;

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

  /** A person of the group (staff belong to every client's tenant, an RSSI to their client's). */
  static Person person(String userId, Groups group) {
    List<String> tenants = group == Groups.CLIENT_RSSI
        ? List.of(OTHER_RSSI.equals(userId) ? TestClients.PLAIN : TestClients.OIV)
        : List.of(TestClients.OIV, TestClients.PLAIN);
    return Person.of(userId, group, tenants);
  }

  /** Acts as a person of the group until {@link #asNobody()}. */
  void as(String userId, Groups group) {
    Person person = person(userId, group);
    identityService.setAuthentication(person.userId(), person.groupIds(), person.tenantIds());
  }

  void asNobody() {
    identityService.clearAuthentication();
  }

  /** The Tasklist start form as a technician submits it. */
  ProcessInstance report(Map<String, Object> form) {
    return steps.start(SecurityIncidentVariables.PROCESS_KEY, person(TECH, Groups.TECHNICIANS), form);
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
    return steps.task(pi, key);
  }

  boolean active(ProcessInstance pi, String key) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).count() > 0;
  }

  /** Submits the task's form as that person (the way Tasklist does). */
  void submit(ProcessInstance pi, String key, String userId, Groups group, Map<String, Object> form) {
    steps.submit(pi, key, person(userId, group), form);
  }

  Object variable(ProcessInstance pi, String name) {
    return runtimeService.getVariable(pi.getId(), name);
  }

  /** Runs the jobs due now, earliest first, and those they lead to ({@link EngineSteps#runDueJobs}). */
  void runDueJobs(ProcessInstance pi) {
    steps.runDueJobs(pi);
  }

  Job timer(ProcessInstance pi, String activityId) {
    return steps.timer(pi.getId(), activityId);
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
