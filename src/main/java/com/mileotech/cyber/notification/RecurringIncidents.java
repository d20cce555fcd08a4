package com.mileotech.cyber.notification;

import static com.mileotech.cyber.notification.NotificationVariables.*;
import static com.mileotech.cyber.notification.RecurrenceVariables.*;
import static com.mileotech.cyber.system.DbTime.utc;

import com.mileotech.cyber.client.Client;
import com.mileotech.cyber.client.RegulatoryRegime;
import com.mileotech.cyber.incident.Nature;
import com.mileotech.cyber.incident.SameNatureIncidents;
import com.mileotech.cyber.incident.SecurityIncidentVariables;
import com.mileotech.cyber.system.Moments;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Recurring incidents (Commission Implementing Regulation (EU) 2024/2690, art. 4): incidents of an
 * entity the regulation covers that, each not significant, occur at least twice within six months
 * with the same apparent root cause (here: the same nature) are together one significant incident
 * when together they meet its criteria. Found in the incident register at each qualification and
 * proposed to the referent (process {@value RecurrenceVariables#PROCESS}, task « Examiner les
 * incidents récurrents »); when the referent finds them one significant incident, the NIS2
 * notification of the latest one starts, its legal basis naming them all.
 */
@Service
class RecurringIncidents {

  /** Art. 4(a) of regulation (EU) 2024/2690. */
  static final Period WINDOW = Period.ofMonths(6);
  private static final Logger LOG = LoggerFactory.getLogger(RecurringIncidents.class);

  private final SameNatureIncidents register;
  private final RegulatoryObligations obligations;
  private final RuntimeService runtime;
  private final RegulationProperties regulation;
  private final Moments moments;
  private final JdbcClient jdbc;

  RecurringIncidents(SameNatureIncidents register, RegulatoryObligations obligations, RuntimeService runtime,
      RegulationProperties regulation, Moments moments, JdbcClient jdbc) {
    this.register = register;
    this.obligations = obligations;
    this.runtime = runtime;
    this.regulation = regulation;
    this.moments = moments;
    this.jdbc = jdbc;
  }

  /**
   * After a qualification: when the incident, not significant by itself, has others of its nature
   * within six months, notes them on the incident and asks the referent (once per incident and
   * nature). Returns the review's process instance id, if one started.
   */
  Optional<String> check(DelegateExecution incident) {
    Client client = obligations.client(incident);
    String nature = NATURE.text(incident);
    if (client.nis2EntityType() == null || !client.nis2Entity() || nature == null
        || !Boolean.FALSE.equals(NIS2_SIGNIFICANT.get(incident)) || Boolean.TRUE.equals(EXERCISE.get(incident))) {
      // an exercise is rehearsed alone: it makes no real incident recurring
      return Optional.empty();
    }
    String reference = REFERENCE.get(incident);
    Instant awareness = AWARENESS_AT.instant(incident);
    List<SameNatureIncidents.Incident> others = register.around(client.id(), nature, awareness, WINDOW, moments.zone(),
        reference);
    if (others.isEmpty() || reviewed(reference, nature)) {
      return Optional.empty();
    }
    String natureLabel = Arrays.stream(Nature.values()).filter(n -> n.code().equals(nature)).findFirst()
        .map(Nature::label).orElse(nature);
    String note = (others.size() + 1) + " incidents de même nature (" + natureLabel + ") chez " + client.name()
        + " en moins de six mois : " + reference + " (prise de connaissance le " + moments.wordsWithZone(awareness) + "), "
        + others.stream().map(o -> o.reference() + " (le " + moments.wordsWithZone(o.awarenessAt()) + ")")
            .collect(Collectors.joining(", "))
        + ". Ensemble, ils peuvent constituer un incident important (règlement (UE) 2024/2690, art. 4) : "
        + "le référent cybersécurité l'examine (tâche « Examiner les incidents récurrents »).";
    String related = others.stream().map(SameNatureIncidents.Incident::reference).collect(Collectors.joining(", "));
    RECURRENCE_NOTE.set(incident, note);

    jdbc.sql("""
        insert into recurring_incident_review (incident_reference, client_id, nature, related_references, detected_at)
        values (?, ?, ?, ?, ?)""")
        .params(reference, client.id(), nature, related, utc(moments.now())).update();
    Map<String, Object> variables = new HashMap<>();
    COPIED_FROM_INCIDENT.forEach(variable -> variable.copy(incident, variables));
    List.of(AWARENESS_AT, NIS2_SIGNIFICANT, RecurrenceVariables.NIS2_SIGNIFICANCE_BASIS, RECURRENCE_NOTE,
        SecurityIncidentVariables.AWARENESS_AT_LABEL).forEach(variable -> variable.copy(incident, variables));
    INCIDENT_PROCESS_INSTANCE_ID.put(variables, incident.getProcessInstanceId());
    RELATED_INCIDENTS.put(variables, related);
    String instance = runtime.startProcessInstanceByKey(PROCESS, reference + "-RECURRENCE", variables).getId();
    jdbc.sql("update recurring_incident_review set process_instance_id = ? where incident_reference = ? and nature = ?")
        .params(instance, reference, nature).update();
    LOG.info("Security incident {}: recurring with {}, review started", reference, related);
    return Optional.of(instance);
  }

  private boolean reviewed(String reference, String nature) {
    return jdbc.sql("select count(*) from recurring_incident_review where incident_reference = ? and nature = ?")
        .params(reference, nature).query(Long.class).single() > 0;
  }

  /**
   * The referent's decision, with its owner. Significant together: the NIS2 duties of the latest
   * incident start as for a significant incident (when NIS2 is in force at its awareness), their
   * legal basis naming the recurrence. Returns the notification ids started.
   */
  List<String> decide(VariableScope review, String incidentProcessInstanceId, boolean significant, String reason,
      String decidedBy, Instant decidedAt) {
    String reference = REFERENCE.get(review);
    String nature = NATURE.text(review);
    String related = RELATED_INCIDENTS.get(review);
    List<String> started = new ArrayList<>();
    if (significant) {
      Client client = obligations.client(review);
      RegulatoryObligations.Facts alone = obligations.facts(review);
      RegulatoryObligations.Facts together = new RegulatoryObligations.Facts(alone.personalDataInvolved(),
          alone.severity(), alone.nature(), true, alone.awarenessDay());
      List<RegulatoryRegime> nis2 = client.regimeSet().stream()
          .filter(r -> r == RegulatoryRegime.NIS2_ESSENTIAL || r == RegulatoryRegime.NIS2_IMPORTANT).toList();
      List<RegulatoryObligations.Obligation> duties = obligations.decide(together, nis2, regulation.nis2().inForceFrom())
          .stream().filter(o -> "nis2".equals(o.procedure()))
          .map(o -> new RegulatoryObligations.Obligation(o.authority(), o.procedure(),
              o.legalBasis() + " — incidents récurrents, considérés ensemble comme un incident important "
                  + "(règlement (UE) 2024/2690, art. 4) : " + reference + ", " + related,
              o.regime(), "recurrence-art4 + " + o.ruleVersion()))
          .toList();
      started.addAll(obligations.start(review, incidentProcessInstanceId, client, duties));
    }
    jdbc.sql("""
        update recurring_incident_review set decision = ?, reason = ?, decided_by = ?, decided_at = ?, notification_id = ?
        where incident_reference = ? and nature = ?""")
        .params(significant ? SIGNIFICANT : NOT_SIGNIFICANT, reason, decidedBy, utc(decidedAt),
            started.isEmpty() ? null : started.get(0), reference, nature)
        .update();
    return started;
  }

  /** A review as the register keeps it. */
  record Review(String incidentReference, String nature, String relatedReferences, String decision, String reason,
      String decidedBy, Instant decidedAt, String notificationId) {}

  /** The reviews of an incident (for the register's API and the tests). */
  List<Review> reviews(String incidentReference) {
    return jdbc.sql("select * from recurring_incident_review where incident_reference = ? order by id")
        .param(incidentReference)
        .query((rs, n) -> new Review(rs.getString("incident_reference"), rs.getString("nature"),
            rs.getString("related_references"), rs.getString("decision"), rs.getString("reason"),
            rs.getString("decided_by"), com.mileotech.cyber.system.DbTime.instant(rs, "decided_at"),
            rs.getString("notification_id")))
        .list();
  }
}
