package com.mileotech.cyber.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestUsers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** Logins and user operations leave one JSON event per line in the audit file a SIEM collects. */
@IntegrationTest
class AuditTrailTest {

  private static final Path AUDIT = Path.of("target/test-audit.jsonl");
  private final ObjectMapper json = new ObjectMapper();

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;

  @Test
  void successfulAndFailedLoginsAreAudited() throws Exception {
    String user = TestUsers.ensure(identityService, "audit.login", Groups.TECHNICIANS);
    http.withBasicAuth(user, TestUsers.PASSWORD).getForEntity("/engine-rest/task", String.class);
    http.withBasicAuth(user, "Not-The-Password-1!").getForEntity("/engine-rest/task", String.class);

    List<JsonNode> events = events();
    assertThat(events).anySatisfy(e -> {
      assertThat(e.path("event").asText()).isEqualTo("login.success");
      assertThat(e.path("user").asText()).isEqualTo(user);
      assertThat(e.path("remoteAddress").asText()).isNotBlank();
    });
    assertThat(events).anySatisfy(e -> {
      assertThat(e.path("event").asText()).isEqualTo("login.failure");
      assertThat(e.path("user").asText()).isEqualTo(user);
    });
    assertThat(events).anySatisfy(e -> {
      assertThat(e.path("event").asText()).isEqualTo("http.access");
      assertThat(e.path("path").asText()).isEqualTo("/engine-rest/task");
      assertThat(e.path("status").asInt()).isEqualTo(401);
    });
  }

  @Test
  void userOperationsAreAuditedWithTheirAuthor() throws Exception {
    String newUser = "audit." + UUID.randomUUID().toString().substring(0, 8);
    http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD).postForEntity("/engine-rest/user/create",
        Map.of("profile", Map.of("id", newUser, "firstName", "Jean", "lastName", "Audit"),
            "credentials", Map.of("password", "Strong-Passw0rd!")), String.class);
    assertThat(identityService.createUserQuery().userId(newUser).count()).isEqualTo(1);

    assertThat(events()).anySatisfy(e -> {
      assertThat(e.path("event").asText()).isEqualTo("user.operation");
      assertThat(e.path("user").asText()).isEqualTo(TestUsers.ADMIN);
      assertThat(e.path("operation").asText()).isEqualTo("Create");
      assertThat(e.path("entityType").asText()).isEqualTo("User");
    });
    // the password itself never reaches the trail
    assertThat(Files.readString(AUDIT)).doesNotContain("Strong-Passw0rd!");
  }

  private List<JsonNode> events() throws Exception {
    List<JsonNode> events = new ArrayList<>();
    for (String line : Files.readAllLines(AUDIT)) {
      events.add(json.readTree(line)); // every line is one JSON object
    }
    return events;
  }
}
