package com.mileotech.cyber.notification;

import static com.mileotech.cyber.system.DbTime.instant;
import static com.mileotech.cyber.system.DbTime.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The register of regulatory notifications (GDPR art. 33(5)): every obligation assessed for an
 * incident, notified or not, with its facts, decision and reasons, and each report filed.
 * Written in the transaction of the process step that decides it.
 */
@Repository
class NotificationRegister {

  private final JdbcClient jdbc;

  NotificationRegister(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  boolean exists(String id) {
    return jdbc.sql("select count(*) from regulatory_notification where id = ?").param(id).query(Long.class).single() > 0;
  }

  void create(String id, String incidentReference, String clientId, String authority, String procedure,
      String legalBasis, Instant mileoAwarenessAt) {
    jdbc.sql("""
        insert into regulatory_notification (id, incident_reference, client_id, authority, procedure_code, legal_basis,
          status, mileo_awareness_at, created_at) values (?, ?, ?, ?, ?, ?, 'en-cours', ?, ?)""")
        .params(id, incidentReference, clientId, authority, procedure, legalBasis, utc(mileoAwarenessAt), utc(now()))
        .update();
  }

  void processInstance(String id, String processInstanceId) {
    jdbc.sql("update regulatory_notification set process_instance_id = ? where id = ?").params(processInstanceId, id).update();
  }

  /** The deadline to tell the client (GDPR art. 33(2), "sans délai" from Mileo's awareness). */
  void clientInformationDue(String id, Instant dueAt) {
    jdbc.sql("update regulatory_notification set client_information_due_at = ? where id = ?").params(utc(dueAt), id).update();
  }

  /**
   * The client was told: when, how, by whom at Mileo, whether within the deadline; the client's
   * own awareness that follows, and the earliest awareness known, where the authority's clocks start.
   */
  void clientInformed(String id, ClientInformation information) {
    jdbc.sql("""
        update regulatory_notification set client_informed_at = ?, client_informed_how = ?, client_awareness_at = ?,
          client_informed_by = ?, client_informed_channel = ?, client_information_on_time = ?, earliest_awareness_at = ?
        where id = ?""")
        .params(utc(information.informedAt()), information.how(), utc(information.clientAwarenessAt()),
            information.informedBy(), information.channel(), information.onTime(),
            utc(information.earliestAwarenessAt()), id)
        .update();
  }

  record ClientInformation(Instant informedAt, String how, String informedBy, String channel, Boolean onTime,
      Instant clientAwarenessAt, Instant earliestAwarenessAt) {}

  /** The facts of a personal data breach as drafted for the CNIL (kept whether notified or not). */
  void breachFacts(String id, BreachFacts facts) {
    jdbc.sql("""
        update regulatory_notification set breach_nature = ?, persons_categories = ?, persons_count = ?,
          records_categories = ?, records_count = ?, likely_consequences = ?, measures = ?, risk_to_persons = ?
        where id = ?""")
        .params(facts.nature(), facts.personsCategories(), facts.personsCount(), facts.recordsCategories(),
            facts.recordsCount(), facts.consequences(), facts.measures(), facts.riskToPersons(), id)
        .update();
  }

  /** The client's decision (filed, or not required), by the client's RSSI ({@code by}) or recorded for the client by the referent. */
  void decision(String id, String status, String reason, String by, String recordedBy) {
    jdbc.sql("update regulatory_notification set status = ?, decision_reason = ?, decision_by = ?, decision_recorded_by = ? where id = ?")
        .params(status, reason, by, recordedBy, id).update();
  }

  void dataSubjects(String id, String decision, Instant decidedAt, String details, String by, String recordedBy) {
    jdbc.sql("""
        update regulatory_notification set data_subjects_decision = ?, data_subjects_decided_at = ?, data_subjects_details = ?,
          data_subjects_decided_by = ?, data_subjects_recorded_by = ? where id = ?""")
        .params(decision, utc(decidedAt), details, by, recordedBy, id).update();
  }

  void close(String id, Instant at) {
    jdbc.sql("update regulatory_notification set closed_at = ?, status = case when status = 'non-requise' then status else 'close' end where id = ?")
        .params(utc(at), id).update();
  }

  /**
   * A report whose clock starts now: due internally at {@code dueAt} (counted from the earliest
   * awareness), lawfully at the latest at {@code legalDueAt} (counted from the client's awareness).
   */
  void openReport(String id, ReportKind kind, Instant dueAt, Instant legalDueAt) {
    jdbc.sql("insert into regulatory_report (notification_id, kind, due_at, legal_due_at, opened_at) values (?, ?, ?, ?, ?)")
        .params(id, kind.code(), utc(dueAt), utc(legalDueAt), utc(now())).update();
  }

  /**
   * Records a filed report: the open one of that kind if any, else a new row (a report without
   * deadline). {@code filedBy}: the client's RSSI who filed, or null when the referent records a
   * filing the client made; {@code recordedBy}: who recorded it.
   */
  Report fileReport(String id, ReportKind kind, Instant submittedAt, String filedBy, String recordedBy,
      String receiptReference, String delayReasons, String content) {
    Optional<Long> open = jdbc.sql("select id from regulatory_report where notification_id = ? and kind = ? and submitted_at is null order by id")
        .params(id, kind.code()).query(Long.class).list().stream().findFirst();
    long reportId = open.orElseGet(() -> {
      jdbc.sql("insert into regulatory_report (notification_id, kind, opened_at) values (?, ?, ?)")
          .params(id, kind.code(), utc(now())).update();
      return jdbc.sql("select max(id) from regulatory_report where notification_id = ? and kind = ?")
          .params(id, kind.code()).query(Long.class).single();
    });
    Instant[] due = jdbc.sql("select due_at, legal_due_at from regulatory_report where id = ?").param(reportId)
        .query((rs, n) -> new Instant[] {instant(rs, "due_at"), instant(rs, "legal_due_at")}).single();
    Instant dueAt = due[0];
    Instant legalDueAt = due[1] != null ? due[1] : dueAt;
    Boolean onTime = dueAt == null ? null : !submittedAt.isAfter(dueAt);
    Long lateBy = lateBy(dueAt, submittedAt);
    Boolean legallyOnTime = legalDueAt == null ? null : !submittedAt.isAfter(legalDueAt);
    Long legallyLateBy = lateBy(legalDueAt, submittedAt);
    jdbc.sql("""
        update regulatory_report set submitted_at = ?, submitted_by = ?, recorded_by = ?, receipt_reference = ?, on_time = ?,
          late_by_minutes = ?, legally_on_time = ?, legally_late_by_minutes = ?, delay_reasons = ?, content = ?,
          recorded_at = ? where id = ?""")
        .params(utc(submittedAt), filedBy, recordedBy, receiptReference, onTime, lateBy, legallyOnTime, legallyLateBy,
            delayReasons, content, utc(now()), reportId)
        .update();
    return new Report(kind.code(), kind.label(), dueAt, legalDueAt, submittedAt, filedBy, recordedBy, receiptReference,
        onTime, lateBy, legallyOnTime, legallyLateBy, verdict(onTime, legallyOnTime), delayReasons);
  }

  private static Long lateBy(Instant dueAt, Instant submittedAt) {
    return dueAt == null || !submittedAt.isAfter(dueAt) ? null : Duration.between(dueAt, submittedAt).toMinutes();
  }

  /** What the register says of a filing, in the words of an audit. */
  static String verdict(Boolean onTime, Boolean legallyOnTime) {
    if (onTime == null) {
      return null;
    }
    if (onTime) {
      return "dans le délai";
    }
    return Boolean.FALSE.equals(legallyOnTime) ? "hors délai légal" : "hors délai interne, dans le délai légal";
  }

  Optional<Instant> openReportDue(String id, ReportKind kind) {
    return jdbc.sql("select due_at from regulatory_report where notification_id = ? and kind = ? and submitted_at is null order by id")
        .params(id, kind.code())
        .query((rs, n) -> Optional.ofNullable(instant(rs, 1))).list().stream().flatMap(Optional::stream)
        .findFirst();
  }

  List<Notification> forIncident(String incidentReference) {
    return jdbc.sql("select * from regulatory_notification where incident_reference = ? order by authority")
        .param(incidentReference)
        .query((rs, n) -> new Notification(
            rs.getString("id"), rs.getString("incident_reference"), rs.getString("client_id"), rs.getString("authority"),
            rs.getString("procedure_code"), rs.getString("legal_basis"), rs.getString("status"),
            instant(rs, "mileo_awareness_at"), instant(rs, "earliest_awareness_at"),
            instant(rs, "client_information_due_at"), instant(rs, "client_informed_at"),
            (Boolean) rs.getObject("client_information_on_time"), rs.getString("client_informed_by"),
            rs.getString("client_informed_channel"), rs.getString("client_informed_how"),
            instant(rs, "client_awareness_at"),
            rs.getString("risk_to_persons") == null && rs.getString("breach_nature") == null ? null
                : new BreachFacts(rs.getString("breach_nature"), rs.getString("persons_categories"),
                    (Integer) rs.getObject("persons_count"), rs.getString("records_categories"),
                    (Integer) rs.getObject("records_count"), rs.getString("likely_consequences"),
                    rs.getString("measures"), rs.getString("risk_to_persons")),
            rs.getString("decision_reason"), rs.getString("decision_by"), rs.getString("decision_recorded_by"),
            rs.getString("data_subjects_decision"), instant(rs, "data_subjects_decided_at"),
            rs.getString("data_subjects_details"), rs.getString("data_subjects_decided_by"),
            rs.getString("data_subjects_recorded_by"), instant(rs, "closed_at"), List.of()))
        .list().stream()
        .map(notification -> notification.withReports(reports(notification.id())))
        .toList();
  }

  private List<Report> reports(String notificationId) {
    return jdbc.sql("select * from regulatory_report where notification_id = ? order by id").param(notificationId)
        .query((rs, n) -> {
          ReportKind kind = ReportKind.of(rs.getString("kind"));
          Boolean onTime = (Boolean) rs.getObject("on_time");
          Boolean legallyOnTime = (Boolean) rs.getObject("legally_on_time");
          return new Report(kind.code(), kind.label(), instant(rs, "due_at"), instant(rs, "legal_due_at"),
              instant(rs, "submitted_at"), rs.getString("submitted_by"), rs.getString("recorded_by"),
              rs.getString("receipt_reference"), onTime, nullableLong(rs, "late_by_minutes"), legallyOnTime,
              nullableLong(rs, "legally_late_by_minutes"), verdict(onTime, legallyOnTime), rs.getString("delay_reasons"));
        })
        .list();
  }

  // ------------------------------------------------------------------ issue 18: exercises, Mileo's own duties

  /**
   * Mileo's own duty ({@code obligor} "mileo") beside the client's of the same incident and
   * authority; {@code clientId}: Mileo's own id (mileo.provider.id), never a client's.
   */
  void createProviderDuty(String id, String incidentReference, String clientId, String authority, String procedure,
      String legalBasis, Instant mileoAwarenessAt, String obligor, boolean exercise) {
    jdbc.sql("""
        insert into regulatory_notification (id, incident_reference, client_id, authority, procedure_code, legal_basis,
          status, mileo_awareness_at, created_at, obligor, exercise, earliest_awareness_at, client_awareness_at)
        values (?, ?, ?, ?, ?, ?, 'en-cours', ?, ?, ?, ?, ?, ?)""")
        .params(id, incidentReference, clientId, authority, procedure, legalBasis, utc(mileoAwarenessAt), utc(now()),
            obligor, exercise, utc(mileoAwarenessAt), utc(mileoAwarenessAt))
        .update();
  }

  /** The duty belongs to an exercise: rehearsed, kept apart, counted nowhere. */
  void markExercise(String id) {
    jdbc.sql("update regulatory_notification set exercise = true where id = ?").param(id).update();
  }

  /** Every duty of the incident belongs to an exercise (its conversion). */
  void markIncidentExercise(String incidentReference) {
    jdbc.sql("update regulatory_notification set exercise = true where incident_reference = ?")
        .param(incidentReference).update();
  }

  /** Whether a filing to an authority was recorded for the incident (a real filing cannot be unsaid). */
  boolean anyFiling(String incidentReference) {
    return jdbc.sql("""
        select count(*) from regulatory_report r join regulatory_notification n on n.id = r.notification_id
        where n.incident_reference = ? and r.submitted_at is not null""")
        .param(incidentReference).query(Long.class).single() > 0;
  }

  /** Whose duty it is ("client" or "mileo") and whether it is an exercise's, by notification id. */
  record Flags(String obligor, boolean exercise) {}

  java.util.Map<String, Flags> flags(String incidentReference) {
    java.util.Map<String, Flags> flags = new java.util.HashMap<>();
    jdbc.sql("select id, obligor, exercise from regulatory_notification where incident_reference = ?")
        .param(incidentReference)
        .query((rs, n) -> flags.put(rs.getString("id"), new Flags(rs.getString("obligor"), rs.getBoolean("exercise"))))
        .list();
    return flags;
  }

  private static Instant now() {
    return org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant();
  }

  private static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  /** What GDPR art. 33(3) asks of a breach notification. */
  record BreachFacts(String nature, String personsCategories, Integer personsCount, String recordsCategories,
      Integer recordsCount, String consequences, String measures, String riskToPersons) {}

  /**
   * One report owed or made. {@code dueAt}: the internal deadline, from the earliest awareness;
   * {@code legalDueAt}: the latest lawful filing time, from the client's own awareness.
   * {@code onTime} / {@code legallyOnTime} are null until filed, or when the report has no
   * deadline. {@code submittedBy}: the client's RSSI who filed, null when {@code recordedBy} (the
   * referent) recorded a filing the client made. {@code verdict}: "dans le délai", "hors délai
   * interne, dans le délai légal" or "hors délai légal".
   */
  record Report(String kind, String label, Instant dueAt, Instant legalDueAt, Instant submittedAt, String submittedBy,
      String recordedBy, String receiptReference, Boolean onTime, Long lateByMinutes, Boolean legallyOnTime,
      Long legallyLateByMinutes, String verdict, String delayReasons) {}

  /**
   * One obligation of one incident towards one authority. {@code mileoAwarenessAt}: when Mileo
   * became aware; {@code clientAwarenessAt}: when the client did (told by Mileo, art. 33(2), or
   * earlier when it reported the incident itself); {@code earliestAwarenessAt}: the earlier of the
   * two, where the internal clocks start. {@code clientInformationDueAt} / {@code clientInformedOnTime}:
   * Mileo's own deadline to tell the client, and whether it was kept.
   */
  record Notification(String id, String incidentReference, String clientId, String authority, String procedure,
      String legalBasis, String status, Instant mileoAwarenessAt, Instant earliestAwarenessAt,
      Instant clientInformationDueAt, Instant clientInformedAt, Boolean clientInformedOnTime, String clientInformedBy,
      String clientInformedChannel, String clientInformedHow, Instant clientAwarenessAt, BreachFacts breachFacts,
      String decisionReason, String decisionBy, String decisionRecordedBy, String dataSubjectsDecision,
      Instant dataSubjectsDecidedAt, String dataSubjectsDetails, String dataSubjectsDecidedBy,
      String dataSubjectsRecordedBy, Instant closedAt, List<Report> reports) {

    Notification withReports(List<Report> all) {
      return new Notification(id, incidentReference, clientId, authority, procedure, legalBasis, status, mileoAwarenessAt,
          earliestAwarenessAt, clientInformationDueAt, clientInformedAt, clientInformedOnTime, clientInformedBy,
          clientInformedChannel, clientInformedHow, clientAwarenessAt, breachFacts, decisionReason, decisionBy,
          decisionRecordedBy, dataSubjectsDecision, dataSubjectsDecidedAt, dataSubjectsDetails, dataSubjectsDecidedBy,
          dataSubjectsRecordedBy, closedAt, all);
    }

    /** Whether Mileo told the client in time, in words (null while the deadline runs or when none was set). */
    @com.fasterxml.jackson.annotation.JsonProperty("clientInformationVerdict")
    public String clientInformationVerdict() {
      return clientInformedOnTime == null ? null : clientInformedOnTime ? "dans le délai" : "hors délai";
    }
  }
}
