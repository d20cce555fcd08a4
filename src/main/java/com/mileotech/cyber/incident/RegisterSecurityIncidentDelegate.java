package com.mileotech.cyber.incident;

import com.mileotech.cyber.system.FormField;
import static com.mileotech.cyber.incident.SecurityIncidentVariables.*;

import com.mileotech.cyber.system.FormValues;
import com.mileotech.cyber.system.Refusal;
import com.mileotech.cyber.system.Moments;
import com.mileotech.cyber.system.ProcessVariable;
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
    String reference = REFERENCE.get(execution);
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
      // the form's own fields (client, source, equipment, description…) already hold the same text
      ProcessVariable.setAll(execution, report.variables(reference, client, reportedBy, moments));
      FormField.removeAll(execution, DETECTED_AT_INPUT, BEGAN_AT_INPUT, EXERCISE_INPUT);
    } else {
      report = fromVariables(execution);
      reportedBy = REPORTED_BY.get(execution);
    }
    repository.insert(reference, execution.getProcessInstanceId(), report, reportedBy, moments.now());
    // the clients offered in the qualification's « Service de Mileo » block: every other one
    OTHER_CLIENT_OPTIONS.set(execution, otherClientOptions(clients, report.clientId()));
    // which NIS2 significance questions the qualification form shows (none for a client no NIS2 entity)
    NIS2_SIGNIFICANCE_TEST.set(execution, Nis2Significance.testOf(clients.find(report.clientId()).orElseThrow()));
  }

  /** Every client but {@code clientId}, as [{label, value}] for a checklist. */
  static org.camunda.spin.plugin.variable.value.JsonValue otherClientOptions(ClientRepository clients, String clientId) {
    return FormValues.json(clients.findAll().stream().filter(c -> !c.id().equals(clientId))
        .map(c -> java.util.Map.of("label", c.name(), "value", c.id())).toList());
  }

  /** The start form: a Paris wall-clock detection time (empty: now) and an optional beginning. */
  private SecurityIncidentReport fromStartForm(DelegateExecution execution) {
    List<String> problems = new ArrayList<>();
    Instant detectedAt = moments.now();
    Instant beganAt = null;
    try {
      Instant given = DETECTED_AT_INPUT.instant(execution, moments);
      detectedAt = given != null ? given : detectedAt;
    } catch (IllegalArgumentException e) {
      problems.add("heure de détection : " + e.getMessage());
    }
    try {
      beganAt = BEGAN_AT_INPUT.instant(execution, moments);
    } catch (IllegalArgumentException e) {
      problems.add("début de l'incident : " + e.getMessage());
    }
    if (!problems.isEmpty()) {
      throw Refusal.of("Signalement refusé", problems);
    }
    return new SecurityIncidentReport(
        CLIENT_ID.text(execution),
        SITE_SELECTION.strings(execution),
        DETECTION_SOURCE.text(execution),
        EQUIPMENT.text(execution),
        DESCRIPTION.text(execution),
        detectedAt, beganAt, null, RELATED_INCIDENT.text(execution), EXERCISE_INPUT.isTrue(execution));
  }

  private SecurityIncidentReport fromVariables(DelegateExecution execution) {
    return new SecurityIncidentReport(
        CLIENT_ID.get(execution),
        FormValues.strings(SITE_IDS.get(execution)),
        DETECTION_SOURCE.text(execution),
        EQUIPMENT.text(execution),
        DESCRIPTION.text(execution),
        DETECTED_AT.instant(execution),
        BEGAN_AT.instant(execution),
        EXTERNAL_ALERT_ID.get(execution),
        RELATED_INCIDENT.text(execution),
        Boolean.TRUE.equals(EXERCISE.get(execution)));
  }
}
