package com.mileotech.cyber.system;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * An answered request is on disk (docs/production.md, "What an acknowledged request guarantees"),
 * whatever the database URL the operator gave, before Flyway, the engine or a request writes:
 *
 * <ul>
 *   <li><b>H2 file</b>: H2 writes committed transactions to its file in the background, up to
 *       {@code WRITE_DELAY} (500 ms) later; a crash in between lost incidents already answered
 *       201. {@code WRITE_DELAY} 0 writes each commit to the file before the commit returns (kept
 *       by the operating system when the JVM is killed). The setting is stored in the database.
 *   <li><b>PostgreSQL</b>: every connection of the pool turns {@code synchronous_commit} back on if
 *       the server has it off (commits then wait for the WAL flush; added to any init SQL the
 *       operator set); stronger settings
 *       (remote_write, remote_apply for a synchronous standby) are left alone. {@code fsync} off
 *       cannot be fixed by a client: a WARN says so.
 * </ul>
 */
@Component
class DurableCommits implements BeanPostProcessor {

  private static final Logger LOG = LoggerFactory.getLogger(DurableCommits.class);

  /** DataSource beans already checked (a wrapper of the pool is the same database). */
  private final Set<String> checked = ConcurrentHashMap.newKeySet();

  /** Runs on each new connection: one row when it had to raise the setting, none otherwise. */
  static final String POSTGRES_SYNCHRONOUS_COMMIT =
      "select set_config('synchronous_commit', 'on', false) where current_setting('synchronous_commit') = 'off'";

  /** Before the pool starts: PostgreSQL connections ask for synchronous commits. */
  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
        && pool.getJdbcUrl().toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:")) {
      String init = pool.getConnectionInitSql();
      if (init == null || init.isBlank()) {
        pool.setConnectionInitSql(POSTGRES_SYNCHRONOUS_COMMIT);
      } else if (!init.contains("synchronous_commit")) {
        pool.setConnectionInitSql(init + "; " + POSTGRES_SYNCHRONOUS_COMMIT);
      }
    }
    return bean;
  }

  /** Once the DataSource exists (whatever wraps it): H2's write delay off, PostgreSQL's settings checked. */
  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource && checked.add(beanName)) {
      check(dataSource);
    }
    return bean;
  }

  private static void check(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      String product = connection.getMetaData().getDatabaseProductName();
      String url = String.valueOf(connection.getMetaData().getURL()).toLowerCase(Locale.ROOT);
      if ("H2".equals(product) && !url.startsWith("jdbc:h2:mem:")) {
        h2(statement);
      } else if ("PostgreSQL".equals(product)) {
        postgres(statement);
      }
    } catch (SQLException | RuntimeException e) {
      // the database is unreachable: Flyway and the engine will say so in their own words
      LOG.warn("Could not check the durability settings of the database: {}", e.getMessage());
    }
  }

  private static void h2(Statement statement) throws SQLException {
    String delay = single(statement, "select setting_value from information_schema.settings where setting_name = 'WRITE_DELAY'");
    if ("0".equals(delay)) {
      LOG.info("H2 file database: each commit is written to the file before it is acknowledged (WRITE_DELAY=0)");
      return;
    }
    try {
      statement.execute("SET WRITE_DELAY 0");
      LOG.info("H2 file database: write delay {} ms turned off, each commit is now written to the file before it is "
          + "acknowledged (WRITE_DELAY=0, stored in the database)", delay);
    } catch (SQLException notAdmin) {
      LOG.warn("H2 file database with a write delay of {} ms: commits of the last {} ms before a crash are LOST, "
          + "although their requests were answered. Run SET WRITE_DELAY 0 as the database's administrator ({})",
          delay, delay, notAdmin.getMessage());
    }
  }

  private static void postgres(Statement statement) throws SQLException {
    String fsync = single(statement, "show fsync");
    String synchronousCommit = single(statement, "show synchronous_commit");
    if (!"on".equals(fsync)) {
      LOG.warn("PostgreSQL runs with fsync={}: acknowledged requests survive a crash of the application or of "
          + "PostgreSQL, NOT a crash of the database server's operating system or a power cut (docs/production.md)", fsync);
    }
    if ("off".equals(synchronousCommit)) {
      LOG.warn("PostgreSQL connections run with synchronous_commit=off: commits of the last moments before a crash of "
          + "PostgreSQL are LOST although their requests were answered (spring.datasource.hikari.connection-init-sql "
          + "is set by hand; docs/production.md)");
    } else {
      LOG.info("PostgreSQL: each commit waits for its WAL flush (synchronous_commit={}, fsync={})", synchronousCommit, fsync);
    }
  }

  private static String single(Statement statement, String sql) throws SQLException {
    try (ResultSet rs = statement.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }
}
