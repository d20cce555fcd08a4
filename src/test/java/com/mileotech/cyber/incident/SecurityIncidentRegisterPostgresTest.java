package com.mileotech.cyber.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The register's migrations and SQL on PostgreSQL, the production database (the shared test
 * context runs on H2): an embedded server, every migration, then each statement of the repository.
 */
class SecurityIncidentRegisterPostgresTest {

  private static EmbeddedPostgres postgres;
  private static SecurityIncidentRepository repository;
  private static JdbcClient jdbc;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.start();
    Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").load().migrate();
    jdbc = JdbcClient.create(postgres.getPostgresDatabase());
    repository = new SecurityIncidentRepository(jdbc);
    jdbc.sql("""
        insert into client (id, name, contract_type, contract_start, contract_end, created_at, updated_at)
        values ('pg-client', 'Client PG', 'STANDARD', date '2026-01-01', date '2027-01-01', now(), now())""").update();
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @Test
  void theRegisterKeepsAnIncidentThroughItsLifeOnPostgres() {
    Instant detected = Instant.parse("2026-03-04T13:30:00Z");
    SecurityIncidentReport report = new SecurityIncidentReport("pg-client", List.of("a", "b"), "alerte-supervision",
        "NVR", "Description", detected, detected.minusSeconds(3600), "ALERT-1", null);
    repository.insert("INC-2026-0001", "pi-1", report, "supervision", detected.plusSeconds(5));
    assertThat(repository.referenceOfAlert("ALERT-1")).contains("INC-2026-0001");
    assertThatThrownBy(() -> repository.insert("INC-2026-0002", "pi-2", report, "supervision", detected))
        .isInstanceOf(DuplicateKeyException.class);

    repository.recordQualification("INC-2026-0001", 1, "intrusion", "critique", true, detected.plusSeconds(60), "a",
        "NVR", null, detected.plusSeconds(120), "referent");
    repository.recordEvidence("INC-2026-0001", List.of(new SecurityIncidentRepository.EvidenceItem("journaux", "Logs",
        "Coffre", "a".repeat(64), "tech", detected.plusSeconds(300))), "capturees", null, "tech", detected.plusSeconds(400),
        new SecurityIncidentRepository.LegalHold("plainte-deposee", "Plainte n° 1", LocalDate.of(2026, 9, 30)));
    repository.close("INC-2026-0001", detected.plusSeconds(7200), detected.plusSeconds(7200), 60L, 120);
    repository.storeLessonsLearnedApproval("INC-2026-0001", detected.plusSeconds(9000), "cdp");
    repository.recordFollowUp("INC-2026-0001", "INC-2026-0003");

    SecurityIncidentRecord incident = repository.find("INC-2026-0001").orElseThrow();
    assertThat(incident.detectedAt()).isEqualTo(detected);
    assertThat(incident.siteIds()).containsExactly("a");
    assertThat(incident.status()).isEqualTo("clos");
    assertThat(incident.personalDataInvolved()).isTrue();
    assertThat(incident.mttdMinutes()).isEqualTo(60L);
    assertThat(incident.lessonsLearnedApprovedAt()).isEqualTo(detected.plusSeconds(9000));
    assertThat(incident.followUpIncident()).isEqualTo("INC-2026-0003");
    assertThat(repository.qualifications("INC-2026-0001")).singleElement()
        .satisfies(q -> assertThat(q.awarenessAt()).isEqualTo(detected.plusSeconds(60)));
    assertThat(repository.evidence("INC-2026-0001")).singleElement()
        .satisfies(e -> assertThat(e.capturedAt()).isEqualTo(detected.plusSeconds(300)));
    assertThat(repository.legalHold("INC-2026-0001")).get()
        .satisfies(h -> assertThat(h.until()).isEqualTo(LocalDate.of(2026, 9, 30)));
  }
}
