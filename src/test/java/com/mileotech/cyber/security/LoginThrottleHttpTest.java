package com.mileotech.cyber.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestUsers;
import com.mileotech.cyber.WebappSession;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Failed logins over HTTP, from two source addresses of this machine (127.0.0.1 and 127.0.0.2):
 * the right password right after a typo works; guesses from one address slow that address only,
 * the account keeps working from its own; the wait ends by itself (Camunda's clock is moved, no
 * sleeping); ten failures no longer lock an account for good; the administrators are alerted.
 */
@IntegrationTest
class LoginThrottleHttpTest {

  private static final String HERE = "127.0.0.1";
  private static final String ELSEWHERE = "127.0.0.2";
  private static final String WRONG = "Pas-Le-Bon-Mot-2026!";
  private static final Path AUDIT = Path.of("target/test-audit.jsonl");

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired JdbcClient jdbc;
  private final ObjectMapper json = new ObjectMapper();

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theRightPasswordRightAfterAWrongOneGetsIn() throws Exception {
    String user = TestUsers.ensure(identityService, unique("typo"), Groups.TECHNICIANS);
    assertThat(status(HERE, "/engine-rest/task", user, WRONG)).isEqualTo(401);
    assertThat(status(HERE, "/engine-rest/task", user, TestUsers.PASSWORD)).isEqualTo(200);

    assertThat(webappLogin(user, WRONG)).isEqualTo(401);
    assertThat(webappLogin(user, TestUsers.PASSWORD)).isEqualTo(200);
  }

  @Test
  void guessesFromElsewhereSlowThatAddressOnlyAndTheWaitEndsByItself() throws Exception {
    ClockUtil.setCurrentTime(new Date());
    String service = TestUsers.ensure(identityService, unique("service"), Groups.INTEGRATIONS);
    for (int i = 1; i <= 3; i++) {
      assertThat(status(ELSEWHERE, "/api/security-incidents/INC-2026-0001", service, WRONG)).isEqualTo(401);
    }
    Response locked = call(ELSEWHERE, "/api/security-incidents/INC-2026-0001", service, WRONG);
    assertThat(locked.status()).isEqualTo(429);
    assertThat(locked.headers()).contains("Retry-After: 2");
    assertThat(locked.body()).contains("Trop d'échecs de connexion pour ce compte depuis cette adresse : réessayez dans 2 s");
    // not even the right password from there while the wait lasts, over any door
    assertThat(status(ELSEWHERE, "/engine-rest/engine", service, TestUsers.PASSWORD)).isEqualTo(429);

    // the platform's own address is not affected (an integration gets no engine API: 403, past the login)
    assertThat(status(HERE, "/engine-rest/engine", service, TestUsers.PASSWORD)).isEqualTo(403);
    assertThat(status(HERE, "/api/security-incidents/INC-2026-0001", service, TestUsers.PASSWORD)).isEqualTo(403);

    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(3)));
    assertThat(status(ELSEWHERE, "/engine-rest/engine", service, TestUsers.PASSWORD)).isEqualTo(403);
  }

  @Test
  void theWebappLoginIsThrottledLikeTheApis() throws Exception {
    ClockUtil.setCurrentTime(new Date());
    String user = TestUsers.ensure(identityService, unique("webapp"), Groups.TECHNICIANS);
    for (int i = 1; i <= 4; i++) {
      assertThat(webappLogin(user, WRONG)).isEqualTo(401);
    }
    assertThat(webappLogin(user, TestUsers.PASSWORD)).as("locked for 2 s from this address").isEqualTo(401);
    assertThat(events("login.failure", user)).anySatisfy(e -> assertThat(e.path("reason").asText()).isEqualTo("throttled"));
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(3)));
    assertThat(webappLogin(user, TestUsers.PASSWORD)).isEqualTo(200);
  }

  @Test
  void manyFailuresNeverLockAnAccountForGoodAndAlertTheAdministrators() throws Exception {
    TestUsers.ensure(identityService, "alert.admin", Groups.ADMINISTRATORS);
    String user = TestUsers.ensure(identityService, unique("target"), Groups.CYBER_REFERENT);
    Instant now = Instant.now();
    for (int i = 0; i < 12; i++) {
      ClockUtil.setCurrentTime(Date.from(now));
      int status = status(ELSEWHERE, "/engine-rest/task", user, WRONG);
      assertThat(status).isIn(401, 429);
      now = now.plus(Duration.ofMinutes(1)); // past every wait so far: each guess is checked
    }
    ClockUtil.setCurrentTime(Date.from(now.plus(Duration.ofMinutes(20))));
    assertThat(status(ELSEWHERE, "/engine-rest/task", user, TestUsers.PASSWORD))
        .as("Camunda locked an account for good after ten failures").isEqualTo(200);

    assertThat(events("login.throttled", user)).isNotEmpty().allSatisfy(e ->
        assertThat(e.path("source").asText()).isEqualTo(ELSEWHERE));
    assertThat(events("login.alert", user)).singleElement().satisfies(e -> {
      assertThat(e.path("failures").asInt()).isEqualTo(10);
      assertThat(e.path("sources").asInt()).isEqualTo(1);
    });
    Map<String, Object> mail = jdbc.sql("select subject, recipients, body_text from mail_outbox where idempotency_key like ?")
        .param("alert:login:" + user + ":%").query().singleRow();
    // (the row's map ignores the case of column names)
    assertThat(mail.get("subject")).isEqualTo("Tentatives de connexion répétées sur le compte " + user);
    assertThat((String) mail.get("recipients")).contains("alert.admin@test.example");
    assertThat((String) mail.get("body_text")).contains("10 échecs de connexion sur le compte « " + user + " »");
  }

  private static String unique(String prefix) {
    return "throttle." + prefix + "." + UUID.randomUUID().toString().substring(0, 8);
  }

  private List<JsonNode> events(String event, String user) throws IOException {
    List<JsonNode> found = new ArrayList<>();
    for (String line : Files.readAllLines(AUDIT)) {
      JsonNode node = json.readTree(line);
      if (event.equals(node.path("event").asText()) && user.equals(node.path("user").asText())) {
        found.add(node);
      }
    }
    return found;
  }

  private int status(String from, String path, String user, String password) throws IOException {
    return call(from, path, user, password).status();
  }

  record Response(int status, String headers, String body) {}

  /** A GET with Basic credentials over a socket bound to {@code from}: the server sees that address. */
  private Response call(String from, String path, String user, String password) throws IOException {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(from, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
      socket.setSoTimeout(30_000);
      String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Basic " + credentials
          + "\r\nAccept: application/json\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      int status = Integer.parseInt(in.readLine().split(" ")[1]);
      StringBuilder headers = new StringBuilder();
      String line;
      while ((line = in.readLine()) != null && !line.isEmpty()) {
        headers.append(line).append('\n');
      }
      StringBuilder body = new StringBuilder();
      while ((line = in.readLine()) != null) {
        body.append(line).append('\n');
      }
      return new Response(status, headers.toString(), body.toString());
    }
  }

  /** Tasklist's login, as the browser does it (from 127.0.0.1). */
  private int webappLogin(String user, String password) {
    return WebappSession.login(port, "tasklist", user, password).loginStatus();
  }

}
