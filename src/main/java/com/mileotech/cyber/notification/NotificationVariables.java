package com.mileotech.cyber.notification;

import com.mileotech.cyber.incident.SecurityIncidentVariables;
import com.mileotech.cyber.reminder.DeadlineVariables;
import com.mileotech.cyber.system.DateVariable;
import com.mileotech.cyber.system.FormField;
import com.mileotech.cyber.system.ProcessVariable;
import java.util.List;

/**
 * The contract of the regulatory notification processes: cnil-notification, anssi-notification
 * and the regulatory-report they call (which receives all their variables). The names are those
 * their BPMN expressions and forms use (docs/notifications.md). {@link FormField}s are what a
 * person submits; a date-time a person gives is a form field on submission and, once checked, a
 * date under the same name (the record of what the form said).
 */
public final class NotificationVariables {

  public static final String CNIL_PROCESS = "cnil-notification";
  public static final String ANSSI_PROCESS = "anssi-notification";
  public static final String REPORT_PROCESS = "regulatory-report";

  // the facts of the security incident, copied when the notification starts
  public static final ProcessVariable<String> REFERENCE = SecurityIncidentVariables.REFERENCE;
  public static final ProcessVariable<String> CLIENT_ID = SecurityIncidentVariables.CLIENT_ID;
  public static final ProcessVariable<String> CLIENT_NAME = SecurityIncidentVariables.CLIENT_NAME;
  public static final ProcessVariable<String> SITE_NAME = SecurityIncidentVariables.SITE_NAME;
  public static final ProcessVariable<String> SITES = SecurityIncidentVariables.SITES;
  public static final FormField SEVERITY = SecurityIncidentVariables.SEVERITY;
  public static final FormField NATURE = SecurityIncidentVariables.NATURE;
  public static final ProcessVariable<String> SEVERITY_LABEL = SecurityIncidentVariables.SEVERITY_LABEL;
  public static final ProcessVariable<String> NATURE_LABEL = SecurityIncidentVariables.NATURE_LABEL;
  public static final ProcessVariable<Boolean> PERSONAL_DATA_INVOLVED = SecurityIncidentVariables.PERSONAL_DATA_INVOLVED;
  public static final FormField DETECTION_SOURCE = SecurityIncidentVariables.DETECTION_SOURCE;
  public static final FormField DESCRIPTION = SecurityIncidentVariables.DESCRIPTION;
  public static final FormField AFFECTED_SYSTEMS = SecurityIncidentVariables.AFFECTED_SYSTEMS;
  public static final FormField EQUIPMENT = SecurityIncidentVariables.EQUIPMENT;
  public static final DateVariable DETECTED_AT = SecurityIncidentVariables.DETECTED_AT;
  /** Mileo's awareness: where the CNIL and ANSSI clocks start. */
  public static final DateVariable AWARENESS_AT = SecurityIncidentVariables.AWARENESS_AT;
  /** The incident is an exercise: the notification is rehearsed, its mails say EXERCICE, it counts nowhere. */
  public static final ProcessVariable<Boolean> EXERCISE = SecurityIncidentVariables.EXERCISE;
  /** What a notification copies from its security incident, as it is there. */
  static final List<ProcessVariable<?>> COPIED_FROM_INCIDENT = List.of(REFERENCE, CLIENT_ID, CLIENT_NAME, SITE_NAME,
      SITES, SEVERITY, NATURE, SEVERITY_LABEL, NATURE_LABEL, PERSONAL_DATA_INVOLVED, DETECTION_SOURCE, DESCRIPTION,
      AFFECTED_SYSTEMS, EQUIPMENT, DETECTED_AT, EXERCISE);

  // the notification
  /** "INC-2026-0001-CNIL": the register's id, also the business key. */
  public static final ProcessVariable<String> NOTIFICATION_ID = ProcessVariable.text("notificationId");
  /** The security incident's process instance. */
  public static final ProcessVariable<String> INCIDENT_PROCESS_INSTANCE_ID = ProcessVariable.text("incidentProcessInstanceId");
  /** "CNIL" or "ANSSI". */
  public static final ProcessVariable<String> AUTHORITY = ProcessVariable.text("authority");
  public static final ProcessVariable<String> PROCEDURE = ProcessVariable.text("procedure");
  public static final ProcessVariable<String> LEGAL_BASIS = ProcessVariable.text("legalBasis");
  /** The rule of the table regulatory-obligations that decided it, with its version (ObligationRules.DecisionRule). */
  public static final ProcessVariable<String> RULE_VERSION = ProcessVariable.text("ruleVersion");
  /** The verdict of the NIS2 significance test (null: not asked), as the table read it. */
  public static final ProcessVariable<Boolean> NIS2_SIGNIFICANT = SecurityIncidentVariables.NIS2_SIGNIFICANT;
  /** A {@code RegulatoryRegime} name: the regime the duty is owed under (for the GDPR, the client's first). */
  public static final ProcessVariable<String> CLIENT_REGIME = ProcessVariable.text("clientRegime");
  public static final ProcessVariable<String> CLIENT_REGIME_LABEL = ProcessVariable.text("clientRegimeLabel");
  /** When the security incident ended, told by it (ANSSI final report). */
  public static final DateVariable INCIDENT_ENDED_AT = ProcessVariable.date("incidentEndedAt");
  /** Whether it is still open: a progress report rather than a final one. */
  public static final ProcessVariable<Boolean> INCIDENT_ONGOING = ProcessVariable.bool("incidentOngoing");

  // informing the client
  /** The client-information deadline's name. */
  static final DeadlineVariables CLIENT_INFORMATION = new DeadlineVariables("clientInformation");
  public static final ProcessVariable<String> MILEO_AWARENESS_TEXT = ProcessVariable.text("mileoAwarenessText");
  /** Who the application's mail reaches, as the form shows it. */
  public static final ProcessVariable<String> CLIENT_RSSI_CONTACTS = ProcessVariable.text("clientRssiContacts");
  static final FormField CLIENT_INFORMATION_CHANNEL = FormField.of("clientInformationChannel");
  static final FormField CLIENT_INFORMED_AT_INPUT = FormField.of("clientInformedAtInput");
  static final FormField CLIENT_INFORMED_CONTACT = FormField.of("clientInformedContact");
  public static final DateVariable CLIENT_INFORMED_AT = ProcessVariable.date("clientInformedAt");
  public static final ProcessVariable<String> CLIENT_INFORMED_BY = ProcessVariable.text("clientInformedBy");
  public static final ProcessVariable<String> CLIENT_INFORMED_CHANNEL = ProcessVariable.text("clientInformedChannel");
  public static final ProcessVariable<String> CLIENT_INFORMED_HOW = ProcessVariable.text("clientInformedHow");
  /** The client's own awareness (its report, or Mileo's information). */
  public static final DateVariable CLIENT_AWARENESS_AT = ProcessVariable.date("clientAwarenessAt");
  public static final DateVariable EARLIEST_AWARENESS_AT = ProcessVariable.date("earliestAwarenessAt");
  /**
   * Set by "Calculer l'échéance d'information du client": the client of the incident was already told
   * through another of its duties, so this one records that telling and opens no task.
   */
  public static final ProcessVariable<Boolean> CLIENT_ALREADY_INFORMED = ProcessVariable.bool("clientAlreadyInformed");
  /** The notification (register id) through which the client was told, when this duty records that telling. */
  public static final ProcessVariable<String> CLIENT_INFORMED_THROUGH = ProcessVariable.text("clientInformedThrough");
  /** Correlated (by incident reference and tenant) to the duties still waiting to tell the client once it is told. */
  static final String CLIENT_INFORMED_MESSAGE = "SecurityIncidentClientInformed";

  // a report (regulatory-report's parameters)
  /** A {@link ReportKind} code. */
  public static final ProcessVariable<String> REPORT_KIND = ProcessVariable.text("reportKind");
  /** The name of the deadline the report answers ("" for none). */
  public static final ProcessVariable<String> REPORT_DEADLINE = ProcessVariable.text("reportDeadline");
  /** openRegulatoryReport's input: the {@link ReportKind} code. */
  static final ProcessVariable<String> REPORT_INPUT = ProcessVariable.text("report");
  /** openRegulatoryReport's input: the moment the lawful time counts from. */
  static final ProcessVariable<Object> LEGAL_FROM_INPUT = ProcessVariable.any("legalFrom");

  // CNIL draft
  /** Pre-filled with the incident's description. */
  public static final FormField BREACH_NATURE = FormField.of("breachNature");
  public static final FormField PERSONS_CATEGORIES = FormField.of("personsCategories");
  public static final ProcessVariable<String> PERSONS_CATEGORIES_LABEL = ProcessVariable.text("personsCategoriesLabel");
  public static final FormField PERSONS_COUNT = FormField.of("personsCount");
  public static final FormField RECORDS_CATEGORIES = FormField.of("recordsCategories");
  public static final FormField RECORDS_COUNT = FormField.of("recordsCount");
  /** Pre-filled with the client's DPO. */
  public static final FormField DPO_CONTACT = FormField.of("dpoContact");
  public static final FormField LIKELY_CONSEQUENCES = FormField.of("likelyConsequences");
  public static final FormField MEASURES_TAKEN = FormField.of("measuresTaken");
  public static final FormField RISK_TO_PERSONS = FormField.of("riskToPersons");

  // CNIL filing
  /** The CNIL deadline (72 h after awareness) and its lawful time. */
  public static final DeadlineVariables CNIL = new DeadlineVariables("cnil");
  /** "deposee" or "non-requise". */
  public static final FormField CNIL_DECISION = FormField.of("cnilDecision");
  static final FormField CNIL_SUBMITTED_AT_INPUT = FormField.of("cnilSubmittedAt");
  public static final DateVariable CNIL_SUBMITTED_AT = ProcessVariable.date("cnilSubmittedAt");
  public static final FormField CNIL_RECEIPT_REFERENCE = FormField.of("cnilReceiptReference");
  public static final FormField CNIL_DELAY_REASONS = FormField.of("cnilDelayReasons");
  public static final FormField CNIL_NOT_REQUIRED_REASON = FormField.of("cnilNotRequiredReason");
  /** The path of the client-ready text of the report being filed (PDF), linked from the filing forms. */
  public static final ProcessVariable<String> FILING_TEXT_LINK = ProcessVariable.text("filingTextLink");
  /** Filing form: who at the client approved the decision not to notify (name and function). */
  public static final FormField CNIL_NOT_REQUIRED_APPROVED_BY = FormField.of("cnilNotRequiredApprovedBy");
  /**
   * Set by the server when a re-qualification re-asks the decision ({@link DecisionRevisits}): why the
   * decision is asked again, and the qualification version it answers; absent at the first asking.
   */
  public static final ProcessVariable<String> DECISION_OCCASION = ProcessVariable.text("decisionOccasion");
  public static final ProcessVariable<Integer> DECISION_QUALIFICATION_VERSION = ProcessVariable.integer("decisionQualificationVersion");
  public static final ProcessVariable<String> CNIL_DECIDED_BY = ProcessVariable.text("cnilDecidedBy");
  public static final ProcessVariable<String> CNIL_RECORDED_BY = ProcessVariable.text("cnilRecordedBy");

  // CNIL: data subjects (art. 34)
  public static final FormField DATA_SUBJECTS_DECISION = FormField.of("dataSubjectsDecision");
  static final FormField DATA_SUBJECTS_DECIDED_AT_INPUT = FormField.of("dataSubjectsDecidedAt");
  public static final DateVariable DATA_SUBJECTS_DECIDED_AT = ProcessVariable.date("dataSubjectsDecidedAt");
  public static final FormField DATA_SUBJECTS_DETAILS = FormField.of("dataSubjectsDetails");

  // CNIL follow-up
  /** "complement" or "cloture". */
  public static final FormField CNIL_FOLLOW_UP_ACTION = FormField.of("cnilFollowUpAction");
  public static final ProcessVariable<Boolean> CNIL_COMPLEMENT_FILED = ProcessVariable.bool("cnilComplementFiled");
  static final FormField COMPLEMENT_SUBMITTED_AT_INPUT = FormField.of("complementSubmittedAt");
  public static final DateVariable COMPLEMENT_SUBMITTED_AT = ProcessVariable.date("complementSubmittedAt");
  public static final FormField COMPLEMENT_RECEIPT_REFERENCE = FormField.of("complementReceiptReference");
  public static final FormField COMPLEMENT_CONTENT = FormField.of("complementContent");
  public static final ProcessVariable<String> COMPLEMENT_FILED_BY = ProcessVariable.text("complementFiledBy");
  public static final ProcessVariable<String> COMPLEMENT_RECORDED_BY = ProcessVariable.text("complementRecordedBy");

  // ANSSI filing
  static final FormField ANSSI_SUBMITTED_AT_INPUT = FormField.of("anssiSubmittedAt");
  public static final FormField ANSSI_RECEIPT_REFERENCE = FormField.of("anssiReceiptReference");
  public static final FormField ANSSI_DELAY_REASONS = FormField.of("anssiDelayReasons");
  /** When the ANSSI notification (not the early warning) was filed: the anchor of the final report. */
  public static final DateVariable ANSSI_NOTIFICATION_FILED_AT = ProcessVariable.date("anssiNotificationFiledAt");

  private NotificationVariables() {}
}
