package com.mileotech.cyber.reminder.mail;

import com.mileotech.cyber.client.Client;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.system.CommonVariables;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * What every mail says about its process: the reference people know it by, the client and the
 * site. Read from the process variables ({@code reference}, {@code clientId}, {@code clientName},
 * {@code siteId}, {@code siteName}), completed from the client registry where a name is missing.
 */
record ProcessFacts(String processInstanceId, String businessKey, String reference, String tenantId,
    String clientId, String clientName, String siteName, boolean exercise) {

  /** A real process's facts (not an exercise). */
  ProcessFacts(String processInstanceId, String businessKey, String reference, String tenantId, String clientId,
      String clientName, String siteName) {
    this(processInstanceId, businessKey, reference, tenantId, clientId, clientName, siteName, false);
  }

  static ProcessFacts of(DelegateExecution execution, ClientRepository clients) {
    String businessKey = execution.getProcessBusinessKey();
    String reference = CommonVariables.REFERENCE.text(execution);
    String clientId = CommonVariables.CLIENT_ID.text(execution);
    String clientName = CommonVariables.CLIENT_NAME.text(execution);
    String siteId = CommonVariables.SITE_ID.text(execution);
    String siteName = CommonVariables.SITE_NAME.text(execution);
    if (clientId != null && (clientName == null || (siteName == null && siteId != null))) {
      Optional<Client> client = clients.find(clientId);
      if (clientName == null) {
        clientName = client.map(Client::name).orElse(null);
      }
      if (siteName == null && siteId != null) {
        siteName = client.flatMap(c -> c.site(siteId)).map(Client.Site::name).orElse(null);
      }
    }
    return new ProcessFacts(execution.getProcessInstanceId(), businessKey, reference != null ? reference : businessKey,
        execution.getTenantId(), clientId, clientName, siteName,
        Boolean.TRUE.equals(CommonVariables.EXERCISE.get(execution)));
  }

  /** The same process's facts, for a mail to another client (its RSSI, its tenant, its name). */
  ProcessFacts forClient(String otherClientId, ClientRepository clients) {
    String name = clients.find(otherClientId).map(Client::name).orElse(otherClientId);
    return new ProcessFacts(processInstanceId, businessKey, reference, otherClientId, otherClientId, name, null, exercise);
  }

}
