package com.mileotech.cyber.system;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Flyway migration adding an index of ours to one of Camunda's tables. In Java because the table
 * may be absent: in the application the engine creates its tables before Flyway runs, but a
 * database holding only our own tables (the register tests) has none, and plain SQL cannot say
 * "if it exists" on both H2 and PostgreSQL.
 */
abstract class CamundaIndexMigration extends BaseJavaMigration {

  private static final Logger LOG = LoggerFactory.getLogger(CamundaIndexMigration.class);

  private final String table;
  private final String index;
  private final String columns;

  /** {@code columns}: the index's column list as SQL, e.g. {@code DUE_DATE_, CREATE_TIME_ desc}. */
  CamundaIndexMigration(String table, String index, String columns) {
    this.table = table;
    this.index = index;
    this.columns = columns;
  }

  @Override
  public final void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    if (!tableExists(connection.getMetaData(), table)) {
      LOG.warn("No Camunda table {}: index {} not created", table, index);
      return;
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("create index if not exists " + index + " on " + table + " (" + columns + ")");
    }
  }

  private static boolean tableExists(DatabaseMetaData metaData, String table) throws SQLException {
    for (String name : new String[] {table, table.toLowerCase()}) {
      try (ResultSet tables = metaData.getTables(null, null, name, new String[] {"TABLE"})) {
        if (tables.next()) {
          return true;
        }
      }
    }
    return false;
  }
}
