package com.mileotech.cyber.security;

import com.mileotech.cyber.system.Published;
import java.util.List;

/**
 * The roles of the product, as Camunda groups with stable ids and French names.
 * Ids appear in BPMN candidate groups, authorizations and tests: never rename one.
 */
@Published
public enum Groups {
  TECHNICIANS("technicians", "Techniciens", "WORKFLOW"),
  PROJECT_MANAGERS("project-managers", "Chefs de projet", "WORKFLOW"),
  CYBER_REFERENT("cyber-referent", "Référent cybersécurité", "WORKFLOW"),
  CLIENT_RSSI("client-rssi", "RSSI clients", "WORKFLOW"),
  ADMINISTRATORS("camunda-admin", "Administrateurs", "SYSTEM"),
  INTEGRATIONS("integrations", "Intégrations (comptes de service)", "SYSTEM");

  public static final String TECHNICIANS_ID = "technicians";
  public static final String PROJECT_MANAGERS_ID = "project-managers";
  public static final String CYBER_REFERENT_ID = "cyber-referent";
  public static final String CLIENT_RSSI_ID = "client-rssi";
  public static final String ADMINISTRATORS_ID = "camunda-admin";
  public static final String INTEGRATIONS_ID = "integrations";

  private final String id;
  private final String frenchName;
  private final String type;

  Groups(String id, String frenchName, String type) {
    this.id = id;
    this.frenchName = frenchName;
    this.type = type;
  }

  public String id() {
    return id;
  }

  public String frenchName() {
    return frenchName;
  }

  public String type() {
    return type;
  }

  /** Mileo staff: members of every client tenant. */
  public static List<Groups> staff() {
    return List.of(TECHNICIANS, PROJECT_MANAGERS, CYBER_REFERENT, ADMINISTRATORS);
  }
}
