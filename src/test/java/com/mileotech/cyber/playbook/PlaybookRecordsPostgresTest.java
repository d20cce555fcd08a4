package com.mileotech.cyber.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import com.mileotech.cyber.commissioning.EquipmentInventory;
import com.mileotech.cyber.incident.ResponseStep;
import com.mileotech.cyber.MigratedPostgres;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The playbook tables (V84), every statement of PlaybookRecords and the inventory's kinds at sites on PostgreSQL. */
class PlaybookRecordsPostgresTest {

  private static MigratedPostgres postgres;
  private static JdbcClient jdbc;
  private static PlaybookRecords records;

  @BeforeAll
  static void start() throws Exception {
    postgres = MigratedPostgres.start().withIncident("pg-client", "INC-2026-0001");
    jdbc = postgres.jdbc();
    records = new PlaybookRecords(jdbc);
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
