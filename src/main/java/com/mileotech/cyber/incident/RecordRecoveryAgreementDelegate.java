package com.mileotech.cyber.incident;

import com.mileotech.cyber.system.FormField;
import static com.mileotech.cyber.incident.SecurityIncidentVariables.*;

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

  static final String AGREE = "accepte";
  static final String OTHER_DATE = "autre-date";

  private final DecisionOwners owners;
  private final Moments moments;

  RecordRecoveryAgreementDelegate(DecisionOwners owners, Moments moments) {
    this.owners = owners;
    this.moments = moments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String client = CLIENT_NAME.get(execution);
    String rssi = owners.requireClientRssi("Réponse refusée", CLIENT_ID.get(execution),
        "seul le RSSI du client" + (client == null ? "" : " « " + client + " »")
            + " peut accepter la date de remise en service ou en proposer une autre ; un chef de projet enregistre "
            + "un accord donné par courriel ou par téléphone dans « Proposer une date de remise en service »")
        .userId();
    String decision = RECOVERY_CLIENT_DECISION.text(execution);
    if (AGREE.equals(decision)) {
      Instant proposed = RECOVERY_PROPOSED_AT.instant(execution);
      RECOVERY_AGREED_AT.set(execution, Moments.date(proposed));
      RECOVERY_AGREED_AT_LABEL.set(execution, moments.wordsWithZone(proposed));
      RECOVERY_AGREED_BY.set(execution, rssi);
      RECOVERY_AGREEMENT_KIND.set(execution, RecordRecoveryProposalDelegate.AGREED_BY_CLIENT);
      RECOVERY_DATE_AGREED.set(execution, true);
    } else if (OTHER_DATE.equals(decision)) {
      Instant other;
      try {
        other = RECOVERY_CLIENT_DATE_INPUT.instant(execution, moments);
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
      RECOVERY_CLIENT_PROPOSAL_AT.set(execution, Moments.date(other));
      RECOVERY_CLIENT_PROPOSAL_AT_LABEL.set(execution, moments.wordsWithZone(other));
      RECOVERY_CLIENT_PROPOSED_BY.set(execution, rssi);
      RECOVERY_DATE_AGREED.set(execution, false);
    } else {
      throw Refusal.of("Réponse refusée", List.of("acceptez la date proposée ou proposez-en une autre"));
    }
    FormField.removeAll(execution, RECOVERY_CLIENT_DECISION, RECOVERY_CLIENT_DATE_INPUT);
  }
}
