package com.mileotech.cyber.notification;

import static com.mileotech.cyber.system.DbTime.instant;
import static com.mileotech.cyber.system.DbTime.utc;

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

  void clientInformed(String id, Instant at, String how, Instant clientAwarenessAt) {
    jdbc.sql("update regulatory_notification set client_informed_at = ?, client_informed_how = ?, client_awareness_at = ? where id = ?")
        .params(utc(at), how, utc(clientAwarenessAt), id).update();
  }

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

  void decision(String id, String status, String reason) {
    jdbc.sql("update regulatory_notification set status = ?, decision_reason = ? where id = ?").params(status, reason, id).update();
  }

  void dataSubjects(String id, String decision, Instant decidedAt, String details) {
    jdbc.sql("update regulatory_notification set data_subjects_decision = ?, data_subjects_decided_at = ?, data_subjects_details = ? where id = ?")
        .params(decision, utc(decidedAt), details, id).update();
  }

  void close(String id, Instant at) {
    jdbc.sql("update regulatory_notification set closed_at = ?, status = case when status = 'non-requise' then status else 'close' end where id = ?")
        .params(utc(at), id).update();
  }

  /** A report whose clock starts now, to be filed by {@code dueAt}. */
  void openReport(String id, ReportKind kind, Instant dueAt) {
    jdbc.sql("insert into regulatory_report (notification_id, kind, due_at, opened_at) values (?, ?, ?, ?)")
        .params(id, kind.code(), utc(dueAt), utc(now())).update();
  }

  /** Records a filed report: the open one of that kind if any, else a new row (a report without deadline). */
  Report fileReport(String id, ReportKind kind, Instant submittedAt, String submittedBy, String receiptReference,
      String delayReasons, String content) {
    Optional<Long> open = jdbc.sql("select id from regulatory_report where notification_id = ? and kind = ? and submitted_at is null order by id")
        .params(id, kind.code()).query(Long.class).list().stream().findFirst();
    long reportId = open.orElseGet(() -> {
      jdbc.sql("insert into regulatory_report (notification_id, kind, opened_at) values (?, ?, ?)")
          .params(id, kind.code(), utc(now())).update();
      return jdbc.sql("select max(id) from regulatory_report where notification_id = ? and kind = ?")
          .params(id, kind.code()).query(Long.class).single();
    });
    Instant dueAt = jdbc.sql("select due_at from regulatory_report where id = ?").param(reportId)
        .query((rs, n) -> Optional.ofNullable(instant(rs, 1))).single().orElse(null);
    Boolean onTime = dueAt == null ? null : !submittedAt.isAfter(dueAt);
    Long lateBy = dueAt == null || !submittedAt.isAfter(dueAt) ? null
        : java.time.Duration.between(dueAt, submittedAt).toMinutes();
    jdbc.sql("""
        update regulatory_report set submitted_at = ?, submitted_by = ?, receipt_reference = ?, on_time = ?,
          late_by_minutes = ?, delay_reasons = ?, content = ?, recorded_at = ? where id = ?""")
        .params(utc(submittedAt), submittedBy, receiptReference, onTime, lateBy, delayReasons, content,
            utc(now()), reportId)
        .update();
    return new Report(kind.code(), kind.label(), dueAt, submittedAt, submittedBy, receiptReference, onTime, lateBy, delayReasons);
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
            instant(rs, "mileo_awareness_at"), instant(rs, "client_informed_at"),
            rs.getString("client_informed_how"), instant(rs, "client_awareness_at"),
            rs.getString("risk_to_persons") == null && rs.getString("breach_nature") == null ? null
                : new BreachFacts(rs.getString("breach_nature"), rs.getString("persons_categories"),
                    (Integer) rs.getObject("persons_count"), rs.getString("records_categories"),
                    (Integer) rs.getObject("records_count"), rs.getString("likely_consequences"),
                    rs.getString("measures"), rs.getString("risk_to_persons")),
            rs.getString("decision_reason"), rs.getString("data_subjects_decision"),
            instant(rs, "data_subjects_decided_at"), rs.getString("data_subjects_details"),
            instant(rs, "closed_at"), List.of()))
        .list().stream()
        .map(notification -> notification.withReports(reports(notification.id())))
        .toList();
  }

  private List<Report> reports(String notificationId) {
    return jdbc.sql("select * from regulatory_report where notification_id = ? order by id").param(notificationId)
        .query((rs, n) -> {
          ReportKind kind = ReportKind.of(rs.getString("kind"));
          return new Report(kind.code(), kind.label(), instant(rs, "due_at"),
              instant(rs, "submitted_at"), rs.getString("submitted_by"), rs.getString("receipt_reference"),
              (Boolean) rs.getObject("on_time"), (Long) rs.getObject("late_by_minutes"), rs.getString("delay_reasons"));
        })
        .list();
  }

  private static Instant now() {
    return org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant();
  }

  /** What GDPR art. 33(3) asks of a breach notification. */
  record BreachFacts(String nature, String personsCategories, Integer personsCount, String recordsCategories,
      Integer recordsCount, String consequences, String measures, String riskToPersons) {}

  /** One report owed or made. {@code onTime} is null until filed, or when the report has no deadline. */
  record Report(String kind, String label, Instant dueAt, Instant submittedAt, String submittedBy,
      String receiptReference, Boolean onTime, Long lateByMinutes, String delayReasons) {}

  /** One obligation of one incident towards one authority. */
  record Notification(String id, String incidentReference, String clientId, String authority, String procedure,
      String legalBasis, String status, Instant mileoAwarenessAt, Instant clientInformedAt, String clientInformedHow,
      Instant clientAwarenessAt, BreachFacts breachFacts, String decisionReason, String dataSubjectsDecision,
      Instant dataSubjectsDecidedAt, String dataSubjectsDetails, Instant closedAt, List<Report> reports) {

    Notification withReports(List<Report> all) {
      return new Notification(id, incidentReference, clientId, authority, procedure, legalBasis, status, mileoAwarenessAt,
          clientInformedAt, clientInformedHow, clientAwarenessAt, breachFacts, decisionReason, dataSubjectsDecision,
          dataSubjectsDecidedAt, dataSubjectsDetails, closedAt, all);
    }
  }
}
