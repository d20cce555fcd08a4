package com.mileotech.cyber.incident;

import static com.mileotech.cyber.incident.SecurityIncidentVariables.*;

import com.mileotech.cyber.system.Moments;
import java.time.Instant;
import com.mileotech.cyber.system.FormValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import com.mileotech.cyber.system.FormValues;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Signaler un nouvel incident lié": something seen during the reinforced monitoring opens a new
 * security incident of the same client, sites and equipment, linked to this one by
 * {@code relatedIncident}; this one keeps the new reference in {@code followUpIncident}.
 * Asynchronous; a retried job finds the incident it already opened.
 */
@Component("reportRelatedIncident")
class ReportRelatedIncidentDelegate implements JavaDelegate {

  private final SecurityIncidentIntake intake;
  private final SecurityIncidentRepository repository;
  private final Moments moments;

  ReportRelatedIncidentDelegate(SecurityIncidentIntake intake, SecurityIncidentRepository repository, Moments moments) {
    this.intake = intake;
    this.repository = repository;
    this.moments = moments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (FOLLOW_UP_INCIDENT.get(execution) != null) {
      return;
    }
    String reference = REFERENCE.get(execution);
    Instant seenAt = MONITORING_ENDED_AT.instant(execution);
    SecurityIncidentReport report = new SecurityIncidentReport(
        CLIENT_ID.get(execution),
        FormValues.strings(SITE_IDS.get(execution)),
        MONITORING_ANOMALY_SOURCE.text(execution),
        EQUIPMENT.text(execution),
        "Constaté pendant le suivi renforcé de " + reference + " : "
            + MONITORING_ANOMALY.text(execution),
        seenAt, null, null, reference, Boolean.TRUE.equals(EXERCISE.get(execution)));
    String followUp = intake.report(report, MONITORING_ENDED_BY.get(execution)).reference();
    FOLLOW_UP_INCIDENT.set(execution, followUp);
    repository.recordFollowUp(reference, followUp);
  }
}
