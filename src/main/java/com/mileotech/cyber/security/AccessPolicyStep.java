package com.mileotech.cyber.security;

import com.mileotech.cyber.system.StartupStep;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.springframework.stereotype.Component;

/**
 * Creates the groups of {@link Groups} and the grants of {@link AccessPolicy}. Idempotent: an
 * existing row gets the missing permissions added, never a duplicate; permissions that an
 * administrator added by hand in Admin are kept, except those the policy withdraws (a row left
 * with no permission is deleted).
 */
@Component
class AccessPolicyStep implements StartupStep {

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;

  AccessPolicyStep(IdentityService identityService, AuthorizationService authorizationService) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
  }

  @Override
  public int order() {
    return 10;
  }

  @Override
  public void run() {
    for (Groups g : Groups.values()) {
      Group group = identityService.createGroupQuery().groupId(g.id()).singleResult();
      if (group == null) {
        group = identityService.newGroup(g.id());
        group.setName(g.frenchName());
        group.setType(g.type());
        identityService.saveGroup(group);
      }
    }
    for (AccessPolicy.Grant grant : AccessPolicy.grants()) {
      apply(grant);
    }
    for (AccessPolicy.Grant withdrawn : AccessPolicy.withdrawn()) {
      withdraw(withdrawn);
    }
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
