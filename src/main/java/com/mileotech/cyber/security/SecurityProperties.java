package com.mileotech.cyber.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code mileo.security.*}: the first administrator. */
@ConfigurationProperties("mileo.security")
public record SecurityProperties(InitialAdmin initialAdmin) {

  public SecurityProperties {
    if (initialAdmin == null) {
      initialAdmin = new InitialAdmin("admin", null, null);
    }
  }

  /**
   * The administrator created when no administrator exists yet. Without a password, a strong
   * one is generated and printed once on the console.
   */
  public record InitialAdmin(String id, String password, String email) {}
}
