package com.mileotech.cyber.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Our own tables hold instants with their zone (V71), on H2 and PostgreSQL: rows written before
 * V71 (UTC wall-clock time, as production ran) keep their instant, and no migration, ours or a
 * later one, leaves a zone-less TIMESTAMP column. Run under UTC and Europe/Paris (pom.xml).
 */
class InstantColumnsTest {

  private static TwoDatabases databases;

  @BeforeAll
  static void start() throws Exception {
    databases = TwoDatabases.start();
  }

  @AfterAll
  static void stop() throws Exception {
    databases.close();
  }

  @Test
  void rowsWrittenBeforeV71KeepTheirInstantAndNoColumnIsLeftWithoutZone() {
    for (Map.Entry<String, DataSource> database : databases.byName().entrySet()) {
      String name = database.getKey();
      Flyway.configure().dataSource(database.getValue()).locations("classpath:db/migration").target("50").load().migrate();
      JdbcClient jdbc = JdbcClient.create(database.getValue());
      // as a JVM in UTC wrote them: the second 02:30 of the night Paris turns its clocks back
      jdbc.sql("""
          insert into regulatory_notification (id, incident_reference, client_id, authority, procedure_code, status,
            mileo_awareness_at, created_at) values ('INC-1-CNIL', 'INC-1', 'c', 'CNIL', 'rgpd', 'en-cours',
            timestamp '2026-10-22 01:30:00', timestamp '2026-10-22 01:31:00')""").update();
      jdbc.sql("""
          insert into regulatory_report (notification_id, kind, due_at, opened_at)
          values ('INC-1-CNIL', 'notification-initiale', timestamp '2026-10-25 01:30:00', timestamp '2026-10-22 01:32:00')""")
          .update();

      Flyway.configure().dataSource(database.getValue()).locations("classpath:db/migration").load().migrate();

      assertThat(jdbc.sql("select due_at from regulatory_report").query(OffsetDateTime.class).single().toInstant())
          .as(name).isEqualTo(Instant.parse("2026-10-25T01:30:00Z"));
      assertThat(jdbc.sql("select mileo_awareness_at from regulatory_notification").query(OffsetDateTime.class).single()
          .toInstant()).as(name).isEqualTo(Instant.parse("2026-10-22T01:30:00Z"));
      assertThat(jdbc.sql("""
          select lower(table_name) || '.' || lower(column_name) from information_schema.columns
          where lower(data_type) in ('timestamp', 'timestamp without time zone')
            and lower(table_schema) in ('public') and lower(table_name) <> 'flyway_schema_history'""")
          .query(String.class).list()).as(name + ": zone-less TIMESTAMP columns").isEmpty();
      assertThat(jdbc.sql("""
          select is_nullable from information_schema.columns
          where lower(table_name) = 'regulatory_report' and lower(column_name) = 'opened_at'""")
          .query(String.class).single()).as(name + ": NOT NULL kept").isEqualTo("NO");
    }
  }
}
