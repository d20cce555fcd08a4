package com.mileotech.cyber.commissioning;

import com.mileotech.cyber.system.Refusal;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.mileotech.cyber.client.Client;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.system.Refusal.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What starts a commissioning, from POST /api/commissionings or the Tasklist start form: the
 * client and site of the registry, the VMS, and the equipment inventory.
 *
 * @param projectManagerReview whether a project manager reviews the signed checklist before it is
 *     issued (absent: yes)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record CommissioningRequest(String clientId, String siteId, String vmsProduct, String vmsVersion,
    Boolean projectManagerReview, List<Equipment> equipment) {

  boolean review() {
    return projectManagerReview == null || projectManagerReview;
  }

  /** Every problem, each naming its field (JSON path); empty when the request can start. */
  List<Problem> problems(ClientRepository clients) {
    List<Problem> errors = new ArrayList<>();
    Optional<Client> client = Optional.empty();
    if (blank(clientId)) {
      errors.add(new Problem("clientId", "obligatoire"));
    } else {
      client = clients.find(clientId);
      if (client.isEmpty()) {
        errors.add(new Problem("clientId", "client inconnu du registre : " + clientId));
      }
    }
    if (blank(siteId)) {
      errors.add(new Problem("siteId", "obligatoire"));
    } else if (client.isPresent() && client.get().site(siteId).isEmpty()) {
      errors.add(new Problem("siteId", "site inconnu pour ce client (sites : "
          + String.join(", ", client.get().sites().stream().map(Client.Site::id).toList()) + ")"));
    }
    if (blank(vmsProduct)) {
      errors.add(new Problem("vmsProduct", "obligatoire"));
    }
    if (blank(vmsVersion)) {
      errors.add(new Problem("vmsVersion", "obligatoire"));
    }
    if (equipment == null || equipment.isEmpty()) {
      errors.add(new Problem("equipment", "au moins un équipement (serveur, NVR ou caméra)"));
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
      } else if (Equipment.Kind.parse(e.kind()) == null) {
        errors.add(new Problem(at + ".kind", "valeur inconnue « " + e.kind() + " » ; valeurs admises : SERVER, NVR, CAMERA"));
      }
      if (blank(e.model())) {
        errors.add(new Problem(at + ".model", "obligatoire"));
      }
      if (blank(e.firmwareVersion())) {
        errors.add(new Problem(at + ".firmwareVersion", "obligatoire"));
      }
      if (e.securityUpdates() == null) {
        errors.add(new Problem(at + ".securityUpdates", "obligatoire (true ou false)"));
      }
      if (blank(e.serialNumber())) {
        errors.add(new Problem(at + ".serialNumber", "obligatoire"));
      } else {
        Integer first = serials.putIfAbsent(e.serialNumber().trim(), i);
        if (first != null) {
          errors.add(new Problem(at + ".serialNumber",
              "numéro de série « " + e.serialNumber().trim() + " » en double (déjà en equipment[" + first + "])"));
        }
      }
    }
    return errors;
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
