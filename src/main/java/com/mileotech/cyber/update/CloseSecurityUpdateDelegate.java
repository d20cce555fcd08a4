package com.mileotech.cyber.update;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Clore la mise à jour" (every client done, or none concerned) and "Clore la mise à jour chez le
 * client" (its items all have an outcome): the register says so, with whether the client's
 * deadline was met.
 */
@Component("closeSecurityUpdate")
class CloseSecurityUpdateDelegate implements JavaDelegate {

  private final UpdateRegister register;

  CloseSecurityUpdateDelegate(UpdateRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = (String) execution.getVariable("reference");
    Object clientId = execution.getVariable("clientId");
    if (clientId != null) {
      register.clientDone(reference, clientId.toString(), (Boolean) execution.getVariable("updateMet"));
    } else {
      Integer count = (Integer) execution.getVariable("affectedClientCount");
      register.status(reference, count == null || count == 0 ? "sans-objet" : "close");
    }
  }
}
