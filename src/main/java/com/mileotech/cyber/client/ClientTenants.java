package com.mileotech.cyber.client;

import com.mileotech.cyber.security.Groups;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
    String id = client.id();
    Tenant tenant = identityService.createTenantQuery().tenantId(id).singleResult();
    Set<String> staffMembers = new HashSet<>();
    for (Groups staff : Groups.staff()) {
      if (identityService.createTenantQuery().tenantId(id).groupMember(staff.id()).count() > 0) {
        staffMembers.add(staff.id());
      }
    }
    Set<String> rssi = new HashSet<>();
    for (String userId : rssiUserIds(client)) {
      if (identityService.createUserQuery().userId(userId).memberOfGroup(Groups.CLIENT_RSSI_ID).count() > 0) {
        rssi.add(userId);
      }
    }
    apply(client, tenant, staffMembers, rssi);
  }

  /**
   * The same for the whole registry (at start-up) in a few queries instead of about eight per client:
   * the tenants, each staff group's tenants and the RSSI group read once, then one query per client
   * for its RSSI users (the engine has no query across tenants' user memberships).
   */
  public void syncAll(List<Client> clients) {
    Map<String, Tenant> tenants = identityService.createTenantQuery().list().stream()
        .collect(Collectors.toMap(Tenant::getId, t -> t));
    Map<String, Set<String>> tenantsOfStaff = new HashMap<>();
    for (Groups staff : Groups.staff()) {
      tenantsOfStaff.put(staff.id(), identityService.createTenantQuery().groupMember(staff.id()).list().stream()
          .map(Tenant::getId).collect(Collectors.toSet()));
    }
    Set<String> rssi = identityService.createUserQuery().memberOfGroup(Groups.CLIENT_RSSI_ID).list().stream()
        .map(User::getId).collect(Collectors.toCollection(HashSet::new));
    for (Client client : clients) {
      Set<String> staffMembers = tenantsOfStaff.entrySet().stream()
          .filter(e -> e.getValue().contains(client.id())).map(Map.Entry::getKey).collect(Collectors.toSet());
      apply(client, tenants.get(client.id()), staffMembers, rssi);
    }
  }

  /**
   * Brings one client's tenant in step: {@code tenant} as it is (null if none), the staff groups
   * already its members, and (at least) those of the client's RSSI users already in the RSSI group
   * (a user added to the group here is added to the set).
   */
  private void apply(Client client, Tenant tenant, Set<String> staffMembers, Set<String> inRssiGroup) {
    if (tenant == null) {
      tenant = identityService.newTenant(client.id());
      tenant.setName(client.name());
      identityService.saveTenant(tenant);
    } else if (!Objects.equals(tenant.getName(), client.name())) {
      tenant.setName(client.name());
      identityService.saveTenant(tenant);
    }
    for (Groups staff : Groups.staff()) {
      if (!staffMembers.contains(staff.id())) {
        identityService.createTenantGroupMembership(client.id(), staff.id());
      }
    }
    Set<String> wanted = rssiUserIds(client);
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
      if (inRssiGroup.add(userId)) {
        identityService.createMembership(userId, Groups.CLIENT_RSSI_ID);
      }
    }
  }

  private static Set<String> rssiUserIds(Client client) {
    return client.rssiContacts().stream()
        .map(Client.Contact::userId).filter(Objects::nonNull).collect(Collectors.toSet());
  }
}
