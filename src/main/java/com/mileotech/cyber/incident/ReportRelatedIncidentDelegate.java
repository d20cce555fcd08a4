package com.mileotech.cyber.incident;

import com.mileotech.cyber.system.Moments;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
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
    if (execution.getVariable("followUpIncident") != null) {
      return;
    }
    String reference = (String) execution.getVariable(Variables.REFERENCE);
    Instant seenAt = moments.instant(execution.getVariable("monitoringEndedAt"));
    SecurityIncidentReport report = new SecurityIncidentReport(
        (String) execution.getVariable(Variables.CLIENT_ID),
        Values.strings(execution.getVariable(Variables.SITE_IDS)),
        (String) execution.getVariable(RecordMonitoringOutcomeDelegate.ANOMALY_SOURCE),
        (String) execution.getVariable(Variables.EQUIPMENT),
        "Constaté pendant le suivi renforcé de " + reference + " : "
            + execution.getVariable(RecordMonitoringOutcomeDelegate.ANOMALY_DESCRIPTION),
        seenAt, null, null, reference);
    String followUp = intake.report(report, (String) execution.getVariable("monitoringEndedBy")).reference();
    execution.setVariable("followUpIncident", followUp);
    repository.recordFollowUp(reference, followUp);
  }
}
