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
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Camunda 7.24 CE renders a "migrate to Camunda 8" banner in every webapp's header; our
 * user-styles.css hide it. Each app is checked with a user who may use it.
 */
@IntegrationTest
@BrowserTest
class EndOfLifeBannerBrowserTest {

  private static final By BANNER = By.cssSelector(".ce-eol-banner");

  @RegisterExtension final Browsers browsers = new Browsers();
  @LocalServerPort int port;
  @Autowired IdentityService identityService;

  @BeforeEach
  void users() {
    TestUsers.ensure(identityService, "browser.banner.tech", Groups.TECHNICIANS);
    TestUsers.ensure(identityService, "browser.banner.pm", Groups.PROJECT_MANAGERS);
    TestUsers.ensure(identityService, "browser.banner.referent", Groups.CYBER_REFERENT);
  }

  @Test
  void technicianSeesNoBannerInTasklist() {
    Browser browser = browsers.open(port, Language.FRENCH)
        .login("browser.banner.tech", TestUsers.PASSWORD, WebApp.TASKLIST)
        .waitForText("Démarrer un processus");
    assertBannerHidden(browser);
  }

  @Test
  void projectManagerSeesNoBannerInCockpit() {
    Browser browser = browsers.open(port, Language.FRENCH)
        .login("browser.banner.pm", TestUsers.PASSWORD, WebApp.COCKPIT)
        .waitForText("Processus"); // Cockpit in French (issue 16)
    assertBannerHidden(browser);
  }

  @Test
  void referentSeesNoBannerInCockpit() {
    Browser browser = browsers.open(port, Language.ENGLISH)
        .login("browser.banner.referent", TestUsers.PASSWORD, WebApp.COCKPIT)
        .waitForText("Processes");
    assertBannerHidden(browser);
  }

  @Test
  void administratorSeesNoBannerInAdmin() {
    Browser browser = browsers.open(port, Language.FRENCH)
        .login(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD, WebApp.ADMIN)
        .waitForText("Autorisations"); // Admin in French (issue 16)
    assertBannerHidden(browser);
  }

  /** Camunda still renders the banner (so the check is not vacuous), but nobody sees it. */
  private static void assertBannerHidden(Browser browser) {
    assertThat(browser.driver().findElements(BANNER)).as("the banner Camunda renders").isNotEmpty();
    assertThat(browser.visible(BANNER)).as("visible banners").isEmpty();
    assertThat(((JavascriptExecutor) browser.driver()).executeScript(
        "return getComputedStyle(document.querySelector('.ce-eol-banner')).display")).isEqualTo("none");
    assertThat(browser.visibleText()).doesNotContain("Camunda 8").doesNotContain("migrate").doesNotContain("migrer");
  }
}
