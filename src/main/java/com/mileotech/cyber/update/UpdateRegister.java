package com.mileotech.cyber.update;

import static com.mileotech.cyber.system.DbTime.instant;
import static com.mileotech.cyber.system.DbTime.utc;

import com.mileotech.cyber.commissioning.EquipmentInventory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The register of security updates (tables security_update, security_update_client,
 * security_update_item): what was published, which clients and items it concerned, and what
 * became of each (who, when, which version, or why not).
 */
@Repository
class UpdateRegister {

  static final String PENDING = "a-traiter";
  static final String APPLIED = "appliquee";
  static final String END_OF_SUPPORT = "fin-de-support";
  static final String CLIENT_REFUSAL = "refus-client";

  private final JdbcClient jdbc;

  UpdateRegister(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A registered update. */
  record Update(String reference, String product, String kind, boolean critical, List<String> affectedVersions,
      String fixedVersion, String advisory, List<String> cveIds, Instant publishedAt, String deadlineRule,
      Instant dueAt, String registeredBy, Instant registeredAt, String processInstanceId, String status) {

    UpdateKind kindValue() {
      return UpdateKind.valueOf(kind);
    }
  }

  /** The work at one client. */
  record ClientWork(String clientId, String processInstanceId, boolean stagingRequired, String stagingValidatedBy,
      Instant stagingValidatedAt, String status, Boolean deadlineMet, String securityIncident) {}

  /** One affected item and its outcome. */
  record Item(String clientId, String itemId, String siteId, String kind, String model, String versionBefore,
      String outcome, String newVersion, String reason, String recordedBy, Instant recordedAt, Instant appliedAt) {

    EquipmentInventory.Installed installed() {
      return new EquipmentInventory.Installed(clientId, siteId, itemId, kind, model, versionBefore, true);
    }
  }

  void insert(String reference, Publication p, Instant dueAt, String by, Instant at) {
    jdbc.sql("""
        insert into security_update (reference, product, product_key, kind, critical, affected_versions, fixed_version,
          advisory, advisory_key, cve_ids, published_at, deadline_rule, due_at, registered_by, registered_at, status)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(reference, p.product(), EquipmentInventory.productKey(p.product()), p.kind(), p.critical(),
            String.join("\n", p.affectedVersions()), p.fixedVersion(), p.advisory(), Publication.advisoryKey(p.advisory()),
            p.cveIds().isEmpty() ? null : String.join(",", p.cveIds()), utc(p.publishedAt()), p.deadlineRule(), utc(dueAt),
            by, utc(at), "enregistree")
        .update();
  }

  Optional<String> referenceOf(Publication p) {
    return jdbc.sql("select reference from security_update where product_key = ? and advisory_key = ?")
        .params(EquipmentInventory.productKey(p.product()), Publication.advisoryKey(p.advisory()))
        .query(String.class).optional();
  }

  Optional<Update> find(String reference) {
    return jdbc.sql("select * from security_update where reference = ?").param(reference)
        .query(UpdateRegister::update).optional();
  }

  void started(String reference, String processInstanceId) {
    jdbc.sql("update security_update set process_instance_id = ? where reference = ?")
        .params(processInstanceId, reference).update();
  }

  void status(String reference, String status) {
    jdbc.sql("update security_update set status = ? where reference = ?").params(status, reference).update();
  }

  // --- clients

  void addClient(String reference, String clientId, boolean stagingRequired) {
    if (client(reference, clientId).isEmpty()) {
      jdbc.sql("insert into security_update_client (reference, client_id, staging_required, status) values (?, ?, ?, ?)")
          .params(reference, clientId, stagingRequired, "en-cours").update();
    }
  }

  Optional<ClientWork> client(String reference, String clientId) {
    return jdbc.sql("select * from security_update_client where reference = ? and client_id = ?")
        .params(reference, clientId).query(UpdateRegister::clientWork).optional();
  }

  List<ClientWork> clients(String reference) {
    return jdbc.sql("select * from security_update_client where reference = ? order by client_id")
        .param(reference).query(UpdateRegister::clientWork).list();
  }

  void clientStarted(String reference, String clientId, String processInstanceId) {
    jdbc.sql("update security_update_client set process_instance_id = ? where reference = ? and client_id = ?")
        .params(processInstanceId, reference, clientId).update();
  }

  void stagingValidated(String reference, String clientId, String by, Instant at) {
    jdbc.sql("""
        update security_update_client set staging_validated_by = ?, staging_validated_at = ?
        where reference = ? and client_id = ?""").params(by, utc(at), reference, clientId).update();
  }

  void securityIncident(String reference, String clientId, String incident) {
    jdbc.sql("update security_update_client set security_incident = ? where reference = ? and client_id = ?")
        .params(incident, reference, clientId).update();
  }

  void clientDone(String reference, String clientId, Boolean met) {
    jdbc.sql("update security_update_client set status = ?, deadline_met = ? where reference = ? and client_id = ?")
        .params("traitee", met, reference, clientId).update();
  }

  // --- items

  void addItem(String reference, EquipmentInventory.Installed i) {
    int exists = jdbc.sql("select count(*) from security_update_item where reference = ? and client_id = ? and item_id = ?")
        .params(reference, i.clientId(), i.itemId()).query(Integer.class).single();
    if (exists == 0) {
      jdbc.sql("""
          insert into security_update_item (reference, client_id, item_id, site_id, item_kind, model, version_before, outcome)
          values (?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(reference, i.clientId(), i.itemId(), i.siteId(), i.kind(), i.model(), i.version(), PENDING).update();
    }
  }

  List<Item> items(String reference, String clientId) {
    return jdbc.sql("select * from security_update_item where reference = ? and client_id = ? order by site_id, item_id")
        .params(reference, clientId).query(UpdateRegister::item).list();
  }

  List<Item> items(String reference) {
    return jdbc.sql("select * from security_update_item where reference = ? order by client_id, site_id, item_id")
        .param(reference).query(UpdateRegister::item).list();
  }

  void outcome(String reference, String clientId, String itemId, String outcome, String newVersion, String reason,
      String by, Instant at, Instant appliedAt) {
    jdbc.sql("""
        update security_update_item set outcome = ?, new_version = ?, reason = ?, recorded_by = ?, recorded_at = ?,
          applied_at = ? where reference = ? and client_id = ? and item_id = ?""")
        .params(outcome, newVersion, reason, by, utc(at), utc(appliedAt), reference, clientId, itemId).update();
  }

  // --- mapping

  private static Update update(ResultSet rs, int n) throws SQLException {
    String cves = rs.getString("cve_ids");
    return new Update(rs.getString("reference"), rs.getString("product"), rs.getString("kind"), rs.getBoolean("critical"),
        List.of(rs.getString("affected_versions").split("\n")), rs.getString("fixed_version"), rs.getString("advisory"),
        cves == null ? List.of() : Arrays.asList(cves.split(",")), instant(rs, "published_at"),
        rs.getString("deadline_rule"), instant(rs, "due_at"), rs.getString("registered_by"),
        instant(rs, "registered_at"), rs.getString("process_instance_id"), rs.getString("status"));
  }

  private static ClientWork clientWork(ResultSet rs, int n) throws SQLException {
    Object met = rs.getObject("deadline_met");
    return new ClientWork(rs.getString("client_id"), rs.getString("process_instance_id"),
        rs.getBoolean("staging_required"), rs.getString("staging_validated_by"), instant(rs, "staging_validated_at"),
        rs.getString("status"), met == null ? null : rs.getBoolean("deadline_met"), rs.getString("security_incident"));
  }

  private static Item item(ResultSet rs, int n) throws SQLException {
    return new Item(rs.getString("client_id"), rs.getString("item_id"), rs.getString("site_id"), rs.getString("item_kind"),
        rs.getString("model"), rs.getString("version_before"), rs.getString("outcome"), rs.getString("new_version"),
        rs.getString("reason"), rs.getString("recorded_by"), instant(rs, "recorded_at"), instant(rs, "applied_at"));
  }
}
