package com.mileotech.cyber.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Calendar;
import java.util.Date;
import java.util.Map;
import java.util.TimeZone;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Zone-less TIMESTAMP columns (Camunda's) through {@link UtcTimestamps}, on H2 and PostgreSQL: both
 * 02:30s of the night Paris turns its clocks back come back as they went in, and the column holds
 * UTC wall-clock time. Run under UTC and under Europe/Paris (pom.xml, profile paris-time-zone).
 */
class UtcTimestampsTest {

  /** 02:30 summer time (first) and 02:30 winter time (second) in Paris, 25 October 2026. */
  private static final Instant FIRST = Instant.parse("2026-10-25T00:30:00Z");
  private static final Instant SECOND = Instant.parse("2026-10-25T01:30:00Z");

  private static TwoDatabases databases;

  @BeforeAll
  static void start() throws Exception {
    databases = TwoDatabases.start();
    for (DataSource database : databases.byName().values()) {
      new JdbcTemplate(database).execute("create table act_like (id integer primary key, at timestamp)");
    }
  }

  @AfterAll
  static void stop() throws Exception {
    databases.close();
  }

  @Test
  void bothOccurrencesOfTheRepeatedHourComeBackAsTheyWentIn() throws Exception {
    for (Map.Entry<String, DataSource> database : databases.byName().entrySet()) {
      DataSource raw = database.getValue();
      UtcTimestamps utc = new UtcTimestamps(raw);
      JdbcTemplate jdbc = new JdbcTemplate(utc);
      jdbc.update("delete from act_like");
      // as MyBatis and Spring bind a Date: setTimestamp without calendar, or setObject
      try (Connection connection = utc.getConnection();
          PreparedStatement insert = connection.prepareStatement("insert into act_like (id, at) values (?, ?)")) {
        insert.setInt(1, 1);
        insert.setTimestamp(2, Timestamp.from(FIRST));
        insert.executeUpdate();
        insert.setInt(1, 2);
        insert.setObject(2, Timestamp.from(SECOND));
        insert.executeUpdate();
      }
      jdbc.update("insert into act_like (id, at) values (?, ?)", 3, Date.from(SECOND));

      assertThat(jdbc.query("select at from act_like order by id", (rs, n) -> rs.getTimestamp(1).toInstant()))
          .as(database.getKey() + ": getTimestamp").containsExactly(FIRST, SECOND, SECOND);
      assertThat(jdbc.query("select at from act_like order by id", (rs, n) -> ((Date) rs.getObject("at")).toInstant()))
          .as(database.getKey() + ": getObject").containsExactly(FIRST, SECOND, SECOND);
      assertThat(jdbc.queryForObject("select count(*) from act_like where at > ?", Integer.class, Date.from(FIRST)))
          .as(database.getKey() + ": compared in SQL").isEqualTo(2);
      // what the column holds: UTC wall-clock time, read without any calendar
      assertThat(new JdbcTemplate(raw).query("select at from act_like order by id",
          (rs, n) -> rs.getObject(1, LocalDateTime.class)))
          .as(database.getKey() + ": stored").containsExactly(LocalDateTime.parse("2026-10-25T00:30"),
              LocalDateTime.parse("2026-10-25T01:30"), LocalDateTime.parse("2026-10-25T01:30"));
    }
  }

  @Test
  void aCallThatGivesItsOwnCalendarKeepsIt() throws Exception {
    for (Map.Entry<String, DataSource> database : databases.byName().entrySet()) {
      UtcTimestamps utc = new UtcTimestamps(database.getValue());
      new JdbcTemplate(utc).update("delete from act_like");
      Calendar tokyo = Calendar.getInstance(TimeZone.getTimeZone("Asia/Tokyo"));
      try (Connection connection = utc.getConnection()) {
        try (PreparedStatement insert = connection.prepareStatement("insert into act_like (id, at) values (1, ?)")) {
          insert.setTimestamp(1, Timestamp.from(SECOND), tokyo);
          insert.executeUpdate();
        }
        try (PreparedStatement select = connection.prepareStatement("select at from act_like");
            ResultSet rs = select.executeQuery()) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getObject(1, LocalDateTime.class)).as(database.getKey()).isEqualTo(LocalDateTime.parse("2026-10-25T10:30"));
          assertThat(rs.getTimestamp(1, tokyo).toInstant()).as(database.getKey()).isEqualTo(SECOND);
        }
      }
    }
  }

  @Test
  void theWrappedObjectsAreStillReachable() throws Exception {
    DataSource h2 = databases.get("H2");
    UtcTimestamps utc = new UtcTimestamps(h2);
    assertThat(utc.unwrap(JdbcDataSource.class)).isSameAs(h2);
    try (Connection connection = utc.getConnection(); Connection other = utc.getConnection()) {
      assertThat(connection.isWrapperFor(org.h2.jdbc.JdbcConnection.class)).isTrue();
      assertThat(connection.unwrap(org.h2.jdbc.JdbcConnection.class)).isInstanceOf(org.h2.jdbc.JdbcConnection.class);
      assertThat(connection).isEqualTo(connection).isNotEqualTo(other);
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("H2");
    }
  }
}
