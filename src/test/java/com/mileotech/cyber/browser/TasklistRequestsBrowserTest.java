package com.mileotech.cyber.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.mileotech.cyber.EngineSteps;
import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestClients;
import com.mileotech.cyber.TestUsers;
import com.mileotech.cyber.browser.Browser.Language;
import com.mileotech.cyber.browser.NetworkLog.Request;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.client.ClientService;
import com.mileotech.cyber.incident.IncidentForms;
import com.mileotech.cyber.security.Groups;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What Tasklist asks the server for (issue 20): landing on Tasklist asks for the task list of the
 * filter shown once, and opening a task sends each of its requests once. Counted in a real
 * Chromium from its network events ({@link NetworkLog}), so a change of Tasklist (an upgrade, a
 * script of ours) that doubles a request fails here, not only in the benchmark's figures.
 */
@IntegrationTest
@BrowserTest
class TasklistRequestsBrowserTest {

  private static final String REFERENT = "referent.requests";
  private static final String TECH = "tech.requests";
  /** Tasklist's task list of a filter: {@code POST /camunda/api/engine/engine/default/filter/{id}/list}. */
  private static final Pattern TASK_LIST = Pattern.compile("/engine/default/filter/[^/?]+/list(\\?|$)");

  @RegisterExtension final Browsers browsers = new Browsers();
  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired ClientRepository clients;
  @Autowired ClientService clientService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired EngineSteps steps;

  private static String taskName;

  /** An incident reported by a technician, its qualification assigned to this test's referent. */
  @BeforeEach
  void prepare() {
    TestClients.ensure(identityService, clients, clientService);
    TestUsers.ensure(identityService, TECH, Groups.TECHNICIANS);
    TestUsers.ensure(identityService, REFERENT, Groups.CYBER_REFERENT);
    if (taskName == null) {
      String pi = steps.start("security-incident", EngineSteps.Person.of(TECH, Groups.TECHNICIANS,
          List.of(TestClients.OIV, TestClients.PLAIN)), IncidentForms.report(TestClients.OIV, List.of("site-nord"))).getId();
      steps.runDueJobs(pi);
      Task qualify = steps.task(pi, "Task_QualifyIncident");
      // in "Mes tâches" (the referent's first filter), alone: other tests' tasks may fill their team's first page
      taskService.setAssignee(qualify.getId(), REFERENT);
      taskName = qualify.getName();
    }
  }

  /**
   * Tasklist asks for the list again every 10 s (our filters have {@code refresh: true}, for
   * tasks that arrive while a person looks): a browser here never runs that timer, so that what is
   * counted depends on the page and not on how long a loaded machine takes to show it.
   */
  static final String NO_TEN_SECOND_REFRESH = """
      (() => {
        const setInterval = window.setInterval;
        window.setInterval = function (callback, delay, ...rest) {
          return delay === 10000 ? 0 : setInterval.call(window, callback, delay, ...rest);
        };
      })();
      """;

  @Test
  void landingOnTasklistAsksForTheTaskListOnce() {
    Browser referent = browsers.openRecordingNetwork(port, Language.FRENCH).beforeEachPage(NO_TEN_SECOND_REFRESH);
    // after the login page: Tasklist opens at its bare address (#/, no filter chosen yet)
    NetworkLog.clear(referent);
    referent.login(REFERENT, TestUsers.PASSWORD, WebApp.TASKLIST).waitForText(taskName);
    assertThat(taskLists(NetworkLog.read(referent))).as("task lists asked for on landing after the login").hasSize(1);

    // the application's address, typed again by a person already logged in
    referent.open("/").waitForText(taskName);
    referent.waitUntilAngularIsIdle();
    List<Request> again = NetworkLog.read(referent);
    assertThat(taskLists(again)).as("task lists asked for on landing at the application's address: " + again).hasSize(1);
  }

  /**
   * The requests of opening a task (the benchmark replays them: Bench.OPENING), each once: the
   * task, its form's key, the deployed form, the values it shows.
   */
  @Test
  void openingATaskSendsEachRequestOnce() {
    Browser referent = browsers.openRecordingNetwork(port, Language.FRENCH).beforeEachPage(NO_TEN_SECOND_REFRESH);
    referent.login(REFERENT, TestUsers.PASSWORD, WebApp.TASKLIST).waitForText(taskName);
    NetworkLog.read(referent);
    referent.click(taskName).waitForText("Systèmes concernés");
    referent.waitUntilAngularIsIdle();
    List<Request> opening = NetworkLog.read(referent).stream().filter(r -> r.path().contains("/api/")).toList();
    System.out.println("[opening a task] " + opening.size() + " requests:");
    opening.forEach(r -> System.out.println("  " + r));
    assertThat(opening).extracting(r -> r.method() + " " + r.path().replaceFirst("/task/[^/?]+", "/task/{id}")
        .replaceFirst("noCache=\\d+", "noCache=…")).containsExactlyInAnyOrder(
        "GET /camunda/api/engine/engine/default/task/{id}",
        "GET /camunda/api/engine/engine/default/task/{id}/form",
        "GET /camunda/api/engine/engine/default/task/{id}/deployed-form?noCache=…",
        "GET /camunda/api/engine/engine/default/task/{id}/form-variables?deserializeValues=false");
  }

  private static List<Request> taskLists(List<Request> requests) {
    return requests.stream().filter(r -> TASK_LIST.matcher(r.path()).find()).toList();
  }
}
