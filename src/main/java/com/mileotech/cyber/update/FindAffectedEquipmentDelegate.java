package com.mileotech.cyber.update;

import static com.mileotech.cyber.update.SecurityUpdateVariables.*;

import com.mileotech.cyber.client.Client;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.commissioning.EquipmentInventory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Rechercher les équipements concernés": every item of the inventory of that kind and product
 * whose version is affected, grouped by client; each client gets its row in the register (with
 * whether its contract requires staging validation) and its items. Asynchronous: a large
 * inventory does not hold up the API call or the start form. A retried job adds nothing twice.
 */
@Component("findAffectedEquipment")
class FindAffectedEquipmentDelegate implements JavaDelegate {

  private final UpdateRegister register;
  private final EquipmentInventory inventory;
  private final ClientRepository clients;

  FindAffectedEquipmentDelegate(UpdateRegister register, EquipmentInventory inventory, ClientRepository clients) {
    this.register = register;
    this.inventory = inventory;
    this.clients = clients;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UpdateRegister.Update update = register.find(REFERENCE.get(execution)).orElseThrow();
    Map<String, List<EquipmentInventory.Installed>> byClient = new TreeMap<>();
    for (EquipmentInventory.Installed item : inventory.running(update.product(), update.kindValue().inventoryKinds())) {
      if (Versions.affected(update.affectedVersions(), item.version()) && clients.exists(item.clientId())) {
        byClient.computeIfAbsent(item.clientId(), c -> new ArrayList<>()).add(item);
      }
    }
    int items = 0;
    for (var entry : byClient.entrySet()) {
      Client client = clients.find(entry.getKey()).orElseThrow();
      register.addClient(update.reference(), client.id(), client.contract().stagingValidation());
      for (EquipmentInventory.Installed item : entry.getValue()) {
        register.addItem(update.reference(), item);
        items++;
      }
    }
    AFFECTED_CLIENTS.set(execution, new ArrayList<>(byClient.keySet()));
    AFFECTED_CLIENT_COUNT.set(execution, byClient.size());
    AFFECTED_ITEM_COUNT.set(execution, items);
    register.status(update.reference(), byClient.isEmpty() ? "sans-objet" : "en-cours");
  }
}
