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
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A person gives back a task they took (security/TaskGiveBack), in Tasklist as they would: the
 * referent takes the qualification of an incident, then clicks « Libérer » (the cross beside
 * their name); the task is nobody's
 * again, offered to the referents (Tasklist shows « Prendre la tâche » again), and no error is
 * shown. Before, Tasklist's unclaim answered 403 to everyone but administrators.
 */
@IntegrationTest
@BrowserTest
class TaskGiveBackBrowserTest {

  private static final String REFERENT = "referent.giveback";
  private static final String TECH = "tech.giveback";

  @RegisterExtension final Browsers browsers = new Browsers();
  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired ClientRepository clients;
  @Autowired ClientService clientService;
  @Autowired TaskService taskService;
  @Autowired EngineSteps steps;

  private String task;
  private String taskName;

  /** An incident reported by a technician: its qualification is offered to the referents. */
  @BeforeEach
  void prepare() {
    TestClients.ensure(identityService, clients, clientService);
    TestUsers.ensure(identityService, TECH, Groups.TECHNICIANS);
    TestUsers.ensure(identityService, REFERENT, Groups.CYBER_REFERENT);
    String pi = steps.start("security-incident", EngineSteps.Person.of(TECH, Groups.TECHNICIANS,
        List.of(TestClients.OIV, TestClients.PLAIN)), IncidentForms.report(TestClients.OIV, List.of("site-nord"))).getId();
    steps.runDueJobs(pi);
    Task qualify = steps.task(pi, "Task_QualifyIncident");
    assertThat(qualify.getAssignee()).isNull();
    task = qualify.getId();
    taskName = qualify.getName();
  }

  @Test
  void theReferentTakesATaskThenGivesItBack() {
    Browser referent = browsers.openRecordingNetwork(port, Language.FRENCH)
        .beforeEachPage(TasklistRequestsBrowserTest.NO_TEN_SECOND_REFRESH);
    referent.login(REFERENT, TestUsers.PASSWORD, WebApp.TASKLIST);
    // by its link: other tests' tasks may fill the team's first page
    referent.openTask(task).waitForText(taskName).waitForText("Prendre la tâche");
    referent.click("Prendre la tâche");
    referent.waitUntil(driver -> REFERENT.equals(assignee()));
    // Tasklist's « Libérer »: the cross beside the assignee's name, so named in its tooltip
    WebElement giveBack = referent.waitForVisible(By.cssSelector("button.unclaim"));
    assertThat(giveBack.getAttribute("uib-tooltip")).isEqualTo("Libérer");
    referent.waitUntilAngularIsIdle();
    NetworkLog.read(referent);

    referent.waitForVisible(By.cssSelector("button.unclaim")).click();
    referent.waitUntil(driver -> assignee() == null);
    // offered again: Tasklist shows the task as nobody's, to be taken
    referent.waitForText("Prendre la tâche").waitForText("Réclamer").waitUntilAngularIsIdle();
    List<Request> sent = NetworkLog.read(referent);
    assertThat(sent).filteredOn(r -> r.path().endsWith("/task/" + task + "/unclaim")).singleElement()
        .satisfies(unclaim -> assertThat(unclaim.status()).as(unclaim.toString()).isEqualTo(204));
    assertThat(referent.visible(By.cssSelector("button.unclaim"))).isEmpty();
    assertThat(referent.visibleText()).doesNotContain("Une erreur s'est produite", "AuthorizationException");
    assertThat(taskService.createTaskQuery().taskId(task).taskCandidateGroup(Groups.CYBER_REFERENT_ID).count())
        .as("offered to the referents again").isOne();
  }

  private String assignee() {
    Task current = taskService.createTaskQuery().taskId(task).singleResult();
    return current == null ? "(gone)" : current.getAssignee();
  }
}
