package com.mileotech.cyber.client;

import com.mileotech.cyber.security.Groups;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Keeps each client's Camunda tenant in step with the registry: the staff groups are members of
 * every tenant, and the client's RSSI users are members of that tenant only. The engine's tenant
 * checks then keep one client's work away from another's.
 */
@Component
public class ClientTenants {

  private final IdentityService identityService;

  ClientTenants(IdentityService identityService) {
    this.identityService = identityService;
  }

  public void sync(Client client) {
    Tenant tenant = identityService.createTenantQuery().tenantId(client.id()).singleResult();
    if (tenant == null) {
      tenant = identityService.newTenant(client.id());
      tenant.setName(client.name());
      identityService.saveTenant(tenant);
    } else if (!Objects.equals(tenant.getName(), client.name())) {
      tenant.setName(client.name());
      identityService.saveTenant(tenant);
    }
    for (Groups staff : Groups.staff()) {
      boolean member = identityService.createTenantQuery().tenantId(client.id()).groupMember(staff.id()).count() > 0;
      if (!member) {
        identityService.createTenantGroupMembership(client.id(), staff.id());
      }
    }
    Set<String> wanted = client.rssiContacts().stream()
        .map(Client.Contact::userId).filter(Objects::nonNull).collect(Collectors.toSet());
    List<String> current = identityService.createUserQuery().memberOfTenant(client.id()).list()
        .stream().map(User::getId).toList();
    for (String userId : current) {
      if (!wanted.contains(userId)) {
        identityService.deleteTenantUserMembership(client.id(), userId);
      }
    }
    for (String userId : wanted) {
      if (!current.contains(userId)) {
        identityService.createTenantUserMembership(client.id(), userId);
      }
      boolean inGroup = identityService.createUserQuery().userId(userId).memberOfGroup(Groups.CLIENT_RSSI_ID).count() > 0;
      if (!inGroup) {
        identityService.createMembership(userId, Groups.CLIENT_RSSI_ID);
      }
    }
  }
}
