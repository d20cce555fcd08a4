package com.mileotech.cyber;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An embedded PostgreSQL server (the production database) with every SQL migration applied, for
 * the tests that run a feature's statements on it without an engine.
 */
public final class MigratedPostgres implements AutoCloseable {

  private final EmbeddedPostgres server;
  private final JdbcClient jdbc;

  private MigratedPostgres(EmbeddedPostgres server) {
    this.server = server;
    this.jdbc = JdbcClient.create(server.getPostgresDatabase());
  }

  public static MigratedPostgres start() throws IOException {
    EmbeddedPostgres server = EmbeddedPostgres.start();
    Flyway.configure().dataSource(server.getPostgresDatabase()).locations("classpath:db/migration").load().migrate();
    return new MigratedPostgres(server);
  }

  public JdbcClient jdbc() {
    return jdbc;
  }

  public DataSource dataSource() {
    return server.getPostgresDatabase();
  }

  /** A client and one security incident of it: the rows the incident's registers refer to. */
  public MigratedPostgres withIncident(String clientId, String reference) {
    jdbc.sql("""
        insert into client (id, name, contract_type, contract_start, contract_end, created_at, updated_at)
        values (?, 'Client PG', 'STANDARD', date '2026-01-01', date '2027-01-01', now(), now())""")
        .param(clientId).update();
    jdbc.sql("""
        insert into security_incident (reference, process_instance_id, client_id, site_ids, detection_source, equipment,
          description, detected_at, created_at, status)
        values (?, 'pi-1', ?, 'a', 'alerte-supervision', 'NVR', 'x', now(), now(), 'signale')""")
        .param(reference).param(clientId).update();
    return this;
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
