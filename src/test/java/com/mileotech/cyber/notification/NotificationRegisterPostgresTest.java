package com.mileotech.cyber.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The register of notifications on PostgreSQL, the production database (the shared test context
 * runs on H2): every migration, V72 included, then the register's writes and reads of the clocks —
 * the deadline to tell the client, the internal and the legal due dates, who decided and recorded.
 */
class NotificationRegisterPostgresTest {

  private static final Instant MILEO_AWARE = Instant.parse("2026-03-02T08:00:00Z");
  private static EmbeddedPostgres postgres;
  private static NotificationRegister register;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.start();
    Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").load().migrate();
    register = new NotificationRegister(JdbcClient.create(postgres.getPostgresDatabase()));
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @Test
  void theClocksAndTheirOwnersAreRecordedAndReadBack() {
    String id = "INC-2026-0080-CNIL";
    Instant told = MILEO_AWARE.plus(Duration.ofHours(80));
    register.create(id, "INC-2026-0080", "client-a", "CNIL", "rgpd-art33", "RGPD art. 33", MILEO_AWARE);
    register.clientInformationDue(id, MILEO_AWARE.plus(Duration.ofHours(4)));
    register.clientInformed(id, new NotificationRegister.ClientInformation(told, "Par téléphone", "referent.a", "telephone",
        false, told, MILEO_AWARE));
    register.openReport(id, ReportKind.CNIL_INITIAL, MILEO_AWARE.plus(Duration.ofHours(72)), told.plus(Duration.ofHours(72)));
    NotificationRegister.Report filed = register.fileReport(id, ReportKind.CNIL_INITIAL, MILEO_AWARE.plus(Duration.ofHours(100)),
        "rssi.a", "rssi.a", "CNIL-1", "Client informé tardivement", "faits");
    register.decision(id, "deposee", null, "rssi.a", "rssi.a");

    assertThat(filed.verdict()).isEqualTo("hors délai interne, dans le délai légal");
    NotificationRegister.Notification record = register.forIncident("INC-2026-0080").get(0);
    assertThat(record.mileoAwarenessAt()).isEqualTo(MILEO_AWARE);
    assertThat(record.earliestAwarenessAt()).isEqualTo(MILEO_AWARE);
    assertThat(record.clientAwarenessAt()).isEqualTo(told);
    assertThat(record.clientInformationDueAt()).isEqualTo(MILEO_AWARE.plus(Duration.ofHours(4)));
    assertThat(record.clientInformedOnTime()).isFalse();
    assertThat(record.clientInformedBy()).isEqualTo("referent.a");
    assertThat(record.decisionBy()).isEqualTo("rssi.a");
    assertThat(record.reports()).singleElement().satisfies(r -> {
      assertThat(r.dueAt()).isEqualTo(MILEO_AWARE.plus(Duration.ofHours(72)));
      assertThat(r.legalDueAt()).isEqualTo(told.plus(Duration.ofHours(72)));
      assertThat(r.onTime()).isFalse();
      assertThat(r.lateByMinutes()).isEqualTo(28 * 60L);
      assertThat(r.legallyOnTime()).isTrue();
      assertThat(r.legallyLateByMinutes()).isNull();
      assertThat(r.verdict()).isEqualTo("hors délai interne, dans le délai légal");
      assertThat(r.submittedBy()).isEqualTo("rssi.a");
      assertThat(r.recordedBy()).isEqualTo("rssi.a");
    });
    assertThat(List.of(record.clientInformationVerdict())).containsExactly("hors délai");
  }
}
