package com.mileotech.cyber.incident;

import static com.mileotech.cyber.incident.SecurityIncidentVariables.PROCESS_KEY;

import com.mileotech.cyber.system.Refusal;
import com.mileotech.cyber.system.CreateOnce;
import com.mileotech.cyber.system.Moments;
import com.mileotech.cyber.client.Client;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.security.PrivilegedCall;
import com.mileotech.cyber.system.ApiException;
import com.mileotech.cyber.system.Refusal.Problem;
import com.mileotech.cyber.system.References;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

/**
 * Starts a security incident from a report that did not come through the Tasklist start form:
 * the API of the supervision platform and the reinforced monitoring of an earlier incident.
 * Validates first (nothing is started, no reference is spent on a refused report), and answers
 * the existing incident when the same external alert comes again, even from two concurrent calls
 * (the register's unique constraint decides which one wins).
 */
@Service
class SecurityIncidentIntake {

  /** How long a loser of a concurrent duplicate waits for the winner's incident to become visible. */

  private final ReportValidator validator;
  private final ClientRepository clients;
  private final References references;
  private final RuntimeService runtimeService;
  private final SecurityIncidentRepository repository;
  private final Actors actors;
  private final Moments moments;
  private final CreateOnce createOnce;
  private final PrivilegedCall privileged;

  SecurityIncidentIntake(ReportValidator validator, ClientRepository clients, References references,
      RuntimeService runtimeService, SecurityIncidentRepository repository, Actors actors, Moments moments,
      CreateOnce createOnce, PrivilegedCall privileged) {
    this.validator = validator;
    this.clients = clients;
    this.references = references;
    this.runtimeService = runtimeService;
    this.repository = repository;
    this.actors = actors;
    this.moments = moments;
    this.createOnce = createOnce;
    this.privileged = privileged;
  }


  /** @throws ApiException 400 naming each refused field */
  CreateOnce.Outcome report(SecurityIncidentReport report) {
    return report(report, actors.current());
  }

  /** As {@link #report(SecurityIncidentReport)}, on behalf of {@code reportedBy} (a step running in a job). */
  CreateOnce.Outcome report(SecurityIncidentReport report, String reportedBy) {
    return report(report, reportedBy, java.util.Map.of());
  }

  /** As above, with process variables that link the incident to what opened it (e.g. a security update). */
  CreateOnce.Outcome report(SecurityIncidentReport report, String reportedBy, java.util.Map<String, Object> links) {
    List<Problem> errors = validator.validate(report);
    if (!errors.isEmpty()) {
      throw Refusal.fields(errors);
    }
    String alertId = report.externalAlertId();
    return createOnce.findOrCreate(alertId == null ? null : () -> repository.referenceOfAlert(alertId),
        () -> start(report, reportedBy, links));
  }

  private String start(SecurityIncidentReport report, String reportedBy, java.util.Map<String, Object> links) {
    Client client = clients.find(report.clientId()).orElseThrow();
    String reference = references.next("INC");
    // the caller's right to report was checked by whoever calls (the API: integrations only); a
    // service account holds no CREATE_INSTANCE, so that /engine-rest cannot bypass this intake
    privileged.call(() -> runtimeService.createProcessInstanceByKey(PROCESS_KEY)
        .businessKey(reference)
        .setVariables(report.variables(reference, client, reportedBy, moments))
        .setVariables(links)
        .execute());
    return reference;
  }


}
