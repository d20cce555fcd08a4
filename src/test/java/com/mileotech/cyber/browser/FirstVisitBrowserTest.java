package com.mileotech.cyber.browser;

import static com.mileotech.cyber.browser.FormFields.check;
import static com.mileotech.cyber.browser.FormFields.choose;
import static com.mileotech.cyber.browser.FormFields.click;
import static com.mileotech.cyber.browser.FormFields.type;
import static org.assertj.core.api.Assertions.assertThat;

import com.mileotech.cyber.EngineSteps;
import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestClients;
import com.mileotech.cyber.TestUsers;
import com.mileotech.cyber.browser.Browser.Language;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.client.ClientService;
import com.mileotech.cyber.security.Groups;
import java.time.Instant;
import java.util.Date;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Each role's first visit, as a French user in an English browser would live it: the technician
 * reports an incident, the referent qualifies it, the client's RSSI files the CNIL notification,
 * the technician fills a checklist and signs it. On every screen it passes: no English word, raw
 * code, identifier, login or JSON ({@link #FORBIDDEN}); a screenshot of each is kept under
 * {@value #SCREENS} for a person to look at.
 */
@IntegrationTest
@BrowserTest
class FirstVisitBrowserTest {

  static final String SCREENS = "target/first-visit";
  private static final String TECH = "tech.walk";
  private static final String REFERENT = "referent.walk";
  private static final String BROWSER_LOCALE = "en-US"; // the harder case: an English browser preferring French

  /** What must never reach a person's screen, each with why. */
  static final Map<String, Pattern> FORBIDDEN = forbidden();

  private static Map<String, Pattern> forbidden() {
    Map<String, Pattern> words = new java.util.LinkedHashMap<>();
    // form-js's and Tasklist's English
    for (String english : List.of("Search", "Select", "Claim", "Unclaim", "Complete", "Save", "Start process",
        "Field is required", "Field must", "Date and time", "No results", "All values selected", "Loading",
        "Whitelabel", "Error", "Please", "Value is", "Created", "Follow-up", "Due date", "Assignee", "Add a comment",
        "Nothing to show", "mm/dd/yyyy", "dd/mm/yyyy", "hh:mm")) {
      // "Windows Search" is a service the guide names, not the interface speaking English
      words.put("English « " + english + " »", Pattern.compile("(?<![\\p{L}])(?<!Windows )" + Pattern.quote(english) + "(?![\\p{L}])"));
    }
    // raw codes, identifiers and logins
    for (String code : List.of("NON_CONFORME", "NON_APPLICABLE", "CONFORME", "cyber-referent", "project-managers",
        "technicians", "client-rssi", "camunda-admin", TestClients.OIV, TestClients.PLAIN, TECH, REFERENT,
        TestClients.OIV_RSSI, "deposee", "signalement-client", "technicien-sur-site", "premiere", "seconde")) {
      // a login inside an e-mail address (rssi.oiv@…) is the address, which people may read
      words.put("code « " + code + " »", Pattern.compile("(?<![\\p{L}\\-_.])" + Pattern.quote(code) + "(?![\\p{L}\\-_@])"));
    }
    words.put("a checklist key (SRV_01)", Pattern.compile("\\b(SRV|VMS|NVR|CAM)_\\d{2}\\b"));
    words.put("a lowercase code after a label", Pattern.compile("(Gravité|Nature) : [a-z]"));
    words.put("JSON", Pattern.compile("\\[\"|\\{\"|\":|\\bnull\\b|\\bundefined\\b|\\bNaN\\b|\\btrue\\b|\\bfalse\\b"));
    words.put("an ISO date", Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b"));
    words.put("a duration in minutes past an hour", Pattern.compile("\\b([6-9]\\d|\\d{3,}) min\\b"));
    return words;
  }

  @RegisterExtension final Browsers browsers = new Browsers();
  @LocalServerPort int port;

  @Autowired IdentityService identityService;
  @Autowired ClientRepository clients;
  @Autowired ClientService clientService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired TaskService taskService;
  @Autowired EngineSteps steps;

  private final List<String> problems = new ArrayList<>();
  private int screen;

  @BeforeEach
  void accounts() {
    TestClients.ensure(identityService, clients, clientService);
    TestUsers.ensure(identityService, TECH, Groups.TECHNICIANS);
    TestUsers.ensure(identityService, REFERENT, Groups.CYBER_REFERENT);
  }

  @Test
  void eachRoleSeesOnlyFrenchWordsOnTheirFirstVisit() throws Exception {
    // the technician reports an incident
    Browser technician = browsers.open(port, Language.FRENCH, BROWSER_LOCALE).login(TECH, TestUsers.PASSWORD, WebApp.TASKLIST);
    look(technician, "technicien-accueil");
    technician.click("Démarrer un processus").waitForText("Incident de sécurité (PROC-CYB-005)");
    look(technician, "technicien-demarrer-un-processus");
    technician.click("Incident de sécurité (PROC-CYB-005)").waitForText("Signaler un incident de sécurité");
    look(technician, "technicien-signalement-vide");
    choose(technician, "Client", "Client OIV");
    check(technician, "Site Nord");
    choose(technician, "Source de la détection", "Découverte par un technicien");
    type(technician, "Équipement concerné", "NVR-07 (Milestone XProtect)");
    type(technician, "Description de ce qui a été constaté", "Compte administrateur inconnu créé sur le NVR");
    look(technician, "technicien-signalement-rempli");
    // Tasklist's own message fades out; ours stays: the new reference and where to follow it
    technician.click("Démarrer").waitForText("ouvert.");
    technician.waitForText("Suivre au tableau de bord").waitForText("L'étape suivante revient à une autre équipe.");
    look(technician, "technicien-signalement-envoye");
    HistoricProcessInstance reported = historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey("security-incident").startedBy(TECH)
        // not an incident another test started under a moved engine clock (in the future)
        .startedBefore(Date.from(Instant.now().plusSeconds(60)))
        .orderByProcessInstanceStartTime().desc()
        .listPage(0, 1).get(0);
    String reference = reported.getBusinessKey();
    steps.runDueJobs(reported.getId());

    // the referent qualifies it
    Browser referent = browsers.open(port, Language.FRENCH, BROWSER_LOCALE).login(REFERENT, TestUsers.PASSWORD, WebApp.TASKLIST);
    look(referent, "referent-accueil");
    referent.click("Tâches de mon équipe").click("Qualifier l'incident " + reference);
    referent.waitForText("Prendre la tâche");
    look(referent, "referent-qualification-a-prendre");
    assertThat(referent.visible(By.cssSelector("a.instance-link"))).as("the referent may open Cockpit").isNotEmpty();
    referent.click("Prendre la tâche");
    referent.waitUntil(driver -> referent.visible(By.cssSelector(".mileo-claim-banner")).isEmpty());
    check(referent, "Intrusion");
    check(referent, "Critique");
    check(referent, "Oui");
    type(referent, "Systèmes concernés", "NVR-07, comptes administrateurs");
    // aware two hours ago: the RSSI's filing below must follow it
    java.time.LocalDateTime aware = java.time.LocalDateTime.now(java.time.ZoneId.of(Browser.ZONE)).minusHours(2);
    check(referent, "Plus tôt");
    type(referent, "Date et heure de prise de connaissance", aware.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")));
    referent.waitForText("Lu : ");
    check(referent, "Je confirme cette heure de prise de connaissance");
    look(referent, "referent-qualification-remplie");
    FormFields.complete(referent).waitUntil(driver -> steps.findTask(reported.getId(), "Task_QualifyIncident") == null);
    look(referent, "referent-qualification-terminee");

    // the CNIL draft (the referent's, through the API), then the client's RSSI files it
    steps.runDueJobs(reported.getId());
    steps.runDueJobs(reported.getId());
    ProcessInstance cnil = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference + "-CNIL").singleResult();
    steps.runDueJobs(cnil.getId());
    // the referent informs the client first, through the application's mail
    // by its link: other tests' notification tasks (dated by their moved clocks) may fill the filter's first page
    referent.openTask(steps.findTask(cnil.getId(), "Task_InformClient").getId())
        .waitForText("Informer le client de la violation " + reference).click("Prendre la tâche")
        // claimed, it is in "Mes tâches" (the link opened no filter: Tasklist deselects it on the claim)
        .click("Mes tâches").click("Informer le client de la violation " + reference);
    referent.waitUntil(driver -> referent.visible(By.cssSelector(".mileo-claim-banner")).isEmpty());
    check(referent, "Par le courriel que l'application envoie maintenant au RSSI du client");
    look(referent, "referent-information-du-client");
    FormFields.complete(referent).waitUntil(driver -> steps.findTask(cnil.getId(), "Task_InformClient") == null);
    steps.runDueJobs(cnil.getId());
    taskService.complete(steps.caseTask(reference + "-CNIL", "Task_DraftReport").getId(), Map.of(
        "breachNature", "Accès au NVR", "personsCategories", "[\"salaries\", \"visiteurs\"]", "personsCount", 200,
        "recordsCategories", "Vidéo", "recordsCount", 20, "dpoContact", "DPO", "likelyConsequences", "Atteinte à la vie privée",
        "measuresTaken", "Compte supprimé", "riskToPersons", "risque"));
    Browser rssi = browsers.open(port, Language.FRENCH, BROWSER_LOCALE).login(TestClients.OIV_RSSI, TestUsers.PASSWORD, WebApp.TASKLIST);
    rssi.waitForText("Valider et déposer la notification CNIL " + reference);
    look(rssi, "rssi-accueil");
    rssi.click("Valider et déposer la notification CNIL " + reference).waitForText("Prendre la tâche");
    look(rssi, "rssi-depot-a-prendre");
    assertThat(rssi.visible(By.cssSelector("a.instance-link"))).as("no Cockpit link for a client's RSSI").isEmpty();
    rssi.click("Prendre la tâche");
    rssi.waitUntil(driver -> rssi.visible(By.cssSelector(".mileo-claim-banner")).isEmpty());
    assertThat(rssi.visibleText()).contains("salariés, visiteurs");
    check(rssi, "La notification a été déposée auprès de la CNIL");
    type(rssi, "Date et heure du dépôt", java.time.LocalDateTime.now(java.time.ZoneId.of(Browser.ZONE)).minusMinutes(5)
        .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")));
    type(rssi, "Référence de l'accusé de réception CNIL", "CNIL-WALK-1");
    look(rssi, "rssi-depot-rempli");
    Task filing = steps.caseTask(reference + "-CNIL", "Task_FileReport");
    FormFields.complete(rssi).waitUntil(driver -> taskService.createTaskQuery().taskId(filing.getId()).singleResult() == null);
    look(rssi, "rssi-depot-termine");

    // the technician starts a commissioning, fills its checklist and signs it
    technician.open("/camunda/app/tasklist/default/").click("Démarrer un processus")
        .click("Mise en service VMS — checklist de durcissement (GUID-PREM-003)")
        .waitForText("Mise en service VMS — checklist de durcissement");
    choose(technician, "Client", "Client OIV");
    choose(technician, "Site", "Site Nord");
    type(technician, "Produit VMS", "Milestone XProtect Corporate");
    type(technician, "Version du VMS", "2024 R2");
    String serial = "WALK-" + System.nanoTime();
    type(technician, "Inventaire des équipements", "caméra ; Axis P3265-LVE ; " + serial + " ; 11.9.60 ; oui");
    look(technician, "technicien-mise-en-service");
    technician.click("Démarrer").waitForText("ouvert.").waitForText("Étape suivante : Renseigner la checklist de durcissement");
    look(technician, "technicien-mise-en-service-demarree");
    // this walk's instance, by its serial number: ids are not in start order, other tests' instances may be open
    ProcessInstance commissioning = runtimeService.createProcessInstanceQuery().processDefinitionKey("vms-commissioning")
        .list().stream().filter(pi -> String.valueOf(runtimeService.getVariable(pi.getId(), "equipmentText")).contains(serial))
        .findFirst().orElseThrow();
    Task fill = steps.findTask(commissioning.getId(), "Task_FillChecklist");
    String checklist = (String) runtimeService.getVariable(commissioning.getId(), "reference");
    technician.openTask(fill.getId())
        .waitForText("Renseigner la checklist de durcissement " + checklist).click("Prendre la tâche");
    technician.waitUntil(driver -> technician.visible(By.cssSelector(".mileo-claim-banner")).isEmpty());
    look(technician, "technicien-checklist-vide");
    assertThat(technician.visible(By.cssSelector("a.instance-link"))).as("no Cockpit link for a technician").isEmpty();
    List<WebElement> evaluations = ChecklistForm.allConforme(technician);
    // one point Non conforme without its deadline: named at the top of the form
    ChecklistForm.evaluate(technician, evaluations.get(0), "Non conforme");
    type(technician, "Constat de non-conformité", "Serveur non durci : services inutiles actifs");
    technician.waitForText("SRV-01 : Non conforme sans délai de remédiation");
    look(technician, "technicien-checklist-a-completer");
    type(technician, "Délai de remédiation", java.time.LocalDate.now(java.time.ZoneId.of(Browser.ZONE)).plusMonths(1)
        .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
    technician.waitUntil(driver -> !technician.visibleText().contains("À compléter avant de terminer"));
    look(technician, "technicien-checklist-remplie");
    WebElement complete = technician.waitForVisible(By.xpath("//button[normalize-space(.)='Terminer']"));
    technician.waitUntil(driver -> complete.isEnabled());
    click(technician, complete);
    technician.waitUntil(driver -> steps.findTask(commissioning.getId(), "Task_FillChecklist") == null);
    Task sign = steps.findTask(commissioning.getId(), "Task_SignChecklist");
    technician.openTask(sign.getId())
        .waitForText("Signer la checklist " + checklist).click("Prendre la tâche");
    technician.waitUntil(driver -> technician.visible(By.cssSelector(".mileo-claim-banner")).isEmpty());
    look(technician, "technicien-signature");

    assertThat(problems).as("what a person must not see (screenshots in " + SCREENS + ")").isEmpty();
  }

  /** Keeps a screenshot of the screen and notes every forbidden word it shows. */
  private void look(Browser browser, String name) throws Exception {
    browser.waitUntilAngularIsIdle();
    String file = String.format("%02d-%s", ++screen, name);
    browser.saveScreenshot(Path.of(SCREENS), file);
    String text = browser.visibleText();
    FORBIDDEN.forEach((what, pattern) -> {
      var match = pattern.matcher(text);
      while (match.find()) {
        int from = Math.max(0, match.start() - 40);
        int to = Math.min(text.length(), match.end() + 40);
        problems.add(file + " : " + what + " dans « " + text.substring(from, to).replace('\n', ' ') + " »");
      }
    });
  }
}
