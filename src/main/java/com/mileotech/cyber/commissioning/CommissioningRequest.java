package com.mileotech.cyber.commissioning;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.mileotech.cyber.client.Client;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.system.Limits;
import com.mileotech.cyber.system.Refusal.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What starts a commissioning, from POST /api/commissionings or the Tasklist start form: the
 * client and site of the registry (an active site: a retired one takes no new work), the VMS, and
 * the equipment inventory. Each text fits the inventory's columns (docs/limits.md), checked before
 * the registry is read and before a reference is taken.
 *
 * @param projectManagerReview whether a project manager reviews the signed checklist before it is
 *     issued (absent: yes)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record CommissioningRequest(String clientId, String siteId, String vmsProduct, String vmsVersion,
    Boolean projectManagerReview, List<Equipment> equipment) {

  /** client_software.product, client_equipment.model */
  static final int PRODUCT_MAX = 200;
  /** client_software.version, client_equipment.firmware_version */
  static final int VERSION_MAX = 100;
  /** client_equipment.serial_number */
  static final int SERIAL_MAX = 100;
  /** Pieces of equipment of one site's checklist (one line each in the signed PDF). */
  static final int EQUIPMENT_MAX = 200;

  boolean review() {
    return projectManagerReview == null || projectManagerReview;
  }

  /** Every problem of a new commissioning or audit, each naming its field (JSON path); empty when it can start. */
  List<Problem> problems(ClientRepository clients) {
    return problems(clients, true);
  }

  /** As above; work under way ({@code newWork} false) goes on at a site retired since it started. */
  List<Problem> problems(ClientRepository clients, boolean newWork) {
    List<Problem> errors = new ArrayList<>();
    Optional<Client> client = Optional.empty();
    if (blank(clientId)) {
      errors.add(new Problem("clientId", "obligatoire"));
    } else if (Limits.idProblem(clientId) != null) {
      errors.add(new Problem("clientId", Limits.idProblem(clientId)));
    } else {
      client = clients.find(clientId);
      if (client.isEmpty()) {
        errors.add(new Problem("clientId", "client inconnu du registre : " + clientId));
      }
    }
    if (blank(siteId)) {
      errors.add(new Problem("siteId", "obligatoire"));
    } else if (Limits.idProblem(siteId) != null) {
      errors.add(new Problem("siteId", Limits.idProblem(siteId)));
    } else if (client.isPresent()) {
      Optional<Client.Site> site = client.get().site(siteId);
      if (site.isEmpty()) {
        errors.add(new Problem("siteId", "site inconnu pour ce client (sites : "
            + String.join(", ", client.get().activeSites().stream().map(Client.Site::id).toList()) + ")"));
      } else if (site.get().retired() && newWork) {
        errors.add(new Problem("siteId", "site retiré : « " + site.get().name() + " » ne reçoit plus de mise en service"));
      }
    }
    text(errors, "vmsProduct", vmsProduct, PRODUCT_MAX);
    text(errors, "vmsVersion", vmsVersion, VERSION_MAX);
    if (equipment == null || equipment.isEmpty()) {
      errors.add(new Problem("equipment", "au moins un équipement (serveur, NVR ou caméra)"));
      return errors;
    }
    if (equipment.size() > EQUIPMENT_MAX) {
      errors.add(new Problem("equipment", Limits.listProblem(equipment, EQUIPMENT_MAX)));
      return errors;
    }
    Map<String, Integer> serials = new HashMap<>();
    for (int i = 0; i < equipment.size(); i++) {
      Equipment e = equipment.get(i);
      String at = "equipment[" + i + "]";
      if (e == null) {
        errors.add(new Problem(at, "obligatoire"));
        continue;
      }
      if (blank(e.kind())) {
        errors.add(new Problem(at + ".kind", "obligatoire : SERVER, NVR ou CAMERA"));
      } else if (EquipmentKind.equipment(e.kind()) == null) {
        errors.add(new Problem(at + ".kind", "valeur inconnue " + Limits.quote(e.kind())
            + " ; valeurs admises : SERVER, NVR, CAMERA"));
      }
      text(errors, at + ".model", e.model(), PRODUCT_MAX);
      text(errors, at + ".firmwareVersion", e.firmwareVersion(), VERSION_MAX);
      if (e.securityUpdates() == null) {
        errors.add(new Problem(at + ".securityUpdates", "obligatoire (true ou false)"));
      }
      if (text(errors, at + ".serialNumber", e.serialNumber(), SERIAL_MAX)) {
        Integer first = serials.putIfAbsent(e.serialNumber().trim(), i);
        if (first != null) {
          errors.add(new Problem(at + ".serialNumber",
              "numéro de série " + Limits.quote(e.serialNumber().trim()) + " en double (déjà en equipment[" + first + "])"));
        }
      }
    }
    if (errors.isEmpty() && inventoryProblem(cleanEquipment()) != null) {
      errors.add(new Problem("equipment", inventoryProblem(cleanEquipment())));
    }
    return errors;
  }

  /**
   * The inventory as the checklist forms show and edit it (one line per piece of equipment, see
   * EquipmentText) is a text variable of the process: it must fit one; null when it does.
   */
  static String inventoryProblem(List<Equipment> equipment) {
    int length = EquipmentText.format(equipment).length();
    return length > Limits.TEXT ? "inventaire trop long : " + length + " caractères une fois mis en lignes ("
        + equipment.size() + " équipements), au plus " + Limits.TEXT : null;
  }

  /** A required text that fits its column once trimmed; whether it does. */
  private static boolean text(List<Problem> errors, String field, String value, int max) {
    if (blank(value)) {
      errors.add(new Problem(field, "obligatoire"));
      return false;
    }
    String problem = Limits.textProblem(value.trim(), max);
    if (problem == null && (value.contains("\n") || value.contains("\r"))) {
      problem = "une seule ligne attendue";
    }
    if (problem != null) {
      errors.add(new Problem(field, problem));
      return false;
    }
    return true;
  }

  /** The inventory with surrounding spaces removed. */
  List<Equipment> cleanEquipment() {
    return equipment.stream().map(e -> new Equipment(e.kind().trim(), e.model().trim(), e.serialNumber().trim(),
        e.firmwareVersion().trim(), e.securityUpdates())).toList();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
