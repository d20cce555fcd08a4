package com.mileotech.cyber.incident;

import java.time.Instant;
import java.util.List;

/** A row of the security incident register. */
record SecurityIncidentRecord(
    String reference,
    String processInstanceId,
    String clientId,
    List<String> siteIds,
    String detectionSource,
    String equipment,
    String description,
    Instant detectedAt,
    Instant beganAt,
    String externalAlertId,
    String relatedIncident,
    String reportedBy,
    String status,
    String nature,
    String severity,
    Boolean personalDataInvolved,
    Instant awarenessAt,
    Integer qualificationVersion,
    Instant qualifiedAt,
    String evidenceStatus,
    Instant returnedToServiceAt,
    Instant closedAt,
    Long mttdMinutes,
    Long mttrMinutes,
    String lessonsLearnedReport,
    Instant lessonsLearnedApprovedAt,
    String followUpIncident) {}
