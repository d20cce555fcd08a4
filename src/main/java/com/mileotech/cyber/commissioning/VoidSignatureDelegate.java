package com.mileotech.cyber.commissioning;

import java.util.Date;
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
    String reason = Boolean.FALSE.equals(execution.getVariable("signatureIntact"))
        ? "checklist modifiée après la signature de " + execution.getVariable("signedBy")
        : "corrections demandées par le chef de projet : " + execution.getVariable("reviewComment");
    execution.setVariable("signatureVoidedAt", new Date(ClockUtil.getCurrentTime().getTime()));
    execution.setVariable("signatureVoidReason", reason);
    execution.setVariable("signatureVoidCount",
        ((Integer) execution.getVariables().getOrDefault("signatureVoidCount", 0)) + 1);
    for (String name : new String[] {"signedBy", "signedByName", "signedAt", "signatureSha256", "signatureIntact",
        "reviewDecision", "reviewComment"}) {
      execution.removeVariable(name);
    }
  }
}
