package com.mileotech.cyber.notification;

import static com.mileotech.cyber.notification.NotificationVariables.*;

import com.mileotech.cyber.client.Client;
import com.mileotech.cyber.client.ClientRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Which regulatory notifications a security incident owes (the DMN decision
 * {@value #DECISION} in bpmn/), and starting each as its own process instance, once per incident
 * and authority, with its clock from the awareness of the facts that made it apply.
 */
@Service
class RegulatoryObligations {

  static final String DECISION = "regulatory-obligations";
  private static final Logger LOG = LoggerFactory.getLogger(RegulatoryObligations.class);

  private final DecisionService decisions;
  private final RuntimeService runtime;
  private final ClientRepository clients;
  private final NotificationRegister register;

  RegulatoryObligations(DecisionService decisions, RuntimeService runtime, ClientRepository clients,
      NotificationRegister register) {
    this.decisions = decisions;
    this.runtime = runtime;
    this.clients = clients;
    this.register = register;
  }

  /** One obligation decided by the table. */
  record Obligation(String authority, String procedure, String legalBasis) {
    String processKey() {
      return "CNIL".equals(authority) ? "cnil-notification" : "anssi-notification";
    }
  }

  List<Obligation> decide(boolean personalDataInvolved, String severity, String nature, String regime) {
    DmnDecisionResult result = decisions.evaluateDecisionByKey(DECISION)
        .variables(Variables.createVariables()
            .putValue("personalDataInvolved", personalDataInvolved)
            .putValue("severity", severity)
            .putValue("nature", nature)
            .putValue("regime", regime))
        .evaluate();
    List<Obligation> obligations = new ArrayList<>();
    result.forEach(r -> obligations.add(
        new Obligation(r.getEntry("authority"), r.getEntry("procedure"), r.getEntry("legalBasis"))));
    return obligations;
  }

  /** Starts what applies and is not running yet; returns the ids of the notifications started. */
  List<String> assess(DelegateExecution incident) {
    String reference = REFERENCE.get(incident);
    String clientId = CLIENT_ID.get(incident);
    Client client = clients.find(clientId)
        .orElseThrow(() -> new IllegalStateException("Security incident " + reference + " has an unknown client " + clientId));
    Date awareness = AWARENESS_AT.get(incident);
    boolean personalData = Boolean.TRUE.equals(PERSONAL_DATA_INVOLVED.get(incident));
    List<String> started = new ArrayList<>();
    for (Obligation obligation : decide(personalData, SEVERITY.text(incident),
        NATURE.text(incident), client.regime().name())) {
      String id = reference + "-" + obligation.authority();
      if (register.exists(id)) {
        continue; // already running: a re-qualification never starts the same obligation twice
      }
      register.create(id, reference, clientId, obligation.authority(), obligation.procedure(), obligation.legalBasis(),
          awareness.toInstant());
      if (Boolean.TRUE.equals(EXERCISE.get(incident))) {
        register.markExercise(id); // issue 18: rehearsed, flagged, counted nowhere
      }
      Map<String, Object> variables = new HashMap<>();
      COPIED_FROM_INCIDENT.forEach(variable -> variable.copy(incident, variables));
      NOTIFICATION_ID.put(variables, id);
      INCIDENT_PROCESS_INSTANCE_ID.put(variables, incident.getProcessInstanceId());
      AWARENESS_AT.put(variables, awareness);
      AUTHORITY.put(variables, obligation.authority());
      PROCEDURE.put(variables, obligation.procedure());
      LEGAL_BASIS.put(variables, obligation.legalBasis());
      CLIENT_REGIME.put(variables, client.regime().name());
      CLIENT_REGIME_LABEL.put(variables, client.regime().label());
      if (client.dpo() != null) {
        DPO_CONTACT.put(variables, client.dpo().name() + " <" + client.dpo().email() + ">"
            + (client.dpo().phone() != null ? ", " + client.dpo().phone() : ""));
      }
      // pre-fills the CNIL draft with what qualification already knows
      BREACH_NATURE.put(variables, DESCRIPTION.raw(incident));
      String processInstanceId = runtime.startProcessInstanceByKey(obligation.processKey(), id, variables).getId();
      register.processInstance(id, processInstanceId);
      LOG.info("Security incident {}: {} notification started ({})", reference, obligation.authority(), obligation.procedure());
      started.add(id);
    }
    return started;
  }

  static Instant now() {
    return org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant();
  }
}
