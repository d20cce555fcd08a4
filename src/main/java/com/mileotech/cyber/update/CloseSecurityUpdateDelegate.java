package com.mileotech.cyber.update;

import static com.mileotech.cyber.update.SecurityUpdateVariables.*;

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
    String reference = REFERENCE.get(execution);
    Object clientId = CLIENT_ID.get(execution);
    if (clientId != null) {
      register.clientDone(reference, clientId.toString(), UPDATE.met().get(execution));
    } else {
      Integer count = AFFECTED_CLIENT_COUNT.get(execution);
      register.status(reference, count == null || count == 0 ? "sans-objet" : "close");
    }
  }
}
