package com.mileotech.cyber.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestUsers;
import com.mileotech.cyber.browser.Browser;
import com.mileotech.cyber.browser.Browser.Language;
import com.mileotech.cyber.browser.BrowserTest;
import com.mileotech.cyber.browser.Browsers;
import com.mileotech.cyber.browser.WebApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard page in a real Chromium: an anonymous visitor is sent to the Tasklist login; the
 * referent, logged in to Tasklist, sees every chart drawn with the figures of {@link DashboardData}
 * and the open items linked to Tasklist, then narrows the page to one client.
 */
@IntegrationTest
@BrowserTest
class DashboardBrowserTest {

  static final List<String> CHARTS = List.of("chart-incidents-month", "chart-incidents-severity",
      "chart-incidents-nature", "chart-incidents-source", "chart-indicators-month", "chart-deadlines",
      "chart-hardening");

  @RegisterExtension final Browsers browsers = new Browsers();
  @LocalServerPort int port;
  @Autowired DashboardData data;

  @BeforeEach
  void setUp() {
    data.build();
    ClockUtil.setCurrentTime(Date.from(DashboardData.NOW));
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  @Test
  void anAnonymousVisitorIsSentToTheTasklistLogin() {
    Browser visitor = browsers.open(port, Language.FRENCH).open("/dashboard/?year=2031");
    visitor.waitUntil(d -> d.getCurrentUrl().contains("/camunda/app/tasklist/default/?mileoReturnTo=")
        && d.getCurrentUrl().endsWith("#/login"));
    visitor.waitUntil(d -> visitor.showsLoginForm());
    assertThat(visitor.visibleText()).doesNotContain("Tableau de bord").doesNotContain(DashboardData.ALPHA_NAME);
    // the bookmark survives the login
    visitor.submitLogin(DashboardData.REFERENT, TestUsers.PASSWORD, WebApp.TASKLIST);
    visitor.waitUntil(d -> d.getCurrentUrl().endsWith("/dashboard/?year=2031"));
  }

  @Test
  void theReferentSeesTheChartsDrawnAndTheOpenItemsLinkedToTasklist() throws Exception {
    Browser referent = browsers.open(port, Language.FRENCH)
        .login(DashboardData.REFERENT, TestUsers.PASSWORD, WebApp.TASKLIST);
    referent.open("/dashboard/");
    ready(referent);

    assertThat(referent.driver().getTitle()).isEqualTo("Tableau de bord cybersécurité — Mileo Technology");
    assertThat(referent.visibleText())
        .contains("Période : année 2031 (du 01/01/2031 au 31/12/2031) — tous les clients")
        .contains("Incidents\n5\n1 en cours")
        .contains("MTTR médian\n27 h 30\n90e centile : 42 h 36")
        .contains("Checklists signées\n2")
        .contains("Non-conformités ouvertes\n2\n1 au délai dépassé");
    for (String chart : CHARTS) {
      assertThat(plotted(referent, chart)).as("values plotted in " + chart).isPositive();
      referent.waitUntil(d -> painted(referent, chart) > 500);
    }
    assertThat(labels(referent, "chart-incidents-month")).startsWith("janv. 2031", "févr. 2031", "mars 2031");
    assertThat(labels(referent, "chart-hardening")).containsExactly("Serveur et OS (16 points)",
        "VMS applicatif (20 points)", "NVR et stockage (14 points)", "Caméras IP (14 points)");

    // the breach register's figures (issue 18): E not notified, by the client's documented decision
    String breaches = referent.driver().findElement(By.id("table-breaches")).getText();
    assertThat(breaches).contains("Non notifiées (décision documentée)")
        .contains(com.mileotech.cyber.notification.NotificationForms.APPROVER).contains("Notifiées en retard");

    // an open item's link opens its task in Tasklist
    String link = referent.driver().findElement(By.xpath(
        "//table[@id='table-open-items']//tr[td[contains(., 'Lever la non-conformité CAM-02')]]//a")).getAttribute("href");
    assertThat(link).matches("http://localhost:" + port + "/camunda/app/tasklist/default/#/\\?task=[0-9a-f-]+");

    screenshot(referent, "DashboardBrowserTest-all-clients.png");

    // one client: the form reloads the figures and the export links follow
    new Select(referent.driver().findElement(By.id("client"))).selectByVisibleText(DashboardData.ALPHA_NAME);
    referent.driver().findElement(By.cssSelector("#filters button[type=submit]")).click();
    referent.waitUntil(d -> d.getCurrentUrl().endsWith("/dashboard/?year=2031&client=" + DashboardData.ALPHA));
    ready(referent);
    referent.waitForText("client : " + DashboardData.ALPHA_NAME);
    assertThat(referent.visibleText()).contains("Incidents\n3\n0 en cours");
    assertThat(referent.driver().findElement(By.id("export-pdf")).getAttribute("href"))
        .endsWith("/api/dashboard/report.pdf?year=2031&client=" + DashboardData.ALPHA);
    assertThat(referent.driver().findElement(By.id("export-csv")).getAttribute("href"))
        .endsWith("/api/dashboard/export.csv?year=2031&client=" + DashboardData.ALPHA);
  }

  private static void ready(Browser browser) {
    Object state = browser.waitUntil(d -> {
      Object s = js(browser, "return document.body.dataset.state");
      return "loading".equals(s) ? null : s;
    });
    assertThat(state).as(browser.visibleText()).isEqualTo("ready");
  }

  /** How many non-zero values the chart on that canvas holds. */
  private static long plotted(Browser browser, String canvas) {
    return ((Number) js(browser, "const c = Chart.getChart(arguments[0]);"
        + "return c ? c.data.datasets.reduce((n, ds) => n + ds.data.filter(v => v).length, 0) : -1;", canvas))
        .longValue();
  }

  /** How many pixels of the canvas are painted (0 while the canvas is not laid out yet, on a slow machine). */
  private static long painted(Browser browser, String canvas) {
    return ((Number) js(browser, "const c = document.getElementById(arguments[0]);"
        + "if (!c || c.width === 0 || c.height === 0) { return 0; }"
        + "const p = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
        + "for (let i = 3; i < p.length; i += 4) { if (p[i] > 0) n++; } return n;", canvas)).longValue();
  }

  @SuppressWarnings("unchecked")
  private static List<String> labels(Browser browser, String canvas) {
    return (List<String>) js(browser, "return Chart.getChart(arguments[0]).data.labels;", canvas);
  }

  private static Object js(Browser browser, String script, Object... args) {
    return ((JavascriptExecutor) browser.driver()).executeScript(script, args);
  }

  /** The whole page, kept for people to look at. */
  private static void screenshot(Browser browser, String name) throws Exception {
    long height = ((Number) js(browser, "return document.documentElement.scrollHeight")).longValue();
    browser.driver().manage().window().setSize(new Dimension(1400, (int) Math.min(height + 150, 8000)));
    Thread.sleep(500); // the charts resize to the new window
    Path file = Path.of(Browsers.SCREENSHOTS, name);
    Files.createDirectories(file.getParent());
    Files.copy(((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.FILE).toPath(), file,
        StandardCopyOption.REPLACE_EXISTING);
    browser.driver().manage().window().setSize(new Dimension(1400, 1000));
  }
}
