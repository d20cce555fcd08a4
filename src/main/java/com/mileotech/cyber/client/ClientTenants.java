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
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps each client's Camunda tenant in step with the registry: the staff groups are members of
 * every tenant, and the client's RSSI users are members of that tenant only. The engine's tenant
 * checks then keep one client's work away from another's.
 */
@Component
public class ClientTenants {

  private final IdentityService identityService;
  private final JdbcClient jdbc;
  private final String tablePrefix;

  ClientTenants(IdentityService identityService, JdbcClient jdbc, ProcessEngineConfigurationImpl engineConfiguration) {
    this.identityService = identityService;
    this.jdbc = jdbc;
    this.tablePrefix = engineConfiguration.getDatabaseTablePrefix();
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
    Set<String> users = identityService.createUserQuery().memberOfTenant(id).list().stream()
        .map(User::getId).collect(Collectors.toSet());
    apply(client, tenant, staffMembers, users, rssi);
  }

  /**
   * The same for the whole registry (at start-up) in three reads whatever the number of clients:
   * the tenants, every tenant membership (one read of Camunda's tenant membership table: the
   * engine has no query across tenants' members) and the RSSI group's members; then writes only
   * where a client's tenant differs from the registry (docs/bench.md, "Start-up, profiled again").
   */
  public void syncAll(List<Client> clients) {
    Map<String, Tenant> tenants = identityService.createTenantQuery().list().stream()
        .collect(Collectors.toMap(Tenant::getId, t -> t));
    Map<String, Set<String>> groupsOfTenant = new HashMap<>();
    Map<String, Set<String>> usersOfTenant = new HashMap<>();
    jdbc.sql("select TENANT_ID_, USER_ID_, GROUP_ID_ from " + tablePrefix + "ACT_ID_TENANT_MEMBER")
        .query((rs, n) -> {
          String tenant = rs.getString("TENANT_ID_");
          if (rs.getString("USER_ID_") != null) {
            usersOfTenant.computeIfAbsent(tenant, k -> new HashSet<>()).add(rs.getString("USER_ID_"));
          }
          if (rs.getString("GROUP_ID_") != null) {
            groupsOfTenant.computeIfAbsent(tenant, k -> new HashSet<>()).add(rs.getString("GROUP_ID_"));
          }
          return tenant;
        })
        .list();
    Set<String> rssi = identityService.createUserQuery().memberOfGroup(Groups.CLIENT_RSSI_ID).list().stream()
        .map(User::getId).collect(Collectors.toCollection(HashSet::new));
    for (Client client : clients) {
      apply(client, tenants.get(client.id()), groupsOfTenant.getOrDefault(client.id(), Set.of()),
          usersOfTenant.getOrDefault(client.id(), Set.of()), rssi);
    }
  }

  /**
   * Brings one client's tenant in step: {@code tenant} as it is (null if none), the groups and
   * users already its members, and (at least) those of the client's RSSI users already in the RSSI
   * group (a user added to the group here is added to the set).
   */
  private void apply(Client client, Tenant tenant, Set<String> groupMembers, Set<String> userMembers,
      Set<String> inRssiGroup) {
    if (tenant == null) {
      tenant = identityService.newTenant(client.id());
      tenant.setName(client.name());
      identityService.saveTenant(tenant);
    } else if (!Objects.equals(tenant.getName(), client.name())) {
      tenant.setName(client.name());
      identityService.saveTenant(tenant);
    }
    for (Groups staff : Groups.staff()) {
      if (!groupMembers.contains(staff.id())) {
        identityService.createTenantGroupMembership(client.id(), staff.id());
      }
    }
    Set<String> wanted = rssiUserIds(client);
    for (String userId : userMembers) {
      if (!wanted.contains(userId)) {
        identityService.deleteTenantUserMembership(client.id(), userId);
      }
    }
    for (String userId : wanted) {
      if (!userMembers.contains(userId)) {
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
