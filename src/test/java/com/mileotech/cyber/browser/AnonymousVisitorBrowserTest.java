package com.mileotech.cyber.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestUsers;
import com.mileotech.cyber.browser.Browser.Language;
import com.mileotech.cyber.security.Groups;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Nobody sees anything of the application without logging in: every entry point ends on a login form. */
@IntegrationTest
@BrowserTest
class AnonymousVisitorBrowserTest {

  private static final String PROCESS = "browser-anonymous-check";
  private static final String SECRET_TASK = "Tâche confidentielle ANON-4242";

  @RegisterExtension final Browsers browsers = new Browsers();
  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;

  private static boolean prepared;

  /** Something to leak: a user and an open task of a technician. */
  @BeforeEach
  void prepare() {
    TestUsers.ensure(identityService, "browser.anon.tech", Groups.TECHNICIANS);
    if (!prepared) {
      repositoryService.createDeployment().addModelInstance(PROCESS + ".bpmn",
          Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
              .startEvent().userTask("Task_Secret").name(SECRET_TASK).camundaCandidateGroups("technicians")
              .endEvent().done())
          .deploy();
      runtimeService.startProcessInstanceByKey(PROCESS, Map.of("clientId", "anon-client"));
      prepared = true;
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "/",
      "/camunda/app/",
      "/camunda/app/tasklist/",
      "/camunda/app/tasklist/default/#/?filter=x&task=y",
      "/camunda/app/cockpit/",
      "/camunda/app/cockpit/default/#/processes",
      "/camunda/app/admin/",
      "/camunda/app/admin/default/#/users",
      "/camunda/app/welcome/"})
  void anonymousVisitorIsSentToTheLoginPage(String path) {
    Browser browser = browsers.open(port, Language.FRENCH).open(path);

    browser.waitUntil(d -> browser.showsLoginForm());
    browser.waitUntilAngularIsIdle();
    assertThat(browser.currentUrl()).contains("/login");
    assertThat(browser.isLoggedIn()).isFalse();
    assertThat(browser.pageSource())
        .doesNotContain(SECRET_TASK)
        .doesNotContain("browser.anon.tech")
        .doesNotContain("Mes tâches")
        .doesNotContain(PROCESS);
  }
}
