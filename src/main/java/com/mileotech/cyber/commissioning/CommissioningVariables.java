package com.mileotech.cyber.commissioning;

import com.mileotech.cyber.reminder.DeadlineVariables;
import com.mileotech.cyber.system.CommonVariables;
import com.mileotech.cyber.system.DateVariable;
import com.mileotech.cyber.system.FormField;
import com.mileotech.cyber.system.JsonVariable;
import com.mileotech.cyber.system.ProcessVariable;

/**
 * The contract of the vms-commissioning process (commissioning and annual audit) and of the
 * equipment-replacement process it calls: every variable, with its type. The names are those the
 * BPMN expressions and the forms use (docs/commissioning.md). {@link FormField}s are what a
 * person submits; the others are facts the server records.
 */
public final class CommissioningVariables {

  public static final String PROCESS_KEY = "vms-commissioning";
  public static final String REPLACEMENT_PROCESS_KEY = "equipment-replacement";

  // identification (start form or API; the annual audit copies it)
  /** "MES-2026-0001", also the business key. */
  public static final ProcessVariable<String> REFERENCE = CommonVariables.REFERENCE;
  public static final ProcessVariable<String> CLIENT_ID = CommonVariables.CLIENT_ID;
  public static final ProcessVariable<String> CLIENT_NAME = CommonVariables.CLIENT_NAME;
  public static final ProcessVariable<String> SITE_ID = CommonVariables.SITE_ID;
  public static final ProcessVariable<String> SITE_NAME = CommonVariables.SITE_NAME;
  public static final ProcessVariable<String> VMS_PRODUCT = ProcessVariable.text("vmsProduct");
  public static final ProcessVariable<String> VMS_VERSION = ProcessVariable.text("vmsVersion");
  /** Whether a project manager reviews the checklist before signature. */
  public static final ProcessVariable<Boolean> PROJECT_MANAGER_REVIEW = ProcessVariable.bool("projectManagerReview");
  /** The commissioning this annual audit re-runs. */
  public static final ProcessVariable<String> PREVIOUS_REFERENCE = ProcessVariable.text("previousReference");
  /** The previous checklist's statuses, shown beside each point at an audit. */
  public static final JsonVariable PREVIOUS_CHECKLIST = ProcessVariable.json("previousChecklist");
  /** The catalogue (GUID-PREM-003) this checklist follows: its source file and version. */
  public static final ProcessVariable<String> CATALOGUE_SOURCE = ProcessVariable.text("catalogueSource");
  public static final ProcessVariable<String> CATALOGUE_VERSION = ProcessVariable.text("catalogueVersion");

  // the inventory and the checklist
  /** The equipment, a JSON list of {@link Equipment}. */
  public static final JsonVariable EQUIPMENT = ProcessVariable.json("equipment");
  /** The equipment as the forms edit it, one line per item ({@link EquipmentText}). */
  public static final FormField EQUIPMENT_TEXT = FormField.of("equipmentText");
  /** The checklist, one JSON object per category, whose properties are the points (SRV_01…). */
  public static final JsonVariable CHECKLIST_SRV = ProcessVariable.json("checklistSrv");
  public static final JsonVariable CHECKLIST_VMS = ProcessVariable.json("checklistVms");
  public static final JsonVariable CHECKLIST_NVR = ProcessVariable.json("checklistNvr");
  public static final JsonVariable CHECKLIST_CAM = ProcessVariable.json("checklistCam");
  public static final ProcessVariable<String> CHECKLIST_SUMMARY = ProcessVariable.text("checklistSummary");
  public static final ProcessVariable<String> CHECKLIST_OVERVIEW = ProcessVariable.text("checklistOverview");

  // signature and review
  /** Signature form: "SIGN" or "EDIT". */
  static final FormField SIGNATURE_DECISION = FormField.of("signatureDecision");
  /** Signature form: the technician certifies the checklist. */
  static final FormField SIGNATURE_CONFIRMED = FormField.of("signatureConfirmed");
  public static final ProcessVariable<String> SIGNED_BY = ProcessVariable.text("signedBy");
  public static final ProcessVariable<String> SIGNED_BY_NAME = ProcessVariable.text("signedByName");
  public static final DateVariable SIGNED_AT = ProcessVariable.date("signedAt");
  /** The hash of the signed content. */
  public static final ProcessVariable<String> SIGNATURE_SHA256 = ProcessVariable.text("signatureSha256");
  /** Whether the checklist still hashes to what was signed. */
  public static final ProcessVariable<Boolean> SIGNATURE_INTACT = ProcessVariable.bool("signatureIntact");
  /** Review form: the project manager's decision and comment. */
  static final FormField REVIEW_DECISION = FormField.of("reviewDecision");
  static final FormField REVIEW_COMMENT = FormField.of("reviewComment");
  public static final DateVariable SIGNATURE_VOIDED_AT = ProcessVariable.date("signatureVoidedAt");
  public static final ProcessVariable<String> SIGNATURE_VOID_REASON = ProcessVariable.text("signatureVoidReason");
  public static final ProcessVariable<Integer> SIGNATURE_VOID_COUNT = ProcessVariable.integer("signatureVoidCount");

  // the issued document
  /** issueChecklistDocument's input: why this version is issued. */
  static final ProcessVariable<String> REASON_INPUT = ProcessVariable.text("reason");
  public static final ProcessVariable<Integer> DOCUMENT_VERSION = ProcessVariable.integer("documentVersion");
  public static final DateVariable ISSUED_AT = ProcessVariable.date("issuedAt");
  public static final ProcessVariable<Integer> NON_CONFORMITY_COUNT = ProcessVariable.integer("nonConformityCount");
  /** Whether some equipment no longer receives security updates. */
  public static final ProcessVariable<Boolean> END_OF_SUPPORT = ProcessVariable.bool("endOfSupport");
  public static final ProcessVariable<Boolean> PREMIUM_CONTRACT = ProcessVariable.bool("premiumContract");
  /** Whether the maintenance contract covers the annual audit. */
  public static final ProcessVariable<Boolean> CONTRACT_COVERS_AUDIT = ProcessVariable.bool("contractCoversAudit");

  // a non-conformity's re-verification (one instance per point)
  /** The point ("SRV-01"). */
  public static final ProcessVariable<String> POINT_ID = ProcessVariable.text("pointId");
  /** Re-verification form: a JSON object (status, comment…). */
  static final FormField REVERIFICATION = FormField.of("reverification");
  /** The day of the last re-verification (ISO date). */
  public static final ProcessVariable<String> LAST_REVERIFIED_ON = ProcessVariable.text("lastReverifiedOn");
  /** The remediation deadline of a non-conformity. */
  static final DeadlineVariables REMEDIATION = new DeadlineVariables("remediation");

  // equipment-replacement
  /** The equipment without security updates, as text. */
  public static final ProcessVariable<String> END_OF_SUPPORT_EQUIPMENT = ProcessVariable.text("endOfSupportEquipment");
  /** Where it was found ("Lors de la mise en service MES-…"). */
  public static final ProcessVariable<String> END_OF_SUPPORT_ORIGIN = ProcessVariable.text("endOfSupportOrigin");
  static final FormField REPLACEMENT_PLAN = FormField.of("replacementPlan");
  /** Replacement plan form: the target day as typed ("31/01/2027"). */
  static final FormField REPLACEMENT_TARGET_DATE = FormField.of("replacementTargetDate");
  /** That day as read: its start in Paris. */
  public static final DateVariable REPLACEMENT_TARGET_DAY = ProcessVariable.date("replacementTargetDay");
  public static final ProcessVariable<String> REPLACEMENT_TARGET_LABEL = ProcessVariable.text("replacementTargetLabel");

  private CommissioningVariables() {}
}
