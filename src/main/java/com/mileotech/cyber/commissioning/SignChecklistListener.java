package com.mileotech.cyber.commissioning;

import com.mileotech.cyber.system.Refusal;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * On leaving "Signer la checklist" (end listener) with the decision SIGN: records the signature — the
 * authenticated user completing the task, the time, and the SHA-256 of the canonical content
 * signed. With EDIT the checklist goes back to the fill-in, unsigned.
 */
@Component("signChecklist")
class SignChecklistListener implements ExecutionListener {

  private final Identities identities;

  SignChecklistListener(Identities identities) {
    this.identities = identities;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Object decision = execution.getVariable("signatureDecision");
    if (!"SIGN".equals(decision) && !"EDIT".equals(decision)) {
      throw Refusal.of("Signature refusée", List.of("décision attendue : SIGN (signer) ou EDIT (modifier)"));
    }
    if ("EDIT".equals(decision)) {
      return;
    }
    if (!Boolean.TRUE.equals(execution.getVariable("signatureConfirmed"))) {
      throw Refusal.of("Signature refusée", List.of("cochez la certification avant de signer"));
    }
    String signer = identities.requireCurrentUser("Signature");
    SignedContent content = ChecklistState.content(execution);
    execution.setVariable("signedBy", signer);
    execution.setVariable("signedByName", identities.displayName(signer));
    execution.setVariable("signedAt", new Date(ClockUtil.getCurrentTime().getTime()));
    execution.setVariable("signatureSha256", content.sha256());
    // the next signature starts unticked
    execution.removeVariable("signatureConfirmed");
  }
}
