package com.mileotech.cyber.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** An H2 in memory and an embedded PostgreSQL, by name, for tests that check both. */
final class TwoDatabases implements AutoCloseable {

  private final EmbeddedPostgres postgres;
  private final Map<String, DataSource> byName;

  private TwoDatabases(EmbeddedPostgres postgres, Map<String, DataSource> byName) {
    this.postgres = postgres;
    this.byName = byName;
  }

  static TwoDatabases start() throws IOException {
    EmbeddedPostgres postgres = EmbeddedPostgres.start();
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return new TwoDatabases(postgres, Map.of("H2", h2, "PostgreSQL", postgres.getPostgresDatabase()));
  }

  /** "H2" and "PostgreSQL". */
  Map<String, DataSource> byName() {
    return byName;
  }

  DataSource get(String name) {
    return byName.get(name);
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
