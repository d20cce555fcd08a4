package com.mileotech.cyber.update;

import static com.mileotech.cyber.update.SecurityUpdateVariables.*;

import com.mileotech.cyber.client.Client;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.incident.SecurityIncidentVariables;
import com.mileotech.cyber.incident.UnresolvedAlerts;
import com.mileotech.cyber.reminder.Deadlines;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Ouvrir un incident de sécurité": a critical patch not applied within 72 h of its publication is
 * a security alert unresolved in time, which PROC-CYB-005 §01 counts as an incident. It opens a
 * security incident for the client (detection source alerte-non-resolue, detected at the deadline,
 * sites and equipment still to update), linked both ways: the incident carries
 * {@code securityUpdate} and the alert id {@code MAJ-2026-0001/<client>}; the update keeps
 * {@code securityIncident} (variable and register). Asynchronous; a retried job finds the incident
 * it opened (same alert id).
 */
@Component("openSecurityIncident")
class OpenSecurityIncidentDelegate implements JavaDelegate {

  private final UpdateRegister register;
  private final ClientRepository clients;
  private final UnresolvedAlerts alerts;
  private final Deadlines deadlines;

  OpenSecurityIncidentDelegate(UpdateRegister register, ClientRepository clients, UnresolvedAlerts alerts,
      Deadlines deadlines) {
    this.register = register;
    this.clients = clients;
    this.alerts = alerts;
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = REFERENCE.get(execution);
    String clientId = CLIENT_ID.get(execution);
    Client client = clients.find(clientId).orElseThrow();
    UpdateRegister.Update update = register.find(reference).orElseThrow();
    List<UpdateRegister.Item> pending = register.items(reference, clientId).stream()
        .filter(i -> UpdateRegister.PENDING.equals(i.outcome())).toList();
    List<UpdateRegister.Item> concerned = pending.isEmpty() ? register.items(reference, clientId) : pending;
    List<String> sites = concerned.stream().map(UpdateRegister.Item::siteId).filter(s -> client.site(s).isPresent())
        .distinct().toList();
    if (sites.isEmpty()) {
      sites = client.activeSites().stream().limit(1).map(Client.Site::id).toList();
    }
    Date dueAt = UPDATE.dueAt().get(execution);
    String equipment = update.product() + " : " + concerned.stream().map(UpdateRegister.Item::itemId)
        .collect(Collectors.joining(", "));
    String description = "Correctif de sécurité critique " + reference + " (" + update.advisory()
        + (update.cveIds().isEmpty() ? "" : ", " + String.join(", ", update.cveIds())) + ") non appliqué dans les 72 heures "
        + "suivant sa publication (GUID-PREM-003 §01) ; échéance dépassée le " + deadlines.inWords(dueAt.toInstant())
        + ". Équipements encore vulnérables :\n" + Items.list(concerned, client);
    String incident = alerts.open(new UnresolvedAlerts.Alert(clientId, sites,
        equipment.length() > 500 ? equipment.substring(0, 497) + "..." : equipment,
        description.length() > 4000 ? description.substring(0, 3997) + "..." : description,
        dueAt.toInstant(), reference + "/" + clientId, SecurityIncidentVariables.SECURITY_UPDATE.map(reference)));
    SECURITY_INCIDENT.set(execution, incident);
    register.securityIncident(reference, clientId, incident);
  }
}
