package com.mileotech.cyber.update;

import com.mileotech.cyber.system.FormValues;
import com.mileotech.cyber.system.Refusal;
import com.mileotech.cyber.system.Limits;
import com.mileotech.cyber.client.Client;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.commissioning.EquipmentInventory;
import com.mileotech.cyber.security.CurrentUser;
import com.mileotech.cyber.security.Groups;
import com.mileotech.cyber.system.ApiException;
import com.mileotech.cyber.system.Refusal.Problem;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The software of a client's sites (VMS, operating system), which security updates of kind VMS and
 * OS match against. Commissioning records the VMS; nothing else records the OS, so staff record it
 * here (and correct a VMS after an intervention outside the application), for an active site (a
 * retired one takes no new work). Reading: staff and that client's RSSI.
 */
@RestController
class SoftwareInventoryController {

  private final EquipmentInventory inventory;
  private final ClientRepository clients;
  private final CurrentUser currentUser;

  SoftwareInventoryController(EquipmentInventory inventory, ClientRepository clients, CurrentUser currentUser) {
    this.inventory = inventory;
    this.clients = clients;
    this.currentUser = currentUser;
  }

  record SoftwareRequest(String product, String version) {}

  @GetMapping("/api/clients/{clientId}/software")
  List<EquipmentInventory.Software> list(@PathVariable String clientId) {
    currentUser.require(Groups.TECHNICIANS, Groups.PROJECT_MANAGERS, Groups.CYBER_REFERENT, Groups.ADMINISTRATORS,
        Groups.CLIENT_RSSI);
    if (!currentUser.canSeeClient(clientId) || !clients.exists(clientId)) {
      throw ApiException.notFound("Client inconnu : " + clientId);
    }
    return inventory.software(clientId);
  }

  @PutMapping("/api/clients/{clientId}/sites/{siteId}/software/{kind}")
  List<EquipmentInventory.Software> record(@PathVariable String clientId, @PathVariable String siteId,
      @PathVariable String kind, @RequestBody SoftwareRequest request) {
    currentUser.require(Groups.TECHNICIANS, Groups.PROJECT_MANAGERS, Groups.ADMINISTRATORS);
    Client client = clients.find(clientId).orElseThrow(() -> ApiException.notFound("Client inconnu : " + clientId));
    List<Problem> errors = new ArrayList<>();
    Client.Site site = client.site(siteId).orElse(null);
    if (site == null) {
      errors.add(new Problem("siteId", "site inconnu pour le client " + client.name() + " : " + Limits.quote(siteId)));
    } else if (site.retired()) {
      errors.add(new Problem("siteId", "site retiré : « " + site.name() + " » ne reçoit plus de nouvelle intervention"));
    }
    if (!EquipmentInventory.VMS.equals(kind) && !EquipmentInventory.OS.equals(kind)) {
      errors.add(new Problem("kind", "logiciel inconnu " + Limits.quote(kind) + " ; valeurs admises : VMS, OS"));
    }
    String product = FormValues.text(request.product());
    String version = FormValues.text(request.version());
    if (product == null) {
      errors.add(new Problem("product", "produit obligatoire"));
    } else if (Limits.textProblem(product, PublicationValidator.PRODUCT_MAX) != null) {
      errors.add(new Problem("product", Limits.textProblem(product, PublicationValidator.PRODUCT_MAX)));
    }
    if (version == null) {
      errors.add(new Problem("version", "version obligatoire"));
    } else if (!Versions.isVersion(version)) {
      errors.add(new Problem("version", "version illisible " + Limits.quote(version)));
    }
    if (!errors.isEmpty()) {
      throw Refusal.fields(errors);
    }
    inventory.recordSoftware(clientId, siteId, kind, product.replaceAll("\\s+", " "), version,
        "MANUEL", ClockUtil.getCurrentTime().toInstant());
    return inventory.software(clientId);
  }
}
