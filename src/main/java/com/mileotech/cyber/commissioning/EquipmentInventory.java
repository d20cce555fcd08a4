package com.mileotech.cyber.commissioning;

import static com.mileotech.cyber.system.DbTime.instant;
import static com.mileotech.cyber.system.DbTime.utc;

import com.mileotech.cyber.system.Published;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The firmware inventory per client (guide §03), updated after each intervention, and the software
 * of each site (VMS, operating system). Published for the security updates feature (issue 10),
 * which reads what runs where and records what it applied, and for the dashboard, which lists the
 * equipment out of support.
 */
@Published
@Repository
public class EquipmentInventory {

  private final JdbcClient jdbc;

  public EquipmentInventory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One inventory row as GET /api/clients/{id}/equipment returns it. */
  record Item(String serialNumber, String kind, String model, String firmwareVersion, boolean securityUpdates,
      String siteId, String lastReference, Instant updatedAt) {}

  void record(String clientId, String siteId, String reference, List<Equipment> equipment, Instant at) {
    for (Equipment e : equipment) {
      int updated = jdbc.sql("""
          update client_equipment set kind = ?, model = ?, firmware_version = ?, security_updates = ?, site_id = ?,
            last_reference = ?, updated_at = ? where client_id = ? and serial_number = ?""")
          .params(e.kind(), e.model(), e.firmwareVersion(), !e.endOfSupport(), siteId, reference, utc(at),
              clientId, e.serialNumber())
          .update();
      if (updated == 0) {
        jdbc.sql("""
            insert into client_equipment (client_id, serial_number, kind, model, firmware_version, security_updates,
              site_id, last_reference, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(clientId, e.serialNumber(), e.kind(), e.model(), e.firmwareVersion(), !e.endOfSupport(), siteId,
                reference, utc(at))
            .update();
      }
    }
  }

  // --- Used by other features: security updates (package update, issue 10), the dashboard ------

  /** Kinds of software the inventory keeps per site, beside the equipment (see {@link EquipmentKind}). */
  public static final String VMS = EquipmentKind.VMS.name();
  public static final String OS = EquipmentKind.OS.name();

  /**
   * Something installed at a client's site: a piece of equipment (id = serial number, kind SERVER,
   * NVR, CAMERA) or the site's software (id = "VMS@site" or "OS@site", kind VMS or OS).
   */
  public record Installed(String clientId, String siteId, String itemId, String kind, String model, String version,
      boolean securityUpdates) {

    public boolean software() {
      return VMS.equals(kind) || OS.equals(kind);
    }
  }

  /**
   * The kinds ({@link EquipmentKind} codes) the inventory holds at these sites of a client, equipment
   * and software alike; empty when it knows nothing of them. For the playbook feature, which keeps
   * the actions that fit the equipment of an incident's sites.
   */
  public Set<String> kindsAt(String clientId, Collection<String> siteIds) {
    Set<String> kinds = new TreeSet<>();
    if (clientId == null || siteIds == null || siteIds.isEmpty()) {
      return kinds;
    }
    for (String siteId : siteIds) {
      kinds.addAll(jdbc.sql("select distinct kind from client_equipment where client_id = ? and site_id = ?")
          .params(clientId, siteId).query(String.class).list());
      kinds.addAll(jdbc.sql("select distinct kind from client_software where client_id = ? and site_id = ?")
          .params(clientId, siteId).query(String.class).list());
    }
    return kinds;
  }

  /** Every item of these kinds whose model or product is {@code product} (case and spaces ignored), all clients. */
  public List<Installed> running(String product, List<String> kinds) {
    String key = productKey(product);
    List<Installed> found = new java.util.ArrayList<>();
    for (String kind : kinds) {
      if (VMS.equals(kind) || OS.equals(kind)) {
        found.addAll(jdbc.sql("select * from client_software where kind = ? order by client_id, site_id")
            .param(kind)
            .query((rs, n) -> new Installed(rs.getString("client_id"), rs.getString("site_id"),
                kind + "@" + rs.getString("site_id"), kind, rs.getString("product"), rs.getString("version"), true))
            .list().stream().filter(i -> productKey(i.model()).equals(key)).toList());
      } else {
        found.addAll(jdbc.sql("select * from client_equipment where kind = ? order by client_id, site_id, serial_number")
            .param(kind)
            .query((rs, n) -> new Installed(rs.getString("client_id"), rs.getString("site_id"),
                rs.getString("serial_number"), kind, rs.getString("model"), rs.getString("firmware_version"),
                rs.getBoolean("security_updates")))
            .list().stream().filter(i -> productKey(i.model()).equals(key)).toList());
      }
    }
    return found;
  }

  /** Whether any client runs {@code product} as one of these kinds. */
  public boolean knows(String product, List<String> kinds) {
    return !running(product, kinds).isEmpty();
  }

  /** The site's VMS or operating system (commissioning records the VMS; an update records its new version). */
  public void recordSoftware(String clientId, String siteId, String kind, String product, String version,
      String reference, Instant at) {
    int updated = jdbc.sql("""
        update client_software set product = ?, version = ?, last_reference = ?, updated_at = ?
        where client_id = ? and site_id = ? and kind = ?""")
        .params(product, version, reference, utc(at), clientId, siteId, kind).update();
    if (updated == 0) {
      jdbc.sql("""
          insert into client_software (client_id, site_id, kind, product, version, last_reference, updated_at)
          values (?, ?, ?, ?, ?, ?, ?)""")
          .params(clientId, siteId, kind, product, version, reference, utc(at)).update();
    }
  }

  /** A site's software (VMS, OS) as GET /api/clients/{id}/software returns it. */
  public record Software(String siteId, String kind, String product, String version, String lastReference,
      Instant updatedAt) {}

  public List<Software> software(String clientId) {
    return jdbc.sql("select * from client_software where client_id = ? order by site_id, kind").param(clientId)
        .query((rs, n) -> new Software(rs.getString("site_id"), rs.getString("kind"), rs.getString("product"),
            rs.getString("version"), rs.getString("last_reference"), instant(rs, "updated_at")))
        .list();
  }

  /** A new version applied to an item (equipment firmware or site software), after an intervention. */
  public void recordVersion(Installed item, String version, String reference, Instant at) {
    if (item.software()) {
      recordSoftware(item.clientId(), item.siteId(), item.kind(), item.model(), version, reference, at);
    } else {
      jdbc.sql("""
          update client_equipment set firmware_version = ?, last_reference = ?, updated_at = ?
          where client_id = ? and serial_number = ?""")
          .params(version, reference, utc(at), item.clientId(), item.itemId()).update();
    }
  }

  /** The maker no longer publishes security updates for this equipment (guide §03). */
  public void recordEndOfSupport(Installed item, String reference, Instant at) {
    if (!item.software()) {
      jdbc.sql("""
          update client_equipment set security_updates = false, last_reference = ?, updated_at = ?
          where client_id = ? and serial_number = ?""")
          .params(reference, utc(at), item.clientId(), item.itemId()).update();
    }
  }

  /** How products are compared: case, accents kept, runs of spaces ignored ("Axis  P3265" = "axis p3265"). */
  public static String productKey(String product) {
    return product == null ? "" : product.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  /** A piece of equipment whose maker no longer publishes security updates (guide §03). */
  public record OutOfSupport(String clientId, String siteId, String serialNumber, String kind, String model,
      String firmwareVersion, String lastReference) {

    /** « Caméra »; the stored code when unknown. */
    public String kindLabel() {
      return EquipmentKind.label(kind);
    }
  }

  /** The equipment of {@code clients} out of support, by client, site, kind and serial number. */
  public List<OutOfSupport> outOfSupport(List<String> clients) {
    if (clients.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("""
        select client_id, serial_number, kind, model, firmware_version, site_id, last_reference
        from client_equipment where security_updates = false and client_id in (:clients)
        order by client_id, site_id, kind, serial_number""")
        .param("clients", clients)
        .query((rs, n) -> new OutOfSupport(rs.getString("client_id"), rs.getString("site_id"),
            rs.getString("serial_number"), rs.getString("kind"), rs.getString("model"),
            rs.getString("firmware_version"), rs.getString("last_reference")))
        .list();
  }

  // --- end of the published part ------------------------------------------------------------------

  List<Item> of(String clientId) {
    return jdbc.sql("select * from client_equipment where client_id = ? order by site_id, kind, serial_number")
        .param(clientId)
        .query((rs, n) -> new Item(rs.getString("serial_number"), rs.getString("kind"), rs.getString("model"),
            rs.getString("firmware_version"), rs.getBoolean("security_updates"), rs.getString("site_id"),
            rs.getString("last_reference"), instant(rs, "updated_at")))
        .list();
  }
}
