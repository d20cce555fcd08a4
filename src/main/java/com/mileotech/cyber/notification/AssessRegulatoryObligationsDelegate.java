package com.mileotech.cyber.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Évaluer les obligations de notification", run by the security-incident process at
 * qualification and after each re-qualification: starts the notifications that now apply, and
 * proposes recurring incidents to the referent.
 */
@Component("assessRegulatoryObligations")
class AssessRegulatoryObligationsDelegate implements JavaDelegate {

  private final RegulatoryObligations obligations;
  private final RecurringIncidents recurring;

  AssessRegulatoryObligationsDelegate(RegulatoryObligations obligations, RecurringIncidents recurring) {
    this.obligations = obligations;
    this.recurring = recurring;
  }

  @Override
  public void execute(DelegateExecution execution) {
    obligations.assess(execution);
    // an incident not significant by itself may be, with others of its nature (2024/2690 art. 4)
    recurring.check(execution);
  }
}
