package com.mileotech.cyber.system;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants in our own tables: {@code TIMESTAMP WITH TIME ZONE} columns, bound and read as
 * {@link OffsetDateTime} at UTC. Neither the JVM's default zone nor the database session's takes
 * part (a {@code java.sql.Timestamp} would go through the JVM's zone, where a Paris autumn hour
 * happens twice). Same on H2 and PostgreSQL.
 */
@Published
public final class DbTime {

  private DbTime() {}

  /** The value to bind for an instant (null stays null). */
  public static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  /** The instant in a column, or null. */
  public static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
    return time == null ? null : time.toInstant();
  }

  /** The instant in a column, by position, or null. */
  public static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
    return time == null ? null : time.toInstant();
  }
}
