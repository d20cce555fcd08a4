package com.mileotech.cyber.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mileotech.cyber.MigratedPostgres;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;

/** The evidence tables (V80) and every statement of the ledger on PostgreSQL, the production database. */
class EvidenceLedgerPostgresTest {

  private static MigratedPostgres postgres;
  private static EvidenceLedger ledger;

  @BeforeAll
  static void start() throws Exception {
    postgres = MigratedPostgres.start().withIncident("pg-client", "INC-2026-0001");
    ledger = new EvidenceLedger(postgres.jdbc());
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
        true, null, "video.mp4", at.minusSeconds(3600), "tech", at), "key-1");
    long declared = ledger.insertItem(new EvidenceLedger.Item(0, "INC-2026-0001", "dump-memoire", "Dump", "d".repeat(64),
        null, false, "Scellé 1", null, at.minusSeconds(3600), "tech", at), null);
    assertThat(declared).isGreaterThan(stored);
    // idempotency keys: many items without one, a key once per incident (the unique index decides a race)
    EvidenceLedger.Item again = new EvidenceLedger.Item(0, "INC-2026-0001", "dump-memoire", "Dump 2", "e".repeat(64),
        null, false, "Scellé 2", null, at.minusSeconds(3600), "tech", at);
    assertThatThrownBy(() -> ledger.insertItem(again, "key-1")).isInstanceOf(DuplicateKeyException.class);
    assertThat(ledger.itemByKey("INC-2026-0001", "key-1")).get().extracting(EvidenceLedger.Item::id).isEqualTo(stored);
    assertThat(ledger.itemByKey("INC-2026-0001", "key-2")).isEmpty();
    long another = ledger.insertItem(again, null);
    assertThat(ledger.items("INC-2026-0001")).hasSize(3);
    postgres.jdbc().sql("delete from evidence_item where id = :id").param("id", another).update();
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
