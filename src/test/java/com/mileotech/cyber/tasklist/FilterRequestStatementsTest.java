package com.mileotech.cyber.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestClients;
import com.mileotech.cyber.TestUsers;
import com.mileotech.cyber.WebappSession;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.client.ClientService;
import com.mileotech.cyber.security.Groups;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What one Tasklist page request ({@code POST /filter/{id}/list}, HAL, Tasklist's body) asks of the
 * database, counted (docs/bench.md, "The rest of the page request on PostgreSQL"): the filter read
 * once, not three times, and no task's variables or execution read to evaluate a Camunda Form
 * reference the HAL answer does not carry. Counted statements, never time.
 */
@IntegrationTest
class FilterRequestStatementsTest {

  private static final String PROCESS = "filter-request-check";
  private static final String TECH = "tech.pagereq";
  private static final String OUTSIDER = "pm.pagereq";
  private static final String BODY = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
      + "\"firstResult\":0,\"maxResults\":15,\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}";
  /** What Tasklist sends (TasklistRequestsBrowserTest). */
  private static final String TASKLIST_ACCEPT = "application/hal+json, application/json; q=0.5";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static boolean deployed;

  @Autowired ProcessEngine engine;
  @Autowired FilterService filterService;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired ClientRepository clients;
  @Autowired ClientService clientService;
  @LocalServerPort int port;

  private final List<String> tasks = new ArrayList<>();
  private String filter;
  private String grant;

  @BeforeEach
  void tasks() {
    RequestStatements.install(engine);
    TestClients.ensure(identityService, clients, clientService);
    TestUsers.ensure(identityService, TECH, Groups.TECHNICIANS);
    TestUsers.ensure(identityService, OUTSIDER, Groups.PROJECT_MANAGERS);
    if (!deployed) {
      // like our checklists and playbook steps: the task's Camunda Form found by an expression that reads the process
      repositoryService.createDeployment().addModelInstance(PROCESS + ".bpmn",
          Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1).startEvent()
              .userTask("Task_Work").name("Vérifier").camundaCandidateGroups("${group}")
              .camundaFormRef("${formName}").camundaFormRefBinding("latest").endEvent().done()).deploy();
      deployed = true;
    }
    for (int i = 0; i < 3; i++) {
      String pi = runtimeService.startProcessInstanceByKey(PROCESS, Map.of("group", Groups.TECHNICIANS.id(),
          "clientId", TestClients.OIV, "reference", "REQ-" + i, "formName", "commissioning-sign")).getId();
      tasks.add(taskService.createTaskQuery().processInstanceId(pi).singleResult().getId());
    }
    Filter team = filterService.newTaskFilter("requêtes : équipe");
    team.setQuery(taskService.createTaskQuery().processDefinitionKey(PROCESS)
        .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
    team.setProperties(Map.of("variables", List.of(Map.of("name", "reference", "label", "Référence"))));
    filter = filterService.saveFilter(team).getId();
    Authorization read = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    read.setGroupId(Groups.TECHNICIANS.id());
    read.setResource(Resources.FILTER);
    read.setResourceId(filter);
    read.addPermission(Permissions.READ);
    grant = authorizationService.saveAuthorization(read).getId();
  }

  @AfterEach
  void clear() {
    identityService.clearAuthentication();
    filterService.deleteFilter(filter);
    runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS).list()
        .forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "test", true, true));
    tasks.clear();
  }

  @Test
  void tasklistsPageReadsTheFilterOnceAndNoVariablesForFormReferences() throws Exception {
    WebappSession tasklist = WebappSession.login(port, "tasklist", TECH, TestUsers.PASSWORD);
    assertThat(tasklist.loggedIn()).isTrue();
    String list = WebappSession.ENGINE_API + "/filter/" + filter + "/list?firstResult=0&maxResults=15";
    tasklist.send("POST", list, BODY, TASKLIST_ACCEPT); // warm: the count is kept from now on, as on every later page
    List<HttpResponse<String>> answer = new ArrayList<>();
    List<String> statements = RequestStatements.of(() -> answer.add(tasklist.send("POST", list, BODY, TASKLIST_ACCEPT)));

    assertThat(answer.get(0).statusCode()).as(answer.get(0).body()).isEqualTo(200);
    JsonNode page = JSON.readTree(answer.get(0).body());
    assertThat(page.get("count").asLong()).isEqualTo(3);
    List<String> ids = new ArrayList<>();
    page.get("_embedded").get("task").forEach(task -> {
      ids.add(task.get("id").asText());
      assertThat(task.get("formKey").isNull()).isTrue();
      // Tasklist reads a task's form when it is opened (GET /task/{id}/form), never from its list
      assertThat(task.path("camundaFormRef").isMissingNode() || task.get("camundaFormRef").isNull()).isTrue();
    });
    assertThat(ids).containsExactlyInAnyOrderElementsOf(tasks);

    // before: Camunda's REST layer, the page and the count each loaded the filter (3 reads with
    // their READ check); the page evaluated each task's form reference through the task's
    // variables, its execution and the execution's variables (3 statements per task)
    assertThat(statements).as("statements of one page request: %s", statements)
        .filteredOn(s -> s.equals("selectFilter")).hasSize(1);
    assertThat(statements).as("statements of one page request: %s", statements)
        .noneMatch(FilterRequestStatementsTest::readsForAFormReference);
    // the filter, the page, the kept count, the process definition (of the tasks' BPMN, then
    // HAL's), the filter's variables for the 3 tasks (a session: no identity read)
    assertThat(statements).as("statements of one page request: %s", statements).hasSizeLessThanOrEqualTo(8);
  }

  @Test
  void theEngineRestPageKeepsCamundasAnswerAndReadsTheFilterOnce() throws Exception {
    String list = "/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=15";
    post(list, TASKLIST_ACCEPT);
    List<HttpResponse<String>> answer = new ArrayList<>();
    List<String> statements = RequestStatements.of(() -> answer.add(post(list, TASKLIST_ACCEPT)));

    assertThat(answer.get(0).statusCode()).as(answer.get(0).body()).isEqualTo(200);
    JsonNode page = JSON.readTree(answer.get(0).body());
    assertThat(page.get("_embedded").get("task")).hasSize(3);
    page.get("_embedded").get("task").forEach(task ->
        assertThat(task.get("camundaFormRef").get("key").asText()).isEqualTo("commissioning-sign"));
    assertThat(statements).as("statements of one page request: %s", statements)
        .filteredOn(s -> s.equals("selectFilter")).hasSize(1);
    // the form references are evaluated here, through the variables: what the Tasklist page is spared
    assertThat(statements).as("statements of one page request: %s", statements)
        .anyMatch(FilterRequestStatementsTest::readsForAFormReference);
  }

  private static boolean readsForAFormReference(String statement) {
    return statement.equals("selectExecution") || statement.equals("selectVariablesByTaskId")
        || statement.equals("selectVariablesByExecutionId");
  }

  @Test
  void theJsonListStillCarriesTheFormReference() throws Exception {
    HttpResponse<String> answer = post("/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=15",
        "application/json");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode page = JSON.readTree(answer.body());
    assertThat(page).hasSize(3);
    page.forEach(task -> assertThat(task.get("camundaFormRef").get("key").asText()).isEqualTo("commissioning-sign"));
    // and Camunda's own initialization agrees with the HAL answer: a form reference, no form key
    for (Task task : taskService.createTaskQuery().processDefinitionKey(PROCESS).initializeFormKeys().list()) {
      assertThat(task.getFormKey()).isNull();
      assertThat(task.getCamundaFormRef().getKey()).isEqualTo("commissioning-sign");
    }
  }

  @Test
  void theFilterIsCheckedAgainOnEveryRequest() throws Exception {
    String list = "/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=15";
    assertThat(post(list, TASKLIST_ACCEPT).statusCode()).isEqualTo(200);
    // a user of another group may not read it, whatever was loaded before
    assertThat(post(list, TASKLIST_ACCEPT, OUTSIDER).statusCode()).isIn(403, 404);
    authorizationService.deleteAuthorization(grant);
    assertThat(post(list, TASKLIST_ACCEPT).statusCode()).isIn(403, 404);
    assertThat(post(list, "application/json").statusCode()).isIn(403, 404);
  }

  @Test
  void halIsAssumedOnlyWhenNoReadingOfTheHeaderChoosesJson() {
    assertThat(FilterRequestFilter.prefersHal(TASKLIST_ACCEPT)).isTrue();
    assertThat(FilterRequestFilter.prefersHal("application/hal+json")).isTrue();
    assertThat(FilterRequestFilter.prefersHal("application/hal+json;q=0.9, */*;q=0.1")).isTrue();
    assertThat(FilterRequestFilter.prefersHal("application/json")).isFalse();
    assertThat(FilterRequestFilter.prefersHal("application/hal+json, application/json")).isFalse();
    assertThat(FilterRequestFilter.prefersHal("application/hal+json, */*")).isFalse();
    assertThat(FilterRequestFilter.prefersHal("application/hal+json;q=0.5, application/json")).isFalse();
    assertThat(FilterRequestFilter.prefersHal("application/hal+json;q=x")).isFalse();
    assertThat(FilterRequestFilter.prefersHal(null)).isFalse();
    assertThat(FilterRequestFilter.FILTER_REQUEST.matcher("/engine-rest/filter/abc/list").matches()).isTrue();
    assertThat(FilterRequestFilter.FILTER_REQUEST.matcher("/camunda/api/engine/engine/default/filter/abc/count")
        .matches()).isTrue();
    assertThat(FilterRequestFilter.FILTER_REQUEST.matcher("/engine-rest/filter/abc").matches()).isFalse();
  }

  /**
   * Tasklist (Camunda's bundle, this version) reads a task's Camunda Form reference in one place
   * only: the form of the task opened, from {@code GET /task/{id}/form}, never from the list. If an
   * upgrade changes that, Tasklist's page must carry the form references again (FilterPage).
   */
  @Test
  void tasklistReadsFormReferencesOnlyFromTheFormOfTheTaskOpened() throws Exception {
    String bundle;
    try (var in = getClass().getResourceAsStream("/META-INF/resources/webjars/camunda/app/tasklist/camunda-tasklist-bootstrap.js")) {
      assertThat(in).as("Tasklist's bundle on the classpath").isNotNull();
      bundle = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    int first = bundle.indexOf("camundaFormRef");
    assertThat(bundle.indexOf("camundaFormRef", first + 1)).as("a second use of camundaFormRef in Tasklist").isEqualTo(-1);
    // inside the form directive, reading the form it was given (the task's GET /task/{id}/form)
    assertThat(bundle.substring(Math.max(0, first - 200), first)).contains("$watch(\"tasklistForm\"");
  }

  private HttpResponse<String> post(String path, String accept) throws Exception {
    return post(path, accept, TECH);
  }

  private HttpResponse<String> post(String path, String accept, String user) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .header("Accept", accept).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(BODY)).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }
}
