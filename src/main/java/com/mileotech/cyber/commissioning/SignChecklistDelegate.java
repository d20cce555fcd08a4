package com.mileotech.cyber.commissioning;

import static com.mileotech.cyber.commissioning.CommissioningVariables.*;

import com.mileotech.cyber.security.DecisionOwners;
import com.mileotech.cyber.security.Groups;
import com.mileotech.cyber.system.Refusal;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer la signature", right after "Signer la checklist", with the decision SIGN: records the signature — the
 * authenticated user completing the task, the time, and the SHA-256 of the canonical content
 * signed. With EDIT the checklist goes back to the fill-in, unsigned. The signature is the
 * responsible technician's (GUID-PREM-003): only a member of the technicians signs, as themself;
 * an administrator, who may complete any task, is refused.
 */
@Component("signChecklist")
class SignChecklistDelegate implements JavaDelegate {

  private final Identities identities;
  private final DecisionOwners owners;

  SignChecklistDelegate(Identities identities, DecisionOwners owners) {
    this.identities = identities;
    this.owners = owners;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object decision = SIGNATURE_DECISION.get(execution);
    if (!"SIGN".equals(decision) && !"EDIT".equals(decision)) {
      throw Refusal.of("Signature refusée", List.of("décision attendue : SIGN (signer) ou EDIT (modifier)"));
    }
    if ("EDIT".equals(decision)) {
      return;
    }
    if (!Boolean.TRUE.equals(SIGNATURE_CONFIRMED.get(execution))) {
      throw Refusal.of("Signature refusée", List.of("cochez la certification avant de signer"));
    }
    String signer = identities.requireCurrentUser("Signature");
    owners.requireMember("Signature refusée", Groups.TECHNICIANS,
        "seul un technicien signe la checklist de durcissement, en son nom");
    SignedContent content = ChecklistState.content(execution);
    SIGNED_BY.set(execution, signer);
    SIGNED_BY_NAME.set(execution, identities.displayName(signer));
    SIGNED_AT.set(execution, new Date(ClockUtil.getCurrentTime().getTime()));
    SIGNATURE_SHA256.set(execution, content.sha256());
    // the next signature starts unticked
    SIGNATURE_CONFIRMED.remove(execution);
  }
}
