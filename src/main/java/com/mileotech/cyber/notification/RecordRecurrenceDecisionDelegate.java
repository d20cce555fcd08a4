package com.mileotech.cyber.notification;

import static com.mileotech.cyber.notification.RecurrenceVariables.*;

import com.mileotech.cyber.security.DecisionOwners;
import com.mileotech.cyber.security.Groups;
import com.mileotech.cyber.system.Limits;
import com.mileotech.cyber.system.Moments;
import com.mileotech.cyber.system.Refusal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer la décision sur les incidents récurrents": the referent's decision, with its owner
 * from the authentication (a member of cyber-referent only), its reason, and the NIS2 duties it
 * opens when the incidents are together one significant incident. A refusal rolls the task
 * completion back.
 */
@Component("recordRecurrenceDecision")
class RecordRecurrenceDecisionDelegate implements JavaDelegate {

  private static final String WHAT = "Décision sur les incidents récurrents refusée";

  private final RecurringIncidents recurring;
  private final DecisionOwners owners;
  private final Moments moments;

  RecordRecurrenceDecisionDelegate(RecurringIncidents recurring, DecisionOwners owners, Moments moments) {
    this.recurring = recurring;
    this.owners = owners;
    this.moments = moments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DecisionOwners.Decider decider = owners.requireMember(WHAT, Groups.CYBER_REFERENT,
        "seul le référent cybersécurité décide si des incidents récurrents forment un incident important");
    List<String> problems = new ArrayList<>();
    String decision = RECURRENCE_DECISION.text(execution);
    if (!SIGNIFICANT.equals(decision) && !NOT_SIGNIFICANT.equals(decision)) {
      problems.add("indiquez si ces incidents constituent ensemble un incident important (oui ou non)");
    }
    String reason = RECURRENCE_REASON.text(execution);
    if (reason == null) {
      problems.add("motif obligatoire (cause commune apparente, critères remplis ensemble ou non)");
    } else if (Limits.textProblem(reason, Limits.TEXT) != null) {
      problems.add("motif : " + Limits.textProblem(reason, Limits.TEXT));
    }
    if (!problems.isEmpty()) {
      throw Refusal.of(WHAT, problems);
    }
    Instant now = moments.now();
    RECURRENCE_DECIDED_BY.set(execution, decider.userId());
    RECURRENCE_DECIDED_AT.set(execution, now);
    List<String> started = recurring.decide(execution, NotificationVariables.INCIDENT_PROCESS_INSTANCE_ID.get(execution),
        SIGNIFICANT.equals(decision), reason, decider.userId(), now);
    if (!started.isEmpty()) {
      RECURRENCE_NOTIFICATION_ID.set(execution, started.get(0));
    }
  }
}
