package com.mileotech.cyber.commissioning;

import com.mileotech.cyber.system.Refusal;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Who is acting in the current engine command (the Tasklist or API user), for signatures and re-verifications. */
@Component
class Identities {

  private final IdentityService identityService;

  Identities(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** The authenticated user completing the task; refuses (naming {@code what}) when there is none. */
  String requireCurrentUser(String what) {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      throw Refusal.of(what + " impossible", java.util.List.of("aucun utilisateur authentifié"));
    }
    return authentication.getUserId();
  }

  /** « Prénom Nom (id) », read without the caller's rights (a technician may not list users). */
  String displayName(String userId) {
    User user = Context.getCommandContext() == null
        ? identityService.createUserQuery().userId(userId).singleResult()
        : Context.getCommandContext().runWithoutAuthorization(
            () -> identityService.createUserQuery().userId(userId).singleResult());
    if (user == null) {
      return userId;
    }
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? userId : name + " (" + userId + ")";
  }
}
