package com.mileotech.cyber.update;

import static com.mileotech.cyber.system.DbTime.instant;
import static com.mileotech.cyber.system.DbTime.utc;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The hardening controls re-verified after an incident (table hardening_reverification). */
@Repository
class ReverificationRegister {

  static final String TO_VERIFY = "a-verifier";

  private final JdbcClient jdbc;

  ReverificationRegister(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Reverification(String incidentReference, String clientId, String siteId, String pointId, String status,
      String comment, String verifiedBy, Instant verifiedAt) {}

  void request(String incident, String clientId, String siteId, String pointId, Instant at) {
    int exists = jdbc.sql("""
        select count(*) from hardening_reverification
        where incident_reference = ? and client_id = ? and site_id = ? and point_id = ?""")
        .params(incident, clientId, siteId, pointId).query(Integer.class).single();
    if (exists == 0) {
      jdbc.sql("""
          insert into hardening_reverification (incident_reference, client_id, site_id, point_id, requested_at, status)
          values (?, ?, ?, ?, ?, ?)""").params(incident, clientId, siteId, pointId, utc(at), TO_VERIFY).update();
    }
  }

  void started(String incident, String clientId, String siteId, String pointId, String processInstanceId) {
    jdbc.sql("""
        update hardening_reverification set process_instance_id = ?
        where incident_reference = ? and client_id = ? and site_id = ? and point_id = ?""")
        .params(processInstanceId, incident, clientId, siteId, pointId).update();
  }

  void verified(String incident, String clientId, String siteId, String pointId, String status, String comment,
      String by, Instant at) {
    jdbc.sql("""
        update hardening_reverification set status = ?, comment = ?, verified_by = ?, verified_at = ?
        where incident_reference = ? and client_id = ? and site_id = ? and point_id = ?""")
        .params(status, comment, by, utc(at), incident, clientId, siteId, pointId).update();
  }

  String processInstance(String incident, String clientId, String siteId, String pointId) {
    return jdbc.sql("""
        select process_instance_id from hardening_reverification
        where incident_reference = ? and client_id = ? and site_id = ? and point_id = ?""")
        .params(incident, clientId, siteId, pointId).query(String.class).optional().orElse(null);
  }

  int pending(String incident) {
    return jdbc.sql("select count(*) from hardening_reverification where incident_reference = ? and status = ?")
        .params(incident, TO_VERIFY).query(Integer.class).single();
  }

  List<Reverification> of(String incident) {
    return jdbc.sql("select * from hardening_reverification where incident_reference = ? order by point_id, client_id, site_id")
        .param(incident)
        .query((rs, n) -> new Reverification(rs.getString("incident_reference"), rs.getString("client_id"),
            rs.getString("site_id"), rs.getString("point_id"), rs.getString("status"), rs.getString("comment"),
            rs.getString("verified_by"),
            instant(rs, "verified_at")))
        .list();
  }
}
