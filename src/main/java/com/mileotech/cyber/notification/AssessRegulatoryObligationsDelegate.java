package com.mileotech.cyber.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Évaluer les obligations de notification": PLACEHOLDER until the regulatory notifications
 * feature replaces this class wholesale. It only logs.
 */
@Component("assessRegulatoryObligations")
class AssessRegulatoryObligationsDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(AssessRegulatoryObligationsDelegate.class);

  @Override
  public void execute(DelegateExecution execution) {
    LOG.info("Regulatory obligations of {} (qualification {}) not assessed yet: placeholder",
        execution.getProcessBusinessKey(), execution.getVariable("qualificationVersion"));
  }
}
