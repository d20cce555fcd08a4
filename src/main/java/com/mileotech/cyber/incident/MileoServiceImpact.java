package com.mileotech.cyber.incident;

import static com.mileotech.cyber.incident.SecurityIncidentVariables.*;

import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.system.Limits;
import com.mileotech.cyber.system.Refusal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The qualification's block « Service de Mileo » (forms incident-qualification and
 * incident-requalification): is Mileo's own service affected — its remote access, its supervision
 * platform, several clients at once — and which other clients beside the incident's own. Read by
 * "Enregistrer la qualification" after its own checks, in the same transaction: a refusal here
 * undoes the whole submission. An unanswered block reads as « non » (API callers of before).
 * What it records decides Mileo's own NIS2 duty and its notice to the clients (notification feature).
 */
@Component
class MileoServiceImpact {

  /** The parts of Mileo's service, code → what the form shows. */
  static final Map<String, String> PARTS = new LinkedHashMap<>();

  static {
    PARTS.put("acces-distance", "accès à distance");
    PARTS.put("plateforme-supervision", "plateforme de supervision");
    PARTS.put("plusieurs-clients", "plusieurs clients à la fois");
  }

  private final ClientRepository clients;
  private final SecurityIncidentRepository repository;

  MileoServiceImpact(ClientRepository clients, SecurityIncidentRepository repository) {
    this.clients = clients;
    this.repository = repository;
  }

  void record(DelegateExecution execution, String what) {
    String answer = MILEO_SERVICE_ANSWER.text(execution);
    String clientId = CLIENT_ID.get(execution);
    List<String> problems = new ArrayList<>();
    if (answer != null && !"oui".equals(answer) && !"non".equals(answer)) {
      problems.add("service de Mileo affecté : répondez « oui » ou « non »");
    }
    boolean affected = "oui".equals(answer);
    Set<String> parts = new LinkedHashSet<>();
    Set<String> others = new LinkedHashSet<>();
    if (affected) {
      parts.addAll(MILEO_SERVICE_PARTS_INPUT.strings(execution));
      if (parts.isEmpty()) {
        problems.add("service de Mileo affecté : indiquez ce qui l'est (" + String.join(", ", PARTS.values()) + ")");
      }
      parts.stream().filter(p -> !PARTS.containsKey(p)).findFirst()
          .ifPresent(p -> problems.add("service de Mileo affecté : choix inconnu " + Limits.quote(p)));
      List<String> given = OTHER_AFFECTED_CLIENTS_INPUT.strings(execution);
      if (given.size() > Limits.LIST) {
        problems.add("autres clients affectés : " + Limits.LIST + " au plus");
        given = List.of();
      }
      for (String other : given) {
        if (other.equals(clientId)) {
          continue; // the incident's own client is affected anyway
        }
        if (!clients.exists(other)) {
          problems.add("autres clients affectés : client inconnu " + Limits.quote(other));
        } else {
          others.add(other);
        }
      }
      if (parts.contains("plusieurs-clients") && others.isEmpty()) {
        problems.add("autres clients affectés : choisissez au moins un autre client (« plusieurs clients à la fois »)");
      }
    }
    if (!problems.isEmpty()) {
      throw Refusal.of(what, problems);
    }
    List<String> affectedClients = new ArrayList<>();
    affectedClients.add(clientId);
    affectedClients.addAll(others);
    MILEO_SERVICE_AFFECTED.set(execution, affected);
    MILEO_SERVICE_PARTS.set(execution, affected ? String.join(",", parts) : null);
    MILEO_SERVICE_PARTS_LABEL.set(execution, affected ? String.join(", ", parts.stream().map(PARTS::get).toList()) : null);
    AFFECTED_CLIENTS.set(execution, String.join(",", affectedClients));
    // clients added to the registry since the report are offered at the next re-qualification
    OTHER_CLIENT_OPTIONS.set(execution, RegisterSecurityIncidentDelegate.otherClientOptions(clients, clientId));
    repository.recordMileoService(REFERENCE.get(execution), affected, affected ? String.join(",", parts) : null,
        others.isEmpty() ? null : String.join(",", others));
  }
}
