package com.mileotech.cyber.commissioning;

import static com.mileotech.cyber.commissioning.CommissioningVariables.*;

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
    String signed = SIGNATURE_SHA256.get(execution);
    String now = ChecklistState.content(execution).sha256();
    SIGNATURE_INTACT.set(execution, signed != null && signed.equals(now));
  }
}
