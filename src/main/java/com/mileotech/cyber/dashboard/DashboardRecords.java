package com.mileotech.cyber.dashboard;

import static com.mileotech.cyber.system.DbTime.instant;
import static com.mileotech.cyber.system.DbTime.utc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads, never writes, the records the processes keep: the security incident register
 * (security_incident), the register of regulatory notifications (regulatory_notification,
 * regulatory_report), the issued checklist documents (commissioning_document) and the firmware
 * inventory (client_equipment). Nothing here is a copy: each figure is recomputed on every call.
 */
@Repository
class DashboardRecords {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcClient jdbc;
  private final Map<String, Map<String, String>> categoryLabels = new ConcurrentHashMap<>();

  DashboardRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One security incident as its process recorded it (nature and severity null until qualified). */
  record Incident(String reference, String processInstanceId, String clientId, String detectionSource, String nature,
      String severity, boolean closed, Instant detectedAt, Instant closedAt, Long mttdMinutes, Long mttrMinutes) {}

  /** One report owed to an authority, with its notification (report fields null: none opened yet). */
  record Report(String notificationId, String incidentReference, String clientId, String authority,
      String notificationStatus, String kind, Instant dueAt, Instant submittedAt, Boolean onTime, Long lateByMinutes) {}

  /** One issued version of a checklist document. */
  record ChecklistVersion(String reference, int version, String clientId, String siteId, String signedBy,
      Instant signedAt, Instant issuedAt, JsonNode content) {}

  record Equipment(String clientId, String serialNumber, String kind, String model, String firmwareVersion,
      String siteId, String lastReference) {}

  List<Incident> incidents(Period period, List<String> clients) {
    if (clients.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("""
        select reference, process_instance_id, client_id, detection_source, nature, severity, status, detected_at,
          closed_at, mttd_minutes, mttr_minutes
        from security_incident
        where detected_at >= :start and detected_at < :end and client_id in (:clients)
        order by detected_at, reference""")
        .param("start", utc(period.start())).param("end", utc(period.end())).param("clients", clients)
        .query((rs, n) -> new Incident(rs.getString("reference"), rs.getString("process_instance_id"),
            rs.getString("client_id"), rs.getString("detection_source"), rs.getString("nature"),
            rs.getString("severity"), "clos".equals(rs.getString("status")), instant(rs, "detected_at"),
            instant(rs, "closed_at"), nullableLong(rs, "mttd_minutes"), nullableLong(rs, "mttr_minutes")))
        .list();
  }

  /** The notifications of the period's incidents, one row per report (or one without report). */
  List<Report> reports(Period period, List<String> clients) {
    if (clients.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("""
        select n.id, n.incident_reference, n.client_id, n.authority, n.status, r.kind, r.due_at, r.submitted_at,
          r.on_time, r.late_by_minutes
        from regulatory_notification n left join regulatory_report r on r.notification_id = n.id
        where n.incident_reference in (select i.reference from security_incident i
          where i.detected_at >= :start and i.detected_at < :end and i.client_id in (:clients))
        order by n.incident_reference, n.authority, r.id""")
        .param("start", utc(period.start())).param("end", utc(period.end())).param("clients", clients)
        .query((rs, n) -> new Report(rs.getString("id"), rs.getString("incident_reference"), rs.getString("client_id"),
            rs.getString("authority"), rs.getString("status"), rs.getString("kind"), instant(rs, "due_at"),
            instant(rs, "submitted_at"), (Boolean) rs.getObject("on_time"), nullableLong(rs, "late_by_minutes")))
        .list();
  }

  /** Mileo's deadline to tell the client of one notification, and when the client was told (null: not yet). */
  record ClientInformation(String notificationId, String incidentReference, String clientId, String authority,
      Instant dueAt, Instant informedAt, Boolean onTime) {}

  /** The notifications of the period's incidents that have a deadline to tell the client (since V72). */
  List<ClientInformation> clientInformation(Period period, List<String> clients) {
    if (clients.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("""
        select n.id, n.incident_reference, n.client_id, n.authority, n.client_information_due_at, n.client_informed_at,
          n.client_information_on_time
        from regulatory_notification n
        where n.client_information_due_at is not null and n.incident_reference in (select i.reference from security_incident i
          where i.detected_at >= :start and i.detected_at < :end and i.client_id in (:clients))
        order by n.incident_reference, n.authority""")
        .param("start", utc(period.start())).param("end", utc(period.end())).param("clients", clients)
        .query((rs, n) -> new ClientInformation(rs.getString("id"), rs.getString("incident_reference"),
            rs.getString("client_id"), rs.getString("authority"), instant(rs, "client_information_due_at"),
            instant(rs, "client_informed_at"), (Boolean) rs.getObject("client_information_on_time")))
        .list();
  }

  /**
   * The first and the latest issued version of each checklist first signed in the period: what
   * was signed, and what stands now.
   */
  List<ChecklistVersion> checklists(Period period, List<String> clients) {
    if (clients.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("""
        select d.reference, d.doc_version, d.client_id, d.site_id, d.signed_by, d.signed_at, d.issued_at, d.content_json
        from commissioning_document d
        where d.reference in (select f.reference from commissioning_document f
            where f.doc_version = 1 and f.signed_at >= :start and f.signed_at < :end and f.client_id in (:clients))
          and (d.doc_version = 1 or d.doc_version =
            (select max(m.doc_version) from commissioning_document m where m.reference = d.reference))
        order by d.signed_at, d.reference, d.doc_version""")
        .param("start", utc(period.start())).param("end", utc(period.end()))
        .param("clients", clients)
        .query((rs, n) -> new ChecklistVersion(rs.getString("reference"), rs.getInt("doc_version"),
            rs.getString("client_id"), rs.getString("site_id"), rs.getString("signed_by"), instant(rs, "signed_at"),
            instant(rs, "issued_at"), read(rs.getString("content_json"))))
        .list();
  }

  /** Equipment of the inventory whose maker no longer publishes security updates. */
  List<Equipment> unsupportedEquipment(List<String> clients) {
    if (clients.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("""
        select client_id, serial_number, kind, model, firmware_version, site_id, last_reference
        from client_equipment where security_updates = false and client_id in (:clients)
        order by client_id, site_id, kind, serial_number""")
        .param("clients", clients)
        .query((rs, n) -> new Equipment(rs.getString("client_id"), rs.getString("serial_number"), rs.getString("kind"),
            rs.getString("model"), rs.getString("firmware_version"), rs.getString("site_id"),
            rs.getString("last_reference")))
        .list();
  }

  /** The categories of a catalogue version (id → French label, in the guide's order). */
  Map<String, String> categories(String source, String version) {
    return categoryLabels.computeIfAbsent(source + "-" + version, name -> {
      String path = "/commissioning/catalogue/" + name + ".json";
      try (InputStream in = DashboardRecords.class.getResourceAsStream(path)) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (in != null) {
          JSON.readTree(in).path("categories").forEach(c -> labels.put(c.path("id").asText(), c.path("label").asText()));
        }
        return labels;
      } catch (IOException e) {
        throw new UncheckedIOException("Unreadable catalogue " + path, e);
      }
    });
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("Unreadable checklist document", e);
    }
  }

  static List<JsonNode> points(JsonNode content) {
    List<JsonNode> points = new ArrayList<>();
    content.path("points").forEach(points::add);
    return points;
  }

  static LocalDate date(String text) {
    return text == null || text.isBlank() ? null : LocalDate.parse(text);
  }

  private static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }
}
