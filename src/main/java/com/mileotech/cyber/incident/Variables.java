package com.mileotech.cyber.incident;

/**
 * Names of the security-incident process variables that other work reads (notifications,
 * dashboard, Tasklist columns): keep them exact. See docs/incident.md.
 */
public final class Variables {

  public static final String PROCESS_KEY = "security-incident";

  // detection
  public static final String REFERENCE = "reference";
  public static final String CLIENT_ID = "clientId";
  public static final String CLIENT_NAME = "clientName";
  public static final String SITE_IDS = "siteIds";
  public static final String SITES = "sites";
  public static final String SITE_NAME = "siteName";
  public static final String DETECTION_SOURCE = "detectionSource";
  public static final String DETECTION_SOURCE_LABEL = "detectionSourceLabel";
  public static final String EQUIPMENT = "equipment";
  public static final String DESCRIPTION = "description";
  public static final String DETECTED_AT = "detectedAt";
  public static final String DETECTED_AT_LABEL = "detectedAtLabel";
  public static final String BEGAN_AT = "beganAt";
  public static final String EXTERNAL_ALERT_ID = "externalAlertId";
  public static final String RELATED_INCIDENT = "relatedIncident";
  public static final String REPORTED_BY = "reportedBy";
  /** The sites as a Json list of ids, for the checklists of the forms. */
  public static final String SITE_SELECTION = "siteSelection";
  /** The client's sites as [{label, value}], the options of those checklists. */
  public static final String CLIENT_SITE_OPTIONS = "clientSiteOptions";

  // qualification
  public static final String NATURE = "nature";
  public static final String SEVERITY = "severity";
  public static final String PERSONAL_DATA_INVOLVED = "personalDataInvolved";
  public static final String AWARENESS_AT = "awarenessAt";
  public static final String AWARENESS_AT_LABEL = "awarenessAtLabel";
  public static final String NATURE_LABEL = "natureLabel";
  public static final String SEVERITY_LABEL = "severityLabel";
  public static final String AFFECTED_SYSTEMS = "affectedSystems";
  public static final String QUALIFIED_AT = "qualifiedAt";
  public static final String QUALIFIED_BY = "qualifiedBy";
  public static final String QUALIFICATION_VERSION = "qualificationVersion";
  public static final String REQUALIFIED_AT = "requalifiedAt";

  // closure and indicators
  public static final String RETURNED_TO_SERVICE_AT = "returnedToServiceAt";
  public static final String CLOSED_AT = "closedAt";
  public static final String MTTD_MINUTES = "mttdMinutes";
  public static final String MTTR_MINUTES = "mttrMinutes";

  private Variables() {}
}
