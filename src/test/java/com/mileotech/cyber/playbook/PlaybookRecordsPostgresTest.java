package com.mileotech.cyber.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import com.mileotech.cyber.commissioning.EquipmentInventory;
import com.mileotech.cyber.incident.ResponseStep;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The playbook tables (V84), every statement of PlaybookRecords and the inventory's kinds at sites on PostgreSQL. */
class PlaybookRecordsPostgresTest {

  private static EmbeddedPostgres postgres;
  private static JdbcClient jdbc;
  private static PlaybookRecords records;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.start();
    Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").load().migrate();
    jdbc = JdbcClient.create(postgres.getPostgresDatabase());
    records = new PlaybookRecords(jdbc);
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
  void theChoiceAndTheActionsOnPostgres() {
    Instant at = Instant.parse("2026-03-04T13:30:00Z");
    records.choose("INC-2026-0001", "PB-CYB-005", "v1", at);
    records.choose("INC-2026-0001", "PB-CYB-005", "v2", at.plusSeconds(60));
    assertThat(records.choice("INC-2026-0001")).get().satisfies(c -> {
      assertThat(c.playbookVersion()).isEqualTo("v1");
      assertThat(c.chosenAt()).isEqualTo(at);
    });
    records.insert(List.of(
        new PlaybookRecords.Row("INC-2026-0001", "PB-CYB-005", "v1", ResponseStep.ERADICATION, 1, "malware",
            "SCAN_HOSTS", "Analyser les postes", ActionStatus.DONE, null, "tech", at.plusSeconds(7200)),
        new PlaybookRecords.Row("INC-2026-0001", "PB-CYB-005", "v1", ResponseStep.CONTAINMENT, 1, "intrusion",
            "REVOKE_ACCOUNTS", "Révoquer les comptes", ActionStatus.NOT_APPLICABLE, "Aucun compte", "tech", at)));
    assertThat(records.rows("INC-2026-0001")).extracting(PlaybookRecords.Row::code)
        .containsExactly("REVOKE_ACCOUNTS", "SCAN_HOSTS");
    assertThat(records.rows("INC-2026-0001").get(0)).satisfies(r -> {
      assertThat(r.status()).isEqualTo(ActionStatus.NOT_APPLICABLE);
      assertThat(r.comment()).isEqualTo("Aucun compte");
      assertThat(r.recordedAt()).isEqualTo(at);
    });
  }

  @Test
  void theKindsOfEquipmentAtTheSitesOnPostgres() {
    jdbc.sql("""
        insert into client_equipment (client_id, serial_number, kind, model, firmware_version, security_updates, site_id,
          last_reference, updated_at) values ('pg-client', 'SN-1', 'NVR', 'NVR X', '1.0', true, 'a', 'CHK-1', now())""")
        .update();
    EquipmentInventory inventory = new EquipmentInventory(jdbc);
    inventory.recordSoftware("pg-client", "a", "VMS", "Milestone XProtect", "2024 R2", "CHK-1", Instant.now());
    assertThat(inventory.kindsAt("pg-client", List.of("a"))).containsExactly("NVR", "VMS");
    assertThat(inventory.kindsAt("pg-client", List.of("b"))).isEmpty();
  }
}
