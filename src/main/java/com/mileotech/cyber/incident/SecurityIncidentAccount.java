package com.mileotech.cyber.incident;

import static com.mileotech.cyber.incident.SecurityIncidentVariables.*;

import com.mileotech.cyber.client.Client;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.system.FormValues;
import com.mileotech.cyber.system.Published;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * What other features may read of one security incident's whole account, in French words, for a
 * document the client keeps (the incident file): summary, every qualification version, the
 * chronology from the history, the containment, eradication and integrity facts, and the lessons
 * learned. Reads only; from the register and the process history, so it works whether the process
 * runs or ended. Engine queries run with the caller's engine authorizations: call it as the
 * application, for an incident whose access was already checked.
 */
@Published
@Component
public class SecurityIncidentAccount {

  /** The incident at a glance; people already described ("Prénom Nom (id)"), codes already in words. */
  public record Summary(String reference, String clientId, String clientName, List<String> sites,
      String detectionSource, String equipment, String description, String nature, String severity,
      Boolean personalDataInvolved, Instant beganAt, Instant detectedAt, Instant awarenessAt,
      Instant returnedToServiceAt, Instant closedAt, Long mttdMinutes, Long mttrMinutes, boolean exercise) {}

  /** One qualification (version 1) or re-qualification, who made it and when. */
  public record QualificationVersion(int version, String nature, String severity, boolean personalDataInvolved,
      Instant awarenessAt, String affectedSystems, String reason, Instant qualifiedAt, String qualifiedBy) {}

  /** One line of the chronology: when, the phase, what was done, by whom. */
  public record Step(Instant at, String phase, String detail, String person) {}

  /** When a phase (containment, eradication) was last recorded and by whom (null while not done); its actions are the playbook feature's. */
  public record Phase(Instant recordedAt, String recordedBy) {}

  /**
   * The integrity check before the return to service: each point confirmed or not, the number of
   * checks made (more than one: a failed check sent the work back to eradication).
   */
  public record IntegrityCheck(Map<String, Boolean> points, Boolean confirmed, Integer checks, Integer eradicationRounds,
      Instant checkedAt, String checkedBy) {}

  /**
   * The lessons learned as written and approved; {@code improvementActions}: the improvement
   * actions planned at approval, in words (null when none was planned).
   */
  public record LessonsLearned(String rootCauses, String hardeningControls, String responseEffectiveness,
      String improvements, String improvementActions, String writtenBy, String approvedBy, Instant approvedAt) {}

  private final SecurityIncidentRepository repository;
  private final Chronology chronology;
  private final Actors actors;
  private final HistoryService historyService;
  private final IdentityService identityService;
  private final ClientRepository clients;

  SecurityIncidentAccount(SecurityIncidentRepository repository, Chronology chronology, Actors actors,
      HistoryService historyService, IdentityService identityService, ClientRepository clients) {
    this.repository = repository;
    this.chronology = chronology;
    this.actors = actors;
    this.historyService = historyService;
    this.identityService = identityService;
    this.clients = clients;
  }

  /** How a person is named in the record: "Prénom Nom (id)", "système" for the application itself. */
  public String person(String userId) {
    return actors.describe(userId);
  }

  /** The client of the incident, for an access check; empty for an unknown reference. */
  public Optional<String> clientOf(String reference) {
    return repository.find(reference).map(SecurityIncidentRecord::clientId);
  }

  /**
   * The tenant of the incident's process (the client it belongs to, or Mileo's own tenant), looked up
   * as the application, for an access check made by the caller; empty for an unknown reference.
   */
  public Optional<String> tenantOf(String reference) {
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference)
          .processDefinitionKey(PROCESS_KEY).orderByProcessInstanceStartTime().asc().list().stream().findFirst()
          .map(HistoricProcessInstance::getTenantId);
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }

  public Optional<Summary> summary(String reference) {
    return repository.find(reference).map(i -> {
      Client client = clients.find(i.clientId()).orElse(null);
      List<String> sites = i.siteIds().stream()
          .map(id -> client == null ? id : client.site(id).map(Client.Site::name).orElse(id)).toList();
      return new Summary(i.reference(), i.clientId(), client == null ? i.clientId() : client.name(), sites,
          label(DetectionSource.class, i.detectionSource()), i.equipment(), i.description(),
          label(Nature.class, i.nature()), label(Severity.class, i.severity()), i.personalDataInvolved(), i.beganAt(),
          i.detectedAt(), i.awarenessAt(), i.returnedToServiceAt(), i.closedAt(), i.mttdMinutes(), i.mttrMinutes(),
          repository.exercise(reference).isPresent());
    });
  }

  public List<QualificationVersion> qualifications(String reference) {
    return repository.qualifications(reference).stream()
        .map(q -> new QualificationVersion(q.version(), label(Nature.class, q.nature()), label(Severity.class, q.severity()),
            q.personalDataInvolved(), q.awarenessAt(), q.affectedSystems(), q.reason(), q.qualifiedAt(),
            actors.describe(q.qualifiedBy())))
        .toList();
  }

  public List<Step> chronology(String reference) {
    return chronology.of(reference).stream().map(e -> new Step(e.at(), e.step(), e.detail(), e.person())).toList();
  }

  public Phase containment(String reference) {
    Map<String, Object> v = variables(reference);
    return phase(CONTAINED_AT.instantFrom(v), CONTAINED_BY.from(v));
  }

  public Phase eradication(String reference) {
    Map<String, Object> v = variables(reference);
    return phase(ERADICATED_AT.instantFrom(v), ERADICATED_BY.from(v));
  }

  public IntegrityCheck integrityCheck(String reference) {
    Map<String, Object> v = variables(reference);
    Map<String, Boolean> points = new java.util.LinkedHashMap<>();
    RecordIntegrityCheckDelegate.CHECKS.forEach((key, label) -> points.put(label, Boolean.TRUE.equals(
        FormValues.bool(v.get(key)))));
    String by = INTEGRITY_CHECKED_BY.from(v);
    return new IntegrityCheck(points, INTEGRITY_CONFIRMED.from(v), INTEGRITY_CHECKS.from(v), ERADICATION_ROUND.from(v),
        INTEGRITY_CHECKED_AT.instantFrom(v), by == null ? null : actors.describe(by));
  }

  public LessonsLearned lessonsLearned(String reference) {
    Map<String, Object> v = variables(reference);
    String writtenBy = LESSONS_LEARNED_WRITTEN_BY.from(v);
    String approvedBy = LESSONS_LEARNED_APPROVED_BY.from(v);
    return new LessonsLearned(LESSONS_ROOT_CAUSES.text(v), HARDENING_CONTROLS_LABEL.from(v),
        LESSONS_RESPONSE_EFFECTIVENESS.text(v), LESSONS_IMPROVEMENTS.text(v), IMPROVEMENT_ACTIONS_LABEL.from(v),
        writtenBy == null ? null : actors.describe(writtenBy), approvedBy == null ? null : actors.describe(approvedBy),
        LESSONS_LEARNED_APPROVED_AT.instantFrom(v));
  }

  private Phase phase(Instant at, String by) {
    return new Phase(at, by == null ? null : actors.describe(by));
  }

  /** The incident process's variables as they stand (or stood at its end), from the history. */
  private Map<String, Object> variables(String reference) {
    Map<String, Object> values = new HashMap<>();
    String processInstanceId = repository.find(reference).map(SecurityIncidentRecord::processInstanceId).orElse(null);
    if (processInstanceId == null) {
      return values;
    }
    List<HistoricVariableInstance> all = historyService.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(processInstanceId).disableCustomObjectDeserialization().list();
    // the process's own scope wins over a sub-process's or a task's copy of the same name
    all.stream().filter(h -> !processInstanceId.equals(h.getActivityInstanceId()))
        .forEach(h -> values.put(h.getName(), h.getValue()));
    all.stream().filter(h -> processInstanceId.equals(h.getActivityInstanceId()))
        .forEach(h -> values.put(h.getName(), h.getValue()));
    return values;
  }

  private static <E extends Enum<E> & Code> String label(Class<E> type, String code) {
    return code == null ? null : Code.find(type, code).map(Code::label).orElse(code);
  }
}
