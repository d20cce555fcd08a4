package com.mileotech.cyber.incident;

import com.mileotech.cyber.security.DecisionOwners;
import com.mileotech.cyber.system.Moments;
import com.mileotech.cyber.system.Refusal;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer la réponse du client": the client RSSI agrees the proposed return-to-service date
 * ({@code recoveryDateAgreed}) or proposes another, which goes back to the project manager. The
 * answer is the client's: only a client RSSI of the incident's own client gives it, as themself
 * (an administrator, who may complete any task, is refused too).
 */
@Component("recordRecoveryAgreement")
class RecordRecoveryAgreementDelegate implements JavaDelegate {

  static final String DECISION = "recoveryClientDecision";
  static final String AGREE = "accepte";
  static final String OTHER_DATE = "autre-date";
  static final String DATE_INPUT = "recoveryClientDateInput";

  private final DecisionOwners owners;
  private final Moments moments;

  RecordRecoveryAgreementDelegate(DecisionOwners owners, Moments moments) {
    this.owners = owners;
    this.moments = moments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String client = (String) execution.getVariable(Variables.CLIENT_NAME);
    String rssi = owners.requireClientRssi("Réponse refusée", (String) execution.getVariable(Variables.CLIENT_ID),
        "seul le RSSI du client" + (client == null ? "" : " « " + client + " »")
            + " peut accepter la date de remise en service ou en proposer une autre ; un chef de projet enregistre "
            + "un accord donné par courriel ou par téléphone dans « Proposer une date de remise en service »")
        .userId();
    String decision = Values.text(execution.getVariable(DECISION));
    if (AGREE.equals(decision)) {
      Instant proposed = moments.instant(execution.getVariable("recoveryProposedAt"));
      execution.setVariable("recoveryAgreedAt", Moments.date(proposed));
      execution.setVariable("recoveryAgreedAtLabel", moments.wordsWithZone(proposed));
      execution.setVariable("recoveryAgreedBy", rssi);
      execution.setVariable("recoveryAgreementKind", RecordRecoveryProposalDelegate.AGREED_BY_CLIENT);
      execution.setVariable("recoveryDateAgreed", true);
    } else if (OTHER_DATE.equals(decision)) {
      Instant other;
      try {
        other = moments.typed(execution, DATE_INPUT);
      } catch (IllegalArgumentException e) {
        throw Refusal.of("Réponse refusée", List.of("autre date : " + e.getMessage()));
      }
      if (other == null) {
        throw Refusal.of("Réponse refusée", List.of("indiquez la date et l'heure que vous proposez"));
      }
      if (!other.isAfter(moments.now())) {
        throw Refusal.of("Réponse refusée", List.of("la date proposée (" + moments.wordsWithZone(other)
            + ") doit être dans le futur"));
      }
      execution.setVariable("recoveryClientProposalAt", Moments.date(other));
      execution.setVariable("recoveryClientProposalAtLabel", moments.wordsWithZone(other));
      execution.setVariable("recoveryClientProposedBy", rssi);
      execution.setVariable("recoveryDateAgreed", false);
    } else {
      throw Refusal.of("Réponse refusée", List.of("acceptez la date proposée ou proposez-en une autre"));
    }
    execution.removeVariables(List.of(DECISION, DATE_INPUT));
  }
}
