package com.mileotech.cyber.events;

import com.mileotech.cyber.commissioning.CommissioningVariables;
import com.mileotech.cyber.incident.SecurityIncidentVariables;
import java.util.Map;
import java.util.Optional;

/**
 * Which BPMN steps are events for the subscribers: the end of the activity {@code elementId} of the
 * process {@code processKey}, and every reminder and escalation step of any process (found by their
 * delegate). The mapping table of docs/events.md; a step added here needs no other change.
 */
final class ProcessSteps {

  static final String REGULATORY_REPORT = "regulatory-report";
  static final String SEND_REMINDER = "${sendReminder}";
  static final String ESCALATE_DEADLINE = "${escalateDeadline}";

  /** processKey + "/" + element id: the event its end tells. */
  private static final Map<String, EventType> BY_ELEMENT = Map.of(
      key(SecurityIncidentVariables.PROCESS_KEY, "Task_RegisterIncident"), EventType.SECURITY_INCIDENT_REPORTED,
      key(SecurityIncidentVariables.PROCESS_KEY, "Task_RecordQualification"), EventType.SECURITY_INCIDENT_QUALIFIED,
      key(SecurityIncidentVariables.PROCESS_KEY, "Task_CloseSecurityIncident"), EventType.SECURITY_INCIDENT_CLOSED,
      key(REGULATORY_REPORT, "Task_RecordFiling"), EventType.REGULATORY_REPORT_FILED,
      key(CommissioningVariables.PROCESS_KEY, "Task_IssueDocument"), EventType.CHECKLIST_ISSUED,
      key(CommissioningVariables.PROCESS_KEY, "Task_ReissueDocument"), EventType.CHECKLIST_ISSUED);

  /** The delegate of a step that is the same event in every process. */
  private static final Map<String, EventType> BY_DELEGATE = Map.of(
      SEND_REMINDER, EventType.DEADLINE_NEAR,
      ESCALATE_DEADLINE, EventType.DEADLINE_MISSED);

  private ProcessSteps() {}

  /** The event the end of this activity tells, if any. */
  static Optional<EventType> of(String processKey, String elementId, String delegateExpression) {
    EventType byElement = BY_ELEMENT.get(key(processKey, elementId));
    if (byElement != null) {
      return Optional.of(byElement);
    }
    return Optional.ofNullable(delegateExpression == null ? null : BY_DELEGATE.get(delegateExpression.trim()));
  }

  /** The mapped steps, as processKey/elementId (checked against bpmn/ by ProcessStepsTest). */
  static java.util.Set<String> mappedElements() {
    return BY_ELEMENT.keySet();
  }

  private static String key(String processKey, String elementId) {
    return processKey + "/" + elementId;
  }
}
