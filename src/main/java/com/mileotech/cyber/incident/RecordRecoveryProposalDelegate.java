package com.mileotech.cyber.incident;

import com.mileotech.cyber.system.Refusal;
import com.mileotech.cyber.system.Moments;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer la date proposée": the project manager proposes a return-to-service date to the
 * client, or accepts the date the client RSSI proposed instead ({@code recoveryDateAgreed}).
 */
@Component("recordRecoveryProposal")
class RecordRecoveryProposalDelegate implements JavaDelegate {

  static final String DECISION = "recoveryDecision";
  static final String ACCEPT_CLIENT_DATE = "accepter-date-client";
  static final String PROPOSE = "proposer";
  static final String DATE_INPUT = "recoveryDateInput";

  private final Actors actors;
  private final Moments moments;

  RecordRecoveryProposalDelegate(Actors actors, Moments moments) {
    this.actors = actors;
    this.moments = moments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant clientDate = moments.instant(execution.getVariable("recoveryClientProposalAt"));
    String decision = Values.text(execution.getVariable(DECISION));
    if (clientDate != null && ACCEPT_CLIENT_DATE.equals(decision)) {
      execution.setVariable("recoveryAgreedAt", Moments.date(clientDate));
      execution.setVariable("recoveryAgreedAtLabel", moments.wordsWithZone(clientDate));
      execution.setVariable("recoveryAgreedBy", execution.getVariable("recoveryClientProposedBy"));
      execution.setVariable("recoveryDateAgreed", true);
      execution.removeVariables(List.of(DECISION, DATE_INPUT));
      return;
    }
    Instant proposed;
    try {
      proposed = moments.typed(execution, DATE_INPUT);
    } catch (IllegalArgumentException e) {
      throw Refusal.of("Proposition refusée", List.of("date de remise en service : " + e.getMessage()));
    }
    if (proposed == null) {
      throw Refusal.of("Proposition refusée", List.of("date et heure de remise en service obligatoires"));
    }
    if (!proposed.isAfter(moments.now())) {
      throw Refusal.of("Proposition refusée", List.of("la date de remise en service proposée ("
          + moments.wordsWithZone(proposed) + ") doit être dans le futur"));
    }
    execution.setVariable("recoveryProposedAt", Moments.date(proposed));
    execution.setVariable("recoveryProposedAtLabel", moments.wordsWithZone(proposed));
    execution.setVariable("recoveryProposedBy", actors.current());
    execution.setVariable("recoveryDateAgreed", false);
    execution.removeVariables(List.of(DECISION, DATE_INPUT));
  }
}
