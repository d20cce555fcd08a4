package com.mileotech.cyber.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Instant;
import java.time.LocalDate;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The evidence tables (V80) and every statement of the ledger on PostgreSQL, the production database. */
class EvidenceLedgerPostgresTest {

  private static EmbeddedPostgres postgres;
  private static EvidenceLedger ledger;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.start();
    Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").load().migrate();
    JdbcClient jdbc = JdbcClient.create(postgres.getPostgresDatabase());
    ledger = new EvidenceLedger(jdbc);
    jdbc.sql("""
        insert into client (id, name, contract_type, contract_start, contract_end, created_at, updated_at)
        values ('pg-client', 'Client PG', 'STANDARD', date '2026-01-01', date '2027-01-01', now(), now())""").update();
    jdbc.sql("""
        insert into security_incident (reference, process_instance_id, client_id, site_ids, detection_source, equipment,
          description, detected_at, created_at, status)
        values ('INC-2026-0001', 'pi-1', 'pg-client', 'a', 'alerte-supervision', 'NVR', 'x', now(), now(), 'signale')""")
        .update();
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @Test
  void itemsAndTheirLedgersOnPostgres() {
    Instant at = Instant.parse("2026-03-04T13:30:00Z");
    String sha = "c".repeat(64);
    long stored = ledger.insertItem(new EvidenceLedger.Item(0, "INC-2026-0001", "enregistrement-video", "Vidéo", sha, 42L,
        true, null, "video.mp4", at.minusSeconds(3600), "tech", at));
    long declared = ledger.insertItem(new EvidenceLedger.Item(0, "INC-2026-0001", "dump-memoire", "Dump", "d".repeat(64),
        null, false, "Scellé 1", null, at.minusSeconds(3600), "tech", at));
    assertThat(declared).isGreaterThan(stored);
    ledger.append(stored, EvidenceLedger.Entry.of(EvidenceLedger.CAPTURED, "tech", at));
    ledger.append(stored, new EvidenceLedger.Entry(0, stored, EvidenceLedger.HOLD_PLACED, "referent", at.plusSeconds(60),
        null, null, "Plainte", null, null, "PV 2026/1", LocalDate.of(2026, 9, 30), null));

    assertThat(ledger.items("INC-2026-0001")).extracting(EvidenceLedger.Item::sha256).containsExactly(sha, "d".repeat(64));
    assertThat(ledger.item("INC-2026-0001", stored)).get().satisfies(item -> {
      assertThat(item.sizeBytes()).isEqualTo(42L);
      assertThat(item.capturedAt()).isEqualTo(at);
      assertThat(item.stored()).isTrue();
    });
    assertThat(ledger.item("INC-2026-0001", declared).orElseThrow().sizeBytes()).isNull();
    assertThat(ledger.entries(stored)).extracting(EvidenceLedger.Entry::holdUntil)
        .containsExactly(null, LocalDate.of(2026, 9, 30));
    assertThat(ledger.countCaptured("INC-2026-0001", null)).isEqualTo(2);
    assertThat(ledger.countCaptured("INC-2026-0001", "enregistrement-video")).isEqualTo(1);
    assertThat(ledger.otherHolderOf(sha, declared)).isTrue();

    ledger.append(stored, new EvidenceLedger.Entry(0, stored, EvidenceLedger.DESTROYED, "referent", at.plusSeconds(120),
        null, null, null, null, null, null, null, "DIR-1"));
    assertThat(ledger.countCaptured("INC-2026-0001", "enregistrement-video")).isZero();
    assertThat(ledger.otherHolderOf(sha, declared)).isFalse();
  }
}
