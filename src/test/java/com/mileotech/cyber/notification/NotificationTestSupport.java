package com.mileotech.cyber.notification;

import com.mileotech.cyber.TestClients;
import com.mileotech.cyber.TestUsers;
import com.mileotech.cyber.client.Client;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.client.ClientService;
import com.mileotech.cyber.client.ContractType;
import com.mileotech.cyber.client.RegulatoryRegime;
import com.mileotech.cyber.system.References;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.Job;
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

  private final ProcessEngine engine;
  private final ClientRepository clients;
  private final ClientService clientService;
  private final References references;
  private boolean deployed;

  NotificationTestSupport(ProcessEngine engine, ClientRepository clients, ClientService clientService, References references) {
    this.engine = engine;
    this.clients = clients;
    this.clientService = clientService;
    this.references = references;
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
        .processInstanceBusinessKey(incident.getBusinessKey() + "-" + authority).singleResult();
  }

  long notificationCount(ProcessInstance incident) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKeyLike(incident.getBusinessKey() + "-%").count();
  }

  /** Runs every job due now in the instance (async steps, timers), as the job executor would. */
  public void runDueJobs(ProcessInstance instance) {
    ManagementService management = engine.getManagementService();
    for (int guard = 0; guard < 30; guard++) {
      List<Job> due = management.createJobQuery().processInstanceId(instance.getId()).executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> management.executeJob(job.getId()));
    }
    throw new AssertionError("jobs keep coming in " + instance.getId());
  }

  Task task(ProcessInstance instance, String key) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult();
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
    Map<String, Object> form = mail ? Map.of("clientInformationChannel", "courriel-application")
        : Map.of("clientInformationChannel", "telephone", "clientInformedContact", "Directeur technique du client",
            "clientInformedAtInput", org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant().toString());
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
    IdentityService identity = engine.getIdentityService();
    identity.setAuthentication(user, groups, tenants);
    try {
      work.run();
    } finally {
      identity.clearAuthentication();
    }
  }
}
