package com.mileotech.cyber.commissioning;

import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.security.CurrentUser;
import com.mileotech.cyber.security.Groups;
import com.mileotech.cyber.system.ApiException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The client's firmware inventory (guide §03): staff, and that client's RSSI. */
@RestController
class EquipmentController {

  private final EquipmentInventory inventory;
  private final ClientRepository clients;
  private final CurrentUser currentUser;

  EquipmentController(EquipmentInventory inventory, ClientRepository clients, CurrentUser currentUser) {
    this.inventory = inventory;
    this.clients = clients;
    this.currentUser = currentUser;
  }

  @GetMapping("/api/clients/{id}/equipment")
  List<EquipmentInventory.Item> equipment(@PathVariable String id) {
    currentUser.require(Groups.TECHNICIANS, Groups.PROJECT_MANAGERS, Groups.CYBER_REFERENT, Groups.ADMINISTRATORS,
        Groups.CLIENT_RSSI);
    if (!currentUser.canSeeClient(id) || !clients.exists(id)) {
      throw ApiException.notFound("Client inconnu : " + id);
    }
    return inventory.of(id);
  }
}
