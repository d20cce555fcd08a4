package com.mileotech.cyber.incident;

import com.mileotech.cyber.system.CreateOnce;
import com.mileotech.cyber.client.Client;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.security.CurrentUser;
import com.mileotech.cyber.security.Groups;
import com.mileotech.cyber.system.ApiException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Security incidents over HTTP. POST: the supervision platform and other integrations (service
 * accounts of the integrations group) report a suspicion; the same external alert id twice is the
 * same incident. GET: the incident's summary, for Mileo staff and for that client's RSSI.
 */
@RestController
@RequestMapping("/api/security-incidents")
class SecurityIncidentController {

  private final SecurityIncidentIntake intake;
  private final SecurityIncidentRepository repository;
  private final ClientRepository clients;
  private final CurrentUser currentUser;
  private final TaskService taskService;
  private final ProcessEngineConfigurationImpl engineConfiguration;
  private final ExerciseConversion exerciseConversion;

  SecurityIncidentController(SecurityIncidentIntake intake, SecurityIncidentRepository repository,
      ClientRepository clients, CurrentUser currentUser, TaskService taskService,
      ProcessEngineConfigurationImpl engineConfiguration, ExerciseConversion exerciseConversion) {
    this.exerciseConversion = exerciseConversion;
    this.intake = intake;
    this.repository = repository;
    this.clients = clients;
    this.currentUser = currentUser;
    this.taskService = taskService;
    this.engineConfiguration = engineConfiguration;
  }

  /** What an integration sends. Dates are ISO 8601 with offset, e.g. 2026-03-04T14:30:00+01:00. */
  record ReportRequest(String clientId, List<String> siteIds, String detectionSource, String equipment,
      String description, OffsetDateTime detectedAt, OffsetDateTime beganAt, String externalAlertId,
      Boolean exercise) {

    SecurityIncidentReport toReport() {
      return new SecurityIncidentReport(clientId, siteIds, detectionSource, equipment, description,
          detectedAt == null ? null : detectedAt.toInstant(), beganAt == null ? null : beganAt.toInstant(),
          externalAlertId == null || externalAlertId.isBlank() ? null : externalAlertId.trim(), null,
          Boolean.TRUE.equals(exercise));
    }
  }

  /** The answer to a report: the incident's reference, and whether this call created it. */
  record ReportResponse(String reference, boolean created, String location) {}

  @PostMapping
  ResponseEntity<ReportResponse> report(@RequestBody ReportRequest request) {
    currentUser.require(Groups.INTEGRATIONS);
    CreateOnce.Outcome outcome = intake.report(request.toReport());
    URI location = URI.create("/api/security-incidents/" + outcome.reference());
    ReportResponse body = new ReportResponse(outcome.reference(), outcome.created(), location.toString());
    return outcome.created()
        ? ResponseEntity.created(location).body(body)
        : ResponseEntity.ok().location(location).body(body);
  }

  /** What the referent sends to convert an incident into an exercise. */
  record ExerciseConversionRequest(String reason) {}

  /**
   * The referent converts the incident into an exercise, with a reason (who and when: the
   * authenticated caller, now). 409 when it already is one (never converted back), is closed, or
   * has a filing to an authority recorded.
   */
  @PostMapping("/{reference}/exercise-conversion")
  Map<String, Object> convertToExercise(@PathVariable String reference,
      @RequestBody(required = false) ExerciseConversionRequest request) {
    currentUser.require(Groups.CYBER_REFERENT);
    SecurityIncidentRecord incident = repository.find(reference)
        .filter(i -> currentUser.canSeeClient(i.clientId()))
        .orElseThrow(() -> ApiException.notFound("Incident de sécurité inconnu : " + reference));
    SecurityIncidentRepository.Exercise exercise = exerciseConversion.convert(incident,
        request == null ? null : request.reason(), currentUser.id());
    return Map.of("reference", reference, "exercise", exerciseView(exercise));
  }

  private static Map<String, Object> exerciseView(SecurityIncidentRepository.Exercise exercise) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("origin", exercise.origin());
    view.put("recordedBy", exercise.recordedBy());
    view.put("recordedAt", exercise.recordedAt());
    view.put("reason", exercise.reason());
    view.values().removeIf(v -> v == null);
    return view;
  }

  @GetMapping("/{reference}")
  Map<String, Object> summary(@PathVariable String reference) {
    currentUser.require(Groups.TECHNICIANS, Groups.PROJECT_MANAGERS, Groups.CYBER_REFERENT, Groups.ADMINISTRATORS,
        Groups.CLIENT_RSSI);
    SecurityIncidentRecord incident = repository.find(reference)
        .filter(i -> currentUser.canSeeClient(i.clientId()))
        .orElseThrow(() -> ApiException.notFound("Incident de sécurité inconnu : " + reference));
    Client client = clients.find(incident.clientId()).orElseThrow();

    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("reference", incident.reference());
    summary.put("status", incident.status());
    summary.put("client", Map.of("id", client.id(), "name", client.name()));
    summary.put("sites", incident.siteIds().stream()
        .map(id -> Map.of("id", id, "name", client.site(id).map(Client.Site::name).orElse(id))).toList());
    summary.put("detectionSource", incident.detectionSource());
    summary.put("equipment", incident.equipment());
    summary.put("description", incident.description());
    summary.put("detectedAt", incident.detectedAt());
    summary.put("beganAt", incident.beganAt());
    summary.put("externalAlertId", incident.externalAlertId());
    summary.put("relatedIncident", incident.relatedIncident());
    repository.exercise(reference).ifPresent(e -> summary.put("exercise", exerciseView(e)));
    if (incident.qualificationVersion() != null) {
      Map<String, Object> qualification = new LinkedHashMap<>();
      qualification.put("version", incident.qualificationVersion());
      qualification.put("nature", incident.nature());
      qualification.put("severity", incident.severity());
      qualification.put("personalDataInvolved", incident.personalDataInvolved());
      qualification.put("awarenessAt", incident.awarenessAt());
      qualification.put("qualifiedAt", incident.qualifiedAt());
      summary.put("qualification", qualification);
    }
    summary.put("evidence", incident.evidenceStatus());
    summary.put("returnedToServiceAt", incident.returnedToServiceAt());
    summary.put("closedAt", incident.closedAt());
    summary.put("mttdMinutes", incident.mttdMinutes());
    summary.put("mttrMinutes", incident.mttrMinutes());
    summary.put("followUpIncident", incident.followUpIncident());
    summary.put("lessonsLearnedApprovedAt", incident.lessonsLearnedApprovedAt());
    if (incident.lessonsLearnedApprovedAt() != null) {
      // the incident file (feature casefile), with the lessons-learned report
      summary.put("file", "/api/security-incidents/" + reference + "/file");
    }
    summary.put("openTasks", openTasks(incident.processInstanceId()));
    summary.values().removeIf(v -> v == null);
    return summary;
  }

  /**
   * The steps under way, whoever may see them in Tasklist: the caller's right to the incident was
   * checked above, so the engine's own checks (an RSSI sees only their tasks) are set aside here.
   */
  private List<Map<String, Object>> openTasks(String processInstanceId) {
    List<Task> tasks = engineConfiguration.getCommandExecutorTxRequired().execute(context -> {
      context.disableAuthorizationCheck();
      context.disableTenantCheck();
      return taskService.createTaskQuery().processInstanceId(processInstanceId).orderByTaskCreateTime().asc().list();
    });
    return tasks.stream().map(t -> {
      Map<String, Object> task = new LinkedHashMap<>();
      task.put("name", t.getName());
      task.put("since", t.getCreateTime().toInstant());
      if (t.getDueDate() != null) {
        task.put("due", t.getDueDate().toInstant());
      }
      return task;
    }).toList();
  }
}
