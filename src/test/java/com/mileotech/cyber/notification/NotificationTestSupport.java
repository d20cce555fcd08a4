package com.mileotech.cyber.notification;

import com.mileotech.cyber.EngineSteps;
import com.mileotech.cyber.TestClients;
import com.mileotech.cyber.TestUsers;
import com.mileotech.cyber.client.Client;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.client.ClientService;
import com.mileotech.cyber.client.ContractType;
import com.mileotech.cyber.client.RegulatoryRegime;
import com.mileotech.cyber.reminder.RecordingReminders;
import com.mileotech.cyber.reminder.Reminders;
import com.mileotech.cyber.system.References;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.springframework.stereotype.Component;

/**
 * Drives notifications the way the security-incident process does: a small stand-in incident
 * (qualified, then re-qualified, then ended) calls the same delegates at the same moments.
 */
@Component
public class NotificationTestSupport {

  static final String INCIDENT = "notification-check-incident";
  static final String NIS2_CLIENT = "client-nis2";
  /** A client both OIV and NIS2 essential entity: two ANSSI duties per significant incident (V76). */
  static final String DUAL_CLIENT = "client-oiv-nis2";

  private final ProcessEngine engine;
  private final ClientRepository clients;
  private final ClientService clientService;
  private final References references;
  private final Reminders reminders;
  private final EngineSteps steps;
  private boolean deployed;

  NotificationTestSupport(ProcessEngine engine, ClientRepository clients, ClientService clientService, References references,
      Reminders reminders, EngineSteps steps) {
    this.engine = engine;
    this.steps = steps;
    this.clients = clients;
    this.clientService = clientService;
    this.references = references;
    this.reminders = reminders;
  }

  public void prepare() {
    IdentityService identity = engine.getIdentityService();
    TestClients.ensure(identity, clients, clientService);
    if (!clients.exists(NIS2_CLIENT)) {
      clientService.create(new Client(NIS2_CLIENT, "Client NIS2", RegulatoryRegime.NIS2_ESSENTIAL,
          new Client.Contract(ContractType.STANDARD, LocalDate.of(2025, 1, 1), LocalDate.of(2030, 1, 1)),
          List.of(), null, List.of(new Client.Site("usine", "Usine", null))));
    }
    if (!deployed) {
      RepositoryService repository = engine.getRepositoryService();
      repository.createDeployment().addModelInstance(INCIDENT + ".bpmn",
          Bpmn.createExecutableProcess(INCIDENT).camundaHistoryTimeToLive(1)
              .startEvent()
              .serviceTask("Task_AssessRegulatoryObligations").camundaDelegateExpression("${assessRegulatoryObligations}")
              .userTask("Task_Investigate").camundaCandidateGroups("cyber-referent")
              .serviceTask("Task_AssessAfterRequalification").camundaDelegateExpression("${assessRegulatoryObligations}")
              .userTask("Task_ReturnToService").camundaCandidateGroups("cyber-referent")
              .serviceTask("Task_AnnounceEnd").camundaDelegateExpression("${announceSecurityIncidentEnded}")
              .endEvent().done())
          .deploy();
      deployed = true;
    }
  }

  /** Creates {@link #DUAL_CLIENT} if missing (as RegimesAndRuleVersionsTest does). */
  void dualRegimeClient() {
    if (!clients.exists(DUAL_CLIENT)) {
      clientService.create(new Client(DUAL_CLIENT, "Client OIV et NIS2",
          List.of(RegulatoryRegime.NIS2_ESSENTIAL, RegulatoryRegime.OIV),
          new Client.Contract(ContractType.PREMIUM, LocalDate.of(2025, 1, 1), LocalDate.of(2030, 1, 1)),
          List.of(), null, List.of(new Client.Site("centrale", "Centrale", null))));
    }
  }

  /** A qualified incident; returns its process instance (business key = its reference). */
  public ProcessInstance qualifiedIncident(String clientId, boolean personalData, String severity, String nature,
      Instant awareness, String detectionSource) {
    String reference = references.next("TNO");
    Map<String, Object> variables = new HashMap<>();
    variables.put("reference", reference);
    variables.put("clientId", clientId);
    variables.put("clientName", clients.find(clientId).orElseThrow().name());
    variables.put("siteName", "Site principal");
    variables.put("severity", severity);
    variables.put("nature", nature);
    variables.put("personalDataInvolved", personalData);
    variables.put("awarenessAt", Date.from(awareness));
    variables.put("detectedAt", Date.from(awareness));
    variables.put("detectionSource", detectionSource);
    variables.put("description", "Accès non autorisé à l'enregistreur vidéo du site");
    return engine.getRuntimeService().startProcessInstanceByKey(INCIDENT, reference, variables);
  }

  /** The re-qualification: new facts, known from {@code awareness}. */
  void requalify(ProcessInstance incident, Map<String, Object> facts) {
    Task investigate = engine.getTaskService().createTaskQuery().processInstanceId(incident.getId())
        .taskDefinitionKey("Task_Investigate").singleResult();
    engine.getTaskService().complete(investigate.getId(), facts);
  }

  void endIncident(ProcessInstance incident, Instant at) {
    engine.getRuntimeService().setVariable(incident.getId(), "closedAt", Date.from(at));
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(incident.getId())
        .taskDefinitionKey("Task_ReturnToService").singleResult();
    engine.getTaskService().complete(task.getId());
  }

  public ProcessInstance notification(ProcessInstance incident, String authority) {
    return engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("CNIL".equals(authority) ? "cnil-notification" : "anssi-notification")
        .processInstanceBusinessKey(incident.getBusinessKey() + "-" + authority).singleResult();
  }

  /**
   * The running report of that kind ({@link ReportKind} code) of a notification: its instance of
   * regulatory-report, the block every report to an authority runs in (drafting, filing, timers).
   */
  public ProcessInstance report(ProcessInstance notification, String kind) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("regulatory-report")
        .superProcessInstanceId(notification.getId()).variableValueEquals("reportKind", kind).singleResult();
  }

  /** The open task {@code key} of the running report of that kind (e.g. "Task_FileReport"). */
  public Task reportTask(ProcessInstance notification, String kind, String key) {
    ProcessInstance report = report(notification, kind);
    if (report == null) {
      throw new AssertionError("no running report '" + kind + "' in " + notification.getId());
    }
    return task(report, key);
  }

  /** What the notification asked of the reminder mechanism, its reports' reminders and escalations included. */
  public List<RecordingReminders.Call> reminderCalls(ProcessInstance notification) {
    return ((RecordingReminders) reminders).calls().stream()
        .filter(c -> notification.getBusinessKey().equals(c.businessKey())).toList();
  }

  long notificationCount(ProcessInstance incident) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKeyIn("cnil-notification", "anssi-notification")
        .processInstanceBusinessKeyLike(incident.getBusinessKey() + "-%").count();
  }

  /**
   * Runs the jobs due now in the instance and the instances it called (its reports), earliest first,
   * as the job executor would ({@link EngineSteps#runDueJobs}).
   */
  public void runDueJobs(ProcessInstance instance) {
    steps.runDueJobs(instance);
  }

  /** The open task {@code key} of the instance or an instance it called; null when there is none. */
  Task task(ProcessInstance instance, String key) {
    return steps.findTask(instance.getId(), key);
  }

  /** Mileo's referent of these tests, who tells clients and records filings the clients made. */
  static final String REFERENT = "referent.notifications";

  /**
   * "Informer le client" as the referent does it at the current time: by the application's mail
   * when the client has an RSSI with an address, else by telephone; then the mail is sent.
   */
  void informClient(ProcessInstance notification) {
    Task task = task(notification, "Task_InformClient");
    if (task == null) {
      throw new AssertionError("no 'Informer le client' task in " + notification.getId());
    }
    String clientId = (String) engine.getRuntimeService().getVariable(notification.getId(), "clientId");
    boolean mail = clients.find(clientId).orElseThrow().rssiContacts().stream().anyMatch(c -> c.email() != null);
    Map<String, Object> form = mail ? NotificationForms.clientInformedByMail()
        : NotificationForms.clientInformedByTelephone("Directeur technique du client",
            org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant().toString());
    asReferent(() -> engine.getTaskService().complete(task.getId(), form));
    runDueJobs(notification);
  }

  /** Runs {@code work} as the referent (staff belong to every client's tenant). */
  void asReferent(Runnable work) {
    TestUsers.ensure(engine.getIdentityService(), REFERENT, com.mileotech.cyber.security.Groups.CYBER_REFERENT);
    List<String> everyClient = engine.getIdentityService().createTenantQuery().list().stream()
        .map(org.camunda.bpm.engine.identity.Tenant::getId).toList();
    as(REFERENT, List.of("cyber-referent"), everyClient, work);
  }

  /** Runs {@code work} as the RSSI of the client, member of its tenant. */
  void asRssi(String rssi, String clientId, Runnable work) {
    as(rssi, List.of("client-rssi"), List.of(clientId), work);
  }

  /** Completes the task as the referent, who records what the client filed. */
  void completeAsReferent(ProcessInstance instance, String key, Map<String, Object> variables) {
    Task task = task(instance, key);
    asReferent(() -> engine.getTaskService().complete(task.getId(), variables));
  }

  private void as(String user, List<String> groups, List<String> tenants, Runnable work) {
    steps.as(new EngineSteps.Person(user, groups, tenants), work);
  }
}
