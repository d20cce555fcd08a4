package com.mileotech.cyber.notification;

import com.mileotech.cyber.incident.SecurityIncidentVariables;
import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Run by the security-incident process when the incident ends (return to service): an ANSSI
 * notification waiting to write its final report learns the end date, whether it is already
 * waiting for it or still busy with a progress report.
 */
@Component("announceSecurityIncidentEnded")
class AnnounceSecurityIncidentEndedDelegate implements JavaDelegate {

  static final String MESSAGE = "SecurityIncidentEnded";

  private final RuntimeService runtime;

  AnnounceSecurityIncidentEndedDelegate(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Date closedAt = SecurityIncidentVariables.CLOSED_AT.get(execution);
    String reference = SecurityIncidentVariables.REFERENCE.get(execution);
    for (ProcessInstance notification : runtime.createProcessInstanceQuery()
        .processDefinitionKey(NotificationVariables.ANSSI_PROCESS)
        .variableValueEquals(NotificationVariables.REFERENCE.name(), reference).list()) {
      runtime.setVariables(notification.getId(), NotificationVariables.INCIDENT_ENDED_AT.map(closedAt));
      runtime.createMessageCorrelation(MESSAGE).processInstanceId(notification.getId()).correlateAll();
    }
  }
}
