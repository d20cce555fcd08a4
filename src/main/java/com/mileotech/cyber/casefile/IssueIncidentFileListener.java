package com.mileotech.cyber.casefile;

import static com.mileotech.cyber.incident.SecurityIncidentVariables.LESSONS_LEARNED_APPROVED_AT;
import static com.mileotech.cyber.incident.SecurityIncidentVariables.LESSONS_LEARNED_APPROVED_BY;
import static com.mileotech.cyber.incident.SecurityIncidentVariables.REFERENCE;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * "Établir le dossier d'incident": at the start of "Partager le retour d'expérience avec le client"
 * (after its async boundary, so in the job that shares it, and with everything before it in the
 * history), the incident file is generated for the approval just recorded. One version per
 * approval: a retried job finds the version it made; a later approval makes the next version.
 */
@Component("issueIncidentFile")
class IssueIncidentFileListener implements ExecutionListener {

  private final IncidentFileIssuer issuer;

  IssueIncidentFileListener(IncidentFileIssuer issuer) {
    this.issuer = issuer;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String reference = REFERENCE.get(execution);
    Instant approvedAt = LESSONS_LEARNED_APPROVED_AT.instant(execution);
    int earlier = issuer.versionsOf(reference);
    issuer.issue(reference, "approbation:" + approvedAt,
        earlier == 0 ? "Approbation du retour d'expérience" : "Nouvelle approbation du retour d'expérience",
        LESSONS_LEARNED_APPROVED_BY.get(execution));
  }
}
