package com.mileotech.cyber.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestClients;
import com.mileotech.cyber.TestUsers;
import com.mileotech.cyber.WebappSession;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.client.ClientService;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * GUID-PREM-003 §02 applied to ourselves: no anonymous access, nominal accounts, service accounts
 * limited to their job — checked over HTTP against the running application.
 */
@IntegrationTest
class AccessRulesHttpTest {

  private static final String PROCESS = "access-rules-check";

  @Autowired TestRestTemplate http;
  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ClientRepository clients;
  @Autowired ClientService clientService;

  private static boolean prepared;

  @BeforeEach
  void prepare() {
    TestUsers.ensure(identityService, "tech.access", Groups.TECHNICIANS);
    TestUsers.ensure(identityService, "integration.access", Groups.INTEGRATIONS);
    TestClients.ensure(identityService, clients, clientService);
    if (!prepared) {
      repositoryService.createDeployment().addModelInstance(PROCESS + ".bpmn",
          Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
              .startEvent().userTask("Task_Check").camundaCandidateGroups("technicians").endEvent().done())
          .deploy();
      runtimeService.startProcessInstanceByKey(PROCESS, Map.of("clientId", TestClients.OIV));
      prepared = true;
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/engine-rest/task", "/engine-rest/engine", "/engine-rest/user", "/engine-rest/deployment",
      "/engine-rest/history/process-instance", "/api/clients", "/api/clients/client-oiv"})
  void anonymousCallersGetOnly401(String path) {
    ResponseEntity<String> response = http.getForEntity(path, String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
    assertThat(response.getBody()).doesNotContain("task").doesNotContain("client-oiv").doesNotContain("default");
  }

  @Test
  void wrongPasswordsGet401() {
    assertThat(http.withBasicAuth("tech.access", "Wrong-Password-1!").getForEntity("/engine-rest/task", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth("nobody", "Wrong-Password-1!").getForEntity("/api/clients", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void anonymousWebappApiCallsAreRefused() {
    ResponseEntity<String> response = http.getForEntity("/camunda/api/engine/engine/default/task", String.class);
    assertThat(response.getStatusCode().value()).isIn(401, 403);
    assertThat(response.getBody()).doesNotContain("Task_Check");
  }

  @Test
  void onlyTheHealthEndpointIsOpenAndWithoutDetails() {
    ResponseEntity<Map> health = http.getForEntity("/actuator/health", Map.class);
    assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(health.getBody()).containsOnlyKeys("status");
    for (String path : List.of("/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator")) {
      assertThat(http.getForEntity(path, String.class).getStatusCode().value()).as(path).isIn(401, 404);
    }
  }

  @Test
  void aTechnicianCannotListUsersChangeAuthorizationsOrDeploy() {
    TestRestTemplate tech = http.withBasicAuth("tech.access", TestUsers.PASSWORD);

    List<Map<String, Object>> users = tech.getForObject("/engine-rest/user", List.class);
    assertThat(users).extracting(u -> u.get("id")).containsExactly("tech.access");
    assertThat(http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD).getForObject("/engine-rest/user", List.class))
        .hasSizeGreaterThan(1);

    ResponseEntity<String> createUser = tech.postForEntity("/engine-rest/user/create",
        Map.of("profile", Map.of("id", "sneaky"), "credentials", Map.of("password", "Hidden-Pass-2026!")), String.class);
    assertThat(createUser.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(identityService.createUserQuery().userId("sneaky").count()).isZero();

    ResponseEntity<String> grant = tech.postForEntity("/engine-rest/authorization/create",
        Map.of("type", 1, "permissions", List.of("ALL"), "userId", "tech.access", "resourceType", 0, "resourceId", "*"),
        String.class);
    assertThat(grant.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    ResponseEntity<String> membership = tech.exchange("/engine-rest/group/camunda-admin/members/tech.access",
        org.springframework.http.HttpMethod.PUT, null, String.class);
    assertThat(membership.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(identityService.createUserQuery().userId("tech.access").memberOfGroup("camunda-admin").count()).isZero();

    assertThat(deploy(tech).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(repositoryService.createDeploymentQuery().deploymentName("sneaky-deployment").count()).isZero();
  }

  @Test
  void anIntegrationAccountCannotReadTasksOrHistory() {
    TestRestTemplate admin = http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
    TestRestTemplate integration = http.withBasicAuth("integration.access", TestUsers.PASSWORD);
    String taskPath = "/engine-rest/task?processDefinitionKey=" + PROCESS;
    String historyPath = "/engine-rest/history/process-instance?processDefinitionKey=" + PROCESS;

    assertThat(admin.getForObject(taskPath, List.class)).isNotEmpty();
    assertThat(admin.getForObject(historyPath, List.class)).isNotEmpty();

    // an integration's job is our /api: the engine's API answers it 403 for everything (ClientFacingEngineApi)
    for (String path : List.of(taskPath, historyPath, "/engine-rest/history/task?processDefinitionKey=" + PROCESS,
        "/engine-rest/process-instance?processDefinitionKey=" + PROCESS, "/engine-rest/metrics/root-process-instance-start/sum",
        "/engine-rest/job", "/engine-rest/history/job-log/count", "/engine-rest/version")) {
      ResponseEntity<String> answer = integration.getForEntity(path, String.class);
      assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(answer.getBody()).as(path).contains("compte d'intégration").doesNotContain(PROCESS);
    }
    assertThat(integration.postForEntity("/engine-rest/external-task/fetchAndLock", Map.of("workerId", "w", "maxTasks", 1,
        "topics", List.of(Map.of("topicName", "t", "lockDuration", 1000))), String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(integration.getForEntity("/api/clients", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(deploy(integration).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void aServiceAccountLogsInToNoWebappNotEvenWelcome() throws Exception {
    // its own account: a wrong password delays this account's next logins (Camunda's login delay)
    TestUsers.ensure(identityService, "integration.webapp", Groups.INTEGRATIONS);
    for (String app : List.of("welcome", "tasklist", "cockpit", "admin")) {
      // answered as Camunda answers a user without access to the webapp
      assertThat(WebappSession.login(port, app, "integration.webapp", TestUsers.PASSWORD).loginStatus()).as(app)
          .isEqualTo(403);
    }
    WebappSession refused = WebappSession.login(port, "welcome", "integration.webapp", TestUsers.PASSWORD);
    assertThat(refused.send("GET", "/camunda/api/engine/engine/default/process-definition", null).statusCode())
        .isIn(401, 403);
    assertThat(WebappSession.login(port, "welcome", "integration.webapp", "Wrong-Password-1!").loginStatus())
        .isEqualTo(401);
    // anyone else logs in to Welcome as before (the login form reaches Camunda intact)
    TestUsers.ensure(identityService, "tech.welcome", Groups.TECHNICIANS);
    assertThat(WebappSession.login(port, "welcome", "tech.welcome", TestUsers.PASSWORD).loginStatus()).isEqualTo(200);
  }

  private ResponseEntity<String> deploy(TestRestTemplate as) {
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("deployment-name", "sneaky-deployment");
    String bpmn = Bpmn.convertToString(Bpmn.createExecutableProcess("sneaky").camundaHistoryTimeToLive(1)
        .startEvent().endEvent().done());
    body.add("data", new ByteArrayResource(bpmn.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return "sneaky.bpmn";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return as.postForEntity("/engine-rest/deployment/create", new HttpEntity<>(body, headers), String.class);
  }
}
