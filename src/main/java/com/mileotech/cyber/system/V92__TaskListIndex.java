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
 * V92 (issue 20, docs/bench.md "Task lists (issue 20)"): an index on Camunda's tasks in the order
 * Tasklist shows them. Every filter of every role sorts by due date, and Tasklist adds its own
 * order (newest first): a first page of 15 tasks, {@code order by DUE_DATE_ asc, CREATE_TIME_ desc}.
 * Camunda has no index there, and the page is a {@code select distinct} (the candidate groups are a
 * join): the database read every task of the user's groups (19,000 for the referent at 10,000 open
 * incidents), sorted all of them with every column, on disk on PostgreSQL, to keep 15. With this
 * index PostgreSQL walks the tasks in that order and stops after the first 15 the user may see
 * (an incremental sort for the columns after these two).
 *
 * <p>The same index serves the two filters of a due-date range ("Échéance sous 24 h", "En retard"),
 * which Tasklist counts on every visit: only the tasks in the range are read, not every task of
 * the user's groups.
 *
 * <p>A Java migration for the reason given in {@link V70__JobAcquisitionIndex}: Camunda's table
 * may be absent (a database holding only our own tables).
 */
public class V92__TaskListIndex extends BaseJavaMigration {

  private static final Logger LOG = LoggerFactory.getLogger(V92__TaskListIndex.class);

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    if (!tableExists(connection.getMetaData(), "ACT_RU_TASK")) {
      LOG.warn("No Camunda task table: index mileo_idx_task_due_created not created");
      return;
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("create index if not exists mileo_idx_task_due_created on ACT_RU_TASK (DUE_DATE_, CREATE_TIME_ desc)");
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
