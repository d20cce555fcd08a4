package com.mileotech.cyber.notification;

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
    String reference = (String) incident.getVariable("reference");
    String clientId = (String) incident.getVariable("clientId");
    Client client = clients.find(clientId)
        .orElseThrow(() -> new IllegalStateException("Security incident " + reference + " has an unknown client " + clientId));
    Date awareness = (Date) incident.getVariable("awarenessAt");
    boolean personalData = Boolean.TRUE.equals(incident.getVariable("personalDataInvolved"));
    List<String> started = new ArrayList<>();
    for (Obligation obligation : decide(personalData, (String) incident.getVariable("severity"),
        (String) incident.getVariable("nature"), client.regime().name())) {
      String id = reference + "-" + obligation.authority();
      if (register.exists(id)) {
        continue; // already running: a re-qualification never starts the same obligation twice
      }
      register.create(id, reference, clientId, obligation.authority(), obligation.procedure(), obligation.legalBasis(),
          awareness.toInstant());
      Map<String, Object> variables = new HashMap<>();
      for (String name : List.of("reference", "clientId", "clientName", "siteName", "sites", "severity", "nature", "severityLabel", "natureLabel",
          "personalDataInvolved", "detectionSource", "description", "affectedSystems", "equipment", "detectedAt")) {
        variables.put(name, incident.getVariable(name));
      }
      variables.put("notificationId", id);
      variables.put("incidentProcessInstanceId", incident.getProcessInstanceId());
      variables.put("awarenessAt", awareness);
      variables.put("authority", obligation.authority());
      variables.put("procedure", obligation.procedure());
      variables.put("legalBasis", obligation.legalBasis());
      variables.put("clientRegime", client.regime().name());
      variables.put("clientRegimeLabel", client.regime().label());
      if (client.dpo() != null) {
        variables.put("dpoContact", client.dpo().name() + " <" + client.dpo().email() + ">"
            + (client.dpo().phone() != null ? ", " + client.dpo().phone() : ""));
      }
      // pre-fills the CNIL draft with what qualification already knows
      variables.put("breachNature", incident.getVariable("description"));
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
