package com.mileotech.cyber.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.mileotech.cyber.commissioning.EquipmentInventory;
import com.mileotech.cyber.commissioning.IssuedChecklists;
import com.mileotech.cyber.incident.SecurityIncidentFacts;
import com.mileotech.cyber.notification.RegulatoryNotificationFacts;
import com.mileotech.cyber.notification.ReportKind;
import com.mileotech.cyber.system.DbTime;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the dashboard reads, through the features' read APIs, on PostgreSQL, the production
 * database (the shared test context runs on H2): every migration on an embedded server, rows as
 * the features write them, then each query, with the period's bounds in Paris time.
 */
class DashboardReadsPostgresTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static EmbeddedPostgres postgres;
  private static SecurityIncidentFacts incidents;
  private static RegulatoryNotificationFacts notifications;
  private static IssuedChecklists checklists;
  private static EquipmentInventory inventory;
  private static JdbcClient jdbc;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.start();
    Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").load().migrate();
    jdbc = JdbcClient.create(postgres.getPostgresDatabase());
    incidents = new SecurityIncidentFacts(jdbc, null); // the lessons learned are read from the engine: not here
    notifications = new RegulatoryNotificationFacts(jdbc);
    checklists = new IssuedChecklists(jdbc);
    inventory = new EquipmentInventory(jdbc);
    for (String client : List.of("pg-a", "pg-b")) {
      jdbc.sql("""
          insert into client (id, name, contract_type, contract_start, contract_end, created_at, updated_at)
          values (?, ?, 'STANDARD', date '2030-01-01', date '2035-01-01', now(), now())""")
          .params(client, client.toUpperCase()).update();
    }
    // 31 Dec 2030 23:30 in Paris is 2030; 1 Jan 2031 00:30 in Paris is 2031 (both 2030-12-31 in UTC)
    incident("INC-2030-0009", "pg-a", "2030-12-31T22:30:00Z", null, null);
    incident("INC-2031-0001", "pg-a", "2030-12-31T23:30:00Z", 60L, 1800L);
    incident("INC-2031-0002", "pg-b", "2031-05-04T10:00:00Z", null, null);
    jdbc.sql("""
        insert into regulatory_notification (id, incident_reference, client_id, authority, procedure_code, status,
          mileo_awareness_at, created_at) values ('INC-2031-0001-CNIL', 'INC-2031-0001', 'pg-a', 'CNIL', 'rgpd',
          'deposee', ?, ?)""").params(ts("2031-01-01T00:00:00Z"), ts("2031-01-01T00:00:00Z")).update();
    jdbc.sql("""
        insert into regulatory_report (notification_id, kind, due_at, submitted_at, on_time, late_by_minutes, opened_at)
        values ('INC-2031-0001-CNIL', 'notification-initiale', ?, ?, false, 540, ?)""")
        .params(ts("2031-01-04T00:00:00Z"), ts("2031-01-04T09:00:00Z"), ts("2031-01-01T00:00:00Z")).update();
    // Mileo's deadline to tell the client (V72, with a time zone): told 30 minutes late
    jdbc.sql("""
        update regulatory_notification set client_information_due_at = ?, client_informed_at = ?,
          client_information_on_time = false where id = 'INC-2031-0001-CNIL'""")
        .params(Instant.parse("2031-01-01T04:00:00Z").atOffset(ZoneOffset.UTC), ts("2031-01-01T04:30:00Z")).update();
    document("CHK-2031-0001", 1, "pg-a", "2031-02-03T09:00:00Z", "NON_CONFORME");
    document("CHK-2031-0001", 2, "pg-a", "2031-02-03T09:00:00Z", "CONFORME");
    document("CHK-2031-0001", 3, "pg-a", "2031-02-03T09:00:00Z", "CONFORME");
    document("CHK-2030-0004", 1, "pg-a", "2030-06-03T09:00:00Z", "CONFORME");
    jdbc.sql("""
        insert into client_equipment (client_id, serial_number, kind, model, firmware_version, security_updates, site_id,
          last_reference, updated_at) values ('pg-a', 'S1', 'CAMERA', 'Axis', '1.0', false, 'site', 'CHK-2031-0001', now()),
          ('pg-a', 'S2', 'CAMERA', 'Axis', '1.0', true, 'site', 'CHK-2031-0001', now()),
          ('pg-b', 'S3', 'NVR', 'Hik', '2.0', false, 'site', 'CHK-2031-0009', now())""").update();
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @Test
  void everyQueryRunsOnPostgresWithTheYearInParisTime() {
    Period year = Period.year(2031, PARIS);
    assertThat(incidents.detectedIn(year.start(), year.end(), List.of("pg-a", "pg-b")))
        .extracting(i -> i.reference() + " " + i.detectedAt() + " " + i.mttdMinutes() + " " + i.mttrMinutes() + " "
            + i.closed() + " " + i.severity() + " " + i.nature() + " " + i.detectionSource())
        .containsExactly("INC-2031-0001 2030-12-31T23:30:00Z 60 1800 true MINOR INTRUSION SUPERVISION_ALERT",
            "INC-2031-0002 2031-05-04T10:00:00Z null null false MINOR INTRUSION SUPERVISION_ALERT");
    assertThat(incidents.detectedIn(year.start(), year.end(), List.of("pg-b")))
        .extracting(SecurityIncidentFacts.Incident::reference).containsExactly("INC-2031-0002");
    assertThat(incidents.detectedIn(year.start(), year.end(), List.of())).isEmpty();

    assertThat(notifications.reports(List.of("INC-2031-0001"))).singleElement().satisfies(r -> {
      assertThat(r.authority()).isEqualTo("CNIL");
      assertThat(r.kind()).isEqualTo(ReportKind.CNIL_INITIAL);
      assertThat(r.notRequired()).isFalse();
      assertThat(r.dueAt()).isEqualTo(Instant.parse("2031-01-04T00:00:00Z"));
      assertThat(r.submittedAt()).isEqualTo(Instant.parse("2031-01-04T09:00:00Z"));
      assertThat(r.onTime()).isFalse();
      assertThat(r.lateByMinutes()).isEqualTo(540L);
    });
    assertThat(notifications.reports(List.of("INC-2031-0002"))).isEmpty();
    assertThat(notifications.reports(List.of())).isEmpty();
    assertThat(notifications.clientInformation(List.of("INC-2031-0001", "INC-2031-0002"))).singleElement().satisfies(c -> {
      assertThat(c.authority()).isEqualTo("CNIL");
      assertThat(c.dueAt()).isEqualTo(Instant.parse("2031-01-01T04:00:00Z"));
      assertThat(c.informedAt()).isEqualTo(Instant.parse("2031-01-01T04:30:00Z"));
      assertThat(c.onTime()).isFalse();
    });

    // the breach register (V74): notified late, with the decision's current version
    jdbc.sql("""
        insert into notification_decision (notification_id, version, decision, decider_role, decided_by, recorded_by,
          decided_at) values ('INC-2031-0001-CNIL', 1, 'deposee', 'client', 'rssi.pg', 'rssi.pg', ?)""")
        .param(Instant.parse("2031-01-04T09:00:00Z").atOffset(ZoneOffset.UTC)).update();
    assertThat(notifications.breaches(List.of("INC-2031-0001", "INC-2031-0002"))).singleElement().satisfies(b -> {
      assertThat(b.notified()).isTrue();
      assertThat(b.notNotified()).isFalse();
      assertThat(b.onTime()).isFalse();
      assertThat(b.lateByMinutes()).isEqualTo(540L);
      assertThat(b.decision().version()).isEqualTo(1);
      assertThat(b.decision().decidedBy()).isEqualTo("rssi.pg");
    });
    assertThat(notifications.breaches(List.of())).isEmpty();

    // the first and the latest version of each checklist signed in the year
    assertThat(checklists.firstSignedIn(year.start(), year.end(), List.of("pg-a")))
        .singleElement().satisfies(c -> {
          assertThat(c.reference() + " " + c.signedAt() + " " + c.signerName() + " v" + c.standingVersion())
              .isEqualTo("CHK-2031-0001 2031-02-03T09:00:00Z Tech v3");
          assertThat(c.signedPoints()).extracting(p -> p.id() + " " + p.status()).containsExactly("SRV-01 NON_CONFORME");
          assertThat(c.standingPoints()).extracting(p -> p.id() + " " + p.status()).containsExactly("SRV-01 CONFORME");
          assertThat(c.categories()).containsEntry("SRV", "Serveur et OS").hasSize(4);
        });

    assertThat(inventory.outOfSupport(List.of("pg-a", "pg-b")))
        .extracting(e -> e.clientId() + " " + e.serialNumber() + " " + e.kindLabel())
        .containsExactly("pg-a S1 Caméra", "pg-b S3 NVR");
  }

  private static void incident(String reference, String client, String detected, Long mttd, Long mttr) {
    jdbc.sql("""
        insert into security_incident (reference, process_instance_id, client_id, site_ids, detection_source, equipment,
          description, detected_at, created_at, status, severity, nature, mttd_minutes, mttr_minutes)
        values (?, ?, ?, 'site', 'alerte-supervision', 'NVR', 'x', ?, ?, ?, 'mineur', 'intrusion', ?, ?)""")
        .params(reference, "pi-" + reference, client, Instant.parse(detected).atOffset(ZoneOffset.UTC),
            Instant.parse(detected).atOffset(ZoneOffset.UTC), mttr == null ? "en-traitement" : "clos", mttd, mttr)
        .update();
  }

  private static void document(String reference, int version, String client, String signedAt, String status) {
    String json = "{\"version\":" + version + ",\"content\":{\"reference\":\"" + reference + "\",\"catalogueSource\":"
        + "\"GUID-PREM-003\",\"catalogueVersion\":\"v1.3\",\"points\":[{\"id\":\"SRV-01\",\"category\":\"SRV\","
        + "\"status\":\"" + status + "\"}]},\"signature\":{\"name\":\"Tech\"}}";
    jdbc.sql("""
        insert into commissioning_document (reference, doc_version, client_id, site_id, process_instance_id, reason,
          file_name, content_json, content_sha256, signed_by, signed_at, signature_sha256, issued_at, retain_until, pdf)
        values (?, ?, ?, 'site', 'pi', 'Émission', 'f.pdf', ?, 'h', 'tech', ?, 's', ?, date '2035-01-01', ?)""")
        .params(reference, version, client, json, ts(signedAt), ts(signedAt), new byte[0]).update();
  }

  private static OffsetDateTime ts(String instant) {
    return DbTime.utc(Instant.parse(instant));
  }
}
