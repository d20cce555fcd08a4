package com.mileotech.cyber.security;

import java.util.Optional;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.slf4j.MDC;

/**
 * The engine's database identity provider, with every password check (webapp login, REST Basic
 * authentication, our API) written to the audit trail, successful or not, and slowed by the
 * {@link LoginThrottle} per account and source address instead of Camunda's per-account lock:
 * that lock (a wait after every failure, then for good after ten) let anyone lock any account,
 * the supervision platform's included, and refused the right password for 3 s after one typo.
 */
public class AuditedIdentityProvider extends DbIdentityServiceProvider {

  /** Where a check comes from when no HTTP request is behind it (a test, a start-up step). */
  static final String LOCAL = "local";

  private final LoginThrottle throttle;

  public AuditedIdentityProvider(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  public boolean checkPassword(String userId, String password) {
    if (userId == null || userId.isBlank() || password == null || password.isEmpty()) {
      AuditTrail.login(userId, false, "missing-credentials");
      return false;
    }
    String source = source();
    if (throttle.lockedFor(userId, source).isPresent()) {
      // the password is not even looked at: guessing gains nothing while the wait lasts
      AuditTrail.login(userId, false, "throttled");
      return false;
    }
    UserEntity user = findUserById(userId);
    boolean ok = user != null && matchPassword(password, user);
    if (ok) {
      throttle.succeeded(userId, source);
      if (user.getAttempts() > 0 || user.getLockExpirationTime() != null) {
        unlockUser(user); // a lock left by Camunda's own mechanism (before this one) goes
      }
    } else {
      throttle.failed(userId, source, user != null);
    }
    AuditTrail.login(userId, ok, ok ? null : (user == null ? "unknown-user" : "bad-credentials"));
    return ok;
  }

  /** The caller's address, as AccessLogFilter put it in the MDC for the request. */
  static String source() {
    return Optional.ofNullable(MDC.get(AccessLogFilter.MDC_REMOTE_ADDRESS)).orElse(LOCAL);
  }
}
