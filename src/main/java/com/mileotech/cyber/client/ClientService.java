package com.mileotech.cyber.client;

import com.mileotech.cyber.system.Published;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mileotech.cyber.security.AuditTrail;
import com.mileotech.cyber.system.Refusal;
import com.mileotech.cyber.system.ApiException;
import com.mileotech.cyber.system.Refusal.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Registry changes: checks that span fields, then rows and tenant in one transaction; once it has
 * committed, the change goes to the audit trail with the client before and after it
 * ({@code client.created}, {@code client.updated}: who, which fields changed, both versions).
 */
@Published
@Service
public class ClientService {

  private final ClientRepository repository;
  private final ClientTenants tenants;
  private final IdentityService identityService;
  private final ApplicationEventPublisher events;
  private final SiteUses siteUses;
  private final ObjectMapper json;

  ClientService(ClientRepository repository, ClientTenants tenants, IdentityService identityService,
      ApplicationEventPublisher events, SiteUses siteUses, ObjectMapper json) {
    this.repository = repository;
    this.tenants = tenants;
    this.identityService = identityService;
    this.events = events;
    this.siteUses = siteUses;
    this.json = json;
  }

  @Transactional
  public Client create(Client client) {
    if (repository.exists(client.id())) {
      throw ApiException.conflict("Le client « " + client.id() + " » existe déjà");
    }
    return save(null, client);
  }

  @Transactional
  public Client update(Client client) {
    Client before = repository.find(client.id())
        .orElseThrow(() -> ApiException.notFound("Client inconnu : " + client.id()));
    return save(before, client);
  }

  private Client save(Client before, Client client) {
    check(before, client);
    repository.save(client);
    tenants.sync(client);
    events.publishEvent(new ClientRegistryChanged(client.id()));
    Client after = repository.find(client.id()).orElseThrow();
    auditAfterCommit(before, after);
    return after;
  }

  private void check(Client before, Client client) {
    List<Problem> errors = new ArrayList<>();
    if (before != null) {
      removedSitesInUse(before, client, errors);
    }
    if (client.regimes().stream().distinct().count() < client.regimes().size()) {
      errors.add(new Problem("regimes", "régime en double"));
    }
    if (client.under(RegulatoryRegime.NONE) && client.regimes().size() > 1) {
      errors.add(new Problem("regimes", "NONE (aucun régime) ne se combine pas avec un autre régime"));
    }
    if (client.under(RegulatoryRegime.NIS2_ESSENTIAL) && client.under(RegulatoryRegime.NIS2_IMPORTANT)) {
      errors.add(new Problem("regimes", "une entité NIS2 est essentielle ou importante, pas les deux"));
    }
    if (client.nis2EntityType() != null && !client.nis2Entity()) {
      errors.add(new Problem("nis2EntityType", "ne s'applique qu'à une entité NIS2 (essentielle ou importante)"));
    }
    if (!client.contract().end().isAfter(client.contract().start())) {
      errors.add(new Problem("contract.end", "la fin du contrat doit suivre son début"));
    }
    Set<String> siteIds = new HashSet<>();
    for (int i = 0; i < client.sites().size(); i++) {
      if (!siteIds.add(client.sites().get(i).id())) {
        errors.add(new Problem("sites[" + i + "].id", "identifiant de site en double"));
      }
    }
    for (int i = 0; i < client.rssiContacts().size(); i++) {
      String userId = client.rssiContacts().get(i).userId();
      if (userId == null) {
        continue;
      }
      String field = "rssiContacts[" + i + "].userId";
      if (identityService.createUserQuery().userId(userId).count() == 0) {
        errors.add(new Problem(field, "aucun compte utilisateur « " + userId + " »"));
        continue;
      }
      repository.clientOfRssiUser(userId).filter(other -> !other.equals(client.id())).ifPresent(other ->
          errors.add(new Problem(field, "ce compte est déjà RSSI d'un autre client (" + other + ")")));
    }
    if (!errors.isEmpty()) {
      throw Refusal.fields(errors);
    }
  }

  /** A site left out of the new version is removed: refused while anything names it (retire it instead). */
  private void removedSitesInUse(Client before, Client client, List<Problem> errors) {
    for (Client.Site site : before.sites()) {
      if (client.site(site.id()).isPresent()) {
        continue;
      }
      List<String> uses = siteUses.of(client.id(), site.id());
      if (!uses.isEmpty()) {
        errors.add(new Problem("sites", "le site « " + site.id() + " » (" + site.name() + ") ne peut pas être "
            + "supprimé, il est utilisé par " + String.join(", ", uses) + " ; retirez-le plutôt (\"retired\": true) : "
            + "il reste dans le registre sans plus être proposé"));
      }
    }
  }

  private void auditAfterCommit(Client before, Client after) {
    Authentication caller = identityService.getCurrentAuthentication();
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("user", caller == null ? null : caller.getUserId());
    fields.put("client", after.id());
    Map<String, Object> beforeFields = before == null ? null : flatten(before);
    Map<String, Object> afterFields = flatten(after);
    fields.put("changed", changed(beforeFields, afterFields));
    fields.put("before", before == null ? null : json.convertValue(before, Map.class));
    fields.put("after", json.convertValue(after, Map.class));
    String event = before == null ? "client.created" : "client.updated";
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          AuditTrail.event(event, fields);
        }
      });
    } else {
      AuditTrail.event(event, fields);
    }
  }

  /** The client as JSON paths and values: {@code sites[1].retired -> true}. */
  private Map<String, Object> flatten(Client client) {
    Map<String, Object> flat = new TreeMap<>();
    flatten("", json.valueToTree(client), flat);
    return flat;
  }

  private static void flatten(String path, JsonNode node, Map<String, Object> flat) {
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> flatten(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), flat));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(path + "[" + i + "]", node.get(i), flat);
      }
    } else if (!node.isNull()) {
      flat.put(path, node.asText());
    }
  }

  private static List<String> changed(Map<String, Object> before, Map<String, Object> after) {
    if (before == null) {
      return List.copyOf(after.keySet());
    }
    Set<String> paths = new TreeSet<>(before.keySet());
    paths.addAll(after.keySet());
    return paths.stream().filter(p -> !Objects.equals(before.get(p), after.get(p))).toList();
  }
}
