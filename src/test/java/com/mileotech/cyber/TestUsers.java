package com.mileotech.cyber;

import com.mileotech.cyber.security.Groups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** Nominal test accounts, created on demand in the shared context (idempotent). */
public final class TestUsers {

  /** Every test account has this password (it satisfies the 12-character policy). */
  public static final String PASSWORD = "Test-Password-2026!";
  public static final String ADMIN = "admin";
  public static final String ADMIN_PASSWORD = "Chef-Supreme-2026!";

  private TestUsers() {}

  /** Creates the user (with an address {@code <id>@test.example}) in the group if missing; returns its id. */
  public static String ensure(IdentityService identityService, String userId, Groups group) {
    if (identityService.createUserQuery().userId(userId).count() == 0) {
      User user = identityService.newUser(userId);
      user.setFirstName("Prénom");
      user.setLastName("Nom");
      user.setEmail(userId + "@test.example");
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
    }
    if (identityService.createUserQuery().userId(userId).memberOfGroup(group.id()).count() == 0) {
      identityService.createMembership(userId, group.id());
    }
    return userId;
  }
}
