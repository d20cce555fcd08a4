package com.mileotech.cyber.incident;

import com.mileotech.cyber.security.Groups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Who is doing the current step: the user Tasklist or the API authenticated for this request. */
@Component
class Actors {

  private final IdentityService identityService;

  Actors(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** The user id, or null when the step runs in a background job. */
  String current() {
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  boolean currentIsMemberOf(Groups group) {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      return false;
    }
    if (authentication.getGroupIds() != null && authentication.getGroupIds().contains(group.id())) {
      return true;
    }
    return identityService.createUserQuery().userId(authentication.getUserId()).memberOfGroup(group.id()).count() > 0;
  }

  /** "Romain Lefèvre (referent.demo)", or the id alone when the account has no name. */
  String describe(String userId) {
    if (userId == null) {
      return "système";
    }
    var user = identityService.createUserQuery().userId(userId).singleResult();
    if (user == null || (user.getFirstName() == null && user.getLastName() == null)) {
      return userId;
    }
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name + " (" + userId + ")";
  }
}
