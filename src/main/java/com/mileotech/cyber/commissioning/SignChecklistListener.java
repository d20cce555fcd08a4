package com.mileotech.cyber.commissioning;

import com.mileotech.cyber.security.DecisionOwners;
import com.mileotech.cyber.security.Groups;
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
 * signed. With EDIT the checklist goes back to the fill-in, unsigned. The signature is the
 * responsible technician's (GUID-PREM-003): only a member of the technicians signs, as themself;
 * an administrator, who may complete any task, is refused.
 */
@Component("signChecklist")
class SignChecklistListener implements ExecutionListener {

  private final Identities identities;
  private final DecisionOwners owners;

  SignChecklistListener(Identities identities, DecisionOwners owners) {
    this.identities = identities;
    this.owners = owners;
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
    owners.requireMember("Signature refusée", Groups.TECHNICIANS,
        "seul un technicien signe la checklist de durcissement, en son nom");
    SignedContent content = ChecklistState.content(execution);
    execution.setVariable("signedBy", signer);
    execution.setVariable("signedByName", identities.displayName(signer));
    execution.setVariable("signedAt", new Date(ClockUtil.getCurrentTime().getTime()));
    execution.setVariable("signatureSha256", content.sha256());
    // the next signature starts unticked
    execution.removeVariable("signatureConfirmed");
  }
}
