package com.mileotech.cyber.client;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What still names a site of a client: incidents, checklists, the equipment and software
 * inventories, security updates and hardening re-verifications. Such a site cannot be removed
 * from the registry (the records would name a site that no longer exists), only retired.
 */
@Component
class SiteUses {

  private static final int NAMED = 5;

  private final JdbcClient jdbc;

  SiteUses(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** What uses the site, in French ("les incidents INC-2026-0001, INC-2026-0004", ...); empty when nothing does. */
  List<String> of(String clientId, String siteId) {
    List<String> uses = new ArrayList<>();
    references(uses, "l'incident", "les incidents", """
        select reference from security_incident
        where client_id = ? and (',' || site_ids || ',') like ? order by reference""",
        clientId, "%," + siteId + ",%");
    references(uses, "la checklist", "les checklists", """
        select distinct reference from commissioning_document where client_id = ? and site_id = ? order by reference""",
        clientId, siteId);
    references(uses, "la mise à jour de sécurité", "les mises à jour de sécurité", """
        select distinct reference from security_update_item where client_id = ? and site_id = ? order by reference""",
        clientId, siteId);
    references(uses, "la revérification de l'incident", "les revérifications des incidents", """
        select distinct incident_reference from hardening_reverification where client_id = ? and site_id = ?
        order by incident_reference""", clientId, siteId);
    long equipment = count("select count(*) from client_equipment where client_id = ? and site_id = ?", clientId, siteId);
    if (equipment > 0) {
      uses.add("l'inventaire des équipements (" + equipment + (equipment > 1 ? " équipements)" : " équipement)"));
    }
    long software = count("select count(*) from client_software where client_id = ? and site_id = ?", clientId, siteId);
    if (software > 0) {
      uses.add("l'inventaire des logiciels (" + software + (software > 1 ? " logiciels)" : " logiciel)"));
    }
    return uses;
  }

  private void references(List<String> uses, String one, String several, String sql, Object... params) {
    List<String> references = jdbc.sql(sql).params(params).query(String.class).list();
    if (references.isEmpty()) {
      return;
    }
    String named = String.join(", ", references.subList(0, Math.min(NAMED, references.size())));
    if (references.size() > NAMED) {
      named += " et " + (references.size() - NAMED) + " autre(s)";
    }
    uses.add((references.size() > 1 ? several : one) + " " + named);
  }

  private long count(String sql, Object... params) {
    return jdbc.sql(sql).params(params).query(Long.class).single();
  }
}
