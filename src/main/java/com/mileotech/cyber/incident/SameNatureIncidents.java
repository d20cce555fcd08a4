package com.mileotech.cyber.incident;

import static com.mileotech.cyber.system.DbTime.instant;
import static com.mileotech.cyber.system.DbTime.utc;

import com.mileotech.cyber.system.Published;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The register's incidents of one client and one nature around a moment: the candidates of a
 * recurrence (regulation (EU) 2024/2690 art. 4: incidents within six months with the same
 * apparent root cause, the nature standing for it), read by the notification feature.
 */
@Published
@Repository
public class SameNatureIncidents {

  private final JdbcClient jdbc;

  SameNatureIncidents(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A qualified incident of the register: its reference, Mileo's awareness, its severity code. */
  public record Incident(String reference, Instant awarenessAt, String severity) {}

  /**
   * The client's other qualified incidents of that nature whose awareness is within {@code window}
   * (calendar months in {@code zone}) before or after {@code awarenessAt}, oldest first. An
   * exercise is no incident: never one of them.
   */
  public List<Incident> around(String clientId, String nature, Instant awarenessAt, Period window, ZoneId zone,
      String exceptReference) {
    Instant from = awarenessAt.atZone(zone).minus(window).toInstant();
    Instant to = awarenessAt.atZone(zone).plus(window).toInstant();
    return jdbc.sql("""
        select reference, awareness_at, severity from security_incident
        where client_id = ? and nature = ? and reference <> ? and awareness_at >= ? and awareness_at <= ?
          and exercise = false
        order by awareness_at, reference""")
        .params(clientId, nature, exceptReference, utc(from), utc(to))
        .query((rs, n) -> new Incident(rs.getString("reference"), instant(rs, "awareness_at"), rs.getString("severity")))
        .list();
  }
}
