package com.mileotech.cyber.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every page and API answer carries the security headers; API answers are never stored; the
 * webapps keep Camunda's own content security policy (with its script nonce); the session cookie
 * says SameSite once.
 */
@IntegrationTest
class SecurityHeadersTest {

  private static final List<String> PAGES = List.of("/dashboard/", "/dashboard/index.html", "/", "/webjars/chartjs/4.4.3/dist/chart.umd.js");
  private static final List<String> APIS = List.of("/api/clients", "/api/security-incidents/INC-1999-0001",
      "/engine-rest/engine", "/engine-rest/task", "/camunda/api/engine/engine/", "/actuator/health");
  private static final List<String> WEBAPPS = List.of("/camunda/app/tasklist/default/", "/camunda/app/cockpit/default/",
      "/camunda/app/admin/default/");

  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void everyPageAndApiAnswerCarriesTheSecurityHeaders() throws Exception {
    for (String path : concat(PAGES, APIS, WEBAPPS)) {
      for (boolean authenticated : List.of(false, true)) {
        HttpResponse<String> answer = get(path, authenticated);
        String what = path + (authenticated ? " (logged in)" : " (anonymous)") + " answered " + answer.statusCode();
        assertThat(answer.headers().allValues("X-Content-Type-Options")).as(what).containsExactly("nosniff");
        assertThat(answer.headers().allValues("X-Frame-Options")).as(what).containsExactly("DENY");
        assertThat(answer.headers().allValues("Referrer-Policy")).as(what).containsExactly("same-origin");
        List<String> policy = answer.headers().allValues("Content-Security-Policy");
        assertThat(policy).as(what).hasSize(1);
        if (WEBAPPS.contains(path) || path.startsWith("/camunda/")) {
          assertThat(policy.get(0)).as(what).contains("frame-ancestors 'none'", "script-src 'nonce-");
        } else {
          assertThat(policy.get(0)).as(what).isEqualTo(SecurityHeadersFilter.CONTENT_SECURITY_POLICY);
        }
        if (APIS.contains(path)) {
          assertThat(answer.headers().allValues("Cache-Control")).as(what).containsExactly("no-store");
        }
      }
    }
  }

  @Test
  void theSessionCookieSaysSameSiteOnce() throws Exception {
    HttpResponse<String> page = get("/camunda/app/tasklist/default/", false);
    String session = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
        .orElseThrow();
    assertThat(session.split("(?i)SameSite=", -1)).as(session).hasSize(2);
    assertThat(session).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
  }

  private HttpResponse<String> get(String path, boolean authenticated) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
    if (authenticated) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
          (TestUsers.ADMIN + ":" + TestUsers.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @SafeVarargs
  private static List<String> concat(List<String>... lists) {
    return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
  }
}
