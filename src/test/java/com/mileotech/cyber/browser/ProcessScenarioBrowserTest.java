package com.mileotech.cyber.browser;

import static com.mileotech.cyber.browser.FormFields.check;
import static com.mileotech.cyber.browser.FormFields.choose;
import static com.mileotech.cyber.browser.FormFields.click;
import static com.mileotech.cyber.browser.FormFields.complete;
import static com.mileotech.cyber.browser.FormFields.tick;
import static com.mileotech.cyber.browser.FormFields.type;
import static com.mileotech.cyber.browser.FormFields.typeNth;
import static org.assertj.core.api.Assertions.assertThat;

import com.mileotech.cyber.EngineSteps;
import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestClients;
import com.mileotech.cyber.TestUsers;
import com.mileotech.cyber.incident.IncidentForms;
import com.mileotech.cyber.playbook.PlaybookActions;
import com.mileotech.cyber.playbook.RecordedAction;
import com.mileotech.cyber.browser.Browser.Language;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.client.ClientService;
import com.mileotech.cyber.security.Groups;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
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
 * The processes as their users live them in Tasklist, in French, in a real Chromium: a
 * technician reports an incident from the start form, the referent qualifies it, each client's
 * RSSI sees exactly their own work, and the checklist form refuses a non-conformity without a
 * remediation deadline.
 */
@IntegrationTest
@BrowserTest
class ProcessScenarioBrowserTest {

  private static final String TECH = "tech.browser";
  private static final String REFERENT = "referent.browser";
  private static final String MANAGER = "cdp.browser";

  @RegisterExtension final Browsers browsers = new Browsers();
  @LocalServerPort int port;

  @Autowired IdentityService identityService;
  @Autowired ClientRepository clients;
  @Autowired ClientService clientService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired TaskService taskService;
  @Autowired EngineSteps steps;
  @Autowired PlaybookActions playbookActions;

  @BeforeEach
  void accounts() {
    TestClients.ensure(identityService, clients, clientService);
    TestUsers.ensure(identityService, TECH, Groups.TECHNICIANS);
    TestUsers.ensure(identityService, REFERENT, Groups.CYBER_REFERENT);
  }

  @Test
  void anIncidentReportedInTasklistIsQualifiedAndEachRssiSeesOnlyTheirWork() {
    // a technician reports the incident from the start form
    Browser technician = browsers.open(port, Language.FRENCH).login(TECH, TestUsers.PASSWORD, WebApp.TASKLIST);
    technician.click("Démarrer un processus").click("Incident de sécurité (PROC-CYB-005)")
        .waitForText("Signaler un incident de sécurité");
    choose(technician, "Client", "Client OIV");
    check(technician, "Site Nord");
    choose(technician, "Source de la détection", "Découverte par un technicien");
    type(technician, "Équipement concerné", "NVR-07 (Milestone XProtect)");
    type(technician, "Description de ce qui a été constaté", "Compte administrateur inconnu créé sur le NVR");
    // Tasklist's own message fades out; ours stays, with the new reference
    technician.click("Démarrer").waitForText("ouvert.");

    HistoricProcessInstance reported = historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey("security-incident").startedBy(TECH)
        // not an incident another test started under a moved engine clock (in the future)
        .startedBefore(Date.from(Instant.now().plusSeconds(60)))
        .orderByProcessInstanceStartTime().desc()
        .listPage(0, 1).get(0);
    String reference = reported.getBusinessKey();
    assertThat(reference).startsWith("INC-");
    assertThat(runtimeService.getVariable(reported.getId(), "clientId")).isEqualTo(TestClients.OIV);
    steps.runDueJobs(reported.getId());

    // the referent claims the qualification and completes it
    Browser referent = browsers.open(port, Language.FRENCH).login(REFERENT, TestUsers.PASSWORD, WebApp.TASKLIST);
    referent.click("Tâches de mon équipe").click("Qualifier l'incident " + reference).click("Réclamer");
    check(referent, "Intrusion");
    check(referent, "Critique");
    check(referent, "Oui");
    type(referent, "Systèmes concernés", "NVR-07, comptes administrateurs");
    check(referent, "Maintenant");
    check(referent, "Je confirme cette heure de prise de connaissance");
    referent.click("Terminer").waitUntil(driver -> steps.findTask(reported.getId(), "Task_QualifyIncident") == null);
    steps.runDueJobs(reported.getId()); // the assessment of the notifications runs asynchronously
    assertThat(steps.findTask(reported.getId(), "Task_CaptureEvidence")).as("the next tasks appear").isNotNull();
    referent.open("/camunda/app/tasklist/default/").click("Tâches de mon équipe").waitForText("Capturer les preuves " + reference);

    // personal data at an OIV: CNIL and ANSSI notifications; the referent's CNIL draft, then the RSSI's filing
    steps.runDueJobs(reported.getId());
    ProcessInstance cnil = runtimeService.createProcessInstanceQuery().processDefinitionKey("cnil-notification")
        .processInstanceBusinessKey(reference + "-CNIL").singleResult();
    steps.runDueJobs(cnil.getId());
    // the referent tells the client first, "sans délai": the application mails the RSSI on completion
    // by the task's link, as in the mail that announces it: in the shared test context, other tests'
    // notification tasks (created with the engine's clock moved years ahead) fill the filter's first page
    Task inform = taskService.createTaskQuery().processInstanceId(cnil.getId()).taskDefinitionKey("Task_InformClient")
        .singleResult();
    referent.openTask(inform.getId())
        .waitForText("Informer le client de la violation " + reference).click("Réclamer")
        // claimed, it is in "Mes tâches" (the link opened no filter: Tasklist deselects it on the claim)
        .click("Mes tâches").click("Informer le client de la violation " + reference);
    referent.waitForText("doit l'en informer sans délai");
    assertThat(referent.visibleText()).contains("RSSI du client : RSSI OIV (" + TestClients.OIV_RSSI + "@test.example)");
    check(referent, "Par le courriel que l'application envoie maintenant au RSSI du client");
    referent.click("Terminer").waitUntil(driver -> steps.findTask(cnil.getId(), "Task_InformClient") == null);
    steps.runDueJobs(cnil.getId());
    assertThat(runtimeService.getVariable(cnil.getId(), "clientInformedBy")).isEqualTo(REFERENT);
    // the report runs in its own instance of regulatory-report, called by the notification
    String report = runtimeService.createProcessInstanceQuery().superProcessInstanceId(cnil.getId()).singleResult().getId();
    taskService.complete(steps.findTask(report, "Task_DraftReport").getId(), Map.of(
        "breachNature", "Accès au NVR", "personsCategories", "clients", "personsCount", 10, "recordsCategories", "Vidéo",
        "recordsCount", 20, "dpoContact", "DPO", "likelyConsequences", "Atteinte à la vie privée",
        "measuresTaken", "Compte supprimé", "riskToPersons", "risque"));

    Browser otherRssi = browsers.open(port, Language.FRENCH).login(TestClients.PLAIN_RSSI, TestUsers.PASSWORD, WebApp.TASKLIST);
    otherRssi.click("Tâches de mon équipe").waitUntilAngularIsIdle();
    assertThat(otherRssi.visibleText()).doesNotContain(reference).doesNotContain("Client OIV");

    Browser rssi = browsers.open(port, Language.FRENCH).login(TestClients.OIV_RSSI, TestUsers.PASSWORD, WebApp.TASKLIST);
    rssi.click("Tâches de mon équipe").waitForText("Valider et déposer la notification CNIL " + reference);
    assertThat(rssi.visibleText()).doesNotContain("Capturer les preuves " + reference)
        .doesNotContain("Qualifier l'incident").doesNotContain("Rédiger la notification CNIL " + reference);
  }

  /**
   * The project manager's "Proposer une date de remise en service" offers to record an agreement
   * the client already gave, with its evidence, and never to accept a client's date the client did
   * not propose.
   */
  @Test
  void theProjectManagerRecordsTheClientsAgreementWithItsEvidenceNotAsTheClient() {
    TestUsers.ensure(identityService, MANAGER, Groups.PROJECT_MANAGERS);
    String pi = containedIncident();
    Task proposal = steps.findTask(pi, "Task_ProposeRecoveryDate");
    String reference = (String) runtimeService.getVariable(pi, "reference");

    Browser manager = browsers.open(port, Language.FRENCH).login(MANAGER, TestUsers.PASSWORD, WebApp.TASKLIST);
    manager.openTask(proposal.getId())
        .waitForText("Proposer une date de remise en service " + reference).click("Réclamer");
    manager.waitForText("Proposer une date au client (il la valide dans Tasklist)");
    assertThat(manager.visibleText()).contains("Le client a déjà donné son accord sur une date, par courriel ou par téléphone")
        .doesNotContain("Accepter la date proposée par le client").doesNotContain("Preuve de l'accord du client");
    check(manager, "Le client a déjà donné son accord sur une date");
    manager.waitForText("Preuve de l'accord du client");
    assertThat(manager.visibleText()).contains("Comment le client a-t-il donné son accord ?", "Par courriel", "Par téléphone",
        "Date et heure de l'accord du client", "Date et heure de remise en service");
  }

  /**
   * The containment form lists the playbook's actions for an intrusion on an NVR (and not those of
   * a malware or of cameras), says what is missing, and records each answer with its justification.
   */
  @Test
  void theContainmentFormShowsThePlaybookActionsOfTheIncidentAndRecordsEachAnswer() {
    String pi = incidentWithEvidence();
    Task containment = steps.findTask(pi, "Task_ContainIncident");
    String reference = (String) runtimeService.getVariable(pi, "reference");

    Browser technician = browsers.open(port, Language.FRENCH).login(TECH, TestUsers.PASSWORD, WebApp.TASKLIST);
    technician.openTask(containment.getId())
        .waitForText("Confiner l'incident " + reference).click("Réclamer");
    technician.waitForText("Isoler le segment réseau de l'enregistreur");
    assertThat(technician.visibleText()).contains("PB-CYB-005 v1", "Intrusion (accès non autorisé)",
        "Relever l'état des équipements avant toute action", "Révoquer les comptes inconnus ou potentiellement compromis",
        "Couper les accès distants actifs", "À compléter avant de terminer : 4 action(s) sans réponse")
        .doesNotContain("Désactiver les ports du commutateur des caméras compromises")
        .doesNotContain("Déconnecter du réseau le serveur ou le poste infecté").doesNotContain("action_");
    List<WebElement> actions = technician.driver().findElements(By.xpath("//div[contains(@class,'fjs-form-field-radio')]"));
    assertThat(actions).hasSize(4);
    for (int i = 0; i < 3; i++) {
      click(technician, actions.get(i).findElement(By.xpath(".//label[normalize-space(.)='Réalisée']//input")));
    }
    click(technician, actions.get(3).findElement(By.xpath(".//label[normalize-space(.)='Non applicable']//input")));
    technician.waitForText("non applicable sans justification");
    type(technician, "Justification (non applicable)", "Aucun accès distant ouvert sur ce site");
    technician.waitUntil(driver -> !technician.visibleText().contains("À compléter avant de terminer"));
    complete(technician);
    technician.waitUntil(driver -> steps.findTask(pi, "Task_ContainIncident") == null);

    List<RecordedAction> recorded = playbookActions.recorded(reference);
    assertThat(recorded).extracting(RecordedAction::actionCode).containsExactly("CAPTURE_STATE",
        "ISOLATE_RECORDER_SEGMENT", "REVOKE_ACCOUNTS", "DISCONNECT_REMOTE_ACCESS");
    assertThat(recorded.get(3).statusLabel()).isEqualTo("Non applicable");
    assertThat(recorded.get(3).comment()).isEqualTo("Aucun accès distant ouvert sur ce site");
    assertThat(recorded).extracting(RecordedAction::recordedBy).containsOnly(TECH);
  }

  /** An incident of client-oiv reported, qualified, its evidence captured and contained (as Tasklist's users would). */
  private String containedIncident() {
    String pi = incidentWithEvidence();
    steps.submit(pi, "Task_ContainIncident", staff(TECH, Groups.TECHNICIANS), IncidentForms.containment("Fait"));
    return pi;
  }

  /** An intrusion on an NVR of client-oiv reported, qualified and its evidence captured: containment is open. */
  private String incidentWithEvidence() {
    String pi = steps.start("security-incident", staff(TECH, Groups.TECHNICIANS), IncidentForms.report(TestClients.OIV,
        List.of("site-nord"), "technicien-sur-site", "NVR-08", "Compte inconnu sur le NVR")).getId();
    steps.runDueJobs(pi);
    steps.submit(pi, "Task_QualifyIncident", staff(REFERENT, Groups.CYBER_REFERENT),
        IncidentForms.qualification("mineur", "intrusion", false, List.of("site-nord"), "NVR-08"));
    steps.runDueJobs(pi);
    steps.submit(pi, "Task_CaptureEvidence", staff(TECH, Groups.TECHNICIANS), IncidentForms.evidenceCaptured(
        IncidentForms.evidence(1, "journaux", "Journaux du NVR", "Coffre", IncidentForms.SHA,
            java.time.LocalDateTime.now(java.time.ZoneId.of("Europe/Paris")).minusMinutes(5)
                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString())));
    return pi;
  }

  /** A member of Mileo's staff: in every client's tenant. */
  private static EngineSteps.Person staff(String userId, Groups group) {
    return EngineSteps.Person.of(userId, group, List.of(TestClients.OIV, TestClients.PLAIN));
  }

  @Test
  void theChecklistFormRefusesANonConformityWithoutADeadline() {
    ProcessInstance commissioning = runtimeService.startProcessInstanceByKey("vms-commissioning", Map.of(
        "clientId", TestClients.OIV, "siteId", "site-nord", "vmsProduct", "Milestone XProtect Corporate",
        "vmsVersion", "2024 R2", "projectManagerReview", true,
        "equipmentText", "CAMERA ; Axis P3265-LVE ; BRW-" + System.nanoTime() + " ; 11.9.60 ; oui"));
    Task fill = steps.findTask(commissioning.getId(), "Task_FillChecklist");
    assertThat(fill).isNotNull();
    String reference = (String) runtimeService.getVariable(commissioning.getId(), "reference");

    Browser technician = browsers.open(port, Language.FRENCH, "en-US").login(TECH, TestUsers.PASSWORD, WebApp.TASKLIST);
    technician.openTask(fill.getId())
        .waitForText("Renseigner la checklist de durcissement " + reference).click("Réclamer");
    // every point Conforme, with the figures the guide sets
    List<WebElement> evaluations = technician.driver().findElements(By.xpath("//div[contains(@class,'fjs-form-field-radio')]"));
    assertThat(evaluations).hasSize(32);
    for (WebElement evaluation : evaluations) {
      click(technician, evaluation.findElement(By.xpath(".//label[normalize-space(.)='Conforme']//input")));
    }
    type(technician, "Délai d'application du dernier correctif", "48");
    type(technician, "Mise à jour du VMS disponible", "0");
    choose(technician, "Version minimale de TLS", "TLS 1.2");
    type(technician, "Durée de validité du certificat", "24");
    for (int camera = 0; camera < 2; camera++) {
      tick(technician, "Mot de passe par défaut changé", camera);
      typeNth(technician, "Longueur du mot de passe administrateur", "16", camera);
      for (String measure : List.of("Complexité imposée", "Telnet désactivé", "FTP désactivé", "HTTPS disponible",
          "HTTP désactivé", "UPnP désactivé", "Bonjour désactivé", "ONVIF Discovery désactivé")) {
        tick(technician, measure, camera);
      }
    }
    WebElement complete = technician.waitForVisible(By.xpath("//button[normalize-space(.)='Terminer']"));
    technician.waitUntil(driver -> complete.isEnabled());

    // SRV-01 Non conforme, with its finding but no remediation deadline: the form refuses it
    click(technician, evaluations.get(0).findElement(By.xpath(".//label[normalize-space(.)='Non conforme']//input")));
    type(technician, "Constat de non-conformité", "Serveur non durci : services inutiles actifs");
    click(technician, complete);
    technician.waitUntil(driver -> !technician.visible(By.xpath("//*[contains(@class,'fjs-form-field-error')]")).isEmpty()
        || technician.visibleText().contains("SRV-01"));
    assertThat(steps.findTask(commissioning.getId(), "Task_FillChecklist")).as("the task stays open").isNotNull();

    // with its deadline, the same checklist is accepted
    // typed day first in an English browser: read as such, in words, and stored as such
    java.time.LocalDate deadline = java.time.LocalDate.now(java.time.ZoneId.of(Browser.ZONE)).plusMonths(2).withDayOfMonth(3);
    type(technician, "Délai de remédiation", deadline.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
    technician.waitForText("Lu : " + deadline.format(java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy",
        java.util.Locale.FRENCH)) + ".");
    technician.press(org.openqa.selenium.Keys.ESCAPE);
    technician.waitUntil(driver -> complete.isEnabled());
    // the refusal's message may still cover the button: a user would dismiss it, a script clicks through
    ((org.openqa.selenium.JavascriptExecutor) technician.driver()).executeScript("arguments[0].click();", complete);
    technician.waitUntil(driver -> steps.findTask(commissioning.getId(), "Task_FillChecklist") == null);
    assertThat(steps.findTask(commissioning.getId(), "Task_SignChecklist")).isNotNull();
    assertThat(runtimeService.getVariables(commissioning.getId()).toString()).contains(deadline.toString());
  }
}
