package com.mileotech.cyber.notification;

import static com.mileotech.cyber.notification.NotificationVariables.*;

import com.mileotech.cyber.incident.SecurityIncidentVariables;
import com.mileotech.cyber.security.PrivilegedCall;
import com.mileotech.cyber.system.Moments;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A decision not to notify is revisited when the incident is re-qualified (GDPR art. 33(5): each
 * version kept): for every CNIL notification of the incident whose current decision is "non
 * requise", while the re-qualified incident still involves personal data, the decision is asked
 * again — a new instance of cnil-notification, same business key, starts at "Notifier la CNIL"
 * with the notification's facts and the re-qualified incident's, the draft pre-filled from the
 * previous one and the filing form empty. The answer is a new version of the decision that
 * supersedes the previous one, which stays in the register. The clock is the notification's own
 * (from the first awareness): a filing after it needs the reasons, as any late filing.
 */
@Component
class DecisionRevisits {

  private static final Logger LOG = LoggerFactory.getLogger(DecisionRevisits.class);
  static final String REVISITED = "a-reexaminer";

  /** The filing form's inputs and the decision's owners: the new asking starts without them. */
  private static final Set<String> NOT_CARRIED = Set.of(CNIL_DECISION.name(), CNIL_NOT_REQUIRED_REASON.name(),
      CNIL_NOT_REQUIRED_APPROVED_BY.name(), CNIL_SUBMITTED_AT.name(), "cnilSubmittedAtOccurrence",
      CNIL_RECEIPT_REFERENCE.name(), CNIL_DELAY_REASONS.name(), CNIL_DECIDED_BY.name(), CNIL_RECORDED_BY.name(),
      "cnilMet", "cnilLegallyMet");

  private final NotificationRegister register;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final PrivilegedCall privileged;
  private final Moments moments;

  DecisionRevisits(NotificationRegister register, RuntimeService runtime, HistoryService history,
      PrivilegedCall privileged, Moments moments) {
    this.register = register;
    this.runtime = runtime;
    this.history = history;
    this.privileged = privileged;
    this.moments = moments;
  }

  /** Run by "Évaluer les obligations de notification" after each (re-)qualification; returns the ids re-asked. */
  List<String> afterQualification(DelegateExecution incident) {
    if (!Boolean.TRUE.equals(PERSONAL_DATA_INVOLVED.get(incident))) {
      return List.of();
    }
    String id = REFERENCE.get(incident) + "-CNIL";
    if (!"non-requise".equals(register.status(id))) {
      return List.of();
    }
    Integer version = SecurityIncidentVariables.QUALIFICATION_VERSION.get(incident);
    String occasion = "Décision réexaminée après la requalification de l'incident"
        + (version != null ? " (qualification n° " + version + ")" : "") + " du "
        + moments.wordsWithZone(RegulatoryObligations.now());
    String started = privileged.call(() -> {
      HistoricProcessInstance last = history.createHistoricProcessInstanceQuery().processDefinitionKey(CNIL_PROCESS)
          .processInstanceBusinessKey(id).finished().orderByProcessInstanceEndTime().desc().list().stream().findFirst()
          .orElse(null);
      if (last == null) {
        return null; // its history is gone (removed by an administrator): nothing to start from
      }
      Map<String, Object> variables = new HashMap<>();
      for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery().processInstanceId(last.getId())
          .disableCustomObjectDeserialization().list()) {
        // the notification's own variables (its scope), not those of a task's or a call's
        if (last.getId().equals(v.getActivityInstanceId()) && !NOT_CARRIED.contains(v.getName())
            && v.getTypedValue() != null) {
          variables.put(v.getName(), v.getTypedValue());
        }
      }
      // the incident as re-qualified
      COPIED_FROM_INCIDENT.forEach(variable -> variable.copy(incident, variables));
      DECISION_OCCASION.put(variables, occasion);
      DECISION_QUALIFICATION_VERSION.put(variables, version);
      String instance = runtime.createProcessInstanceByKey(CNIL_PROCESS).businessKey(id).setVariables(variables)
          .startBeforeActivity("Task_NotifyCnil").execute().getId();
      register.processInstance(id, instance);
      return instance;
    });
    if (started == null) {
      LOG.warn("Security incident {}: CNIL decision not to notify could not be re-asked (no history of {})",
          REFERENCE.get(incident), id);
      return List.of();
    }
    register.status(id, REVISITED);
    LOG.info("Security incident {}: CNIL decision not to notify re-asked after re-qualification", REFERENCE.get(incident));
    return List.of(id);
  }
}
