package com.mileotech.cyber.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestClients;
import com.mileotech.cyber.TestIncidents;
import com.mileotech.cyber.TestUsers;
import com.mileotech.cyber.browser.Browser.Language;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.client.ClientService;
import com.mileotech.cyber.security.Groups;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The evidence page on a site's poor link: the server records an upload but its answer never
 * reaches the browser. The person sees the send interrupted, keeps what they filled in, clicks
 * again, and the register holds the file once (the page's Idempotency-Key), not twice.
 */
@IntegrationTest
@BrowserTest
class EvidencePageBrowserTest {

  private static final String TECH = "browser.evidence.tech";
  private static final String SUPERVISION = "browser.evidence.supervision";
  /** The first POST reaches the server, its answer is lost on the way back (what a dropped 4G link does). */
  private static final String FIRST_ANSWER_LOST = """
      (function () {
        var lost = false;
        var real = window.fetch;
        window.fetch = function (url, init) {
          var sent = real.apply(this, arguments);
          if (!lost && init && init.method === 'POST') {
            lost = true;
            return sent.then(function () { throw new TypeError('Failed to fetch'); });
          }
          return sent;
        };
      })();
      """;

  @RegisterExtension final Browsers browsers = new Browsers();
  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired ClientRepository clientRepository;
  @Autowired ClientService clientService;
  @Autowired JdbcClient jdbc;
  private String reference;

  @BeforeEach
  void incident() throws Exception {
    TestClients.ensure(identityService, clientRepository, clientService);
    TestUsers.ensure(identityService, SUPERVISION, Groups.INTEGRATIONS);
    TestUsers.ensure(identityService, TECH, Groups.TECHNICIANS);
    reference = TestIncidents.reportedBySupervision(http, SUPERVISION, "NVR-07", "Flux vidéo coupés sur le NVR-07");
  }

  @Test
  void anUploadWhoseAnswerWasLostIsSentAgainAndRecordedOnce() throws Exception {
    Path file = Files.createTempFile("journal-nvr07-", ".log");
    Files.writeString(file, "2026-12-06T08:00:01Z nvr07 rtsp: flux 3 interrompu " + UUID.randomUUID() + "\n",
        StandardCharsets.UTF_8);
    Browser browser = browsers.open(port, Language.FRENCH).login(TECH, TestUsers.PASSWORD, WebApp.TASKLIST)
        .waitForText("Démarrer un processus");
    browser.beforeEachPage(FIRST_ANSWER_LOST).open("/evidence/?reference=" + reference);
    browser.waitUntil(d -> !d.findElement(By.id("max-size")).getText().isBlank()); // the session's CSRF token is read

    new Select(browser.waitForVisible(By.cssSelector("#upload select[name=kind]"))).selectByValue("journaux");
    WebElement description = browser.driver().findElement(By.cssSelector("#upload input[name=description]"));
    description.sendKeys("Journaux RTSP du NVR-07");
    browser.driver().findElement(By.cssSelector("#upload input[name=file]")).sendKeys(file.toAbsolutePath().toString());
    browser.click("Envoyer le fichier").waitForText("Envoi interrompu");

    assertThat(items()).as("the server recorded the first attempt").isEqualTo(1);
    assertThat(description.getDomProperty("value")).as("what the person typed is still there")
        .isEqualTo("Journaux RTSP du NVR-07");

    browser.click("Envoyer le fichier").waitForText("Fichier reçu et inscrit au registre.");
    assertThat(items()).as("the second click got the first item back, not a second one").isEqualTo(1);
    browser.waitUntil(d -> description.getDomProperty("value").isEmpty()); // recorded: the form is emptied
    assertThat(browser.visibleText()).contains("Journaux RTSP du NVR-07");
  }

  private long items() {
    return jdbc.sql("select count(*) from evidence_item where reference = :r").param("r", reference)
        .query(Long.class).single();
  }
}
