package com.mileotech.cyber.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Évaluer les obligations de notification", run by the security-incident process at
 * qualification and after each re-qualification: starts the notifications that now apply.
 */
@Component("assessRegulatoryObligations")
class AssessRegulatoryObligationsDelegate implements JavaDelegate {

  private final RegulatoryObligations obligations;

  AssessRegulatoryObligationsDelegate(RegulatoryObligations obligations) {
    this.obligations = obligations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    obligations.assess(execution);
  }
}
