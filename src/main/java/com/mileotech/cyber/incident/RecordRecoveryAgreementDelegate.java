package com.mileotech.cyber.incident;

import com.mileotech.cyber.system.Refusal;
import com.mileotech.cyber.system.Moments;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer la réponse du client": the client RSSI agrees the proposed return-to-service date
 * ({@code recoveryDateAgreed}) or proposes another, which goes back to the project manager.
 */
@Component("recordRecoveryAgreement")
class RecordRecoveryAgreementDelegate implements JavaDelegate {

  static final String DECISION = "recoveryClientDecision";
  static final String AGREE = "accepte";
  static final String OTHER_DATE = "autre-date";
  static final String DATE_INPUT = "recoveryClientDateInput";

  private final Actors actors;
  private final Moments moments;

  RecordRecoveryAgreementDelegate(Actors actors, Moments moments) {
    this.actors = actors;
    this.moments = moments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String decision = Values.text(execution.getVariable(DECISION));
    if (AGREE.equals(decision)) {
      Instant proposed = moments.instant(execution.getVariable("recoveryProposedAt"));
      execution.setVariable("recoveryAgreedAt", Moments.date(proposed));
      execution.setVariable("recoveryAgreedAtLabel", moments.wordsWithZone(proposed));
      execution.setVariable("recoveryAgreedBy", actors.current());
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
      execution.setVariable("recoveryClientProposedBy", actors.current());
      execution.setVariable("recoveryDateAgreed", false);
    } else {
      throw Refusal.of("Réponse refusée", List.of("acceptez la date proposée ou proposez-en une autre"));
    }
    execution.removeVariables(List.of(DECISION, DATE_INPUT));
  }
}
