package com.mileotech.cyber.update;

import com.mileotech.cyber.reminder.DeadlineVariables;
import com.mileotech.cyber.system.CommonVariables;
import com.mileotech.cyber.system.DateVariable;
import com.mileotech.cyber.system.FormField;
import com.mileotech.cyber.system.ProcessVariable;
import java.util.List;

/**
 * The contract of the security-update process, of the security-update-client instances it runs
 * per client (which receive the update's facts) and of the hardening-reverification instances a
 * security incident starts: every variable, with its type. The names are those the BPMN
 * expressions and the forms use (docs/security-updates.md). {@link FormField}s are what a person
 * submits; the others are facts the server records. The steps this feature adds to the
 * security-incident process use {@code incident.SecurityIncidentVariables}.
 */
public final class SecurityUpdateVariables {

  public static final String PROCESS_KEY = "security-update";
  public static final String CLIENT_PROCESS_KEY = "security-update-client";
  public static final String REVERIFICATION_PROCESS_KEY = "hardening-reverification";

  // security-update: the publication (start form or API), then the register's facts
  /** "MAJ-2026-0001", also the business key. */
  public static final ProcessVariable<String> REFERENCE = CommonVariables.REFERENCE;
  /** The product (start form field, then the fact). */
  public static final ProcessVariable<String> PRODUCT = ProcessVariable.text("product");
  /** An {@link UpdateKind} code (start form field, then the fact). */
  public static final ProcessVariable<String> KIND = ProcessVariable.text("kind");
  public static final ProcessVariable<String> KIND_LABEL = ProcessVariable.text("kindLabel");
  public static final ProcessVariable<Boolean> CRITICAL = ProcessVariable.bool("critical");
  public static final ProcessVariable<String> CRITICAL_LABEL = ProcessVariable.text("criticalLabel");
  /** The affected versions, comma-separated. */
  public static final ProcessVariable<String> AFFECTED_VERSIONS = ProcessVariable.text("affectedVersions");
  /** The version that fixes it (start form field, then the fact). */
  public static final ProcessVariable<String> FIXED_VERSION = ProcessVariable.text("fixedVersion");
  /** The vendor's advisory (start form field, then the fact). */
  public static final ProcessVariable<String> ADVISORY = ProcessVariable.text("advisory");
  /** The CVE ids, comma-separated, or null. */
  public static final ProcessVariable<String> CVE_IDS = ProcessVariable.text("cveIds");
  public static final DateVariable PUBLISHED_AT = ProcessVariable.date("publishedAt");
  public static final ProcessVariable<String> PUBLISHED_AT_LABEL = ProcessVariable.text("publishedAtLabel");
  /** The key of the deadline rule that applies ({@link DeadlineRules}). */
  public static final ProcessVariable<String> DEADLINE_RULE = ProcessVariable.text("deadlineRule");
  public static final ProcessVariable<String> APPLY_BY_LABEL = ProcessVariable.text("applyByLabel");
  /** Start form: "oui" / "non". */
  static final FormField CRITICAL_ANSWER = FormField.of("criticalAnswer");
  /** Start form: one affected version per line. */
  static final FormField AFFECTED_VERSIONS_TEXT = FormField.of("affectedVersionsText");
  /** Start form: CVE ids separated by commas, semicolons or spaces. */
  static final FormField CVE_IDS_TEXT = FormField.of("cveIdsText");
  /** Start form: the publication time as typed. */
  static final FormField PUBLISHED_AT_INPUT = FormField.of("publishedAtInput");
  /** The clients running an affected version (the multi-instance collection). */
  public static final ProcessVariable<List<String>> AFFECTED_CLIENTS = ProcessVariable.textList("affectedClients");
  public static final ProcessVariable<Integer> AFFECTED_CLIENT_COUNT = ProcessVariable.integer("affectedClientCount");
  public static final ProcessVariable<Integer> AFFECTED_ITEM_COUNT = ProcessVariable.integer("affectedItemCount");

  // security-update-client: one client's update
  /** The client (the multi-instance element). */
  public static final ProcessVariable<String> CLIENT_ID = CommonVariables.CLIENT_ID;
  public static final ProcessVariable<String> CLIENT_NAME = CommonVariables.CLIENT_NAME;
  /** The update deadline ({@code updateDueAt}…). */
  public static final DeadlineVariables UPDATE = new DeadlineVariables("update");
  public static final ProcessVariable<Boolean> STAGING_REQUIRED = ProcessVariable.bool("stagingRequired");
  /** The affected equipment, as the forms list it. */
  public static final ProcessVariable<String> AFFECTED_ITEMS = ProcessVariable.text("affectedItems");
  /** The client's sites concerned, comma-separated. */
  public static final ProcessVariable<String> SITES = ProcessVariable.text("sites");
  /** One line per item, pre-filled, which the application form completes. */
  static final FormField APPLICATION_TEXT = FormField.of("applicationText");
  /** Staging form: "validee" or "echec", where, and what was seen. */
  static final FormField STAGING_RESULT = FormField.of("stagingResult");
  static final FormField STAGING_ENVIRONMENT = FormField.of("stagingEnvironment");
  static final FormField STAGING_COMMENT = FormField.of("stagingComment");
  public static final ProcessVariable<Boolean> STAGING_VALIDATED = ProcessVariable.bool("stagingValidated");
  public static final ProcessVariable<String> STAGING_VALIDATED_BY = ProcessVariable.text("stagingValidatedBy");
  public static final ProcessVariable<Integer> STAGING_FAILURES = ProcessVariable.integer("stagingFailures");
  /** The last staging failure, as the technician described it. */
  public static final ProcessVariable<String> STAGING_FAILURE = ProcessVariable.text("stagingFailure");
  public static final ProcessVariable<String> APPLIED_BY = ProcessVariable.text("appliedBy");
  public static final DateVariable APPLIED_AT = ProcessVariable.date("appliedAt");
  public static final ProcessVariable<Boolean> END_OF_SUPPORT_FOUND = ProcessVariable.bool("endOfSupportFound");
  /** The equipment found without security updates, for equipment-replacement. */
  public static final ProcessVariable<String> END_OF_SUPPORT_EQUIPMENT = ProcessVariable.text("endOfSupportEquipment");
  public static final ProcessVariable<String> END_OF_SUPPORT_SITES = ProcessVariable.text("endOfSupportSites");
  /** The security incident opened when the deadline passed. */
  public static final ProcessVariable<String> SECURITY_INCIDENT = ProcessVariable.text("securityIncident");

  // hardening-reverification: one point on one site, for a security incident
  public static final ProcessVariable<String> SITE_ID = CommonVariables.SITE_ID;
  public static final ProcessVariable<String> SITE_NAME = CommonVariables.SITE_NAME;
  /** The checklist point ("CAM-03"). */
  public static final ProcessVariable<String> POINT_ID = ProcessVariable.text("pointId");
  public static final ProcessVariable<String> POINT_LABEL = ProcessVariable.text("pointLabel");
  /** How to verify it. */
  public static final ProcessVariable<String> POINT_VERIFY = ProcessVariable.text("pointVerify");
  /** The guide and section it comes from. */
  public static final ProcessVariable<String> GUIDE = ProcessVariable.text("guide");
  /** The security incident that asked for it (also the reference). */
  public static final ProcessVariable<String> INCIDENT_REFERENCE = ProcessVariable.text("incidentReference");
  /** Re-verification form: "CONFORME" or "NON_CONFORME", and what was seen. */
  static final FormField REVERIFICATION_STATUS = FormField.of("reverificationStatus");
  static final FormField REVERIFICATION_COMMENT = FormField.of("reverificationComment");
  public static final ProcessVariable<Boolean> CONTROL_COMPLIANT = ProcessVariable.bool("controlCompliant");

  private SecurityUpdateVariables() {}
}
