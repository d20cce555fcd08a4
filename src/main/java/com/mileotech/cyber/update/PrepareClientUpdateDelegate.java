package com.mileotech.cyber.update;

import com.mileotech.cyber.client.Client;
import com.mileotech.cyber.client.ClientRepository;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Préparer la mise à jour chez le client" (first step of security-update-client): the client's
 * name, whether its contract requires staging validation first, the affected items as the forms
 * show them, and the application lines pre-filled with the fixing version.
 */
@Component("prepareClientUpdate")
class PrepareClientUpdateDelegate implements JavaDelegate {

  private final UpdateRegister register;
  private final ClientRepository clients;

  PrepareClientUpdateDelegate(UpdateRegister register, ClientRepository clients) {
    this.register = register;
    this.clients = clients;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = (String) execution.getVariable("reference");
    String clientId = (String) execution.getVariable("clientId");
    Client client = clients.find(clientId).orElseThrow();
    UpdateRegister.ClientWork work = register.client(reference, clientId).orElseThrow();
    List<UpdateRegister.Item> items = register.items(reference, clientId);
    register.clientStarted(reference, clientId, execution.getProcessInstanceId());

    execution.setVariable("clientName", client.name());
    execution.setVariable("stagingRequired", work.stagingRequired());
    execution.setVariable("affectedItems", Items.list(items, client));
    execution.setVariable("affectedItemCount", items.size());
    execution.setVariable("sites", items.stream().map(i -> client.site(i.siteId()).map(Client.Site::name).orElse(i.siteId()))
        .distinct().collect(Collectors.joining(", ")));
    Object fixed = execution.getVariable("fixedVersion");
    execution.setVariable("applicationText", items.stream()
        .map(i -> i.itemId() + " ; " + UpdateRegister.APPLIED + " ; " + (fixed == null ? "" : fixed))
        .collect(Collectors.joining("\n")));
  }
}
