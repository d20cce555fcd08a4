package com.mileotech.cyber.notification;

import static com.mileotech.cyber.system.DbTime.instant;

import com.mileotech.cyber.system.Published;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What other features may read of the register of regulatory notifications: the reports owed
 * to the CNIL and the ANSSI with their deadlines, and Mileo's deadline to tell the client.
 * Reads, never writes; the register's tables stay this feature's.
 */
@Published
@Component
public class RegulatoryNotificationFacts {

  /** How many incident references one query carries (far below every database's parameter limit). */
  static final int CHUNK = 500;

  private final JdbcClient jdbc;

  public RegulatoryNotificationFacts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * One report owed to an authority ({@code "CNIL"}, {@code "ANSSI"}), with its notification; the
   * report's fields are null when none was opened yet. {@code notRequired}: a CNIL notification the
   * client documented as not required (it owes nothing unless a report was filed anyway).
   */
  public record Report(String notificationId, String incidentReference, String clientId, String authority,
      boolean notRequired, ReportKind kind, Instant dueAt, Instant submittedAt, Boolean onTime, Long lateByMinutes) {}

  /** Mileo's deadline to tell the client of one notification, and when the client was told (null: not yet). */
  public record ClientInformation(String notificationId, String incidentReference, String clientId, String authority,
      Instant dueAt, Instant informedAt, Boolean onTime) {}

  /** The notifications of these incidents, one row per report (or one without report), by incident and authority. */
  public List<Report> reports(Collection<String> incidentReferences) {
    return chunked(incidentReferences, references -> jdbc.sql("""
        select n.id, n.incident_reference, n.client_id, n.authority, n.status, r.kind, r.due_at, r.submitted_at,
          r.on_time, r.late_by_minutes
        from regulatory_notification n left join regulatory_report r on r.notification_id = n.id
        where n.incident_reference in (:references)
        order by n.incident_reference, n.authority, r.id""")
        .param("references", references)
        .query((rs, n) -> new Report(rs.getString("id"), rs.getString("incident_reference"), rs.getString("client_id"),
            rs.getString("authority"), NOT_REQUIRED.equals(rs.getString("status")),
            rs.getString("kind") == null ? null : ReportKind.of(rs.getString("kind")), instant(rs, "due_at"),
            instant(rs, "submitted_at"), (Boolean) rs.getObject("on_time"), nullableLong(rs, "late_by_minutes")))
        .list());
  }

  /** The notifications of these incidents that have a deadline to tell the client (since V72). */
  public List<ClientInformation> clientInformation(Collection<String> incidentReferences) {
    return chunked(incidentReferences, references -> jdbc.sql("""
        select n.id, n.incident_reference, n.client_id, n.authority, n.client_information_due_at, n.client_informed_at,
          n.client_information_on_time
        from regulatory_notification n
        where n.client_information_due_at is not null and n.incident_reference in (:references)
        order by n.incident_reference, n.authority""")
        .param("references", references)
        .query((rs, n) -> new ClientInformation(rs.getString("id"), rs.getString("incident_reference"),
            rs.getString("client_id"), rs.getString("authority"), instant(rs, "client_information_due_at"),
            instant(rs, "client_informed_at"), (Boolean) rs.getObject("client_information_on_time")))
        .list());
  }

  /**
   * One personal data breach (a CNIL notification) as the register keeps it: {@code status}
   * ("en-cours", "a-reexaminer", "deposee", "non-requise", "close"); {@code notified} when its initial
   * notification was filed, with the lateness frozen at that filing and its reasons; the current
   * version of the decision whether to notify (null while none was made).
   */
  public record Breach(String notificationId, String incidentReference, String clientId, String status,
      boolean notified, Instant dueAt, Instant submittedAt, Boolean onTime, Long lateByMinutes, String verdict,
      String delayReasons, Decision decision) {

    /** Not notified, by a documented decision. */
    public boolean notNotified() {
      return "non-requise".equals(status);
    }
  }

  /** A version of the decision whether to notify: who decided, when, why, approved by whom. */
  public record Decision(int version, String decision, String decidedBy, String recordedBy, Instant decidedAt,
      String riskAssessment, String approvedBy, String occasion) {}

  /** The personal data breaches of these incidents (their CNIL notifications), by incident. */
  public List<Breach> breaches(Collection<String> incidentReferences) {
    return chunked(incidentReferences, references -> jdbc.sql("""
        select n.id, n.incident_reference, n.client_id, n.status, r.due_at, r.submitted_at, r.on_time, r.late_by_minutes,
          r.legally_on_time, r.delay_reasons,
          d.version, d.decision, d.decided_by, d.recorded_by, d.decided_at, d.risk_assessment, d.approved_by, d.occasion
        from regulatory_notification n
        left join regulatory_report r on r.notification_id = n.id and r.kind = 'notification-initiale'
          and r.id = (select min(r2.id) from regulatory_report r2 where r2.notification_id = n.id
            and r2.kind = 'notification-initiale' and r2.submitted_at is not null)
        left join notification_decision d on d.notification_id = n.id
          and d.version = (select max(d2.version) from notification_decision d2 where d2.notification_id = n.id)
        where n.authority = 'CNIL' and n.incident_reference in (:references)
        order by n.incident_reference""")
        .param("references", references)
        .query((rs, n) -> {
          Boolean onTime = (Boolean) rs.getObject("on_time");
          return new Breach(rs.getString("id"), rs.getString("incident_reference"), rs.getString("client_id"),
              rs.getString("status"), instant(rs, "submitted_at") != null, instant(rs, "due_at"),
              instant(rs, "submitted_at"), onTime, nullableLong(rs, "late_by_minutes"),
              NotificationRegister.verdict(onTime, (Boolean) rs.getObject("legally_on_time")), rs.getString("delay_reasons"),
              rs.getObject("version") == null ? null : new Decision(rs.getInt("version"), rs.getString("decision"),
                  rs.getString("decided_by"), rs.getString("recorded_by"), instant(rs, "decided_at"),
                  rs.getString("risk_assessment"), rs.getString("approved_by"), rs.getString("occasion")));
        })
        .list());
  }

  /** The status of a CNIL notification the client documented as not required. */
  private static final String NOT_REQUIRED = "non-requise";

  /** The query over the references in sorted chunks: the rows come out in reference order. */
  private static <T> List<T> chunked(Collection<String> references, Function<List<String>, List<T>> query) {
    List<String> sorted = references.stream().distinct().sorted().toList();
    List<T> rows = new ArrayList<>();
    for (int from = 0; from < sorted.size(); from += CHUNK) {
      rows.addAll(query.apply(sorted.subList(from, Math.min(sorted.size(), from + CHUNK))));
    }
    return rows;
  }

  private static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }
}
