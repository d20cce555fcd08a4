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
    // client_information_of is unique: one telling per incident (V121), whoever completes first
    jdbc.sql("""
        update regulatory_notification set client_informed_at = ?, client_informed_how = ?, client_awareness_at = ?,
          client_informed_by = ?, client_informed_channel = ?, client_information_on_time = ?, earliest_awareness_at = ?,
          client_information_of = incident_reference, client_informed_through = null
        where id = ?""")
        .params(utc(information.informedAt()), information.how(), utc(information.clientAwarenessAt()),
            information.informedBy(), information.channel(), information.onTime(),
            utc(information.earliestAwarenessAt()), id)
        .update();
  }

  /**
   * The client was already told through the notification {@code throughId} of the same incident: this
   * duty records that same information, judged against its own deadline (V121).
   */
  void clientInformedThrough(String id, ClientInformation information, String throughId) {
    jdbc.sql("""
        update regulatory_notification set client_informed_at = ?, client_informed_how = ?, client_awareness_at = ?,
          client_informed_by = ?, client_informed_channel = ?, client_information_on_time = ?, earliest_awareness_at = ?,
          client_information_of = null, client_informed_through = ?
        where id = ?""")
        .params(utc(information.informedAt()), information.how(), utc(information.clientAwarenessAt()),
            information.informedBy(), information.channel(), information.onTime(),
            utc(information.earliestAwarenessAt()), throughId, id)
        .update();
  }

  record ClientInformation(Instant informedAt, String how, String informedBy, String channel, Boolean onTime,
      Instant clientAwarenessAt, Instant earliestAwarenessAt) {}

  /**
   * How the client of an incident was told, once for all its duties: on the notification through which
   * it was told ({@code notificationId}, {@code authority}).
   */
  record IncidentClientInformation(String notificationId, String authority, Instant informedAt, String how,
      String informedBy, String channel, Instant clientAwarenessAt) {}

  /**
   * Whether the client of the incident was already told, through which of its duties: the earliest
   * telling recorded on a duty of the client's (Mileo's own duties tell no client). Duties recorded
   * before V121 may each hold one: the first counts.
   */
  Optional<IncidentClientInformation> clientInformation(String incidentReference) {
    return jdbc.sql("""
        select id, authority, client_informed_at, client_informed_how, client_informed_by, client_informed_channel,
          client_awareness_at from regulatory_notification
        where incident_reference = ? and obligor = 'client' and client_informed_at is not null
          and client_informed_through is null
        order by client_informed_at, id""")
        .param(incidentReference)
        .query((rs, n) -> new IncidentClientInformation(rs.getString("id"), rs.getString("authority"),
            instant(rs, "client_informed_at"), rs.getString("client_informed_how"), rs.getString("client_informed_by"),
            rs.getString("client_informed_channel"), instant(rs, "client_awareness_at")))
        .list().stream().findFirst();
  }

  /** The authorities whose duties the telling recorded on {@code id} answers: its own, then those that copied it. */
  List<String> authoritiesInformedThrough(String id) {
    return jdbc.sql("""
        select authority from regulatory_notification where id = ? or client_informed_through = ?
        order by case when id = ? then 0 else 1 end, authority, id""")
        .params(id, id, id).query(String.class).list().stream().distinct().toList();
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

  /**
   * The client's decision (filed, or not required), by the client's RSSI ({@code by}) or recorded for
   * the client by the referent: a new version of the decision ({@link #decide}) with no assessment.
   */
  void decision(String id, String status, String reason, String by, String recordedBy) {
    decide(id, new DecisionInput(status, CLIENT, by, recordedBy, now(), null, reason, null, null, null));
  }

  /** Who decides whether to notify: the client as controller, or Mileo (the referent) for its own assessment. */
  static final String CLIENT = "client";
  static final String MILEO = "mileo";

  /**
   * One decision whether to notify ({@code decision}: "deposee" or "non-requise"), as a person made
   * it: {@code decidedBy} (null when the referent records the client's decision), {@code recordedBy},
   * {@code decidedAt} (server time), the assessment of the risk to the persons it rests on, who
   * approved it, and the qualification (version, occasion) it answers.
   */
  record DecisionInput(String decision, String deciderRole, String decidedBy, String recordedBy, Instant decidedAt,
      String riskToPersons, String riskAssessment, String approvedBy, Integer qualificationVersion, String occasion) {}

  /**
   * Records a new version of the decision (append-only: the previous version is superseded, never
   * changed) and sets the notification's status to it. Returns the version number.
   */
  int decide(String id, DecisionInput input) {
    Optional<long[]> previous = jdbc.sql("""
        select id, version from notification_decision where notification_id = ? order by version desc""")
        .param(id).query((rs, n) -> new long[] {rs.getLong("id"), rs.getLong("version")}).list().stream().findFirst();
    int version = previous.map(p -> (int) p[1] + 1).orElse(1);
    jdbc.sql("""
        insert into notification_decision (notification_id, version, decision, decider_role, decided_by, recorded_by,
          decided_at, risk_to_persons, risk_assessment, approved_by, qualification_version, occasion, supersedes_id)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(id, version, input.decision(), input.deciderRole(), input.decidedBy(), input.recordedBy(),
            utc(input.decidedAt()), input.riskToPersons(), input.riskAssessment(), input.approvedBy(),
            input.qualificationVersion(), input.occasion(), previous.map(p -> p[0]).orElse(null))
        .update();
    status(id, input.decision());
    return version;
  }

  /** The notification's state: "en-cours", "a-reexaminer", "deposee", "non-requise", "close". */
  void status(String id, String status) {
    jdbc.sql("update regulatory_notification set status = ? where id = ?").params(status, id).update();
  }

  String status(String id) {
    return jdbc.sql("select status from regulatory_notification where id = ?").param(id).query(String.class).optional()
        .orElse(null);
  }

  /** Every version of the decision whether to notify, the first first. */
  List<Decision> decisions(String notificationId) {
    List<Decision> all = jdbc.sql("select * from notification_decision where notification_id = ? order by version")
        .param(notificationId)
        .query((rs, n) -> new Decision(rs.getInt("version"), rs.getString("decision"),
            DECISION_LABELS.getOrDefault(rs.getString("decision"), rs.getString("decision")),
            rs.getString("decider_role"), rs.getString("decided_by"), rs.getString("recorded_by"),
            instant(rs, "decided_at"), rs.getString("risk_to_persons"), rs.getString("risk_assessment"),
            rs.getString("approved_by"), (Integer) rs.getObject("qualification_version"), rs.getString("occasion"),
            null, false))
        .list();
    return java.util.stream.IntStream.range(0, all.size())
        .mapToObj(i -> all.get(i).withSuccessor(i + 1 < all.size() ? all.get(i + 1).version() : null))
        .toList();
  }

  static final java.util.Map<String, String> DECISION_LABELS = java.util.Map.of(
      "deposee", "notifiée à l'autorité", "non-requise", "non notifiée (risque improbable pour les personnes)");

  /**
   * One version of the decision whether to notify. {@code decidedBy} null: the referent recorded
   * the client's decision. {@code supersededBy}: the version that replaced it (null: current).
   */
  record Decision(int version, String decision, String label, String deciderRole, String decidedBy, String recordedBy,
      Instant decidedAt, String riskToPersons, String riskAssessment, String approvedBy, Integer qualificationVersion,
      String occasion, Integer supersededBy, boolean current) {

    Decision withSuccessor(Integer next) {
      return new Decision(version, decision, label, deciderRole, decidedBy, recordedBy, decidedAt, riskToPersons,
          riskAssessment, approvedBy, qualificationVersion, occasion, next, next == null);
    }
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
   * The client-ready text of a report as drafted (the authority's form, {@link FilingTexts}), kept on
   * the duty until it is filed: the open report of that kind, or a new one without deadline.
   */
  long draftText(String id, ReportKind kind, String text) {
    long reportId = openOrNewReport(id, kind);
    jdbc.sql("update regulatory_report set content = ? where id = ?").params(text, reportId).update();
    return reportId;
  }

  private long openOrNewReport(String id, ReportKind kind) {
    Optional<Long> open = jdbc.sql("select id from regulatory_report where notification_id = ? and kind = ? and submitted_at is null order by id")
        .params(id, kind.code()).query(Long.class).list().stream().findFirst();
    return open.orElseGet(() -> {
      jdbc.sql("insert into regulatory_report (notification_id, kind, opened_at) values (?, ?, ?)")
          .params(id, kind.code(), utc(now())).update();
      return jdbc.sql("select max(id) from regulatory_report where notification_id = ? and kind = ?")
          .params(id, kind.code()).query(Long.class).single();
    });
  }

  /** The channel of a filing when none is said: the authority's online service. */
  static String defaultChannel(String authority) {
    return "CNIL".equals(authority) ? "teleservice-cnil" : "declaration-anssi";
  }

  static final java.util.Map<String, String> CHANNELS = java.util.Map.of(
      "teleservice-cnil", "téléservice de notification de violations de la CNIL",
      "declaration-anssi", "déclaration d'incident à l'ANSSI (CERT-FR)",
      "courriel", "courriel", "courrier", "courrier", "telephone", "téléphone (confirmé par écrit)");

  Report fileReport(String id, ReportKind kind, Instant submittedAt, String filedBy, String recordedBy,
      String receiptReference, String delayReasons, String text) {
    return fileReport(id, kind, submittedAt, filedBy, recordedBy, receiptReference, delayReasons, text, null);
  }

  /**
   * Records the first filing of a report (the open one of that kind if any, else a new row: a
   * report without deadline): the duty's lateness is computed here, once, and never changes after
   * (a correction is a new row of the log, {@link #correctFiling}). The filing itself goes to the
   * append-only log with the text sent ({@code text}: the client-ready text, {@link FilingTexts}).
   * {@code filedBy}: the client's RSSI who filed, or null when the referent records a filing the
   * client made; {@code recordedBy}: who recorded it; {@code channel} null: the authority's service.
   */
  Report fileReport(String id, ReportKind kind, Instant submittedAt, String filedBy, String recordedBy,
      String receiptReference, String delayReasons, String text, String channel) {
    long reportId = openOrNewReport(id, kind);
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
          recorded_at = ? where id = ? and submitted_at is null""")
        .params(utc(submittedAt), filedBy, recordedBy, receiptReference, onTime, lateBy, legallyOnTime, legallyLateBy,
            delayReasons, text, utc(now()), reportId)
        .update();
    String authority = jdbc.sql("select authority from regulatory_notification where id = ?").param(id)
        .query(String.class).single();
    long filingId = log(new FilingInput(reportId, id, kind, submittedAt, channel != null ? channel : defaultChannel(authority),
        text, receiptReference, null, null, filedBy, recordedBy, delayReasons, null, null));
    return new Report(kind.code(), kind.label(), dueAt, legalDueAt, submittedAt, filedBy, recordedBy, receiptReference,
        onTime, lateBy, legallyOnTime, legallyLateBy, verdict(onTime, legallyOnTime), delayReasons, reportId,
        List.of(filings(reportId).stream().filter(f -> f.id() == filingId).findFirst().orElseThrow()));
  }

  /** One row of the filing log as written (append-only). */
  record FilingInput(long reportId, String notificationId, ReportKind kind, Instant submittedAt, String channel,
      String text, String receiptReference, Instant acknowledgedAt, String acknowledgement, String filedBy,
      String recordedBy, String delayReasons, Long supersedesId, String correctionReason) {}

  private long log(FilingInput f) {
    jdbc.sql("""
        insert into regulatory_filing (report_id, notification_id, kind, submitted_at, channel, text_sent, text_sha256,
          receipt_reference, acknowledged_at, acknowledgement, filed_by, recorded_by, recorded_at, delay_reasons,
          supersedes_id, correction_reason) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(f.reportId(), f.notificationId(), f.kind().code(), utc(f.submittedAt()), f.channel(), f.text(),
            f.text() == null ? null : FilingTexts.sha256(f.text()), f.receiptReference(), utc(f.acknowledgedAt()),
            f.acknowledgement(), f.filedBy(), f.recordedBy(), utc(now()), f.delayReasons(), f.supersedesId(),
            f.correctionReason())
        .update();
    return jdbc.sql("select max(id) from regulatory_filing where report_id = ?").param(f.reportId()).query(Long.class).single();
  }

  /**
   * A correction of a filing: a new row of the log that supersedes it, with what changed (null:
   * as in the corrected filing). The corrected row stays as it was, and so does the duty's lateness,
   * frozen at its first filing. Returns the new filing.
   */
  Filing correctFiling(Filing corrected, Instant submittedAt, String channel, String text, String receiptReference,
      Instant acknowledgedAt, String acknowledgement, String filedBy, String recordedBy, String reason) {
    String fullText = text != null ? text : filingText(corrected.id()).orElse(null);
    long id = log(new FilingInput(corrected.reportId(), corrected.notificationId(), ReportKind.of(corrected.kind()),
        submittedAt != null ? submittedAt : corrected.submittedAt(), channel != null ? channel : corrected.channel(),
        fullText, receiptReference != null ? receiptReference : corrected.receiptReference(),
        acknowledgedAt != null ? acknowledgedAt : corrected.acknowledgedAt(),
        acknowledgement != null ? acknowledgement : corrected.acknowledgement(), filedBy, recordedBy,
        corrected.delayReasons(), corrected.id(), reason));
    return filings(corrected.reportId()).stream().filter(f -> f.id() == id).findFirst().orElseThrow();
  }

  /** The filing {@code filingId} of notification {@code notificationId}, if it is one of its. */
  Optional<Filing> filing(String notificationId, long filingId) {
    return jdbc.sql("select report_id from regulatory_filing where id = ? and notification_id = ?")
        .params(filingId, notificationId).query(Long.class).optional()
        .flatMap(reportId -> filings(reportId).stream().filter(f -> f.id() == filingId).findFirst());
  }

  /** The text sent with a filing, as stored. */
  Optional<String> filingText(long filingId) {
    return jdbc.sql("select text_sent from regulatory_filing where id = ?").param(filingId).query(String.class).optional();
  }

  /** The text drafted for a report (before it is filed, the text to paste), as stored on the duty. */
  Optional<String> reportText(String notificationId, long reportId) {
    return jdbc.sql("select content from regulatory_report where id = ? and notification_id = ?")
        .params(reportId, notificationId).query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional()
        .flatMap(t -> t);
  }

  /** Every filing of a report, the first first, each with the one that superseded it. */
  List<Filing> filings(long reportId) {
    List<Filing> rows = jdbc.sql("select * from regulatory_filing where report_id = ? order by id").param(reportId)
        .query((rs, n) -> {
          ReportKind kind = ReportKind.of(rs.getString("kind"));
          return new Filing(rs.getLong("id"), rs.getLong("report_id"), rs.getString("notification_id"), kind.code(),
              kind.label(), instant(rs, "submitted_at"), rs.getString("channel"),
              CHANNELS.getOrDefault(rs.getString("channel"), rs.getString("channel")), rs.getString("text_sha256"),
              rs.getString("receipt_reference"), instant(rs, "acknowledged_at"), rs.getString("acknowledgement"),
              rs.getString("filed_by"), rs.getString("recorded_by"), instant(rs, "recorded_at"),
              rs.getString("delay_reasons"), nullableLong(rs, "supersedes_id"), rs.getString("correction_reason"), null);
        })
        .list();
    return rows.stream().map(f -> f.supersededBy(rows.stream().filter(o -> Long.valueOf(f.id()).equals(o.supersedesId()))
        .map(Filing::id).findFirst().orElse(null))).toList();
  }

  /**
   * One filing of a report to the authority, or a correction of one ({@code supersedesId}). {@code
   * supersededById}: the correction that replaced it (null: it stands). {@code textSha256}: the
   * fingerprint of the text sent (GET .../filings/{id}/text gives the text).
   */
  record Filing(long id, long reportId, String notificationId, String kind, String label, Instant submittedAt,
      String channel, String channelLabel, String textSha256, String receiptReference, Instant acknowledgedAt,
      String acknowledgement, String filedBy, String recordedBy, Instant recordedAt, String delayReasons,
      Long supersedesId, String correctionReason, Long supersededById) {

    Filing supersededBy(Long by) {
      return new Filing(id, reportId, notificationId, kind, label, submittedAt, channel, channelLabel, textSha256,
          receiptReference, acknowledgedAt, acknowledgement, filedBy, recordedBy, recordedAt, delayReasons, supersedesId,
          correctionReason, by);
    }

    @com.fasterxml.jackson.annotation.JsonProperty("current")
    public boolean current() {
      return supersededById == null;
    }

    @com.fasterxml.jackson.annotation.JsonProperty("correction")
    public boolean correction() {
      return supersedesId != null;
    }
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
    return read(jdbc.sql("select * from regulatory_notification where incident_reference = ? order by authority")
        .param(incidentReference));
  }

  /** One client's notifications to one authority, in the order the incidents became known. */
  List<Notification> forClient(String clientId, String authority) {
    return read(jdbc.sql("""
        select * from regulatory_notification where client_id = ? and authority = ?
        order by mileo_awareness_at, incident_reference""").params(clientId, authority));
  }

  private List<Notification> read(JdbcClient.StatementSpec statement) {
    return statement.query((rs, n) -> new Notification(
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
            null, null, null,
            rs.getString("data_subjects_decision"), instant(rs, "data_subjects_decided_at"),
            rs.getString("data_subjects_details"), rs.getString("data_subjects_decided_by"),
            rs.getString("data_subjects_recorded_by"), instant(rs, "closed_at"), List.of(), List.of(),
            new ObligationRules.DecisionRule(rs.getString("rule_version"), rs.getString("regime")),
            rs.getString("obligor"), rs.getBoolean("exercise"), rs.getString("client_informed_through")))
        .list().stream()
        .map(notification -> notification.withReports(reports(notification.id())).withDecisions(decisions(notification.id())))
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
              nullableLong(rs, "legally_late_by_minutes"), verdict(onTime, legallyOnTime), rs.getString("delay_reasons"),
              rs.getLong("id"), List.<Filing>of());
        })
        .list().stream().map(r -> r.withFilings(filings(r.id()))).toList();
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

  /** Whether the duty belongs to an exercise. */
  boolean isExercise(String id) {
    return jdbc.sql("select count(*) from regulatory_notification where id = ? and exercise = true").param(id)
        .query(Long.class).single() > 0;
  }

  /** Every duty of the incident belongs to an exercise (its conversion). */
  void markIncidentExercise(String incidentReference) {
    jdbc.sql("update regulatory_notification set exercise = true where incident_reference = ?")
        .param(incidentReference).update();
  }

  /** Whether a filing to an authority was recorded for the incident (a real filing cannot be unsaid). */
  boolean anyFiling(String incidentReference) {
    return jdbc.sql("""
        select count(*) from regulatory_filing f join regulatory_notification n on n.id = f.notification_id
        where n.incident_reference = ?""")
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

  /** A moment a duty's clock starts from. */
  record Anchor(String name, String label, Instant at) {}

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
      Long legallyLateByMinutes, String verdict, String delayReasons, Long id, List<Filing> filings) {

    Report withFilings(List<Filing> all) {
      return new Report(kind, label, dueAt, legalDueAt, submittedAt, submittedBy, recordedBy, receiptReference, onTime,
          lateByMinutes, legallyOnTime, legallyLateByMinutes, verdict, delayReasons, id, all);
    }
  }

  /**
   * One obligation of one incident towards one authority. {@code mileoAwarenessAt}: when Mileo
   * became aware; {@code clientAwarenessAt}: when the client did (told by Mileo, art. 33(2), or
   * earlier when it reported the incident itself); {@code earliestAwarenessAt}: the earlier of the
   * two, where the internal clocks start. {@code clientInformationDueAt} / {@code clientInformedOnTime}:
   * Mileo's own deadline to tell the client, and whether it was kept. {@code rule}: the rule of
   * the table regulatory-obligations that decided the duty, with its version, and the regime it
   * applied for (issue 18). {@code obligor}: whose duty it is, {@code client} or {@code mileo}
   * (Mileo's own as a NIS2 entity); {@code exercise}: the duty of an exercise, rehearsed and counted
   * nowhere (issue 18, V78). {@code clientInformedThrough}: the notification of the same incident
   * through which the client was told, when this duty records that telling rather than its own (V121).
   */
  record Notification(String id, String incidentReference, String clientId, String authority, String procedure,
      String legalBasis, String status, Instant mileoAwarenessAt, Instant earliestAwarenessAt,
      Instant clientInformationDueAt, Instant clientInformedAt, Boolean clientInformedOnTime, String clientInformedBy,
      String clientInformedChannel, String clientInformedHow, Instant clientAwarenessAt, BreachFacts breachFacts,
      String decisionReason, String decisionBy, String decisionRecordedBy, String dataSubjectsDecision,
      Instant dataSubjectsDecidedAt, String dataSubjectsDetails, String dataSubjectsDecidedBy,
      String dataSubjectsRecordedBy, Instant closedAt, List<Report> reports, List<Decision> decisions,
      ObligationRules.DecisionRule rule, String obligor, boolean exercise, String clientInformedThrough) {

    Notification withReports(List<Report> all) {
      return new Notification(id, incidentReference, clientId, authority, procedure, legalBasis, status, mileoAwarenessAt,
          earliestAwarenessAt, clientInformationDueAt, clientInformedAt, clientInformedOnTime, clientInformedBy,
          clientInformedChannel, clientInformedHow, clientAwarenessAt, breachFacts, decisionReason, decisionBy,
          decisionRecordedBy, dataSubjectsDecision, dataSubjectsDecidedAt, dataSubjectsDetails, dataSubjectsDecidedBy,
          dataSubjectsRecordedBy, closedAt, all, decisions, rule, obligor, exercise, clientInformedThrough);
    }

    /** The versions of the decision; {@code decisionReason}, {@code decisionBy}... are the current one's. */
    Notification withDecisions(List<Decision> all) {
      Decision current = all.isEmpty() ? null : all.get(all.size() - 1);
      return new Notification(id, incidentReference, clientId, authority, procedure, legalBasis, status, mileoAwarenessAt,
          earliestAwarenessAt, clientInformationDueAt, clientInformedAt, clientInformedOnTime, clientInformedBy,
          clientInformedChannel, clientInformedHow, clientAwarenessAt, breachFacts,
          current == null ? null : current.riskAssessment(), current == null ? null : current.decidedBy(),
          current == null ? null : current.recordedBy(), dataSubjectsDecision, dataSubjectsDecidedAt, dataSubjectsDetails,
          dataSubjectsDecidedBy, dataSubjectsRecordedBy, closedAt, reports, all, rule, obligor, exercise,
          clientInformedThrough);
    }

    /** The moments the clocks start from (the anchors of the duties), in the order they happened. */
    @com.fasterxml.jackson.annotation.JsonProperty("anchors")
    public List<Anchor> anchors() {
      List<Anchor> anchors = new java.util.ArrayList<>();
      anchors.add(new Anchor("mileoAwarenessAt", "Prise de connaissance par Mileo", mileoAwarenessAt));
      if (clientAwarenessAt != null) {
        anchors.add(new Anchor("clientAwarenessAt", "Prise de connaissance par le client (point de départ légal)",
            clientAwarenessAt));
      }
      if (earliestAwarenessAt != null) {
        anchors.add(new Anchor("earliestAwarenessAt", "Première prise de connaissance (point de départ interne)",
            earliestAwarenessAt));
      }
      return anchors;
    }

    /** Whether Mileo told the client in time, in words (null while the deadline runs or when none was set). */
    @com.fasterxml.jackson.annotation.JsonProperty("clientInformationVerdict")
    public String clientInformationVerdict() {
      return clientInformedOnTime == null ? null : clientInformedOnTime ? "dans le délai" : "hors délai";
    }
  }
}
