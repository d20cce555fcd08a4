package com.mileotech.cyber.security;

import com.mileotech.cyber.system.StartupStep;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Creates the groups of {@link Groups} and the grants of {@link AccessPolicy}. Idempotent: an
 * existing row gets the missing permissions added, never a duplicate; permissions that an
 * administrator added by hand in Admin are kept, except those the policy withdraws (a row left
 * with no permission is deleted). On an unchanged database it reads two things and writes nothing.
 */
@Component
class AccessPolicyStep implements StartupStep {

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final JdbcClient jdbc;
  private final String tablePrefix;

  AccessPolicyStep(IdentityService identityService, AuthorizationService authorizationService, JdbcClient jdbc,
      ProcessEngineConfigurationImpl engineConfiguration) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.jdbc = jdbc;
    this.tablePrefix = engineConfiguration.getDatabaseTablePrefix();
  }

  @Override
  public int order() {
    return 10;
  }

  @Override
  public void run() {
    List<String> ids = Arrays.stream(Groups.values()).map(Groups::id).toList();
    Set<String> existing = identityService.createGroupQuery().groupIdIn(ids.toArray(String[]::new)).list().stream()
        .map(Group::getId).collect(Collectors.toSet());
    for (Groups g : Groups.values()) {
      if (!existing.contains(g.id())) {
        Group group = identityService.newGroup(g.id());
        group.setName(g.frenchName());
        group.setType(g.type());
        identityService.saveGroup(group);
      }
    }
    Map<String, Integer> granted = policyRows();
    for (AccessPolicy.Grant grant : AccessPolicy.grants()) {
      Integer permissions = granted.get(key(grant));
      if (permissions == null || !grant.permissions().stream().allMatch(p -> has(permissions, p))) {
        apply(grant);
      }
    }
    for (AccessPolicy.Grant withdrawn : AccessPolicy.withdrawn()) {
      Integer permissions = granted.get(key(withdrawn));
      if (permissions != null && withdrawn.permissions().stream().anyMatch(p -> has(permissions, p))) {
        withdraw(withdrawn);
      }
    }
  }

  /**
   * The permissions of every grant row the policy speaks of (group, resource type, resource id), in
   * one read of Camunda's authorization table instead of one query per row of the policy (about
   * 90): the rows are compared here and only a row that differs is read and written again through
   * the engine (docs/bench.md, "Start-up, profiled again"). The resource ids the policy names
   * ("*", process keys, webapps) keep the engine's own grants on single tasks (tens of thousands)
   * out of the read. Two rows for one key (never made by this step) are left to the engine's query,
   * which refuses them as before.
   */
  private Map<String, Integer> policyRows() {
    List<AccessPolicy.Grant> all = new ArrayList<>(AccessPolicy.grants());
    all.addAll(AccessPolicy.withdrawn());
    List<String> groups = all.stream().map(g -> g.group().id()).distinct().toList();
    List<String> resourceIds = all.stream().map(AccessPolicy.Grant::resourceId).distinct().toList();
    Map<String, Integer> rows = new HashMap<>();
    Set<String> twice = new HashSet<>();
    jdbc.sql("select GROUP_ID_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_ from " + tablePrefix + "ACT_RU_AUTHORIZATION"
            + " where TYPE_ = :grant and GROUP_ID_ in (:groups) and RESOURCE_ID_ in (:resourceIds)")
        .param("grant", Authorization.AUTH_TYPE_GRANT)
        .param("groups", groups)
        .param("resourceIds", resourceIds)
        .query((rs, n) -> {
          String key = key(rs.getString("GROUP_ID_"), rs.getInt("RESOURCE_TYPE_"), rs.getString("RESOURCE_ID_"));
          if (rows.put(key, rs.getInt("PERMS_")) != null) {
            twice.add(key);
          }
          return key;
        })
        .list();
    twice.forEach(rows::remove);
    return rows;
  }

  private static boolean has(int permissions, Permission permission) {
    // AuthorizationEntity.isPermissionGranted for a grant
    return (permissions & permission.getValue()) == permission.getValue();
  }

  private static String key(AccessPolicy.Grant grant) {
    return key(grant.group().id(), grant.resource().resourceType(), grant.resourceId());
  }

  private static String key(String group, int resourceType, String resourceId) {
    return group + "|" + resourceType + "|" + resourceId;
  }

  private void withdraw(AccessPolicy.Grant withdrawn) {
    Authorization existing = find(withdrawn);
    if (existing == null || withdrawn.permissions().stream().noneMatch(existing::isPermissionGranted)) {
      return;
    }
    withdrawn.permissions().forEach(existing::removePermission);
    if (((AuthorizationEntity) existing).getPermissions() == 0) {
      authorizationService.deleteAuthorization(existing.getId());
    } else {
      authorizationService.saveAuthorization(existing);
    }
  }

  private Authorization find(AccessPolicy.Grant grant) {
    return authorizationService.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn(grant.group().id())
        .resourceType(grant.resource())
        .resourceId(grant.resourceId())
        .singleResult();
  }

  private void apply(AccessPolicy.Grant grant) {
    Authorization existing = find(grant);
    Authorization authorization = existing;
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      authorization.setGroupId(grant.group().id());
      authorization.setResource(grant.resource());
      authorization.setResourceId(grant.resourceId());
    }
    boolean changed = existing == null;
    for (Permission permission : grant.permissions()) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizationService.saveAuthorization(authorization);
    }
  }
}
