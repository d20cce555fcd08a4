package com.mileotech.cyber.commissioning;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The firmware inventory per client (guide §03), updated after each intervention. */
@Repository
class EquipmentInventory {

  private final JdbcClient jdbc;

  EquipmentInventory(JdbcClient jdbc) {
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
          .params(e.kind(), e.model(), e.firmwareVersion(), !e.endOfSupport(), siteId, reference, Timestamp.from(at),
              clientId, e.serialNumber())
          .update();
      if (updated == 0) {
        jdbc.sql("""
            insert into client_equipment (client_id, serial_number, kind, model, firmware_version, security_updates,
              site_id, last_reference, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(clientId, e.serialNumber(), e.kind(), e.model(), e.firmwareVersion(), !e.endOfSupport(), siteId,
                reference, Timestamp.from(at))
            .update();
      }
    }
  }

  List<Item> of(String clientId) {
    return jdbc.sql("select * from client_equipment where client_id = ? order by site_id, kind, serial_number")
        .param(clientId)
        .query((rs, n) -> new Item(rs.getString("serial_number"), rs.getString("kind"), rs.getString("model"),
            rs.getString("firmware_version"), rs.getBoolean("security_updates"), rs.getString("site_id"),
            rs.getString("last_reference"), rs.getTimestamp("updated_at").toInstant()))
        .list();
  }
}
