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
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Only committed changes are in the audit trail: a completion the next step refuses (the whole
 * transaction rolls back) leaves no "Complete" operation, only its refused HTTP call; the
 * completion that goes through leaves exactly one. A task given back is there with who gave it back.
 */
@IntegrationTest
class UserOperationAuditTest {

  private static final Path AUDIT = Path.of("target/test-audit.jsonl");
  private static final String PROCESS = "audit-commit-check";
  private static final String TECH = "tech.audit.commit";

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void aRefusedCompletionIsNotAuditedAsDoneAndACommittedOneIsOnce() throws Exception {
    deployed();
    String pi = runtimeService.startProcessInstanceByKey(PROCESS, Map.of("refuse", true)).getId();
    String task = taskService.createTaskQuery().processInstanceId(pi).singleResult().getId();

    ResponseEntity<String> refused = complete(task);
    assertThat(refused.getStatusCode().is2xxSuccessful()).as(refused.getBody()).isFalse();
    assertThat(taskService.createTaskQuery().taskId(task).count()).isEqualTo(1);
    assertThat(completions(task)).as("a rolled-back completion is not in the trail").isEmpty();
    assertThat(events()).anySatisfy(e -> {
      assertThat(e.path("event").asText()).isEqualTo("http.access");
      assertThat(e.path("path").asText()).isEqualTo("/engine-rest/task/" + task + "/complete");
      assertThat(e.path("status").asInt()).isEqualTo(refused.getStatusCode().value());
    });

    runtimeService.setVariable(pi, "refuse", false);
    assertThat(complete(task).getStatusCode().value()).isEqualTo(204);
    assertThat(completions(task)).singleElement().satisfies(e -> assertThat(e.path("user").asText()).isEqualTo(TECH));
  }

  @Test
  void aTaskGivenBackIsAuditedWithWhoGaveItBackLikeItsClaim() throws Exception {
    deployed();
    String pi = runtimeService.startProcessInstanceByKey(PROCESS, Map.of("refuse", false)).getId();
    String task = taskService.createTaskQuery().processInstanceId(pi).singleResult().getId();

    assertThat(post("/engine-rest/task/" + task + "/claim", "{\"userId\": \"" + TECH + "\"}").getStatusCode().value())
        .isEqualTo(204);
    assertThat(post("/engine-rest/task/" + task + "/unclaim", null).getStatusCode().value()).isEqualTo(204);

    List<JsonNode> operations = events().stream().filter(e -> "user.operation".equals(e.path("event").asText())
        && task.equals(e.path("taskId").asText())).toList();
    assertThat(operations).extracting(e -> e.path("operation").asText()).containsExactly("Claim", "Assign");
    assertThat(operations.get(0).path("newValue").asText()).isEqualTo(TECH);
    JsonNode givenBack = operations.get(1);
    assertThat(givenBack.path("user").asText()).isEqualTo(TECH);
    assertThat(givenBack.path("property").asText()).isEqualTo("assignee");
    assertThat(givenBack.path("orgValue").asText()).isEqualTo(TECH);
    assertThat(givenBack.has("newValue")).isFalse();
    // Camunda's own log (Cockpit's history of the task) holds it too
    assertThat(historyService.createUserOperationLogQuery().taskId(task)
        .operationType(UserOperationLogEntry.OPERATION_TYPE_ASSIGN).singleResult())
        .satisfies(entry -> {
          assertThat(entry.getUserId()).isEqualTo(TECH);
          assertThat(entry.getOrgValue()).isEqualTo(TECH);
          assertThat(entry.getNewValue()).isNull();
        });
  }

  private void deployed() {
    TestUsers.ensure(identityService, TECH, Groups.TECHNICIANS);
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
      // the step after the task fails while "refuse" is true (no such message): the completion rolls back
      repositoryService.createDeployment().addModelInstance(PROCESS + ".bpmn",
          Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1).startEvent()
              .userTask("Task_Check").camundaCandidateGroups("technicians")
              .serviceTask("Task_Next").camundaExpression(
                  "${refuse ? execution.getProcessEngineServices().getRuntimeService().correlateMessage('nobody') : true}")
              .endEvent().done()).deploy();
    }
  }

  private ResponseEntity<String> post(String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(TECH, TestUsers.PASSWORD).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
        String.class);
  }

  private ResponseEntity<String> complete(String task) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(TECH, TestUsers.PASSWORD).exchange("/engine-rest/task/" + task + "/complete",
        HttpMethod.POST, new HttpEntity<>("{\"variables\": {}}", headers), String.class);
  }

  private List<JsonNode> completions(String task) throws Exception {
    return events().stream().filter(e -> "user.operation".equals(e.path("event").asText())
        && "Complete".equals(e.path("operation").asText()) && task.equals(e.path("taskId").asText())).toList();
  }

  private List<JsonNode> events() throws Exception {
    List<JsonNode> events = new ArrayList<>();
    for (String line : Files.readAllLines(AUDIT)) {
      events.add(json.readTree(line));
    }
    return events;
  }
}
