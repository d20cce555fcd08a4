package com.mileotech.cyber.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Évaluer les obligations de notification", run by the security-incident process at
 * qualification and after each re-qualification: starts the notifications that now apply, the
 * client's and Mileo's own ({@link MileoProviderDuties}), re-asks a decision not to notify that
 * the re-qualification may change ({@link DecisionRevisits}), and proposes recurring incidents to
 * the referent ({@link RecurringIncidents}).
 */
@Component("assessRegulatoryObligations")
class AssessRegulatoryObligationsDelegate implements JavaDelegate {

  private final RegulatoryObligations obligations;
  private final DecisionRevisits revisits;
  private final MileoProviderDuties providerDuties;
  private final RecurringIncidents recurring;

  AssessRegulatoryObligationsDelegate(RegulatoryObligations obligations, DecisionRevisits revisits,
      MileoProviderDuties providerDuties, RecurringIncidents recurring) {
    this.obligations = obligations;
    this.revisits = revisits;
    this.providerDuties = providerDuties;
    this.recurring = recurring;
  }

  @Override
  public void execute(DelegateExecution execution) {
    obligations.assess(execution);
    revisits.afterQualification(execution);
    // Mileo's own duties as a provider that is a NIS2 entity, beside the client's
    providerDuties.assess(execution);
    // an incident not significant by itself may be, with others of its nature (2024/2690 art. 4)
    recurring.check(execution);
  }
}
