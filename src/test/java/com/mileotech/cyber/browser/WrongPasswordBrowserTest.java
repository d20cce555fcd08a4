package com.mileotech.cyber.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestUsers;
import com.mileotech.cyber.browser.Browser.Language;
import com.mileotech.cyber.security.Groups;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A wrong password (or an unknown user) stays on the login page with an error, and lets nothing through. */
@IntegrationTest
@BrowserTest
class WrongPasswordBrowserTest {

  private static final String USER = "browser.login.tech";
  private static final String LOGIN_ERROR =
      "Identifiants incorrects, compte verrouillé ou accès à l'application non autorisé";

  @RegisterExtension final Browsers browsers = new Browsers();
  @LocalServerPort int port;
  @Autowired IdentityService identityService;

  @BeforeEach
  void user() {
    TestUsers.ensure(identityService, USER, Groups.TECHNICIANS);
  }

  @Test
  void wrongPasswordStaysOnTheLoginPageWithAnError() {
    Browser browser = browsers.open(port, Language.FRENCH)
        .submitLogin(USER, "Mauvais-Mot-de-passe-1!", WebApp.TASKLIST)
        .waitForText("Échec de la connexion");

    assertThat(browser.visibleText()).contains(LOGIN_ERROR);
    assertThat(browser.currentUrl()).endsWith("/login");
    assertThat(browser.showsLoginForm()).isTrue();
    assertThat(browser.isLoggedIn()).isFalse();

    // still nobody: the task list is out of reach
    browser.open(WebApp.TASKLIST.homePath());
    browser.waitUntil(d -> browser.showsLoginForm());
    assertThat(browser.isLoggedIn()).isFalse();

    // one mistake does not lock the account: the right password gets in at once
    browser.login(USER, TestUsers.PASSWORD, WebApp.TASKLIST).waitForText("Démarrer un processus");
  }

  @Test
  void unknownUserGetsTheSameError() {
    Browser browser = browsers.open(port, Language.FRENCH)
        .submitLogin("personne.inconnue", "Mauvais-Mot-de-passe-1!", WebApp.TASKLIST)
        .waitForText("Échec de la connexion");

    assertThat(browser.visibleText()).contains(LOGIN_ERROR);
    assertThat(browser.currentUrl()).endsWith("/login");
    assertThat(browser.isLoggedIn()).isFalse();
  }
}
