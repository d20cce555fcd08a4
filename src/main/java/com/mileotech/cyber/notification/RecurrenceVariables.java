package com.mileotech.cyber.notification;

import com.mileotech.cyber.incident.SecurityIncidentVariables;
import com.mileotech.cyber.system.DateVariable;
import com.mileotech.cyber.system.FormField;
import com.mileotech.cyber.system.ProcessVariable;

/**
 * The contract of the process recurring-incidents-review (docs/notifications.md, "Recurring
 * incidents"): it holds the incident's facts as its notifications do (NotificationVariables),
 * the incidents found with it, and the referent's decision.
 */
public final class RecurrenceVariables {

  public static final String PROCESS = "recurring-incidents-review";

  /** What the incident's forms show: the incidents found, in French. */
  public static final ProcessVariable<String> RECURRENCE_NOTE = SecurityIncidentVariables.RECURRENCE_NOTE;
  /** The other incidents' references, comma-separated. */
  public static final ProcessVariable<String> RELATED_INCIDENTS = ProcessVariable.text("relatedIncidents");
  /** The verdict of the incident alone, in words. */
  public static final ProcessVariable<String> NIS2_SIGNIFICANCE_BASIS = SecurityIncidentVariables.NIS2_SIGNIFICANCE_BASIS;

  /** Review form: "significatif" (together one significant incident) or "non-significatif". */
  public static final FormField RECURRENCE_DECISION = FormField.of("recurrenceDecision");
  /** Review form: why (the common apparent root cause, the criteria met together or not). */
  public static final FormField RECURRENCE_REASON = FormField.of("recurrenceReason");
  public static final ProcessVariable<String> RECURRENCE_DECIDED_BY = ProcessVariable.text("recurrenceDecidedBy");
  public static final DateVariable RECURRENCE_DECIDED_AT = ProcessVariable.date("recurrenceDecidedAt");
  /** The NIS2 notification started when the incidents are one significant incident. */
  public static final ProcessVariable<String> RECURRENCE_NOTIFICATION_ID = ProcessVariable.text("recurrenceNotificationId");

  static final String SIGNIFICANT = "significatif";
  static final String NOT_SIGNIFICANT = "non-significatif";

  private RecurrenceVariables() {}
}
