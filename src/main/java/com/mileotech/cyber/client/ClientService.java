package com.mileotech.cyber.client;

import com.mileotech.cyber.system.Refusal;
import com.mileotech.cyber.system.ApiException;
import com.mileotech.cyber.system.Refusal.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registry changes: checks that span fields, then rows and tenant in one transaction. */
@Service
public class ClientService {

  private final ClientRepository repository;
  private final ClientTenants tenants;
  private final IdentityService identityService;
  private final ApplicationEventPublisher events;

  ClientService(ClientRepository repository, ClientTenants tenants, IdentityService identityService,
      ApplicationEventPublisher events) {
    this.repository = repository;
    this.tenants = tenants;
    this.identityService = identityService;
    this.events = events;
  }

  @Transactional
  public Client create(Client client) {
    if (repository.exists(client.id())) {
      throw ApiException.conflict("Le client « " + client.id() + " » existe déjà");
    }
    return save(client);
  }

  @Transactional
  public Client update(Client client) {
    if (!repository.exists(client.id())) {
      throw ApiException.notFound("Client inconnu : " + client.id());
    }
    return save(client);
  }

  private Client save(Client client) {
    check(client);
    repository.save(client);
    tenants.sync(client);
    events.publishEvent(new ClientRegistryChanged(client.id()));
    return repository.find(client.id()).orElseThrow();
  }

  private void check(Client client) {
    List<Problem> errors = new ArrayList<>();
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
}
