package com.mileotech.cyber.commissioning;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Vérifier l'empreinte de la signature": whether the checklist is still exactly what was signed
 * (any change since — a review correction, an edit through Cockpit or the API — voids it).
 */
@Component("verifySignature")
class VerifySignatureDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    String signed = (String) execution.getVariable("signatureSha256");
    String now = ChecklistState.content(execution).sha256();
    execution.setVariable("signatureIntact", signed != null && signed.equals(now));
  }
}
