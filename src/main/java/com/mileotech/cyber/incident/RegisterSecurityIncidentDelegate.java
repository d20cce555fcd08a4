package com.mileotech.cyber.incident;

import com.mileotech.cyber.system.Refusal;
import com.mileotech.cyber.system.Moments;
import com.mileotech.cyber.client.Client;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.system.Refusal.Problem;
import com.mileotech.cyber.system.References;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer l'incident": the first step of every security incident, in the transaction that
 * starts it. A report from the Tasklist start form is checked here (a refusal rolls the start back
 * and Tasklist shows the message: nothing is created, no reference is spent), gets its reference
 * as business key, and its variables in the shape of the contract. Reports from the API arrive
 * checked and named. Either way the incident enters the register.
 */
@Component("registerSecurityIncident")
class RegisterSecurityIncidentDelegate implements JavaDelegate {

  static final String DETECTED_AT_INPUT = "detectedAtInput";
  static final String BEGAN_AT_INPUT = "beganAtInput";

  private final ReportValidator validator;
  private final ClientRepository clients;
  private final References references;
  private final SecurityIncidentRepository repository;
  private final Actors actors;
  private final Moments moments;

  RegisterSecurityIncidentDelegate(ReportValidator validator, ClientRepository clients, References references,
      SecurityIncidentRepository repository, Actors actors, Moments moments) {
    this.validator = validator;
    this.clients = clients;
    this.references = references;
    this.repository = repository;
    this.actors = actors;
    this.moments = moments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = (String) execution.getVariable(Variables.REFERENCE);
    SecurityIncidentReport report;
    String reportedBy;
    if (reference == null) {
      report = fromStartForm(execution);
      List<Problem> errors = validator.validate(report);
      if (!errors.isEmpty()) {
        throw Refusal.of("Signalement refusé", errors.stream().map(Problem::message).toList());
      }
      Client client = clients.find(report.clientId()).orElseThrow();
      reference = references.next("INC");
      reportedBy = actors.current();
      execution.setProcessBusinessKey(reference);
      execution.setVariables(report.variables(reference, client, reportedBy, moments));
      execution.removeVariables(List.of(DETECTED_AT_INPUT, BEGAN_AT_INPUT));
    } else {
      report = fromVariables(execution);
      reportedBy = (String) execution.getVariable(Variables.REPORTED_BY);
    }
    repository.insert(reference, execution.getProcessInstanceId(), report, reportedBy, moments.now());
  }

  /** The start form: a Paris wall-clock detection time (empty: now) and an optional beginning. */
  private SecurityIncidentReport fromStartForm(DelegateExecution execution) {
    List<String> problems = new ArrayList<>();
    Instant detectedAt = moments.now();
    Instant beganAt = null;
    try {
      Instant given = moments.typed(execution, DETECTED_AT_INPUT);
      detectedAt = given != null ? given : detectedAt;
    } catch (IllegalArgumentException e) {
      problems.add("heure de détection : " + e.getMessage());
    }
    try {
      beganAt = moments.typed(execution, BEGAN_AT_INPUT);
    } catch (IllegalArgumentException e) {
      problems.add("début de l'incident : " + e.getMessage());
    }
    if (!problems.isEmpty()) {
      throw Refusal.of("Signalement refusé", problems);
    }
    return new SecurityIncidentReport(
        Values.text(execution.getVariable(Variables.CLIENT_ID)),
        Values.strings(execution.getVariable(Variables.SITE_SELECTION)),
        Values.text(execution.getVariable(Variables.DETECTION_SOURCE)),
        Values.text(execution.getVariable(Variables.EQUIPMENT)),
        Values.text(execution.getVariable(Variables.DESCRIPTION)),
        detectedAt, beganAt, null, Values.text(execution.getVariable(Variables.RELATED_INCIDENT)));
  }

  private SecurityIncidentReport fromVariables(DelegateExecution execution) {
    return new SecurityIncidentReport(
        (String) execution.getVariable(Variables.CLIENT_ID),
        Values.strings(execution.getVariable(Variables.SITE_IDS)),
        (String) execution.getVariable(Variables.DETECTION_SOURCE),
        (String) execution.getVariable(Variables.EQUIPMENT),
        (String) execution.getVariable(Variables.DESCRIPTION),
        moments.instant(execution.getVariable(Variables.DETECTED_AT)),
        moments.instant(execution.getVariable(Variables.BEGAN_AT)),
        (String) execution.getVariable(Variables.EXTERNAL_ALERT_ID),
        (String) execution.getVariable(Variables.RELATED_INCIDENT));
  }
}
