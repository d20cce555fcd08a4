package com.mileotech.cyber.commissioning;

import static com.mileotech.cyber.commissioning.CommissioningVariables.*;

import com.mileotech.cyber.system.ProcessVariable;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * "Annuler la signature": the checklist changed after it was signed, or the project manager asked
 * for corrections; the signature no longer holds and a new one is required. The voided one stays
 * in the history of the variables (Cockpit) with the reason.
 */
@Component("voidSignature")
class VoidSignatureDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    String reason = Boolean.FALSE.equals(SIGNATURE_INTACT.get(execution))
        ? "checklist modifiée après la signature de " + SIGNED_BY.get(execution)
        : "corrections demandées par le chef de projet : " + REVIEW_COMMENT.get(execution);
    SIGNATURE_VOIDED_AT.set(execution, new Date(ClockUtil.getCurrentTime().getTime()));
    SIGNATURE_VOID_REASON.set(execution, reason);
    SIGNATURE_VOID_COUNT.set(execution, voids(execution) + 1);
    for (ProcessVariable<?> variable : List.of(SIGNED_BY, SIGNED_BY_NAME, SIGNED_AT, SIGNATURE_SHA256, SIGNATURE_INTACT,
        REVIEW_DECISION, REVIEW_COMMENT)) {
      variable.remove(execution);
    }
  }

  private static int voids(DelegateExecution execution) {
    Integer count = SIGNATURE_VOID_COUNT.get(execution);
    return count == null ? 0 : count;
  }
}
