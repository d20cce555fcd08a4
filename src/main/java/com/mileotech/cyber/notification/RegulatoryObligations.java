package com.mileotech.cyber.notification;

import static com.mileotech.cyber.notification.NotificationVariables.*;

import com.mileotech.cyber.client.Client;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.client.RegulatoryRegime;
import com.mileotech.cyber.system.Moments;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.repository.DecisionDefinition;
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
  private final ObligationRules rules;
  private final RepositoryService repository;
  private final RegulationProperties regulation;
  private final Moments moments;

  RegulatoryObligations(DecisionService decisions, RuntimeService runtime, ClientRepository clients,
      NotificationRegister register, ObligationRules rules, RepositoryService repository,
      RegulationProperties regulation, Moments moments) {
    this.decisions = decisions;
    this.runtime = runtime;
    this.clients = clients;
    this.register = register;
    this.rules = rules;
    this.repository = repository;
    this.regulation = regulation;
    this.moments = moments;
  }

  /**
   * One obligation decided by the table: for the client's {@code regime} (null when it applies
   * whatever the regime, as the GDPR), by the rule {@code ruleVersion} (null when not decided by
   * the table).
   */
  record Obligation(String authority, String procedure, String legalBasis, String regime, String ruleVersion) {

    Obligation(String authority, String procedure, String legalBasis) {
      this(authority, procedure, legalBasis, null, null);
    }

    String processKey() {
      return "CNIL".equals(authority) ? "cnil-notification" : "anssi-notification";
    }
  }

  /**
   * What the table is asked about one incident. {@code nis2Significant}: the verdict of the
   * significance test, null when not asked (not a NIS2 client, or qualified before the test
   * existed: the severity then stands in for it). {@code awarenessDay}: the day (Paris) of Mileo's
   * awareness, which says which rules are in force.
   */
  record Facts(boolean personalDataInvolved, String severity, String nature, Boolean nis2Significant,
      LocalDate awarenessDay) {}

  /** The table as it was before regimes were sets (one regime, NIS2 test unanswered, today's rules). */
  List<Obligation> decide(boolean personalDataInvolved, String severity, String nature, String regime) {
    return decide(new Facts(personalDataInvolved, severity, nature, null, moments.today()),
        List.of(RegulatoryRegime.valueOf(regime)), regulation.nis2().inForceFrom());
  }

  /**
   * Every obligation owed under any of the regimes (the table is asked once per regime; none:
   * once for NONE), each once per authority and procedure. {@code nis2InForceFrom}: the day NIS2
   * applies in France, null while it does not.
   */
  List<Obligation> decide(Facts facts, Collection<RegulatoryRegime> regimes, LocalDate nis2InForceFrom) {
    DecisionDefinition table = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION)
        .withoutTenantId().latestVersion().singleResult();
    String tableVersion = DECISION + " " + (table.getVersionTag() == null ? "" : table.getVersionTag() + " ")
        + "v" + table.getVersion();
    Map<String, Obligation> obligations = new LinkedHashMap<>();
    for (RegulatoryRegime regime : regimes.isEmpty() ? List.of(RegulatoryRegime.NONE) : regimes) {
      DmnDecisionResult result = decisions.evaluateDecisionById(table.getId())
          .variables(Variables.createVariables()
              .putValue("personalDataInvolved", facts.personalDataInvolved())
              .putValue("severity", facts.severity())
              .putValue("nature", facts.nature())
              .putValue("regime", regime.name())
              .putValue("nis2Significant", facts.nis2Significant())
              .putValue("awarenessDay", facts.awarenessDay().toString())
              .putValue("nis2InForceFrom", nis2InForceFrom == null ? null : nis2InForceFrom.toString()))
          .evaluate();
      result.forEach(r -> {
        String authority = r.getEntry("authority");
        String procedure = r.getEntry("procedure");
        obligations.putIfAbsent(authority + "/" + procedure, new Obligation(authority, procedure, r.getEntry("legalBasis"),
            "CNIL".equals(authority) ? null : regime.name(), r.getEntry("ruleVersion") + " · " + tableVersion));
      });
    }
    return List.copyOf(obligations.values());
  }

  /** What the incident's qualification says, as the table reads it. */
  Facts facts(VariableScope incident) {
    Date awareness = AWARENESS_AT.get(incident);
    return new Facts(Boolean.TRUE.equals(PERSONAL_DATA_INVOLVED.get(incident)), SEVERITY.text(incident),
        NATURE.text(incident), NIS2_SIGNIFICANT.get(incident),
        awareness.toInstant().atZone(moments.zone()).toLocalDate());
  }

  /** Starts what applies and is not running yet; returns the ids of the notifications started. */
  List<String> assess(DelegateExecution incident) {
    Client client = client(incident);
    return start(incident, incident.getProcessInstanceId(), client,
        decide(facts(incident), client.regimeSet(), regulation.nis2().inForceFrom()));
  }

  Client client(VariableScope incident) {
    String clientId = CLIENT_ID.get(incident);
    return clients.find(clientId).orElseThrow(() ->
        new IllegalStateException("Security incident " + REFERENCE.get(incident) + " has an unknown client " + clientId));
  }

  /**
   * Starts each obligation the incident does not have yet (a re-qualification never starts the
   * same one twice), its clock from the awareness. {@code source}: where the incident's facts
   * are (the incident, or a process that copied them); {@code incidentProcessInstanceId}: the
   * incident's own process instance.
   */
  List<String> start(VariableScope source, String incidentProcessInstanceId, Client client, List<Obligation> decided) {
    String reference = REFERENCE.get(source);
    Date awareness = AWARENESS_AT.get(source);
    List<String> started = new ArrayList<>();
    for (Obligation obligation : decided) {
      if (rules.decided(reference, obligation.authority(), obligation.procedure())) {
        continue;
      }
      // the first duty towards an authority keeps the short id; a second one (OIV and NIS2) names its procedure
      String id = reference + "-" + obligation.authority();
      if (rules.idTaken(id)) {
        id = id + "-" + obligation.procedure().toUpperCase(java.util.Locale.ROOT);
      }
      register.create(id, reference, client.id(), obligation.authority(), obligation.procedure(), obligation.legalBasis(),
          awareness.toInstant());
      if (Boolean.TRUE.equals(EXERCISE.get(source))) {
        register.markExercise(id); // issue 18: rehearsed, flagged, counted nowhere
      }
      rules.record(id, obligation.ruleVersion(), obligation.regime());
      RegulatoryRegime regime = obligation.regime() != null ? RegulatoryRegime.valueOf(obligation.regime())
          : client.regimeSet().isEmpty() ? RegulatoryRegime.NONE : client.regimeSet().get(0);
      Map<String, Object> variables = new HashMap<>();
      COPIED_FROM_INCIDENT.forEach(variable -> variable.copy(source, variables));
      NOTIFICATION_ID.put(variables, id);
      INCIDENT_PROCESS_INSTANCE_ID.put(variables, incidentProcessInstanceId);
      AWARENESS_AT.put(variables, awareness);
      AUTHORITY.put(variables, obligation.authority());
      PROCEDURE.put(variables, obligation.procedure());
      LEGAL_BASIS.put(variables, obligation.legalBasis());
      RULE_VERSION.put(variables, obligation.ruleVersion());
      CLIENT_REGIME.put(variables, regime.name());
      CLIENT_REGIME_LABEL.put(variables, obligation.regime() != null ? regime.label() : client.regimesLabel());
      if (client.dpo() != null) {
        DPO_CONTACT.put(variables, client.dpo().name() + " <" + client.dpo().email() + ">"
            + (client.dpo().phone() != null ? ", " + client.dpo().phone() : ""));
      }
      // pre-fills the CNIL draft with what qualification already knows
      BREACH_NATURE.put(variables, DESCRIPTION.raw(source));
      String processInstanceId = runtime.startProcessInstanceByKey(obligation.processKey(), id, variables).getId();
      register.processInstance(id, processInstanceId);
      LOG.info("Security incident {}: {} notification started ({}, {})", reference, obligation.authority(),
          obligation.procedure(), obligation.ruleVersion());
      started.add(id);
    }
    return started;
  }

  static Instant now() {
    return org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant();
  }
}
