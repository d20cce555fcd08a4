package com.mileotech.cyber.client;

import static com.mileotech.cyber.system.DbTime.utc;

import com.mileotech.cyber.system.Published;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The client registry in the application's database (tables from db/migration). */
@Published
@Repository
public class ClientRepository {

  private final JdbcClient jdbc;

  ClientRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public boolean exists(String id) {
    return jdbc.sql("select count(*) from client where id = ?").param(id).query(Long.class).single() > 0;
  }

  public Optional<Client> find(String id) {
    return jdbc.sql("select * from client where id = ?").param(id)
        .query(ClientRepository::row)
        .optional()
        .map(this::withChildren);
  }

  /**
   * The whole registry, ordered by name, in four statements whatever its size (the clients, then
   * all their RSSI contacts, sites and regimes), not four per client: start-up reads it twice
   * (client tenants, the start forms), 1,602 statements at 200 clients before (docs/bench.md,
   * "Start-up, profiled again").
   */
  public List<Client> findAll() {
    List<ClientRow> rows = jdbc.sql("select * from client order by name").query(ClientRepository::row).list();
    Map<String, List<Client.Contact>> rssi = new HashMap<>();
    jdbc.sql("select * from client_rssi order by client_id, position")
        .query((rs, n) -> rssi.computeIfAbsent(rs.getString("client_id"), k -> new ArrayList<>()).add(rssi(rs)))
        .list();
    Map<String, List<Client.Site>> sites = new HashMap<>();
    jdbc.sql("select * from client_site order by client_id, position")
        .query((rs, n) -> sites.computeIfAbsent(rs.getString("client_id"), k -> new ArrayList<>()).add(site(rs)))
        .list();
    Map<String, List<RegulatoryRegime>> regimes = new HashMap<>();
    jdbc.sql("select client_id, regime from client_regime")
        .query((rs, n) -> regimes.computeIfAbsent(rs.getString("client_id"), k -> new ArrayList<>()).add(regime(rs)))
        .list();
    return rows.stream().map(row -> client(row, rssi.getOrDefault(row.id(), List.of()),
        sites.getOrDefault(row.id(), List.of()), regimes.getOrDefault(row.id(), List.of()))).toList();
  }

  public List<String> ids() {
    return jdbc.sql("select id from client order by id").query(String.class).list();
  }

  /** Inserts or replaces the client with its contacts and sites. */
  public void save(Client client) {
    OffsetDateTime now = utc(Instant.now());
    int updated = jdbc.sql("""
        update client set name = ?, nis2_entity_type = ?, contract_type = ?, contract_start = ?, contract_end = ?,
          contract_staging_validation = ?, dpo_name = ?, dpo_email = ?, dpo_phone = ?, updated_at = ? where id = ?""")
        .params(client.name(), entityType(client), client.contract().type().name(),
            client.contract().start(), client.contract().end(), client.contract().stagingValidation(),
            dpo(client).name(), dpo(client).email(), dpo(client).phone(), now, client.id())
        .update();
    if (updated == 0) {
      jdbc.sql("""
          insert into client (id, name, nis2_entity_type, contract_type, contract_start, contract_end, contract_staging_validation,
            dpo_name, dpo_email, dpo_phone, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(client.id(), client.name(), entityType(client), client.contract().type().name(),
              client.contract().start(), client.contract().end(), client.contract().stagingValidation(),
              dpo(client).name(), dpo(client).email(), dpo(client).phone(), now, now)
          .update();
    }
    jdbc.sql("delete from client_regime where client_id = ?").param(client.id()).update();
    for (RegulatoryRegime regime : client.regimeSet()) {
      jdbc.sql("insert into client_regime (client_id, regime) values (?, ?)").params(client.id(), regime.name()).update();
    }
    jdbc.sql("delete from client_rssi where client_id = ?").param(client.id()).update();
    for (int i = 0; i < client.rssiContacts().size(); i++) {
      Client.Contact c = client.rssiContacts().get(i);
      jdbc.sql("insert into client_rssi (client_id, position, name, email, user_id) values (?, ?, ?, ?, ?)")
          .params(client.id(), i, c.name(), c.email(), c.userId()).update();
    }
    jdbc.sql("delete from client_site where client_id = ?").param(client.id()).update();
    for (int i = 0; i < client.sites().size(); i++) {
      Client.Site s = client.sites().get(i);
      jdbc.sql("insert into client_site (client_id, site_id, position, name, address, retired) values (?, ?, ?, ?, ?, ?)")
          .params(client.id(), s.id(), i, s.name(), s.address(), s.retired()).update();
    }
  }

  /** The client a user account is the RSSI of, if any. */
  public Optional<String> clientOfRssiUser(String userId) {
    return jdbc.sql("select client_id from client_rssi where user_id = ?").param(userId)
        .query(String.class).list().stream().findFirst();
  }

  private Client withChildren(ClientRow row) {
    List<Client.Contact> rssi = jdbc.sql("select * from client_rssi where client_id = ? order by position")
        .param(row.id()).query((rs, n) -> rssi(rs)).list();
    List<Client.Site> sites = jdbc.sql("select * from client_site where client_id = ? order by position")
        .param(row.id()).query((rs, n) -> site(rs)).list();
    List<RegulatoryRegime> regimes = jdbc.sql("select client_id, regime from client_regime where client_id = ?")
        .param(row.id()).query((rs, n) -> regime(rs)).list();
    return client(row, rssi, sites, regimes);
  }

  private static Client client(ClientRow row, List<Client.Contact> rssi, List<Client.Site> sites,
      List<RegulatoryRegime> regimes) {
    return new Client(row.id(), row.name(), regimes.stream().sorted().toList(), row.contract(), rssi,
        row.dpo(), sites, row.nis2EntityType());
  }

  private static ClientRow row(ResultSet rs, int n) throws SQLException {
    return new ClientRow(
        rs.getString("id"), rs.getString("name"),
        rs.getString("nis2_entity_type") == null ? null : Nis2EntityType.valueOf(rs.getString("nis2_entity_type")),
        new Client.Contract(ContractType.valueOf(rs.getString("contract_type")),
            rs.getObject("contract_start", LocalDate.class), rs.getObject("contract_end", LocalDate.class),
            rs.getBoolean("contract_staging_validation")),
        rs.getString("dpo_name") == null ? null
            : new Client.Contact(rs.getString("dpo_name"), rs.getString("dpo_email"), rs.getString("dpo_phone"), null));
  }

  private static Client.Contact rssi(ResultSet rs) throws SQLException {
    return new Client.Contact(rs.getString("name"), rs.getString("email"), null, rs.getString("user_id"));
  }

  private static Client.Site site(ResultSet rs) throws SQLException {
    return new Client.Site(rs.getString("site_id"), rs.getString("name"), rs.getString("address"), rs.getBoolean("retired"));
  }

  private static RegulatoryRegime regime(ResultSet rs) throws SQLException {
    return RegulatoryRegime.valueOf(rs.getString("regime"));
  }

  private static String entityType(Client client) {
    return client.nis2EntityType() == null ? null : client.nis2EntityType().name();
  }

  private static Client.Contact dpo(Client client) {
    return client.dpo() != null ? client.dpo() : new Client.Contact(null, null, null, null);
  }

  private record ClientRow(String id, String name, Nis2EntityType nis2EntityType, Client.Contract contract, Client.Contact dpo) {}
}
