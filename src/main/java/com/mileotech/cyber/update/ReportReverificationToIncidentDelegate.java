package com.mileotech.cyber.update;

import static com.mileotech.cyber.update.SecurityUpdateVariables.*;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Rendre compte à l'incident" (last step of hardening-reverification, asynchronous): once no
 * re-verification of the incident is left to do, the incident learns it (message
 * HardeningReverificationsDone) and publishes the follow-up bulletin. Each outcome was committed
 * with its task, before this job: whichever re-verification ends last sees them all. Two ending
 * together may both correlate; the second finds no incident waiting and changes nothing.
 */
@Component("reportReverificationToIncident")
class ReportReverificationToIncidentDelegate implements JavaDelegate {

  static final String MESSAGE = "HardeningReverificationsDone";

  private final ReverificationRegister register;
  private final RuntimeService runtimeService;

  ReportReverificationToIncidentDelegate(ReverificationRegister register, RuntimeService runtimeService) {
    this.register = register;
    this.runtimeService = runtimeService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String incident = INCIDENT_REFERENCE.get(execution);
    if (register.pending(incident) == 0) {
      runtimeService.createMessageCorrelation(MESSAGE).processInstanceBusinessKey(incident).correlateAllWithResult();
    }
  }
}
