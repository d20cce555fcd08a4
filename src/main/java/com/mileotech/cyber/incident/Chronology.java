package com.mileotech.cyber.incident;

import com.mileotech.cyber.system.Moments;
import java.time.Instant;
import com.mileotech.cyber.tasklist.TaskNamingPlugin;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.stereotype.Component;

/**
 * The chronology of a security incident for its lessons-learned report (PROC-CYB-005 §06), from
 * the engine's history: detection, qualifications, each task done (containment, eradication,
 * recovery...) and the tasks of its regulatory notifications, each with its time and person.
 */
@Component
class Chronology {

  /**
   * The processes of the regulatory notifications (another feature), found by the incident's
   * reference: each notification, and each of its reports (regulatory-report, called by it).
   */
  static final String[] NOTIFICATION_PROCESSES = {"cnil-notification", "anssi-notification", "regulatory-report"};

  private static final Map<String, String> PHASES = new LinkedHashMap<>();

  static {
    PHASES.put("Task_CaptureEvidence", "Confinement");
    PHASES.put("Task_ContainIncident", "Confinement");
    PHASES.put("Task_EradicateThreat", "Éradication");
    PHASES.put("Task_VerifyIntegrity", "Éradication");
    PHASES.put("Task_ProposeRecoveryDate", "Reprise");
    PHASES.put("Task_AgreeRecoveryDate", "Reprise");
    PHASES.put("Task_ReturnToService", "Reprise");
  }

  /** One line of the chronology. */
  record Entry(Instant at, String when, String step, String detail, String person) {}

  private final HistoryService historyService;
  private final SecurityIncidentRepository repository;
  private final Actors actors;
  private final Moments moments;

  Chronology(HistoryService historyService, SecurityIncidentRepository repository, Actors actors, Moments moments) {
    this.historyService = historyService;
    this.repository = repository;
    this.actors = actors;
    this.moments = moments;
  }

  List<Entry> of(String reference) {
    SecurityIncidentRecord incident = repository.find(reference).orElseThrow();
    List<Entry> entries = new ArrayList<>();
    if (incident.beganAt() != null) {
      entries.add(entry(incident.beganAt(), "Détection", "Début estimé de l'incident", null));
    }
    entries.add(entry(incident.detectedAt(), "Détection",
        Code.find(DetectionSource.class, incident.detectionSource()).map(Code::label).orElse(incident.detectionSource())
            + " — " + incident.equipment(), incident.reportedBy()));
    HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(incident.processInstanceId()).singleResult();
    if (instance != null) {
      entries.add(entry(instance.getStartTime().toInstant(), "Détection",
          "Incident " + reference + " enregistré, référent cybersécurité informé", instance.getStartUserId()));
    }
    for (SecurityIncidentRepository.Qualification q : repository.qualifications(reference)) {
      entries.add(entry(q.qualifiedAt(), q.version() == 1 ? "Qualification" : "Requalification",
          "version " + q.version() + " : " + label(Nature.class, q.nature()) + ", gravité " + label(Severity.class, q.severity())
              + ", données personnelles : " + (q.personalDataInvolved() ? "oui" : "non")
              + ", prise de connaissance le " + moments.wordsWithZone(q.awarenessAt())
              + (q.reason() == null ? "" : " — motif : " + q.reason()),
          q.qualifiedBy()));
    }
    tasks(incident.processInstanceId()).forEach(task -> {
      String phase = PHASES.get(task.getTaskDefinitionKey());
      if (phase != null) {
        entries.add(entry(task.getEndTime().toInstant(), phase,
            TaskNamingPlugin.withoutReference(task.getName(), reference), completer(task)));
      }
    });
    for (HistoricProcessInstance notification : notifications(reference)) {
      tasks(notification.getId()).forEach(task -> entries.add(entry(task.getEndTime().toInstant(),
          "Notifications", TaskNamingPlugin.withoutReference(task.getName(), reference), completer(task))));
    }
    entries.sort(Comparator.comparing(Entry::at));
    return entries;
  }

  private List<HistoricTaskInstance> tasks(String processInstanceId) {
    return historyService.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId).finished()
        .orderByHistoricTaskInstanceEndTime().asc().list().stream()
        .filter(t -> !"deleted".equals(t.getDeleteReason()) && t.getEndTime() != null)
        .toList();
  }

  private List<HistoricProcessInstance> notifications(String reference) {
    Map<String, HistoricProcessInstance> found = new LinkedHashMap<>();
    for (String variable : List.of("incidentReference", SecurityIncidentVariables.REFERENCE.name())) {
      historyService.createHistoricProcessInstanceQuery().processDefinitionKeyIn(NOTIFICATION_PROCESSES)
          .variableValueEquals(variable, reference).list().forEach(p -> found.put(p.getId(), p));
    }
    return List.copyOf(found.values());
  }

  /** Whoever completed the task: its assignee, or the user the operation log names. */
  private String completer(HistoricTaskInstance task) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    return historyService.createUserOperationLogQuery().taskId(task.getId())
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list().stream()
        .map(UserOperationLogEntry::getUserId).filter(u -> u != null).findFirst().orElse(null);
  }

  private Entry entry(Instant at, String step, String detail, String userId) {
    return new Entry(at, moments.words(at), step, detail, userId == null ? "—" : actors.describe(userId));
  }

  private static <E extends Enum<E> & Code> String label(Class<E> type, String code) {
    return Code.find(type, code).map(Code::label).orElse(code);
  }

  /** As stored in the Json variable the forms show: [{when, step, detail, person}]. */
  static List<Map<String, String>> asVariable(List<Entry> entries) {
    return entries.stream().map(e -> {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("at", e.at().toString());
      m.put("when", e.when());
      m.put("step", e.step());
      m.put("detail", e.detail());
      m.put("person", e.person());
      return m;
    }).toList();
  }
}
