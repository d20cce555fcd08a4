package com.mileotech.cyber.commissioning;

import static org.assertj.core.api.Assertions.assertThat;

import com.mileotech.cyber.TestClients;
import com.mileotech.cyber.TestUsers;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.client.ClientService;
import com.mileotech.cyber.reminder.RecordingReminders;
import com.mileotech.cyber.reminder.Reminders;
import com.mileotech.cyber.security.Groups;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
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
 * runs the jobs that are due. Built by each test from the shared context's beans (same package as the delegates).
 */

class CommissioningFixture {

  static final String TECHNICIAN = "tech.commissioning";
  static final String OTHER_TECHNICIAN = "tech.remediation";
  static final String PROJECT_MANAGER = "cdp.commissioning";
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  /** The catalogue new checklists are filled against (mileo.commissioning.catalogue). */
  static final String CATALOGUE = "GUID-PREM-003-v1.3";

  final RuntimeService runtimeService;
  final TaskService taskService;
  final ManagementService managementService;
  final IdentityService identityService;
  final ClientRepository clientRepository;
  final ClientService clientService;
  final Reminders reminders;

  CommissioningFixture(RuntimeService runtimeService, TaskService taskService, ManagementService managementService,
      IdentityService identityService, ClientRepository clientRepository, ClientService clientService, Reminders reminders) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.managementService = managementService;
    this.identityService = identityService;
    this.clientRepository = clientRepository;
    this.clientService = clientService;
    this.reminders = reminders;
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

  static Map<String, Object> equipment(String kind, String model, String serial, String firmware, boolean updates) {
    Map<String, Object> e = new HashMap<>();
    e.put("kind", kind);
    e.put("model", model);
    e.put("serialNumber", serial);
    e.put("firmwareVersion", firmware);
    e.put("securityUpdates", updates);
    return e;
  }

  static List<Map<String, Object>> standardInventory(String prefix) {
    return List.of(
        equipment("SERVER", "Dell PowerEdge R760", prefix + "-SRV1", "BIOS 2.3.5", true),
        equipment("NVR", "Hikvision DS-9664NI", prefix + "-NVR1", "V4.72.005", true),
        equipment("CAMERA", "Axis P3265-LVE", prefix + "-CAM1", "11.9.60", true),
        equipment("CAMERA", "Axis Q6135-LE", prefix + "-CAM2", "11.8.64", true));
  }

  ProcessInstance start(String clientId, String siteId, boolean review, List<Map<String, Object>> equipment) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("clientId", clientId);
    variables.put("siteId", siteId);
    variables.put("vmsProduct", "Milestone XProtect Corporate");
    variables.put("vmsVersion", "2024 R2");
    variables.put("projectManagerReview", review);
    variables.put("equipment", Json.variable(equipment));
    return runtimeService.startProcessInstanceByKey("vms-commissioning", variables);
  }

  /** Every point Conforme with figures that satisfy the guide. */
  static List<PointEntry> allConforme() {
    Catalogue catalogue = Catalogues.read(CATALOGUE);
    List<PointEntry> points = new ArrayList<>();
    for (Catalogue.Point point : catalogue.points()) {
      PointEntry p = PointEntry.from(point);
      p.status = "CONFORME";
      if (point.measure() != null) {
        switch (point.measure()) {
          case PATCH -> p.criticalPatchDelayHours = 48;
          case VMS_UPDATE -> p.vmsUpdateDeferralDays = 0;
          case TLS -> p.tlsMinVersion = "1.2";
          case CERTIFICATE -> p.certificateValidityMonths = 24;
          case DEFAULT_PASSWORD -> p.defaultPasswordChanged = true;
          case PASSWORD -> {
            p.adminPasswordLength = 16;
            p.adminPasswordComplex = true;
          }
          case LEGACY_INTERFACES -> {
            p.telnetDisabled = true;
            p.ftpDisabled = true;
          }
          case HTTPS -> {
            p.httpsAvailable = true;
            p.httpDisabled = true;
          }
          case DISCOVERY -> {
            p.upnpDisabled = true;
            p.bonjourDisabled = true;
            p.onvifDiscoveryRequired = false;
            p.onvifDiscoveryDisabled = true;
          }
          case VENDOR_SUPPORT -> { }
        }
      }
      points.add(p);
    }
    return points;
  }

  static List<PointEntry> with(List<PointEntry> points, String id, Consumer<PointEntry> change) {
    points.stream().filter(p -> p.id.equals(id)).findFirst().ifPresent(change);
    return points;
  }

  static void nonConforme(PointEntry p, LocalDate deadline) {
    p.status = "NON_CONFORME";
    p.comment = "Constat sur " + p.id;
    p.remediationDeadline = deadline.toString();
  }

  /** The fill-in form's variables, as Tasklist submits them (one JSON object per category, keyed SRV_01...). */
  static Map<String, Object> formVariables(List<PointEntry> points) {
    Map<String, Object> variables = new HashMap<>();
    ChecklistState.VARIABLES.forEach((category, variable) -> {
      Map<String, Map<String, Object>> submitted = new java.util.LinkedHashMap<>();
      // only what the form's fields hold: the catalogue's texts are not fields, so not submitted
      ChecklistState.byKey(points, category).forEach((key, point) -> {
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = Json.LENIENT.convertValue(point, Map.class);
        fields.keySet().removeAll(List.of("id", "category", "section", "label", "verify", "reverifications"));
        submitted.put(key, fields);
      });
      variables.put(variable, Json.variable(submitted));
    });
    return variables;
  }

  Task task(ProcessInstance pi, String activityId) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(activityId).singleResult();
  }

  void fill(ProcessInstance pi, List<PointEntry> points) {
    taskService.complete(task(pi, "Task_FillChecklist").getId(), formVariables(points));
  }

  /** Completes a task as {@code user}: the engine sees them as the authenticated caller, as Tasklist does. */
  void completeAs(String user, Groups group, ProcessInstance pi, String activityId, Map<String, Object> variables) {
    Task task = task(pi, activityId);
    assertThat(task).as("task %s of %s", activityId, pi.getId()).isNotNull();
    String tenant = runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult().getTenantId();
    identityService.setAuthentication(user, List.of(group.id()), List.of(tenant));
    try {
      taskService.complete(task.getId(), variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  void sign(ProcessInstance pi) {
    completeAs(TECHNICIAN, Groups.TECHNICIANS, pi, "Task_SignChecklist",
        Map.of("signatureDecision", "SIGN", "signatureConfirmed", true));
  }

  List<Job> dueJobs(String processInstanceId) {
    return managementService.createJobQuery().processInstanceId(processInstanceId).executable().list();
  }

  /** Runs every job due now, including the asynchronous steps they lead to. */
  void runDueJobs(ProcessInstance pi) {
    List<Job> due;
    int guard = 0;
    while (!(due = dueJobs(pi.getId())).isEmpty()) {
      due.forEach(job -> managementService.executeJob(job.getId()));
      if (++guard > 30) {
        throw new AssertionError("jobs keep coming: " + due);
      }
    }
  }

  static LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), PARIS);
  }
}
