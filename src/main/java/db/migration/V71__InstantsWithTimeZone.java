package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * V71 (issue 14): every instant of our own tables in a {@code TIMESTAMP WITH TIME ZONE} column.
 *
 * <p>These columns were {@code TIMESTAMP} (no zone), written as {@code java.sql.Timestamp}: JDBC
 * stored the wall-clock time of the JVM's default zone, and read it back the same way. In
 * Europe/Paris the autumn hour 02:00–03:00 happens twice, so a CNIL deadline due in its second
 * occurrence came back one hour early in the register, and a filing 15 minutes before it was
 * recorded 45 minutes late. With a zone in the column, the code binds an instant
 * ({@code OffsetDateTime} at UTC, see {@code system/DbTime}) and no zone takes part.
 *
 * <p>Existing values are read as UTC wall-clock time: docs/production.md required the JVM to run
 * with {@code -Duser.timezone=UTC} until now. A Java migration because that conversion must not
 * depend on the session's zone, and H2 and PostgreSQL say it differently. It lives in db.migration
 * beside the SQL migrations so that every Flyway run finds it, the register tests' included.
 */
public class V71__InstantsWithTimeZone extends BaseJavaMigration {

  /** Table → its columns that hold an instant without a zone. */
  static final Map<String, List<String>> COLUMNS = Map.of(
      "client", List.of("created_at", "updated_at"),
      "client_equipment", List.of("updated_at"),
      "client_software", List.of("updated_at"),
      "commissioning_document", List.of("signed_at", "issued_at"),
      "regulatory_notification", List.of("mileo_awareness_at", "client_informed_at", "client_awareness_at",
          "data_subjects_decided_at", "created_at", "closed_at"),
      "regulatory_report", List.of("due_at", "submitted_at", "opened_at", "recorded_at"));

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    try (Statement statement = connection.createStatement()) {
      // H2 converts TIMESTAMP to TIMESTAMP WITH TIME ZONE in the session's zone: UTC for this, then
      // the session's own again (the application's connections are in UTC already, see UtcDatabase)
      String sessionZone = postgres ? null : sessionZone(statement);
      if (!postgres) {
        statement.execute("set time zone 'UTC'");
      }
      try {
        for (Map.Entry<String, List<String>> table : COLUMNS.entrySet()) {
          for (String column : table.getValue()) {
            statement.execute(postgres
                ? "alter table " + table.getKey() + " alter column " + column
                    + " type timestamp with time zone using " + column + " at time zone 'UTC'"
                : "alter table " + table.getKey() + " alter column " + column + " set data type timestamp with time zone");
          }
        }
      } finally {
        if (!postgres) {
          statement.execute("set time zone '" + sessionZone.replace("'", "''") + "'");
        }
      }
    }
  }

  private static String sessionZone(Statement statement) throws SQLException {
    try (ResultSet rs = statement.executeQuery(
        "select setting_value from information_schema.settings where setting_name = 'TIME ZONE'")) {
      return rs.next() ? rs.getString(1) : "UTC";
    }
  }
}
