package com.mileotech.cyber.events;

import com.mileotech.cyber.incident.SecurityIncidentVariables;
import com.mileotech.cyber.reminder.DeadlineVariables;
import com.mileotech.cyber.system.CommonVariables;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns the end of a mapped BPMN step ({@link ProcessSteps}) into a {@link CaseEvent}, written to
 * the webhook outbox in the step's transaction. The data is what the client's own RSSI may read of
 * the case: reference, client, step, and the few facts of that step (no names, no free text).
 */
@Component
class StepEvents {

  private static final Logger LOG = LoggerFactory.getLogger(StepEvents.class);

  private final WebhookOutbox outbox;

  StepEvents(WebhookOutbox outbox) {
    this.outbox = outbox;
  }

  void ended(DelegateExecution execution, String processKey, EventType type) {
    String reference = CommonVariables.REFERENCE.get(execution);
    if (reference == null) {
      reference = execution.getProcessBusinessKey();
    }
    String clientId = CommonVariables.CLIENT_ID.get(execution);
    if (clientId == null) {
      clientId = execution.getTenantId();
    }
    Map<String, Object> data = new LinkedHashMap<>();
    putIfSet(data, "reference", reference);
    putIfSet(data, "clientId", clientId);
    data.put("process", processKey);
    data.put("step", execution.getCurrentActivityId());
    switch (type) {
      case SECURITY_INCIDENT_QUALIFIED -> {
        putIfSet(data, "nature", SecurityIncidentVariables.NATURE.text(execution));
        putIfSet(data, "severity", SecurityIncidentVariables.SEVERITY.text(execution));
        putIfSet(data, "qualificationVersion", SecurityIncidentVariables.QUALIFICATION_VERSION.get(execution));
        putIfSet(data, "personalDataInvolved", SecurityIncidentVariables.PERSONAL_DATA_INVOLVED.get(execution));
      }
      case SECURITY_INCIDENT_REPORTED ->
          putIfSet(data, "detectedAt", SecurityIncidentVariables.DETECTED_AT.instant(execution));
      case SECURITY_INCIDENT_CLOSED ->
          putIfSet(data, "closedAt", SecurityIncidentVariables.CLOSED_AT.instant(execution));
      case DEADLINE_NEAR, DEADLINE_MISSED -> {
        String deadline = DeadlineVariables.DEADLINE_INPUT.getLocal(execution);
        putIfSet(data, "deadline", deadline);
        if (deadline != null) {
          putIfSet(data, "dueAt", new DeadlineVariables(deadline).dueAt().instant(execution));
        }
      }
      default -> { }
    }
    CaseEvent event = new CaseEvent(type, clientId, reference, processKey,
        type.code() + ":" + execution.getActivityInstanceId(), data);
    outbox.record(event, now()).ifPresent(id -> LOG.debug("Event {} {} ({}) recorded", id, type.type(), event.reference()));
  }

  private static void putIfSet(Map<String, Object> data, String name, Object value) {
    if (value instanceof Instant instant) {
      data.put(name, instant.toString());
    } else if (value != null && !(value instanceof String text && text.isBlank())) {
      data.put(name, value);
    }
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
