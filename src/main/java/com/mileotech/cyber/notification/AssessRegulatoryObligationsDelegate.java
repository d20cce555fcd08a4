package com.mileotech.cyber.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Évaluer les obligations de notification", run by the security-incident process at
 * qualification and after each re-qualification: starts the notifications that now apply, and
 * re-asks a decision not to notify that the re-qualification may change ({@link DecisionRevisits}).
 */
@Component("assessRegulatoryObligations")
class AssessRegulatoryObligationsDelegate implements JavaDelegate {

  private final RegulatoryObligations obligations;
  private final DecisionRevisits revisits;

  AssessRegulatoryObligationsDelegate(RegulatoryObligations obligations, DecisionRevisits revisits) {
    this.obligations = obligations;
    this.revisits = revisits;
  }

  @Override
  public void execute(DelegateExecution execution) {
    obligations.assess(execution);
    revisits.afterQualification(execution);
  }
}
