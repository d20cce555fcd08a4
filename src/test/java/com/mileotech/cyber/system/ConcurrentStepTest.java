package com.mileotech.cyber.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestUsers;
import com.mileotech.cyber.WebappSession;
import com.mileotech.cyber.security.Groups;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A task completed while a background step of the same case commits (made deterministic: the
 * task's "complete" listener has another transaction change the task first) is run again and
 * succeeds, or, when it keeps colliding, answers 409 with a French "réessayez" and changes nothing,
 * at /engine-rest and through Tasklist's API alike.
 */
@IntegrationTest
class ConcurrentStepTest {

  private static final String PROCESS = "concurrent-step-check";
  private static final String TECH = "tech.conflict";
  /** How many more attempts of the completion the "background step" collides with. */
  static final AtomicInteger COLLISIONS = new AtomicInteger();

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @LocalServerPort int port;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void setUp() {
    TestUsers.ensure(identityService, TECH, Groups.TECHNICIANS);
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
      repositoryService.createDeployment().addModelInstance(PROCESS + ".bpmn",
          Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1).startEvent()
              .userTask("Task_Check").name("Vérifier").camundaCandidateGroups("technicians")
              .camundaTaskListenerClass("complete", BackgroundStep.class.getName())
              .endEvent().done()).deploy();
    }
  }

  /** Stands for a job of the same case committing while the person's completion runs. */
  public static class BackgroundStep implements TaskListener {
    @Override
    public void notify(DelegateTask task) {
      if (COLLISIONS.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        TaskService tasks = task.getProcessEngineServices().getTaskService();
        CompletableFuture.runAsync(() -> tasks.setPriority(task.getId(), 99)).join();
      }
    }
  }

  @Test
  void aCompletionCollidingOnceWithABackgroundStepIsRunAgainAndSucceeds() {
    String task = newTask();
    COLLISIONS.set(1);
    ResponseEntity<String> completed = complete(task);
    assertThat(completed.getStatusCode().value()).as(completed.getBody()).isEqualTo(204);
    assertThat(COLLISIONS.get()).as("the collision happened").isZero();
    assertThat(taskService.createTaskQuery().taskId(task).count()).isZero();
  }

  @Test
  void aCompletionThatKeepsCollidingIsA409SayingTryAgainAndChangesNothing() throws Exception {
    String task = newTask();
    COLLISIONS.set(ConcurrentStepRetry.ATTEMPTS);
    ResponseEntity<String> refused = complete(task);
    assertThat(refused.getStatusCode().value()).isEqualTo(409);
    JsonNode body = json.readTree(refused.getBody());
    assertThat(body.get("message").asText()).isEqualTo(ConflictAnswers.TRY_AGAIN).contains("réessayez")
        .doesNotContain("ENGINE-");
    assertThat(taskService.createTaskQuery().taskId(task).count()).isEqualTo(1);

    // the same through Tasklist's API
    WebappSession tasklist = WebappSession.login(port, "tasklist", TECH, TestUsers.PASSWORD);
    assertThat(tasklist.loginStatus()).isEqualTo(200);
    COLLISIONS.set(ConcurrentStepRetry.ATTEMPTS);
    HttpResponse<String> viaTasklist = tasklist.post(WebappSession.ENGINE_API + "/task/" + task + "/complete",
        "{\"variables\": {}}");
    assertThat(viaTasklist.statusCode()).isEqualTo(409);
    assertThat(json.readTree(viaTasklist.body()).get("message").asText()).isEqualTo(ConflictAnswers.TRY_AGAIN);
    assertThat(taskService.createTaskQuery().taskId(task).count()).isEqualTo(1);

    COLLISIONS.set(0);
    assertThat(tasklist.post(WebappSession.ENGINE_API + "/task/" + task + "/complete", "{\"variables\": {}}")
        .statusCode()).isEqualTo(204);
  }

  private String newTask() {
    String pi = runtimeService.startProcessInstanceByKey(PROCESS).getId();
    return taskService.createTaskQuery().processInstanceId(pi).singleResult().getId();
  }

  private ResponseEntity<String> complete(String task) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(TECH, TestUsers.PASSWORD).exchange("/engine-rest/task/" + task + "/complete",
        HttpMethod.POST, new HttpEntity<>("{\"variables\": {}}", headers), String.class);
  }
}
