package com.mileotech.cyber.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestUsers;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The page's files over HTTP, without a browser: nothing of /dashboard/ answers without a webapp
 * session (HTTP Basic is not enough: the page is for the webapps' users), and the Chart.js file
 * the page names is the one the WebJar serves.
 */
@IntegrationTest
class DashboardPageTest {

  @Autowired TestRestTemplate http;
  @LocalServerPort int port;

  @Test
  void withoutAWebappSessionEveryPathOfThePageLeadsToTheTasklistLogin() throws Exception {
    HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    String basic = "Basic " + Base64.getEncoder().encodeToString(
        (DashboardData.REFERENT + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
    for (String path : List.of("/dashboard", "/dashboard/", "/dashboard/?year=2031", "/dashboard/index.html",
        "/dashboard/dashboard.js", "/dashboard/dashboard.css")) {
      for (boolean withBasic : List.of(false, true)) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (withBasic) {
          request.header("Authorization", basic);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).as(path).get(InstanceOfAssertFactories.STRING)
            .contains("/camunda/app/tasklist/default/?mileoReturnTo=%2Fdashboard")
            .endsWith("#/login");
        assertThat(response.body()).as(path).doesNotContain("Tableau de bord");
      }
    }
  }

  @Test
  void theChartLibraryNamedByThePageIsServedByTheApplication() throws IOException {
    String html;
    try (InputStream in = getClass().getResourceAsStream("/static/dashboard/index.html")) {
      html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Matcher script = Pattern.compile("<script src=\"(/webjars/[^\"]+)\"").matcher(html);
    assertThat(script.find()).as("the page loads a WebJar").isTrue();
    assertThat(html).doesNotContain("https://").doesNotContain("http://"); // no CDN: the product runs offline

    ResponseEntity<String> library = http.getForEntity(script.group(1), String.class);
    assertThat(library.getStatusCode()).as(script.group(1)).isEqualTo(HttpStatus.OK);
    assertThat(library.getHeaders().getContentType().toString()).startsWith("text/javascript");
    assertThat(library.getBody()).contains("Chart.js v4.");
  }
}
