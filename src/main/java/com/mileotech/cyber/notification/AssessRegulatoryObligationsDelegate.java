package com.mileotech.cyber.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Évaluer les obligations de notification", run by the security-incident process at
 * qualification and after each re-qualification: starts the notifications that now apply, the
 * client's and Mileo's own ({@link MileoProviderDuties}), and re-asks a decision not to notify that
 * the re-qualification may change ({@link DecisionRevisits}).
 */
@Component("assessRegulatoryObligations")
class AssessRegulatoryObligationsDelegate implements JavaDelegate {

  private final RegulatoryObligations obligations;
  private final DecisionRevisits revisits;
  private final MileoProviderDuties providerDuties;

  AssessRegulatoryObligationsDelegate(RegulatoryObligations obligations, DecisionRevisits revisits,
      MileoProviderDuties providerDuties) {
    this.obligations = obligations;
    this.revisits = revisits;
    this.providerDuties = providerDuties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    obligations.assess(execution);
    revisits.afterQualification(execution);
    // Mileo's own duties as a provider that is a NIS2 entity, beside the client's
    providerDuties.assess(execution);
  }
}
