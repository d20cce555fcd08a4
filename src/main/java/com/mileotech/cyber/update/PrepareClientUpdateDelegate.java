package com.mileotech.cyber.update;

import static com.mileotech.cyber.update.SecurityUpdateVariables.*;

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
    String reference = REFERENCE.get(execution);
    String clientId = CLIENT_ID.get(execution);
    Client client = clients.find(clientId).orElseThrow();
    UpdateRegister.ClientWork work = register.client(reference, clientId).orElseThrow();
    List<UpdateRegister.Item> items = register.items(reference, clientId);
    register.clientStarted(reference, clientId, execution.getProcessInstanceId());

    CLIENT_NAME.set(execution, client.name());
    STAGING_REQUIRED.set(execution, work.stagingRequired());
    AFFECTED_ITEMS.set(execution, Items.list(items, client));
    AFFECTED_ITEM_COUNT.set(execution, items.size());
    SITES.set(execution, items.stream().map(i -> client.site(i.siteId()).map(Client.Site::name).orElse(i.siteId()))
        .distinct().collect(Collectors.joining(", ")));
    Object fixed = FIXED_VERSION.get(execution);
    APPLICATION_TEXT.set(execution, items.stream()
        .map(i -> i.itemId() + " ; " + UpdateRegister.APPLIED + " ; " + (fixed == null ? "" : fixed))
        .collect(Collectors.joining("\n")));
  }
}
