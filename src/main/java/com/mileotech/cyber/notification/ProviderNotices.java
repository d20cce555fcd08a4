package com.mileotech.cyber.notification;

import static com.mileotech.cyber.system.DbTime.instant;
import static com.mileotech.cyber.system.DbTime.utc;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The record of Mileo's notices to the recipients of its service (NIS2 art. 23(1)): one row per
 * incident and client told, written in the transaction that writes the mail to the outbox.
 */
@Repository
class ProviderNotices {

  private final JdbcClient jdbc;

  ProviderNotices(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * One client told: which, under which duty, decided by whom (the qualifying referent), when, and
   * the mail's notice key in the outbox (of the incident's process instance).
   */
  record Notice(String incidentReference, String clientId, String notificationId, String decidedBy,
      Instant recordedAt, String outboxKey, boolean exercise) {}

  boolean exists(String incidentReference, String clientId) {
    return jdbc.sql("select count(*) from provider_recipient_notice where incident_reference = ? and client_id = ?")
        .params(incidentReference, clientId).query(Long.class).single() > 0;
  }

  void record(Notice notice) {
    jdbc.sql("""
        insert into provider_recipient_notice (incident_reference, client_id, notification_id, decided_by, recorded_at,
          outbox_key, exercise) values (?, ?, ?, ?, ?, ?, ?)""")
        .params(notice.incidentReference(), notice.clientId(), notice.notificationId(), notice.decidedBy(),
            utc(notice.recordedAt()), notice.outboxKey(), notice.exercise())
        .update();
  }

  List<Notice> forIncident(String incidentReference) {
    return jdbc.sql("select * from provider_recipient_notice where incident_reference = ? order by recorded_at, client_id")
        .param(incidentReference)
        .query((rs, n) -> new Notice(rs.getString("incident_reference"), rs.getString("client_id"),
            rs.getString("notification_id"), rs.getString("decided_by"), instant(rs, "recorded_at"),
            rs.getString("outbox_key"), rs.getBoolean("exercise")))
        .list();
  }
}
