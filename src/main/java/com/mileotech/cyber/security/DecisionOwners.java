package com.mileotech.cyber.security;

import com.mileotech.cyber.system.Published;
import com.mileotech.cyber.system.Refusal;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Who makes a decision of the procedure. A decision (the client's agreement, a filing, an
 * approval, a signature, a waiver) is recorded only when the authenticated user completing the
 * task is its owner: a member of the owning group and, for a client's decision, a client RSSI of
 * that very client (a member of the client's tenant in their own name, not through a staff group).
 * The identity comes from the authentication, never from a submitted value. Anyone else is refused
 * with a French message naming who may decide — administrators included: the engine lets them
 * complete any task, but the decision is not theirs.
 *
 * <p>Called by the delegates and listeners that record a decision, inside the command that
 * completes the task: the refusal rolls the completion back.
 */
@Published
@Component
public class DecisionOwners {

  private final IdentityService identityService;

  public DecisionOwners(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** The user completing the task, as the engine authenticated them. */
  public record Decider(String userId, Set<String> groups) {

    public boolean isIn(Groups group) {
      return groups.contains(group.id());
    }
  }

  /** The authenticated user, or a refusal of {@code what} when nobody is authenticated (a background job). */
  public Decider current(String what) {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      throw Refusal.of(what, "aucun utilisateur authentifié : la décision doit être prise par une personne identifiée");
    }
    String userId = authentication.getUserId();
    List<String> groups = authentication.getGroupIds();
    if (groups == null || groups.isEmpty()) {
      groups = privileged(() -> identityService.createGroupQuery().groupMember(userId).list())
          .stream().map(Group::getId).toList();
    }
    return new Decider(userId, Set.copyOf(groups));
  }

  /** The authenticated user, if any (null in a background job): for facts that are not decisions. */
  public String currentUserId() {
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  /** True when the user is a client RSSI of {@code clientId}: in the group, and a member of the client's tenant themselves. */
  public boolean isClientRssiOf(Decider decider, String clientId) {
    if (!decider.isIn(Groups.CLIENT_RSSI) || clientId == null) {
      return false;
    }
    return privileged(() -> identityService.createTenantQuery().userMember(decider.userId()).tenantId(clientId).count()) > 0;
  }

  /** The decider, if a member of {@code group}; else refuses {@code what}, saying {@code who} may decide. */
  public Decider requireMember(String what, Groups group, String who) {
    Decider decider = current(what);
    if (!decider.isIn(group)) {
      throw Refusal.of(what, who);
    }
    return decider;
  }

  /** The decider, if a client RSSI of {@code clientId}; else refuses {@code what}, saying {@code who} may decide. */
  public Decider requireClientRssi(String what, String clientId, String who) {
    Decider decider = current(what);
    if (!isClientRssiOf(decider, clientId)) {
      throw Refusal.of(what, who);
    }
    return decider;
  }

  /** « Prénom Nom (id) », read without the caller's rights; the id alone when the account has no name. */
  public String displayName(String userId) {
    if (userId == null) {
      return null;
    }
    User user = privileged(() -> identityService.createUserQuery().userId(userId).singleResult());
    if (user == null) {
      return userId;
    }
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    // a text people read (the client's RSSI included): the name; the login is kept beside it, in its own field
    return name.isEmpty() ? userId : name;
  }

  /**
   * Identity lookups are ours, not the caller's: a technician or a client's RSSI may not list users.
   * Inside an engine command: without authorization checks; outside (a controller, an export), with
   * the caller's authentication set aside for the lookup, then restored.
   */
  private <T> T privileged(Callable<T> query) {
    CommandContext context = Context.getCommandContext();
    try {
      if (context != null) {
        return context.runWithoutAuthorization(query);
      }
      Authentication caller = identityService.getCurrentAuthentication();
      identityService.clearAuthentication();
      try {
        return query.call();
      } finally {
        if (caller != null) {
          identityService.setAuthentication(caller);
        }
      }
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
