package com.mileotech.cyber.incident;

import com.mileotech.cyber.system.CommonVariables;
import com.mileotech.cyber.system.DateVariable;
import com.mileotech.cyber.system.FormField;
import com.mileotech.cyber.system.JsonVariable;
import com.mileotech.cyber.system.ProcessVariable;
import com.mileotech.cyber.system.Published;
import java.util.List;

/**
 * The contract of the security-incident process: every variable it holds, with its type. The
 * only way delegates, other features (notifications, security updates) and tests read or write
 * them; the names are those the BPMN expressions and the forms use (docs/incident.md).
 * {@link FormField}s are what a person submits, read leniently; the others are facts the server
 * records.
 */
@Published
public final class SecurityIncidentVariables {

  public static final String PROCESS_KEY = "security-incident";

  // detection (the report, from the start form or the API)
  /** "INC-2026-0001", also the business key. */
  public static final ProcessVariable<String> REFERENCE = CommonVariables.REFERENCE;
  /** The client's id (start form: the chosen client). */
  public static final ProcessVariable<String> CLIENT_ID = CommonVariables.CLIENT_ID;
  public static final ProcessVariable<String> CLIENT_NAME = CommonVariables.CLIENT_NAME;
  /** The sites' ids, comma-separated. */
  public static final ProcessVariable<String> SITE_IDS = ProcessVariable.text("siteIds");
  /** The sites' names, comma-separated. */
  public static final ProcessVariable<String> SITES = ProcessVariable.text("sites");
  /** The first site's name (Tasklist column). */
  public static final ProcessVariable<String> SITE_NAME = CommonVariables.SITE_NAME;
  /** A {@link DetectionSource} code (start form field, then the fact). */
  public static final FormField DETECTION_SOURCE = FormField.of("detectionSource");
  public static final ProcessVariable<String> DETECTION_SOURCE_LABEL = ProcessVariable.text("detectionSourceLabel");
  /** The equipment concerned, as reported (start form field, then the fact). */
  public static final FormField EQUIPMENT = FormField.of("equipment");
  /** What was seen, as reported (start form field, then the fact). */
  public static final FormField DESCRIPTION = FormField.of("description");
  public static final DateVariable DETECTED_AT = ProcessVariable.date("detectedAt");
  public static final ProcessVariable<String> DETECTED_AT_LABEL = ProcessVariable.text("detectedAtLabel");
  /** When the incident began, if known (MTTD). */
  public static final DateVariable BEGAN_AT = ProcessVariable.date("beganAt").absentWhenNull();
  /** The supervision platform's alert id (API reports). */
  public static final ProcessVariable<String> EXTERNAL_ALERT_ID =
      ProcessVariable.text("externalAlertId").absentWhenNull();
  /** The reference of an earlier incident this one follows (start form field, then the fact). */
  public static final FormField RELATED_INCIDENT = FormField.of("relatedIncident").absentWhenNull();
  /** Who reported it (user id or service account). */
  public static final ProcessVariable<String> REPORTED_BY = ProcessVariable.text("reportedBy");
  /** The sites as a JSON list of ids, for the checklists of the forms (also what they submit). */
  public static final JsonVariable SITE_SELECTION = ProcessVariable.json("siteSelection");
  /** The client's sites as [{label, value}], the options of those checklists. */
  public static final JsonVariable CLIENT_SITE_OPTIONS = ProcessVariable.json("clientSiteOptions");
  /** The incident is an exercise (fact: set at report time or by the referent's conversion, never by a form). */
  public static final ProcessVariable<Boolean> EXERCISE = CommonVariables.EXERCISE;
  /** Start form: the « Exercice » checkbox (then the fact {@link #EXERCISE}). */
  static final FormField EXERCISE_INPUT = FormField.of("exerciseInput");
  /** Start form: the detection time as typed (Paris wall-clock). */
  static final FormField DETECTED_AT_INPUT = FormField.of("detectedAtInput");
  /** Start form: the beginning as typed. */
  static final FormField BEGAN_AT_INPUT = FormField.of("beganAtInput");

  // qualification
  /** A {@link Nature} code (qualification form field, then the fact). */
  public static final FormField NATURE = FormField.of("nature");
  /** A {@link Severity} code (qualification form field, then the fact). */
  public static final FormField SEVERITY = FormField.of("severity");
  public static final ProcessVariable<Boolean> PERSONAL_DATA_INVOLVED = ProcessVariable.bool("personalDataInvolved");
  /** When Mileo became aware of the incident: the anchor of the 72 h CNIL deadline. */
  public static final DateVariable AWARENESS_AT = ProcessVariable.date("awarenessAt");
  public static final ProcessVariable<String> AWARENESS_AT_LABEL = ProcessVariable.text("awarenessAtLabel");
  public static final ProcessVariable<String> NATURE_LABEL = ProcessVariable.text("natureLabel");
  public static final ProcessVariable<String> SEVERITY_LABEL = ProcessVariable.text("severityLabel");
  /** The systems affected (qualification form field, then the fact). */
  public static final FormField AFFECTED_SYSTEMS = FormField.of("affectedSystems");
  public static final DateVariable QUALIFIED_AT = ProcessVariable.date("qualifiedAt");
  public static final ProcessVariable<String> QUALIFIED_BY = ProcessVariable.text("qualifiedBy");
  /** 1 for the qualification, then one more per requalification. */
  public static final ProcessVariable<Integer> QUALIFICATION_VERSION = ProcessVariable.integer("qualificationVersion");
  public static final DateVariable REQUALIFIED_AT = ProcessVariable.date("requalifiedAt");
  /** Qualification form: "oui" / "non". */
  static final FormField PERSONAL_DATA_ANSWER = FormField.of("personalDataAnswer");
  /** Qualification form: "maintenant", "autre" or "inchangee". */
  static final FormField AWARENESS_CHOICE = FormField.of("awarenessChoice");
  /** Qualification form: the awareness time as typed (with its occurrence choice). */
  static final FormField AWARENESS_INPUT = FormField.of("awarenessInput");
  /** Qualification form: the confirmation of the awareness choice. */
  static final FormField AWARENESS_CONFIRMED = FormField.of("awarenessConfirmed");
  /** Requalification form: why. */
  static final FormField REQUALIFICATION_REASON = FormField.of("requalificationReason");

  // Mileo's own service (qualification block « Service de Mileo », see docs/notifications.md)
  /** Qualification form: "oui" / "non", is Mileo's own service affected. */
  static final FormField MILEO_SERVICE_ANSWER = FormField.of("mileoServiceAnswer");
  /** Qualification form: which part of it (acces-distance, plateforme-supervision, plusieurs-clients). */
  static final FormField MILEO_SERVICE_PARTS_INPUT = FormField.of("mileoServicePartsInput");
  /** Qualification form: the other clients affected (ids), beside the incident's own. */
  static final FormField OTHER_AFFECTED_CLIENTS_INPUT = FormField.of("otherAffectedClientsInput");
  /** The other clients as [{label, value}], the options of that checklist. */
  public static final JsonVariable OTHER_CLIENT_OPTIONS = ProcessVariable.json("otherClientOptions");
  /** Fact: Mileo's own service is affected (recorded at each qualification). */
  public static final ProcessVariable<Boolean> MILEO_SERVICE_AFFECTED = ProcessVariable.bool("mileoServiceAffected");
  /** Fact: the parts of Mileo's service affected, codes joined with commas. */
  public static final ProcessVariable<String> MILEO_SERVICE_PARTS =
      ProcessVariable.text("mileoServiceParts").absentWhenNull();
  /** The same as people read it ("accès à distance, plateforme de supervision"). */
  public static final ProcessVariable<String> MILEO_SERVICE_PARTS_LABEL =
      ProcessVariable.text("mileoServicePartsLabel").absentWhenNull();
  /** Fact: every client affected, ids joined with commas, the incident's own first (the recipients of Mileo's notice). */
  public static final ProcessVariable<String> AFFECTED_CLIENTS = ProcessVariable.text("affectedClients");
  // NIS2 significance (Nis2Significance; docs/notifications.md, "Significance")
  /**
   * Which significance test the client's incidents answer: "reglement-2024-2690", "nis2-art23",
   * or absent for a client that is no NIS2 entity (the forms show the questions of that test only).
   */
  public static final ProcessVariable<String> NIS2_SIGNIFICANCE_TEST =
      ProcessVariable.text("nis2SignificanceTest").absentWhenNull();
  /** Regulation (EU) 2024/2690 art. 3(1)(a), "oui" / "non" (qualification form field). */
  public static final FormField NIS2_FINANCIAL_LOSS = FormField.of("nis2FinancialLoss");
  /** Art. 3(1)(b). */
  public static final FormField NIS2_TRADE_SECRETS = FormField.of("nis2TradeSecrets");
  /** Art. 3(1)(c) and (d). */
  public static final FormField NIS2_HARM_TO_PERSONS = FormField.of("nis2HarmToPersons");
  /** Art. 3(1)(e). */
  public static final FormField NIS2_MALICIOUS_ACCESS = FormField.of("nis2MaliciousAccess");
  /** Art. 3(1)(f): the criteria of art. 5 to 14 for the entity's kind of service. */
  public static final FormField NIS2_SERVICE_CRITERIA = FormField.of("nis2ServiceCriteria");
  /** NIS2 art. 23(3)(a), "oui" / "non". */
  public static final FormField NIS2_OPERATIONAL_DISRUPTION = FormField.of("nis2OperationalDisruption");
  /** NIS2 art. 23(3)(b). */
  public static final FormField NIS2_DAMAGE_TO_OTHERS = FormField.of("nis2DamageToOthers");
  /** The verdict (a fact): significant or not; absent when the test does not apply. */
  public static final ProcessVariable<Boolean> NIS2_SIGNIFICANT =
      ProcessVariable.bool("nis2Significant").absentWhenNull();
  /** The verdict in words, with the criteria met. */
  public static final ProcessVariable<String> NIS2_SIGNIFICANCE_BASIS =
      ProcessVariable.text("nis2SignificanceBasis").absentWhenNull();

  // recurring incidents (regulation (EU) 2024/2690 art. 4; notification feature)
  /** What the qualification shows of recurring incidents found in the register (French), or absent. */
  public static final ProcessVariable<String> RECURRENCE_NOTE = ProcessVariable.text("recurrenceNote");

  // evidence
  /** Evidence form: "capturees" or "renonciation" (then the fact). */
  static final FormField EVIDENCE_DECISION = FormField.of("evidenceDecision");
  static final FormField EVIDENCE_WAIVER_REASON = FormField.of("evidenceWaiverReason");
  /** Evidence form: a legal hold of the video is asked; then the fact that one holds. */
  static final FormField VIDEO_LEGAL_HOLD = FormField.of("videoLegalHold");
  static final FormField VIDEO_LEGAL_HOLD_GROUND = FormField.of("videoLegalHoldGround");
  static final FormField VIDEO_LEGAL_HOLD_JUSTIFICATION = FormField.of("videoLegalHoldJustification");
  static final FormField VIDEO_LEGAL_HOLD_UNTIL_INPUT = FormField.of("videoLegalHoldUntilInput");
  public static final ProcessVariable<String> EVIDENCE_STATUS = ProcessVariable.text("evidenceStatus");
  public static final ProcessVariable<Integer> EVIDENCE_COUNT = ProcessVariable.integer("evidenceCount");
  public static final DateVariable EVIDENCE_RECORDED_AT = ProcessVariable.date("evidenceRecordedAt");
  public static final ProcessVariable<String> EVIDENCE_RECORDED_BY = ProcessVariable.text("evidenceRecordedBy");
  public static final DateVariable VIDEO_LEGAL_HOLD_UNTIL = ProcessVariable.date("videoLegalHoldUntil");
  public static final ProcessVariable<String> VIDEO_LEGAL_HOLD_UNTIL_LABEL = ProcessVariable.text("videoLegalHoldUntilLabel");

  // containment, eradication, integrity
  public static final DateVariable CONTAINED_AT = ProcessVariable.date("containedAt");
  public static final ProcessVariable<String> CONTAINED_BY = ProcessVariable.text("containedBy");
  /** 1 for the first eradication, one more per return from a failed integrity check. */
  public static final ProcessVariable<Integer> ERADICATION_ROUND = ProcessVariable.integer("eradicationRound");
  public static final DateVariable ERADICATED_AT = ProcessVariable.date("eradicatedAt");
  public static final ProcessVariable<String> ERADICATED_BY = ProcessVariable.text("eradicatedBy");
  /** Integrity form: what the verifier wrote. */
  static final FormField INTEGRITY_PROBLEM = FormField.of("integrityProblem");
  /** What eradication is told: the unconfirmed points and the verifier's words. */
  public static final ProcessVariable<String> INTEGRITY_FAILURE_REASON = ProcessVariable.text("integrityFailureReason");
  public static final ProcessVariable<Integer> INTEGRITY_CHECKS = ProcessVariable.integer("integrityChecks");
  public static final ProcessVariable<Boolean> INTEGRITY_CONFIRMED = ProcessVariable.bool("integrityConfirmed");
  public static final DateVariable INTEGRITY_CHECKED_AT = ProcessVariable.date("integrityCheckedAt");
  public static final ProcessVariable<String> INTEGRITY_CHECKED_BY = ProcessVariable.text("integrityCheckedBy");

  // return to service
  /** Proposal form: "proposer", "accepter-date-client" or "accord-client-recueilli". */
  static final FormField RECOVERY_DECISION = FormField.of("recoveryDecision");
  static final FormField RECOVERY_DATE_INPUT = FormField.of("recoveryDateInput");
  static final FormField RECOVERY_AGREEMENT_CHANNEL_INPUT = FormField.of("recoveryAgreementChannelInput");
  static final FormField RECOVERY_AGREEMENT_GIVEN_AT_INPUT = FormField.of("recoveryAgreementGivenAtInput");
  static final FormField RECOVERY_AGREEMENT_EVIDENCE_INPUT = FormField.of("recoveryAgreementEvidenceInput");
  /** Client's answer form: "accepte" or "autre-date". */
  static final FormField RECOVERY_CLIENT_DECISION = FormField.of("recoveryClientDecision");
  static final FormField RECOVERY_CLIENT_DATE_INPUT = FormField.of("recoveryClientDateInput");
  public static final DateVariable RECOVERY_PROPOSED_AT = ProcessVariable.date("recoveryProposedAt");
  public static final ProcessVariable<String> RECOVERY_PROPOSED_AT_LABEL = ProcessVariable.text("recoveryProposedAtLabel");
  public static final ProcessVariable<String> RECOVERY_PROPOSED_BY = ProcessVariable.text("recoveryProposedBy");
  /** The date the client RSSI proposed instead. */
  public static final DateVariable RECOVERY_CLIENT_PROPOSAL_AT = ProcessVariable.date("recoveryClientProposalAt");
  public static final ProcessVariable<String> RECOVERY_CLIENT_PROPOSAL_AT_LABEL =
      ProcessVariable.text("recoveryClientProposalAtLabel");
  public static final ProcessVariable<String> RECOVERY_CLIENT_PROPOSED_BY = ProcessVariable.text("recoveryClientProposedBy");
  /** Whether a return-to-service date is agreed (skips the client's validation). */
  public static final ProcessVariable<Boolean> RECOVERY_DATE_AGREED = ProcessVariable.bool("recoveryDateAgreed");
  public static final DateVariable RECOVERY_AGREED_AT = ProcessVariable.date("recoveryAgreedAt");
  public static final ProcessVariable<String> RECOVERY_AGREED_AT_LABEL = ProcessVariable.text("recoveryAgreedAtLabel");
  /** Only ever a client RSSI who answered in Tasklist. */
  public static final ProcessVariable<String> RECOVERY_AGREED_BY = ProcessVariable.text("recoveryAgreedBy");
  public static final ProcessVariable<String> RECOVERY_ACCEPTED_BY = ProcessVariable.text("recoveryAcceptedBy");
  /** "accord-du-client", "date-proposee-par-le-client" or "accord-recueilli-par-le-chef-de-projet". */
  public static final ProcessVariable<String> RECOVERY_AGREEMENT_KIND = ProcessVariable.text("recoveryAgreementKind");
  public static final ProcessVariable<String> RECOVERY_AGREEMENT_CHANNEL = ProcessVariable.text("recoveryAgreementChannel");
  public static final DateVariable RECOVERY_AGREEMENT_GIVEN_AT = ProcessVariable.date("recoveryAgreementGivenAt");
  public static final ProcessVariable<String> RECOVERY_AGREEMENT_EVIDENCE = ProcessVariable.text("recoveryAgreementEvidence");
  public static final ProcessVariable<String> RECOVERY_AGREEMENT_COLLECTED_BY =
      ProcessVariable.text("recoveryAgreementCollectedBy");
  public static final DateVariable RECOVERY_AGREEMENT_COLLECTED_AT = ProcessVariable.date("recoveryAgreementCollectedAt");
  public static final ProcessVariable<String> RECOVERY_AGREEMENT_SUMMARY = ProcessVariable.text("recoveryAgreementSummary");
  /** Return form: the system is back in service. */
  static final FormField RETURN_CONFIRMED = FormField.of("returnConfirmed");
  /** Return form: how the client accepted a return before the agreed date. */
  static final FormField EARLY_RETURN_AGREEMENT = FormField.of("earlyReturnAgreement");

  // closure and indicators
  public static final DateVariable RETURNED_TO_SERVICE_AT = ProcessVariable.date("returnedToServiceAt");
  public static final ProcessVariable<String> RETURNED_TO_SERVICE_BY = ProcessVariable.text("returnedToServiceBy");
  public static final DateVariable CLOSED_AT = ProcessVariable.date("closedAt");
  /** Detection − beginning, in minutes; null when the beginning is unknown. */
  public static final ProcessVariable<Long> MTTD_MINUTES =
      ProcessVariable.longInteger("mttdMinutes").absentWhenNull();
  /** Return to service − detection, in minutes. */
  public static final ProcessVariable<Long> MTTR_MINUTES = ProcessVariable.longInteger("mttrMinutes");
  public static final ProcessVariable<String> INDICATORS_LABEL = ProcessVariable.text("indicatorsLabel");

  // reinforced monitoring
  /** Monitoring end form: "rien-a-signaler" or "anomalie". */
  static final FormField MONITORING_OUTCOME = FormField.of("monitoringOutcome");
  static final FormField MONITORING_ANOMALY = FormField.of("monitoringAnomaly");
  /** A {@link DetectionSource} code. */
  static final FormField MONITORING_ANOMALY_SOURCE = FormField.of("monitoringAnomalySource");
  public static final ProcessVariable<Boolean> ANOMALY_SEEN = ProcessVariable.bool("anomalySeen");
  public static final DateVariable MONITORING_ENDED_AT = ProcessVariable.date("monitoringEndedAt");
  public static final ProcessVariable<String> MONITORING_ENDED_BY = ProcessVariable.text("monitoringEndedBy");
  /** The reference of the incident opened for an anomaly seen during monitoring. */
  public static final ProcessVariable<String> FOLLOW_UP_INCIDENT = ProcessVariable.text("followUpIncident");

  // lessons learned
  public static final JsonVariable LESSONS_LEARNED_CHRONOLOGY = ProcessVariable.json("lessonsLearnedChronology");
  public static final ProcessVariable<String> LESSONS_LEARNED_WRITTEN_BY = ProcessVariable.text("lessonsLearnedWrittenBy");
  /** Every author of the report, comma-separated: none may approve it. */
  public static final ProcessVariable<String> LESSONS_LEARNED_AUTHORS = ProcessVariable.text("lessonsLearnedAuthors");
  static final FormField LESSONS_ROOT_CAUSES = FormField.of("lessonsRootCauses");
  static final FormField LESSONS_RESPONSE_EFFECTIVENESS = FormField.of("lessonsResponseEffectiveness");
  static final FormField LESSONS_IMPROVEMENTS = FormField.of("lessonsImprovements");
  /** Approval form: "approuve" or "a-reprendre". */
  static final FormField LESSONS_DECISION = FormField.of("lessonsDecision");
  static final FormField LESSONS_REVIEW_COMMENT = FormField.of("lessonsReviewComment");
  public static final ProcessVariable<Boolean> LESSONS_LEARNED_APPROVED = ProcessVariable.bool("lessonsLearnedApproved");
  public static final DateVariable LESSONS_LEARNED_APPROVED_AT = ProcessVariable.date("lessonsLearnedApprovedAt");
  public static final ProcessVariable<String> LESSONS_LEARNED_APPROVED_BY = ProcessVariable.text("lessonsLearnedApprovedBy");

  // improvement actions of the lessons learned (PROC-CYB-005 §06): up to IMPROVEMENT_ACTION_ROWS
  // rows of the form, each opening the next; checked and recorded by "Enregistrer l'auteur du
  // retour d'expérience", started as improvement-action processes at the approval
  /** How many action rows the lessons-learned form has. */
  public static final int IMPROVEMENT_ACTION_ROWS = 5;
  /** Lessons-learned form: « Ajouter des actions d'amélioration » (shows the first row). */
  static final FormField IMPROVEMENT_ACTIONS_ADD = FormField.of("improvementActionsAdd");
  /** The staff who may own an action, [{label, value}]: the options of the rows' owner fields. */
  static final JsonVariable IMPROVEMENT_OWNER_OPTIONS = ProcessVariable.json("improvementOwnerOptions");
  /**
   * The actions as checked at the submission (fact): [{position, label, owner, ownerName, dueDate
   * (ISO day), dueAt (ISO instant, end of that day in Paris)}].
   */
  public static final JsonVariable IMPROVEMENT_ACTIONS = ProcessVariable.json("improvementActions");
  /** The actions in words, for the approval form. */
  static final ProcessVariable<String> IMPROVEMENT_ACTIONS_LABEL = ProcessVariable.text("improvementActionsLabel");

  /** Row {@code n} (1-based) of the form's actions: {@code part} is Label, Owner, DueDate or More. */
  static FormField improvementAction(int n, String part) {
    return FormField.of("improvementAction" + n + part);
  }

  /** The security update whose missed deadline opened this incident (security updates feature). */
  public static final ProcessVariable<String> SECURITY_UPDATE = ProcessVariable.text("securityUpdate");

  // hardening controls in cause (written by the security updates feature's steps of this process)
  /** Lessons-learned form: the checklist points in cause ("NVR-01 CAM-03"). */
  public static final FormField LESSONS_HARDENING_CONTROLS = FormField.of("lessonsHardeningControls");
  /** Lessons-learned form: re-verify every client running the product. */
  public static final FormField LESSONS_REVERIFY_ALL_CLIENTS = FormField.of("lessonsReverifyAllClients");
  /** Lessons-learned form: the product whose clients are re-verified. */
  public static final FormField LESSONS_PRODUCT = FormField.of("lessonsProduct");
  /** The points in cause, "NVR-01, CAM-03", or null. */
  public static final ProcessVariable<String> HARDENING_CONTROLS =
      ProcessVariable.text("hardeningControls").absentWhenNull();
  /** The points in cause with their wording, for the report. */
  public static final ProcessVariable<String> HARDENING_CONTROLS_LABEL =
      ProcessVariable.text("hardeningControlsLabel").absentWhenNull();
  /** The points in cause, for the security bulletin. */
  public static final ProcessVariable<String> HARDENING_CONTROLS_SUMMARY =
      ProcessVariable.text("hardeningControlsSummary").absentWhenNull();
  /** The product whose every client is re-verified, or null for the incident's client only. */
  public static final ProcessVariable<String> REVERIFICATION_PRODUCT =
      ProcessVariable.text("reverificationProduct").absentWhenNull();
  /** One entry per re-verification to start (the multi-instance collection). */
  public static final ProcessVariable<List<String>> REVERIFICATION_TARGETS = ProcessVariable.textList("reverificationTargets");
  public static final ProcessVariable<Integer> REVERIFICATION_COUNT = ProcessVariable.integer("reverificationCount");

  private SecurityIncidentVariables() {}
}
