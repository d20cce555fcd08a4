package com.mileotech.cyber.incident;

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
    String relatedIncident) {

  SecurityIncidentReport {
    siteIds = siteIds == null ? List.of() : siteIds.stream().filter(Objects::nonNull).toList();
  }

  /** The process variables of the contract (see docs/incident.md), for a validated report. */
  Map<String, Object> variables(String reference, Client client, String reportedBy, Moments moments) {
    List<Client.Site> sites = siteIds.stream().map(id -> client.site(id).orElseThrow()).toList();
    Map<String, Object> v = new LinkedHashMap<>();
    v.put(Variables.REFERENCE, reference);
    v.put(Variables.CLIENT_ID, client.id());
    v.put(Variables.CLIENT_NAME, client.name());
    v.put(Variables.SITE_IDS, String.join(",", siteIds));
    v.put(Variables.SITES, sites.stream().map(Client.Site::name).collect(Collectors.joining(", ")));
    v.put(Variables.SITE_NAME, sites.isEmpty() ? null : sites.get(0).name());
    v.put(Variables.SITE_SELECTION, Values.json(siteIds));
    // the sites offered at qualification: the client's active ones, and the incident's own even if retired
    v.put(Variables.CLIENT_SITE_OPTIONS, Values.json(client.sites().stream()
        .filter(s -> !s.retired() || siteIds.contains(s.id()))
        .map(s -> Map.of("label", s.name(), "value", s.id())).toList()));
    v.put(Variables.DETECTION_SOURCE, detectionSource);
    v.put(Variables.DETECTION_SOURCE_LABEL, Code.find(DetectionSource.class, detectionSource).map(Code::label).orElse(null));
    v.put(Variables.EQUIPMENT, equipment);
    v.put(Variables.DESCRIPTION, description);
    v.put(Variables.DETECTED_AT, Moments.date(detectedAt));
    v.put(Variables.DETECTED_AT_LABEL, moments.wordsWithZone(detectedAt));
    v.put(Variables.BEGAN_AT, Moments.date(beganAt));
    v.put(Variables.EXTERNAL_ALERT_ID, externalAlertId);
    v.put(Variables.RELATED_INCIDENT, relatedIncident);
    v.put(Variables.REPORTED_BY, reportedBy);
    return v;
  }
}
