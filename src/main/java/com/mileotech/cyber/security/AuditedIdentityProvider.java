package com.mileotech.cyber.security;

import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;

/**
 * The engine's database identity provider, with every password check (webapp login, REST Basic
 * authentication, our API) written to the audit trail, successful or not.
 */
public class AuditedIdentityProvider extends DbIdentityServiceProvider {

  @Override
  public boolean checkPassword(String userId, String password) {
    boolean known = userId != null && findUserById(userId) != null;
    boolean ok = super.checkPassword(userId, password);
    AuditTrail.login(userId, ok, ok ? null : (known ? "bad-credentials-or-locked" : "unknown-user"));
    return ok;
  }
}
