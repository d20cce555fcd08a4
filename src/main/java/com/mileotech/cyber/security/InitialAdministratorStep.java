package com.mileotech.cyber.security;

import com.mileotech.cyber.system.StartupStep;
import java.security.SecureRandom;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The first administrator. There is no known default password: it comes from the environment
 * (MILEO_ADMIN_PASSWORD) or, when none is given, is generated here, printed once on the console
 * and stored only as the engine's salted hash.
 */
@Component
class InitialAdministratorStep implements StartupStep {

  private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
  private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  private static final String DIGITS = "23456789";
  private static final String SPECIAL = "!#%+-=?@_";
  private static final int GENERATED_LENGTH = 24;

  private final IdentityService identityService;
  private final SecurityProperties.InitialAdmin config;
  private final SecureRandom random = new SecureRandom();

  InitialAdministratorStep(IdentityService identityService, SecurityProperties properties) {
    this.identityService = identityService;
    this.config = properties.initialAdmin();
  }

  @Override
  public int order() {
    return 30;
  }

  @Override
  public void run() {
    boolean anyAdministrator = identityService.createUserQuery().memberOfGroup(Groups.ADMINISTRATORS_ID).count() > 0;
    if (anyAdministrator) {
      return;
    }
    String id = StringUtils.hasText(config.id()) ? config.id() : "admin";
    User user = identityService.createUserQuery().userId(id).singleResult();
    if (user == null) {
      user = identityService.newUser(id);
      user.setFirstName("Administrateur");
      user.setLastName("Mileo");
    }
    boolean generated = !StringUtils.hasText(config.password());
    String password = generated ? generate() : config.password();
    while (generated && !identityService.checkPasswordAgainstPolicy(password, user).isValid()) {
      password = generate(); // e.g. it happened to contain the user id
    }
    PasswordPolicyResult check = identityService.checkPasswordAgainstPolicy(password, user);
    if (!check.isValid()) {
      throw new IllegalStateException("MILEO_ADMIN_PASSWORD does not meet the password policy "
          + "(at least 12 characters with lower case, upper case, digit and special character, "
          + "not containing the user's id or name)");
    }
    user.setEmail(StringUtils.hasText(config.email()) ? config.email() : null);
    user.setPassword(password);
    identityService.saveUser(user);
    identityService.createMembership(id, Groups.ADMINISTRATORS_ID);
    if (generated) {
      // Deliberately on stdout and not through the logger: log files may be shipped elsewhere.
      System.out.println();
      System.out.println("=====================================================================");
      System.out.println(" First administrator created. This password is shown only this once:");
      System.out.println("   user:     " + id);
      System.out.println("   password: " + password);
      System.out.println(" Change it in Admin after logging in (http(s)://<host>/camunda/app/admin/).");
      System.out.println("=====================================================================");
      System.out.println();
    }
  }

  private String generate() {
    String all = LOWER + UPPER + DIGITS + SPECIAL;
    StringBuilder password = new StringBuilder();
    // one of each class, then random fill, then shuffle
    password.append(pick(LOWER)).append(pick(UPPER)).append(pick(DIGITS)).append(pick(SPECIAL));
    while (password.length() < GENERATED_LENGTH) {
      password.append(pick(all));
    }
    for (int i = password.length() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      char c = password.charAt(i);
      password.setCharAt(i, password.charAt(j));
      password.setCharAt(j, c);
    }
    return password.toString();
  }

  private char pick(String alphabet) {
    return alphabet.charAt(random.nextInt(alphabet.length()));
  }
}
