package com.mileotech.cyber.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.mileotech.cyber.IntegrationTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application's DataSource as everyone gets it: UtcTimestamps, the engine included, and on
 * H2 a session in UTC, so that even a java.sql.Timestamp bound to a column with a zone keeps its
 * instant. Run under UTC and Europe/Paris (pom.xml, profile paris-time-zone).
 */
@IntegrationTest
class ApplicationDataSourceTest {

  /** 02:30 winter time in Paris, the second 02:30 of 25 October 2026. */
  private static final Instant SECOND = Instant.parse("2026-10-25T01:30:00Z");

  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProcessEngine engine;

  @Test
  void everyoneGetsUtcTimestamps() throws Exception {
    assertThat(dataSource).isInstanceOf(UtcTimestamps.class);
    DataSource engines = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource();
    assertThat(engines.isWrapperFor(UtcTimestamps.class)).as("the engine's DataSource").isTrue();
    assertThat(jdbc.queryForObject("select setting_value from information_schema.settings where setting_name = 'TIME ZONE'",
        String.class)).as("H2's session zone").isEqualTo("UTC");
  }

  @Test
  void aTimestampKeepsItsInstantWithOrWithoutZoneInTheColumn() {
    jdbc.execute("create table tz_probe (id integer primary key, with_zone timestamp with time zone, without_zone timestamp)");
    try {
      jdbc.update("insert into tz_probe values (1, ?, ?)", Timestamp.from(SECOND), Timestamp.from(SECOND));
      assertThat(jdbc.queryForObject("select with_zone from tz_probe", OffsetDateTime.class).toInstant()).isEqualTo(SECOND);
      assertThat(jdbc.queryForObject("select without_zone from tz_probe", Timestamp.class).toInstant()).isEqualTo(SECOND);
      assertThat(jdbc.queryForObject("select with_zone from tz_probe", Timestamp.class).toInstant()).isEqualTo(SECOND);
    } finally {
      jdbc.execute("drop table tz_probe");
    }
  }
}
