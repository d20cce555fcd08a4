package com.mileotech.cyber.client;

import static com.mileotech.cyber.system.DbTime.utc;

import com.mileotech.cyber.system.Published;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.util.List;
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
        .query((rs, n) -> new ClientRow(
            rs.getString("id"), rs.getString("name"),
            rs.getString("nis2_entity_type") == null ? null : Nis2EntityType.valueOf(rs.getString("nis2_entity_type")),
            new Client.Contract(ContractType.valueOf(rs.getString("contract_type")),
                rs.getObject("contract_start", LocalDate.class), rs.getObject("contract_end", LocalDate.class),
                rs.getBoolean("contract_staging_validation")),
            rs.getString("dpo_name") == null ? null
                : new Client.Contact(rs.getString("dpo_name"), rs.getString("dpo_email"), rs.getString("dpo_phone"), null)))
        .optional()
        .map(this::withChildren);
  }

  public List<Client> findAll() {
    return jdbc.sql("select id from client order by name").query(String.class).list().stream()
        .map(this::find).flatMap(Optional::stream).toList();
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
        .param(row.id())
        .query((rs, n) -> new Client.Contact(rs.getString("name"), rs.getString("email"), null, rs.getString("user_id")))
        .list();
    List<Client.Site> sites = jdbc.sql("select * from client_site where client_id = ? order by position")
        .param(row.id())
        .query((rs, n) -> new Client.Site(rs.getString("site_id"), rs.getString("name"), rs.getString("address"),
            rs.getBoolean("retired")))
        .list();
    List<RegulatoryRegime> regimes = jdbc.sql("select regime from client_regime where client_id = ?").param(row.id())
        .query((rs, n) -> RegulatoryRegime.valueOf(rs.getString("regime"))).list().stream().sorted().toList();
    return new Client(row.id(), row.name(), regimes, row.contract(), rssi, row.dpo(), sites, row.nis2EntityType());
  }

  private static String entityType(Client client) {
    return client.nis2EntityType() == null ? null : client.nis2EntityType().name();
  }

  private static Client.Contact dpo(Client client) {
    return client.dpo() != null ? client.dpo() : new Client.Contact(null, null, null, null);
  }

  private record ClientRow(String id, String name, Nis2EntityType nis2EntityType, Client.Contract contract, Client.Contact dpo) {}
}
