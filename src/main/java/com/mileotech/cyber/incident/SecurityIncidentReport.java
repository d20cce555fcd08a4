package com.mileotech.cyber.incident;

import com.mileotech.cyber.system.FormValues;
import static com.mileotech.cyber.incident.SecurityIncidentVariables.*;

import com.mileotech.cyber.system.Moments;
import com.mileotech.cyber.client.Client;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A suspicion of security incident as it is reported (phase 1), whatever the entry point: the
 * Tasklist start form, the API of the supervision platform, or the reinforced monitoring of an
 * earlier incident.
 */
record SecurityIncidentReport(
    String clientId,
    List<String> siteIds,
    String detectionSource,
    String equipment,
    String description,
    Instant detectedAt,
    Instant beganAt,
    String externalAlertId,
    String relatedIncident,
    boolean exercise) {

  SecurityIncidentReport {
    siteIds = siteIds == null ? List.of() : siteIds.stream().filter(Objects::nonNull).toList();
  }

  /** A report of a real incident (not an exercise). */
  SecurityIncidentReport(String clientId, List<String> siteIds, String detectionSource, String equipment,
      String description, Instant detectedAt, Instant beganAt, String externalAlertId, String relatedIncident) {
    this(clientId, siteIds, detectionSource, equipment, description, detectedAt, beganAt, externalAlertId,
        relatedIncident, false);
  }

  /** The process variables of the contract (see docs/incident.md), for a validated report. */
  Map<String, Object> variables(String reference, Client client, String reportedBy, Moments moments) {
    List<Client.Site> sites = siteIds.stream().map(id -> client.site(id).orElseThrow()).toList();
    Map<String, Object> v = new LinkedHashMap<>();
    REFERENCE.put(v, reference);
    CLIENT_ID.put(v, client.id());
    CLIENT_NAME.put(v, client.name());
    SITE_IDS.put(v, String.join(",", siteIds));
    SITES.put(v, sites.stream().map(Client.Site::name).collect(Collectors.joining(", ")));
    SITE_NAME.put(v, sites.isEmpty() ? null : sites.get(0).name());
    SITE_SELECTION.put(v, FormValues.json(siteIds));
    // the sites offered at qualification: the client's active ones, and the incident's own even if retired
    CLIENT_SITE_OPTIONS.put(v, FormValues.json(client.sites().stream()
        .filter(s -> !s.retired() || siteIds.contains(s.id()))
        .map(s -> Map.of("label", s.name(), "value", s.id())).toList()));
    DETECTION_SOURCE.put(v, detectionSource);
    DETECTION_SOURCE_LABEL.put(v, Code.find(DetectionSource.class, detectionSource).map(Code::label).orElse(null));
    EQUIPMENT.put(v, equipment);
    DESCRIPTION.put(v, description);
    DETECTED_AT.put(v, Moments.date(detectedAt));
    DETECTED_AT_LABEL.put(v, moments.wordsWithZone(detectedAt));
    BEGAN_AT.put(v, Moments.date(beganAt));
    EXTERNAL_ALERT_ID.put(v, externalAlertId);
    RELATED_INCIDENT.put(v, relatedIncident);
    REPORTED_BY.put(v, reportedBy);
    EXERCISE.put(v, exercise);
    return v;
  }
}
