package com.mileotech.cyber.incident;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The security incident register (tables of db/migration V10–V19). Called from process steps, it
 * takes part in the engine's transaction: a refused submission leaves no row behind.
 */
@Repository
class SecurityIncidentRepository {

  static final String STATUS_REPORTED = "signale";
  static final String STATUS_IN_PROGRESS = "en-traitement";
  static final String STATUS_CLOSED = "clos";

  private final JdbcClient jdbc;

  SecurityIncidentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(String reference, String processInstanceId, SecurityIncidentReport report, String reportedBy, Instant now) {
    jdbc.sql("""
        insert into security_incident (reference, process_instance_id, client_id, site_ids, detection_source,
          equipment, description, detected_at, began_at, external_alert_id, related_incident, reported_by,
          created_at, status) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(reference, processInstanceId, report.clientId(), String.join(",", report.siteIds()),
            report.detectionSource(), report.equipment(), report.description(), utc(report.detectedAt()),
            utc(report.beganAt()), report.externalAlertId(), report.relatedIncident(), reportedBy, utc(now),
            STATUS_REPORTED)
        .update();
    if (report.exercise()) {
      jdbc.sql("""
          update security_incident set exercise = true, exercise_origin = ?, exercise_recorded_by = ?,
            exercise_recorded_at = ? where reference = ?""")
          .params(EXERCISE_DECLARED, reportedBy, utc(now), reference).update();
    }
  }

  /** The exercise was declared in the report. */
  static final String EXERCISE_DECLARED = "signalement";
  /** The referent converted a reported incident into an exercise. */
  static final String EXERCISE_CONVERTED = "conversion";

  /** Who declared the incident an exercise, when, how ({@code origin}) and why; empty for a real incident. */
  record Exercise(String origin, String recordedBy, Instant recordedAt, String reason) {}

  Optional<Exercise> exercise(String reference) {
    return jdbc.sql("""
        select exercise_origin, exercise_recorded_by, exercise_recorded_at, exercise_reason from security_incident
        where reference = ? and exercise = true""")
        .param(reference)
        .query((rs, n) -> new Exercise(rs.getString(1), rs.getString(2),
            instant(rs.getObject(3, OffsetDateTime.class)), rs.getString(4)))
        .optional();
  }

  /** Converts a real incident into an exercise, once: false when it already was one (nothing changed). */
  boolean convertToExercise(String reference, String by, Instant at, String reason) {
    return jdbc.sql("""
        update security_incident set exercise = true, exercise_origin = ?, exercise_recorded_by = ?,
          exercise_recorded_at = ?, exercise_reason = ? where reference = ? and exercise = false""")
        .params(EXERCISE_CONVERTED, by, utc(at), reason, reference).update() == 1;
  }

  /** The qualification's answer on Mileo's own service (null parts and clients when not affected). */
  void recordMileoService(String reference, boolean affected, String parts, String otherClients) {
    jdbc.sql("""
        update security_incident set mileo_service_affected = ?, mileo_service_parts = ?, other_affected_clients = ?
        where reference = ?""")
        .params(affected, parts, otherClients, reference).update();
  }

  Optional<String> referenceOfAlert(String externalAlertId) {
    return jdbc.sql("select reference from security_incident where external_alert_id = ?")
        .param(externalAlertId).query(String.class).optional();
  }

  Optional<SecurityIncidentRecord> find(String reference) {
    return jdbc.sql("select * from security_incident where reference = ?").param(reference)
        .query((rs, n) -> new SecurityIncidentRecord(
            rs.getString("reference"), rs.getString("process_instance_id"), rs.getString("client_id"),
            List.of(rs.getString("site_ids").split(",")), rs.getString("detection_source"),
            rs.getString("equipment"), rs.getString("description"), instant(rs.getObject("detected_at", OffsetDateTime.class)),
            instant(rs.getObject("began_at", OffsetDateTime.class)), rs.getString("external_alert_id"),
            rs.getString("related_incident"), rs.getString("reported_by"), rs.getString("status"),
            rs.getString("nature"), rs.getString("severity"), (Boolean) rs.getObject("personal_data_involved"),
            instant(rs.getObject("awareness_at", OffsetDateTime.class)), (Integer) rs.getObject("qualification_version"),
            instant(rs.getObject("qualified_at", OffsetDateTime.class)), rs.getString("evidence_status"),
            instant(rs.getObject("returned_to_service_at", OffsetDateTime.class)),
            instant(rs.getObject("closed_at", OffsetDateTime.class)),
            rs.getObject("mttd_minutes") == null ? null : rs.getLong("mttd_minutes"),
            rs.getObject("mttr_minutes") == null ? null : rs.getLong("mttr_minutes"),
            rs.getString("lessons_learned_report"), instant(rs.getObject("lessons_learned_approved_at", OffsetDateTime.class)),
            rs.getString("follow_up_incident")))
        .optional();
  }

  void recordQualification(String reference, int version, String nature, String severity, boolean personalData,
      Instant awarenessAt, String siteIds, String affectedSystems, String reason, Instant qualifiedAt, String qualifiedBy) {
    jdbc.sql("""
        insert into security_incident_qualification (reference, version, nature, severity, personal_data_involved,
          awareness_at, site_ids, affected_systems, reason, qualified_at, qualified_by)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(reference, version, nature, severity, personalData, utc(awarenessAt), siteIds, affectedSystems,
            reason, utc(qualifiedAt), qualifiedBy)
        .update();
    jdbc.sql("""
        update security_incident set nature = ?, severity = ?, personal_data_involved = ?, awareness_at = ?,
          qualification_version = ?, qualified_at = ?, site_ids = ?, status = ? where reference = ?""")
        .params(nature, severity, personalData, utc(awarenessAt), version, utc(qualifiedAt), siteIds,
            STATUS_IN_PROGRESS, reference)
        .update();
  }

  /** Qualifications in order, for the chronology. */
  List<Qualification> qualifications(String reference) {
    return jdbc.sql("select * from security_incident_qualification where reference = ? order by version")
        .param(reference)
        .query((rs, n) -> new Qualification(rs.getInt("version"), rs.getString("nature"), rs.getString("severity"),
            rs.getBoolean("personal_data_involved"), instant(rs.getObject("awareness_at", OffsetDateTime.class)),
            rs.getString("affected_systems"), rs.getString("reason"),
            instant(rs.getObject("qualified_at", OffsetDateTime.class)), rs.getString("qualified_by")))
        .list();
  }

  /** Replaces the evidence list of the incident (a retried step writes the same rows again). */
  void recordEvidence(String reference, List<EvidenceItem> items, String status, String waiverReason,
      String recordedBy, Instant recordedAt, LegalHold hold) {
    jdbc.sql("delete from security_incident_evidence where reference = ?").param(reference).update();
    for (int i = 0; i < items.size(); i++) {
      EvidenceItem item = items.get(i);
      jdbc.sql("""
          insert into security_incident_evidence (reference, position, kind, description, storage_location, sha256,
            captured_by, captured_at, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(reference, i + 1, item.kind(), item.description(), item.storageLocation(), item.sha256(),
              item.capturedBy(), utc(item.capturedAt()), recordedBy, utc(recordedAt))
          .update();
    }
    jdbc.sql("""
        update security_incident set evidence_status = ?, evidence_waiver_reason = ?, evidence_recorded_by = ?,
          evidence_recorded_at = ?, video_legal_hold_ground = ?, video_legal_hold_justification = ?,
          video_legal_hold_until = ? where reference = ?""")
        .params(status, waiverReason, recordedBy, utc(recordedAt), hold == null ? null : hold.ground(),
            hold == null ? null : hold.justification(), hold == null ? null : hold.until(), reference)
        .update();
  }

  List<EvidenceItem> evidence(String reference) {
    return jdbc.sql("select * from security_incident_evidence where reference = ? order by position").param(reference)
        .query((rs, n) -> new EvidenceItem(rs.getString("kind"), rs.getString("description"),
            rs.getString("storage_location"), rs.getString("sha256"), rs.getString("captured_by"),
            instant(rs.getObject("captured_at", OffsetDateTime.class))))
        .list();
  }

  Optional<LegalHold> legalHold(String reference) {
    return jdbc.sql("""
        select video_legal_hold_ground, video_legal_hold_justification, video_legal_hold_until
        from security_incident where reference = ? and video_legal_hold_ground is not null""")
        .param(reference)
        .query((rs, n) -> new LegalHold(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class)))
        .optional();
  }

  void close(String reference, Instant returnedToServiceAt, Instant closedAt, Long mttd, long mttr) {
    jdbc.sql("""
        update security_incident set returned_to_service_at = ?, closed_at = ?, mttd_minutes = ?, mttr_minutes = ?,
          status = ? where reference = ?""")
        .params(utc(returnedToServiceAt), utc(closedAt), mttd, mttr, STATUS_CLOSED, reference)
        .update();
  }

  /**
   * The approval of the lessons learned. The report itself is part of the incident file (feature
   * casefile, table incident_file); lessons_learned_report keeps the text of incidents approved before.
   */
  void storeLessonsLearnedApproval(String reference, Instant approvedAt, String approvedBy) {
    jdbc.sql("""
        update security_incident set lessons_learned_approved_at = ?, lessons_learned_approved_by = ?
        where reference = ?""")
        .params(utc(approvedAt), approvedBy, reference)
        .update();
  }

  void recordFollowUp(String reference, String followUpReference) {
    jdbc.sql("update security_incident set follow_up_incident = ? where reference = ?")
        .params(followUpReference, reference).update();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }

  /** One qualification of the incident. */
  record Qualification(int version, String nature, String severity, boolean personalDataInvolved, Instant awarenessAt,
      String affectedSystems, String reason, Instant qualifiedAt, String qualifiedBy) {}

  /** One captured piece of evidence. */
  record EvidenceItem(String kind, String description, String storageLocation, String sha256, String capturedBy,
      Instant capturedAt) {}

  /** Video footage kept past the purge: why, and until when. */
  record LegalHold(String ground, String justification, LocalDate until) {}
}
