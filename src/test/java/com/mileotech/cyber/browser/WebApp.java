package com.mileotech.cyber.browser;

/** Camunda's webapps as the application serves them (camunda.bpm.webapp.application-path = /camunda). */
public enum WebApp {
  TASKLIST("tasklist"),
  COCKPIT("cockpit"),
  ADMIN("admin"),
  WELCOME("welcome");

  private final String name;

  WebApp(String name) {
    this.name = name;
  }

  /** What a user types: the webapp redirects to its engine-specific start page. */
  public String entryPath() {
    return "/camunda/app/" + name + "/";
  }

  /** The login page of the default engine. */
  public String loginPath() {
    return "/camunda/app/" + name + "/default/#/login";
  }

  /** The page shown after logging in. */
  public String homePath() {
    return "/camunda/app/" + name + "/default/#/";
  }

  public String id() {
    return name;
  }
}
