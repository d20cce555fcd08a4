package com.mileotech.cyber.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestClients;
import com.mileotech.cyber.TestUsers;
import com.mileotech.cyber.browser.Browser.Language;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.client.ClientService;
import com.mileotech.cyber.security.Groups;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist speaks the browser's language: French (our locale, locales/fr.json) for a French
 * browser, English otherwise — labels, dates, date pickers, keyboard shortcuts, login page.
 */
@IntegrationTest
@BrowserTest
class TasklistLanguageBrowserTest {

  private static final String USER = "browser.lang.tech";
  private static final String PROCESS = "browser-tasklist-language";
  private static final String TASK = "Contrôler l'enregistreur LANG-0042";

  /** Labels of Camunda's English Tasklist that a French user must never see. */
  private static final List<String> ENGLISH = List.of("Start process", "Create task", "Keyboard Shortcuts",
      "Claim", "Form", "History", "Diagram", "Created", "Due", "Follow-up", "Add a variable", "Complete",
      "Select a task in the list", "days", "ago", "Powered by", "Log in");

  @RegisterExtension final Browsers browsers = new Browsers();
  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ClientRepository clients;
  @Autowired ClientService clientService;

  private static String taskId;

  /** A technician, and a task for technicians due in 3 days with a follow-up tomorrow. */
  @BeforeEach
  void prepare() {
    TestUsers.ensure(identityService, USER, Groups.TECHNICIANS);
    TestClients.ensure(identityService, clients, clientService);
    if (taskId == null) {
      repositoryService.createDeployment().addModelInstance(PROCESS + ".bpmn",
          Bpmn.createExecutableProcess(PROCESS).name("Contrôle de langue").camundaHistoryTimeToLive(1)
              .startEvent().userTask("Task_Check").name(TASK).camundaCandidateGroups("technicians")
              .camundaDueDate("${dateTime().plusDays(3).toDate()}")
              .camundaFollowUpDate("${dateTime().plusDays(1).toDate()}")
              .endEvent().done())
          .deploy();
      String instance = runtimeService.startProcessInstanceByKey(PROCESS, Map.of("clientId", TestClients.OIV)).getId();
      taskId = taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();
    }
  }

  @Test
  void frenchBrowserSeesTasklistInFrench() {
    Browser browser = browsers.open(port, Language.FRENCH).open(WebApp.TASKLIST.entryPath());

    // the login page comes from the same locale file
    browser.waitUntil(d -> browser.showsLoginForm());
    browser.waitUntilAngularIsIdle();
    assertThat(browser.attribute(By.cssSelector("input[type='text']"), "placeholder")).isEqualTo("Identifiant");
    assertThat(browser.attribute(By.cssSelector("input[type='password']"), "placeholder")).isEqualTo("Mot de passe");
    assertThat(browser.visibleText()).contains("Se connecter", "Propulsé par");
    assertNoEnglish(browser.visibleText());

    browser.login(USER, TestUsers.PASSWORD, WebApp.TASKLIST);
    browser.click("Tâches de mon équipe").click(TASK).waitForText("Réclamer");
    String page = browser.visibleText();
    assertThat(page).contains("Démarrer un processus", "Créer une tâche", "Raccourcis clavier", "Date de création",
        "Formulaire", "Historique", "Diagramme", "Ajouter une variable", "Terminer", "Ajouter un commentaire",
        "Échéance dans 3 jours", "Suivi dans un jour", "Création il y a quelques secondes",
        "Dates et heures affichées dans le fuseau horaire local : Europe/Paris");
    assertNoEnglish(page);
    assertThat(browser.attribute(By.cssSelector("input[ng-model='textSearch'], .search-container input"), "placeholder"))
        .isEqualTo("Filtrer les tâches");

    // the full due date in the tooltip, French words on a 24-hour clock, in the user's time zone
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    assertThat(browser.attribute(By.cssSelector(".tasks-list .due-date [uib-tooltip]"), "uib-tooltip"))
        .isEqualTo(DateTimeFormatter.ofPattern("EEEE d MMMM uuuu 'à' HH:mm", Locale.FRENCH)
            .format(task.getDueDate().toInstant().atZone(ZoneId.of(Browser.ZONE))));

    // the date picker of the due date: French calendar, weeks from Monday; dates stay French after it
    browser.driver().findElement(By.cssSelector(".glyphicon-bell")).click();
    WebElement picker = browser.waitForVisible(By.cssSelector("[uib-datepicker], .uib-datepicker, .datepicker table"));
    assertThat(picker.getText()).contains("lun. mar. mer. jeu. ven. sam. dim.")
        .containsPattern("(janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \\d{4}");
    browser.press(Keys.ESCAPE);
    assertThat(browser.visibleText()).contains("Échéance dans 3 jours").doesNotContain("in 3 days");

    assertThat(browser.visible(By.cssSelector(".ce-eol-banner"))).isEmpty();
    assertThat(browser.visibleText()).doesNotContain("Camunda 8");
  }

  @Test
  void keyboardShortcutsWorkAndAreDescribedInFrench() {
    Browser browser = browsers.open(port, Language.FRENCH).login(USER, TestUsers.PASSWORD, WebApp.TASKLIST);

    browser.click("Raccourcis clavier");
    assertThat(browser.waitForVisible(By.cssSelector(".modal-content")).getText()).contains(
        "ctrl+alt+c réclame la tâche sélectionnée",
        "ctrl+shift+f place le curseur sur le premier filtre de la liste",
        "ctrl+alt+l place le curseur sur la première tâche de la liste",
        "ctrl+alt+f place le curseur sur le premier champ du formulaire de la tâche",
        "ctrl+alt+p ouvre la fenêtre « Démarrer un processus »");
    browser.click("Fermer");
    browser.waitUntil(d -> browser.visible(By.cssSelector(".modal-content")).isEmpty());

    browser.press(Keys.CONTROL, Keys.ALT, "p");
    assertThat(browser.waitForVisible(By.cssSelector(".modal-content")).getText()).contains("Démarrer un processus");
  }

  @Test
  void englishBrowserSeesTasklistInEnglish() {
    Browser browser = browsers.open(port, Language.ENGLISH).open(WebApp.TASKLIST.entryPath());
    browser.waitUntil(d -> browser.showsLoginForm());
    browser.waitUntilAngularIsIdle();
    assertThat(browser.attribute(By.cssSelector("input[type='text']"), "placeholder")).isEqualTo("Username");

    browser.login(USER, TestUsers.PASSWORD, WebApp.TASKLIST);
    browser.click("Tâches de mon équipe").click(TASK).waitForText("Claim");
    assertThat(browser.visibleText()).contains("Start process", "Create task", "Form", "History", "Diagram", "in 3 days")
        .doesNotContain("Démarrer un processus", "Réclamer", "Formulaire", "dans 3 jours");
  }

  /** Fails on any English label of {@link #ENGLISH} as a whole word ("Diagram" is not in "Diagramme"). */
  private static void assertNoEnglish(String page) {
    for (String label : ENGLISH) {
      assertThat(Pattern.compile("(?<!\\p{L})" + Pattern.quote(label) + "(?!\\p{L})").matcher(page).find())
          .as("English label \"%s\" on the French page:%n%s", label, page).isFalse();
    }
  }
}
