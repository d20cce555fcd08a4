package com.mileotech.cyber.notification;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the register keeps of each decision of the table regulatory-obligations: the rule and its
 * version, the regime it applied for (columns of regulatory_notification, V76). Apart from
 * NotificationRegister so that the rules side and the filing side change independently.
 */
@Repository
class ObligationRules {

  private final JdbcClient jdbc;

  ObligationRules(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Whether the client's duty (not Mileo's own as a provider, V78) under that procedure is already decided (one per authority and procedure: OIV and NIS2 apart). */
  boolean decided(String incidentReference, String authority, String procedure) {
    return jdbc.sql("""
        select count(*) from regulatory_notification where incident_reference = ? and authority = ? and procedure_code = ?
          and obligor = 'client'""")
        .params(incidentReference, authority, procedure).query(Long.class).single() > 0;
  }

  boolean idTaken(String id) {
    return jdbc.sql("select count(*) from regulatory_notification where id = ?").param(id).query(Long.class).single() > 0;
  }

  void record(String id, String ruleVersion, String regime) {
    jdbc.sql("update regulatory_notification set rule_version = ?, regime = ? where id = ?")
        .params(ruleVersion, regime, id).update();
  }

  /** The rule each duty of the incident was decided by, by notification id (for the register's API). */
  Map<String, DecisionRule> forIncident(String incidentReference) {
    Map<String, DecisionRule> rules = new LinkedHashMap<>();
    jdbc.sql("select id, rule_version, regime from regulatory_notification where incident_reference = ? order by id")
        .param(incidentReference)
        .query((rs, n) -> rules.put(rs.getString("id"), new DecisionRule(rs.getString("rule_version"), rs.getString("regime"))))
        .list();
    return rules;
  }

  /**
   * The rule that decided a duty: {@code ruleVersion} such as
   * "nis2-art23@2027-01-01 · regulatory-obligations 2026-12 v3" (the rule, the day it applies
   * from, the table's version tag and deployed version); {@code regime}: the client's regime it
   * applied for (null for the GDPR, whatever the regime). Null for duties decided before V76.
   */
  record DecisionRule(String ruleVersion, String regime) {}
}
