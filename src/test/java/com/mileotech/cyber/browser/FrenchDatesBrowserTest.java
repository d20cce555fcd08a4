package com.mileotech.cyber.browser;

import static com.mileotech.cyber.browser.FormFields.check;
import static com.mileotech.cyber.browser.FormFields.choose;
import static com.mileotech.cyber.browser.FormFields.click;
import static com.mileotech.cyber.browser.FormFields.type;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mileotech.cyber.EngineSteps;
import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestClients;
import com.mileotech.cyber.TestUsers;
import com.mileotech.cyber.browser.Browser.Language;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.client.ClientService;
import com.mileotech.cyber.incident.IncidentForms;
import com.mileotech.cyber.security.Groups;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * French dates typed in Tasklist's forms are read day first, whatever the browser's own locale:
 * in a French browser and in an English one whose preferred language is French (form-js's own date
 * field read 05/12/2026 as 12 May there). Each date typed is read back in words under its field,
 * then checked where it is stored, over the API.
 */
@IntegrationTest
@BrowserTest
class FrenchDatesBrowserTest {

  private static final String TECH = "tech.dates";
  private static final String REFERENT = "referent.dates";
  private static final String MANAGER = "cdp.dates";
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
  private static final DateTimeFormatter WORDS = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'à' H 'h' mm", Locale.FRENCH);
  private static final DateTimeFormatter TYPED_DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter DAY_WORDS = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH);
  private static final String SHA = "a3f1c2d4e5b6a7980112233445566778899aabbccddeeff00112233445566778";

  @RegisterExtension final Browsers browsers = new Browsers();
  @LocalServerPort int port;

  @Autowired IdentityService identityService;
  @Autowired ClientRepository clients;
  @Autowired ClientService clientService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired TaskService taskService;
  @Autowired EngineSteps steps;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void accounts() {
    TestClients.ensure(identityService, clients, clientService);
    TestUsers.ensure(identityService, TECH, Groups.TECHNICIANS);
    TestUsers.ensure(identityService, REFERENT, Groups.CYBER_REFERENT);
    TestUsers.ensure(identityService, MANAGER, Groups.PROJECT_MANAGERS);
  }

  @ParameterizedTest(name = "browser locale {0}, French preferred")
  @ValueSource(strings = {"fr-FR", "en-US"})
  void frenchDatesAreReadDayFirstAndStoredAsRead(String locale) throws Exception {
    LocalDateTime now = LocalDateTime.now(PARIS).truncatedTo(ChronoUnit.MINUTES);
    // a detection yesterday at 09:05, through the calendar then typed; a beginning in the repeated autumn hour
    LocalDateTime detected = now.minusDays(1).withHour(9).withMinute(5);
    LocalDate lastSwitch = LocalDate.of(now.getYear(), 10, 31).with(TemporalAdjusters.lastInMonth(DayOfWeek.SUNDAY));
    if (!lastSwitch.isBefore(detected.toLocalDate())) {
      lastSwitch = LocalDate.of(now.getYear() - 1, 10, 31).with(TemporalAdjusters.lastInMonth(DayOfWeek.SUNDAY));
    }
    LocalDateTime began = lastSwitch.atTime(2, 30);

    Browser technician = browsers.open(port, Language.FRENCH, locale).login(TECH, TestUsers.PASSWORD, WebApp.TASKLIST);
    assertThat(((org.openqa.selenium.JavascriptExecutor) technician.driver())
        .executeScript("return Intl.DateTimeFormat().resolvedOptions().locale")).isEqualTo(locale);
    technician.click("Démarrer un processus").click("Incident de sécurité (PROC-CYB-005)")
        .waitForText("Signaler un incident de sécurité");
    choose(technician, "Client", "Client OIV");
    check(technician, "Site Nord");
    choose(technician, "Source de la détection", "Découverte par un technicien");
    type(technician, "Équipement concerné", "NVR-07 (Milestone XProtect)");
    type(technician, "Description de ce qui a été constaté", "Compte administrateur inconnu créé sur le NVR");

    // the French calendar: weeks from Monday; a day chosen there is written day first
    WebElement detection = dateField(technician, "Détection (heure de Paris)");
    click(technician, detection);
    WebElement calendar = technician.waitForVisible(By.cssSelector(".mileo-datepicker"));
    assertThat(calendar.findElement(By.cssSelector("th")).getText()).isEqualTo("lun.");
    String monthTitle = detected.format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH));
    while (!calendar.findElement(By.cssSelector(".mileo-datepicker-title")).getText().equals(monthTitle)) {
      calendar.findElement(By.cssSelector("button[aria-label='Mois précédent']")).click();
    }
    calendar.findElement(By.xpath(".//button[normalize-space(.)='" + detected.getDayOfMonth() + "']")).click();
    technician.waitUntil(driver -> detection.getAttribute("value").startsWith(detected.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))));
    detection.sendKeys(Keys.END, "09:05");
    technician.waitForText("Lu : " + WORDS.format(detected) + ", heure de Paris.");

    // the repeated hour: asked which, only then
    WebElement beginning = dateField(technician, "Début estimé de l'incident");
    beginning.sendKeys(TYPED.format(began));
    technician.waitForText("a lieu deux fois");
    check(technician, "La seconde (heure d'hiver");
    technician.waitForText("Lu : " + WORDS.format(began) + ", heure de Paris, seconde occurrence");
    technician.click("Démarrer").waitForText("ouvert.");

    HistoricProcessInstance reported = historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey("security-incident").startedBy(TECH)
        // not an incident another test started under a moved engine clock (in the future)
        .startedBefore(Date.from(Instant.now().plusSeconds(60)))
        .orderByProcessInstanceStartTime().desc()
        .listPage(0, 1).get(0);
    String reference = reported.getBusinessKey();
    JsonNode incident = api("/api/security-incidents/" + reference);
    assertThat(Instant.parse(incident.path("detectedAt").asText())).isEqualTo(detected.atZone(PARIS).toInstant());
    assertThat(Instant.parse(incident.path("beganAt").asText()))
        .isEqualTo(ZonedDateTime.ofLocal(began, PARIS, null).withLaterOffsetAtOverlap().toInstant());
    steps.runDueJobs(reported.getId());

    // the referent: an earlier awareness, confirmed; changing it clears the confirmation
    LocalDateTime awareness = detected.plusMinutes(55);
    Browser referent = browsers.open(port, Language.FRENCH, locale).login(REFERENT, TestUsers.PASSWORD, WebApp.TASKLIST);
    Task qualify = taskService.createTaskQuery().processInstanceId(reported.getId()).taskDefinitionKey("Task_QualifyIncident").singleResult();
    referent.openTask(qualify.getId())
        .waitForText("Qualifier l'incident " + reference).click("Réclamer");
    check(referent, "Intrusion");
    check(referent, "Critique");
    check(referent, "Oui");
    type(referent, "Systèmes concernés", "NVR-07, comptes administrateurs");
    check(referent, "Plus tôt");
    WebElement awarenessField = dateField(referent, "Date et heure de prise de connaissance");
    awarenessField.sendKeys(TYPED.format(awareness.minusHours(1)));
    referent.waitForText("Lu : " + WORDS.format(awareness.minusHours(1)));
    check(referent, "Je confirme cette heure de prise de connaissance");
    WebElement confirmation = referent.driver().findElement(By.xpath(
        "//label[contains(normalize-space(.),'Je confirme cette heure')]//input"));
    referent.waitUntil(driver -> confirmation.isSelected());
    awarenessField.sendKeys(Keys.chord(Keys.CONTROL, "a"), TYPED.format(awareness));
    referent.waitForText("Lu : " + WORDS.format(awareness));
    referent.waitUntil(driver -> !referent.driver().findElement(By.xpath(
        "//label[contains(normalize-space(.),'Je confirme cette heure')]//input")).isSelected());
    check(referent, "Je confirme cette heure de prise de connaissance");
    FormFields.complete(referent).waitUntil(driver -> steps.findTask(reported.getId(), "Task_QualifyIncident") == null);
    incident = api("/api/security-incidents/" + reference);
    assertThat(Instant.parse(incident.path("qualification").path("awarenessAt").asText()))
        .isEqualTo(awareness.atZone(PARIS).toInstant());

    // the client's RSSI files the CNIL notification: the filing time typed day first
    steps.runDueJobs(reported.getId());
    steps.runDueJobs(reported.getId());
    ProcessInstance cnil = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference + "-CNIL").singleResult();
    steps.runDueJobs(cnil.getId());
    // the referent tells when the client was informed by telephone, typed day first
    LocalDateTime told = awareness.plusMinutes(30);
    Task inform = steps.findTask(cnil.getId(), "Task_InformClient");
    referent.openTask(inform.getId())
        .waitForText("Informer le client de la violation " + reference).click("Réclamer");
    check(referent, "Il a déjà été informé par téléphone");
    dateField(referent, "Date et heure auxquelles le client a été informé").sendKeys(TYPED.format(told));
    referent.waitForText("Lu : " + WORDS.format(told) + ", heure de Paris.");
    type(referent, "Personne informée chez le client", "Directeur technique");
    FormFields.complete(referent).waitUntil(driver -> steps.findTask(cnil.getId(), "Task_InformClient") == null);
    steps.runDueJobs(cnil.getId());
    assertThat(api("/api/security-incidents/" + reference + "/notifications").toString())
        .contains(told.atZone(PARIS).toInstant().toString().replace(":00Z", ""));
    taskService.complete(steps.caseTask(reference + "-CNIL", "Task_DraftReport").getId(), Map.of(
        "breachNature", "Accès au NVR", "personsCategories", "clients", "personsCount", 10, "recordsCategories", "Vidéo",
        "recordsCount", 20, "dpoContact", "DPO", "likelyConsequences", "Atteinte à la vie privée",
        "measuresTaken", "Compte supprimé", "riskToPersons", "risque"));
    Task filing = steps.caseTask(reference + "-CNIL", "Task_FileReport");
    LocalDateTime filed = awareness.plusHours(2);
    Browser rssi = browsers.open(port, Language.FRENCH, locale).login(TestClients.OIV_RSSI, TestUsers.PASSWORD, WebApp.TASKLIST);
    rssi.openTask(filing.getId()).waitForText(reference).click("Réclamer");
    check(rssi, "La notification a été déposée auprès de la CNIL");
    dateField(rssi, "Date et heure du dépôt").sendKeys(TYPED.format(filed));
    rssi.waitForText("Lu : " + WORDS.format(filed) + ", heure de Paris.");
    type(rssi, "Référence de l'accusé de réception CNIL", "CNIL-DATES-" + locale);
    FormFields.complete(rssi).waitUntil(driver -> taskService.createTaskQuery().taskId(filing.getId()).singleResult() == null);
    JsonNode notifications = api("/api/security-incidents/" + reference + "/notifications");
    assertThat(notifications.toString()).contains(filed.atZone(PARIS).toInstant().toString().replace(":00Z", ""));
  }

  /**
   * The date-only field of the evidence form (end of a legal hold on video footage) and the
   * date-time of the recovery proposal: typed day first, read back in words, stored as read.
   * Days are chosen so that a month-first reading gives another date.
   */
  @ParameterizedTest(name = "browser locale {0}, French preferred")
  @ValueSource(strings = {"fr-FR", "en-US"})
  void evidenceLegalHoldAndRecoveryDatesAreReadDayFirst(String locale) throws Exception {
    LocalDateTime now = LocalDateTime.now(PARIS).truncatedTo(ChronoUnit.MINUTES);
    // the steps before and between, as their people submit them (covered by the incident's scenario tests)
    Map<String, Object> report = new HashMap<>();
    report.put("clientId", TestClients.PLAIN);
    report.put("siteSelection", SpinValues.jsonValue("[\"boutique\"]").create());
    report.put("detectionSource", "technicien-sur-site");
    report.put("equipment", "NVR-01 (Milestone XProtect)");
    report.put("description", "Compte administrateur inconnu créé sur le NVR");
    ProcessInstance incident = steps.start("security-incident", staff(TECH, Groups.TECHNICIANS), report);
    String reference = incident.getBusinessKey();
    steps.runDueJobs(incident.getId());
    submit(incident.getId(), "Task_QualifyIncident", REFERENT, Groups.CYBER_REFERENT, Map.of("nature", "intrusion",
        "severity", "mineur", "personalDataAnswer", "non", "siteSelection", SpinValues.jsonValue("[\"boutique\"]").create(),
        "affectedSystems", "NVR-01", "awarenessChoice", "maintenant", "awarenessConfirmed", true));
    steps.runDueJobs(incident.getId());
    submit(incident.getId(), "Task_ContainIncident", TECH, Groups.TECHNICIANS, IncidentForms.containment("Fait"));

    // the technician captures the footage and holds it on a legal ground until a day typed day first
    LocalDate holdUntil = monthFirstMisreads(now.toLocalDate().plusMonths(6), 1);
    LocalDateTime captured = now.minusMinutes(10);
    Browser technician = browsers.open(port, Language.FRENCH, locale).login(TECH, TestUsers.PASSWORD, WebApp.TASKLIST);
    Task capture = steps.findTask(incident.getId(), "Task_CaptureEvidence");
    technician.openTask(capture.getId())
        .waitForText("Capturer les preuves").click("Réclamer");
    check(technician, "Les preuves sont capturées");
    // the footage is typed in the form's own slots (its date is what this test reads back)
    check(technician, "Saisir aussi des preuves à la main");
    choose(technician, "Type de preuve", "Enregistrement vidéo");
    type(technician, "Description", "Export des caméras de la boutique, 2 h avant la détection");
    type(technician, "Lieu de stockage", "Coffre de preuves, scellé 17");
    type(technician, "Empreinte SHA-256", SHA);
    dateField(technician, "Capturée le").sendKeys(TYPED.format(captured));
    technician.waitForText("Lu : " + WORDS.format(captured) + ", heure de Paris.");
    check(technician, "Conserver des enregistrements vidéo au-delà de la purge d'un mois");
    choose(technician, "Fondement légal", "Plainte déposée");
    type(technician, "Justification", "Plainte déposée au commissariat, PV 2026/123");
    dayField(technician, "Fin de la conservation").sendKeys(TYPED_DAY.format(holdUntil));
    technician.waitForText("Lu : " + DAY_WORDS.format(holdUntil) + ".");
    FormFields.complete(technician).waitUntil(driver -> steps.findTask(incident.getId(), "Task_CaptureEvidence") == null);
    steps.runDueJobs(incident.getId());
    assertThat(jdbc.sql("select video_legal_hold_until from security_incident where reference = ?").param(reference)
        .query(LocalDate.class).single()).isEqualTo(holdUntil);
    assertThat(runtimeService.getVariable(incident.getId(), "videoLegalHoldUntilLabel").toString())
        .contains(holdUntil.getDayOfMonth() + " " + holdUntil.format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH)));

    submit(incident.getId(), "Task_EradicateThreat", TECH, Groups.TECHNICIANS, IncidentForms.eradication());
    submit(incident.getId(), "Task_VerifyIntegrity", TECH, Groups.TECHNICIANS, Map.of(
        "integrityConfigurationCompliant", true, "integrityFirmwareUpToDate", true,
        "integrityUnauthorisedAccessRemoved", true, "integrityLoggingEnabled", true));
    steps.runDueJobs(incident.getId());

    // the project manager proposes a return to service, typed day first
    LocalDateTime recovery = monthFirstMisreads(now.toLocalDate().plusDays(2), 1).atTime(14, 30);
    Browser manager = browsers.open(port, Language.FRENCH, locale).login(MANAGER, TestUsers.PASSWORD, WebApp.TASKLIST);
    Task propose = steps.findTask(incident.getId(), "Task_ProposeRecoveryDate");
    manager.openTask(propose.getId())
        .waitForText("Proposer une date de remise en service").click("Réclamer");
    check(manager, "Proposer une date au client");
    dateField(manager, "Date et heure de remise en service").sendKeys(TYPED.format(recovery));
    manager.waitForText("Lu : " + WORDS.format(recovery) + ", heure de Paris.");
    FormFields.complete(manager).waitUntil(driver -> steps.findTask(incident.getId(), "Task_ProposeRecoveryDate") == null);
    assertThat(((Date) runtimeService.getVariable(incident.getId(), "recoveryProposedAt")).toInstant())
        .isEqualTo(recovery.atZone(PARIS).toInstant());
  }

  /**
   * The checklist's remediation deadlines (date only): one a month-first reading would take for
   * another day, one it would refuse (day above 12); each read back in words, both stored as read.
   */
  @ParameterizedTest(name = "browser locale {0}, French preferred")
  @ValueSource(strings = {"fr-FR", "en-US"})
  void checklistRemediationDeadlinesAreReadDayFirst(String locale) throws Exception {
    LocalDate today = LocalDate.now(PARIS);
    LocalDate srvDeadline = monthFirstMisreads(today.plusDays(10), 1);
    LocalDate vmsDeadline = today.plusDays(10);
    while (vmsDeadline.getDayOfMonth() <= 12) {
      vmsDeadline = vmsDeadline.plusDays(1);
    }
    HttpResponse<String> started = post(TECH, "/api/commissionings", """
        {"clientId": "%s", "siteId": "site-nord", "vmsProduct": "Milestone XProtect Corporate", "vmsVersion": "2024 R2",
         "equipment": [{"kind": "CAMERA", "model": "Axis P3265-LVE", "serialNumber": "DATES-%s",
                        "firmwareVersion": "11.9.60", "securityUpdates": true}]}"""
        .formatted(TestClients.OIV, System.nanoTime()));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    String commissioning = new ObjectMapper().readTree(started.body()).path("processInstanceId").asText();
    steps.runDueJobs(commissioning);
    Task fill = steps.findTask(commissioning, "Task_FillChecklist");

    Browser technician = browsers.open(port, Language.FRENCH, locale).login(TECH, TestUsers.PASSWORD, WebApp.TASKLIST);
    technician.openTask(fill.getId())
        .waitForText("Renseigner la checklist de durcissement").click("Réclamer");
    List<WebElement> evaluations = ChecklistForm.allConforme(technician);
    assertThat(evaluations).hasSize(32);
    // SRV-01 and VMS-01 (the ninth point) not compliant, each with its deadline typed day first
    ChecklistForm.evaluate(technician, evaluations.get(0), "Non conforme");
    ChecklistForm.evaluate(technician, evaluations.get(8), "Non conforme");
    List<WebElement> findings = technician.waitUntil(driver -> {
      List<WebElement> shown = technician.visible(By.xpath(
          "//label[contains(normalize-space(.),'Constat de non-conformité')]/following::textarea[1]"));
      return shown.size() == 2 ? shown : null;
    });
    for (WebElement finding : findings) {
      FormFields.scroll(technician, finding);
      finding.sendKeys("Point non durci à la mise en service");
    }
    WebElement srv = deadlineField(technician, "checklistSrv_SRV_01");
    srv.sendKeys(TYPED_DAY.format(srvDeadline));
    technician.waitForText("Lu : " + DAY_WORDS.format(srvDeadline) + ".");
    WebElement vms = deadlineField(technician, "checklistVms_VMS_01");
    vms.sendKeys(TYPED_DAY.format(vmsDeadline));
    technician.waitForText("Lu : " + DAY_WORDS.format(vmsDeadline) + ".");
    technician.waitUntil(driver -> !technician.visibleText().contains("À compléter avant de terminer"));
    WebElement done = technician.waitForVisible(By.xpath("//button[normalize-space(.)='Terminer']"));
    technician.waitUntil(driver -> done.isEnabled());
    FormFields.complete(technician).waitUntil(driver -> steps.findTask(commissioning, "Task_FillChecklist") == null);

    ObjectMapper json = new ObjectMapper();
    JsonNode srvPoint = json.readTree(runtimeService.getVariable(commissioning, "checklistSrv").toString()).path("SRV_01");
    JsonNode vmsPoint = json.readTree(runtimeService.getVariable(commissioning, "checklistVms").toString()).path("VMS_01");
    assertThat(srvPoint.path("status").asText()).isEqualTo("NON_CONFORME");
    assertThat(srvPoint.path("remediationDeadline").asText()).isEqualTo(srvDeadline.toString());
    assertThat(vmsPoint.path("status").asText()).isEqualTo("NON_CONFORME");
    assertThat(vmsPoint.path("remediationDeadline").asText()).isEqualTo(vmsDeadline.toString());
  }

  /**
   * A security update's publication (Tasklist start form, the referent) and its application at
   * the client (the technician), both typed day first on a day a month-first reading misreads;
   * then the replacement plan of the camera found out of support (the project manager), whose
   * target date is a date-only field.
   */
  @ParameterizedTest(name = "browser locale {0}, French preferred")
  @ValueSource(strings = {"fr-FR", "en-US"})
  void updateAndReplacementPlanDatesAreReadDayFirst(String locale) throws Exception {
    LocalDate day = monthFirstMisreads(LocalDate.now(PARIS).minusDays(1), -1);
    LocalDateTime published = day.atTime(8, 5);
    LocalDateTime applied = day.atTime(17, 40);
    String product = "Axis Q" + System.nanoTime();
    String serial = "SN-DATES-" + System.nanoTime();
    String outOfSupport = "SN-DATES-EOS-" + System.nanoTime();
    String advisory = "AXIS-DATES-" + System.nanoTime();
    for (String camera : List.of(serial, outOfSupport)) {
      jdbc.sql("""
          insert into client_equipment (client_id, serial_number, kind, model, firmware_version, security_updates, site_id,
            last_reference, updated_at) values (?, ?, 'CAMERA', ?, '10.12.1', true, 'boutique', 'CHK-TEST', ?)""")
          .params(TestClients.PLAIN, camera, product, java.sql.Timestamp.from(Instant.now().minus(100, ChronoUnit.DAYS)))
          .update();
    }

    Browser referent = browsers.open(port, Language.FRENCH, locale).login(REFERENT, TestUsers.PASSWORD, WebApp.TASKLIST);
    referent.click("Démarrer un processus").click("Mise à jour de sécurité publiée (GUID-PREM-003 §01, §03)")
        .waitForText("Type de mise à jour");
    choose(referent, "Type de mise à jour", "Firmware de caméra");
    type(referent, "Produit", product);
    check(referent, "Non");
    type(referent, "Versions concernées", "<10.12.5");
    type(referent, "Version corrective", "10.12.5");
    type(referent, "Référence du bulletin", advisory);
    dateField(referent, "Publication (heure de Paris)").sendKeys(TYPED.format(published));
    referent.waitForText("Lu : " + WORDS.format(published) + ", heure de Paris.");
    referent.click("Démarrer");
    String reference = referent.waitUntil(driver -> jdbc.sql("select reference from security_update where advisory = ?")
        .param(advisory).query(String.class).optional().orElse(null));
    String update = jdbc.sql("select process_instance_id from security_update where reference = ?").param(reference)
        .query(String.class).single();
    steps.runDueJobs(update);
    ProcessInstance atClient = runtimeService.createProcessInstanceQuery().superProcessInstanceId(update)
        .tenantIdIn(TestClients.PLAIN).singleResult();
    Task apply = steps.findTask(atClient.getId(), "Task_ApplyUpdate");

    Browser technician = browsers.open(port, Language.FRENCH, locale).login(TECH, TestUsers.PASSWORD, WebApp.TASKLIST);
    technician.openTask(apply.getId())
        .waitForText("Appliquer la mise à jour " + reference).click("Réclamer");
    type(technician, "Résultat par équipement", serial + " ; appliquee ; 10.12.5\n"
        + outOfSupport + " ; fin-de-support ; le constructeur ne publie plus de firmware pour ce modèle");
    dateField(technician, "Intervention (heure de Paris)").sendKeys(TYPED.format(applied));
    technician.waitForText("Lu : " + WORDS.format(applied) + ", heure de Paris.");
    FormFields.complete(technician).waitUntil(driver -> steps.findTask(atClient.getId(), "Task_ApplyUpdate") == null);

    JsonNode stored = api("/api/security-updates/" + reference);
    assertThat(Instant.parse(stored.path("publishedAt").asText())).isEqualTo(published.atZone(PARIS).toInstant());
    JsonNode item = null;
    for (JsonNode each : stored.path("clients").get(0).path("items")) {
      item = serial.equals(each.path("id").asText()) ? each : item;
    }
    assertThat(item).as("the camera updated").isNotNull();
    assertThat(Instant.parse(item.path("appliedAt").asText())).isEqualTo(applied.atZone(PARIS).toInstant());

    // the camera out of support: the project manager plans its replacement by a day typed day first
    steps.runDueJobs(update);
    ProcessInstance plan = runtimeService.createProcessInstanceQuery().superProcessInstanceId(atClient.getId())
        .singleResult();
    steps.runDueJobs(plan.getId());
    Task planning = steps.findTask(plan.getId(), "Task_PlanReplacement");
    LocalDate target = monthFirstMisreads(LocalDate.now(PARIS).plusMonths(3), 1);
    Browser manager = browsers.open(port, Language.FRENCH, locale).login(MANAGER, TestUsers.PASSWORD, WebApp.TASKLIST);
    manager.openTask(planning.getId())
        .waitForText("Établir le plan de remplacement " + reference).click("Réclamer");
    type(manager, "Plan de remplacement", "Remplacer par une caméra de la gamme actuelle, devis joint");
    dayField(manager, "Date cible du remplacement").sendKeys(TYPED_DAY.format(target));
    manager.waitForText("Lu : " + DAY_WORDS.format(target) + ".");
    FormFields.complete(manager).waitUntil(driver -> steps.findTask(plan.getId(), "Task_PlanReplacement") == null);
    assertThat(((Date) historyService.createHistoricVariableInstanceQuery().processInstanceId(plan.getId())
        .variableName("replacementTargetDay").singleResult().getValue()).toInstant())
        .isEqualTo(target.atStartOfDay(PARIS).toInstant());
  }

  /**
   * An improvement action of the lessons-learned report (« Rédiger le retour d'expérience »),
   * planned the way the referent does it: an owner picked by name, a due day typed day first. With
   * the engine's clock on Monday 11 January 2027, « 2027-01-15 » is refused by the form
   * (JJ/MM/AAAA expected) and « 08/01/2027 » by the server (not after today: a month-first reading
   * would take it for 1 August), nothing recorded either time; « 15/01/2027 » (no month 15) is read
   * back in words and stored as the 15th of January.
   */
  @ParameterizedTest(name = "browser locale {0}, French preferred")
  @ValueSource(strings = {"fr-FR", "en-US"})
  void improvementActionDueDaysAreReadDayFirst(String locale) throws Exception {
    Instant monday = Instant.parse("2027-01-11T09:00:00Z"); // Monday 11 January 2027, 10:00 in Paris
    ClockUtil.setCurrentTime(Date.from(monday));
    String owner = improvementOwner();
    Map<String, Object> report = IncidentForms.report(TestClients.PLAIN, List.of("boutique"));
    ProcessInstance incident = steps.start("security-incident", staff(TECH, Groups.TECHNICIANS), report);
    steps.runDueJobs(incident.getId());
    submit(incident.getId(), "Task_QualifyIncident", REFERENT, Groups.CYBER_REFERENT,
        IncidentForms.qualification("mineur", false, List.of("boutique")));
    steps.runDueJobs(incident.getId());
    submit(incident.getId(), "Task_CaptureEvidence", TECH, Groups.TECHNICIANS, IncidentForms.evidenceCaptured(
        IncidentForms.evidence(1, "journaux", "Journaux du NVR", "Coffre de preuves", SHA,
            IncidentForms.paris(monday.minus(5, ChronoUnit.MINUTES)))));
    submit(incident.getId(), "Task_ContainIncident", TECH, Groups.TECHNICIANS, IncidentForms.containment("Fait"));
    submit(incident.getId(), "Task_EradicateThreat", TECH, Groups.TECHNICIANS, IncidentForms.eradication());
    submit(incident.getId(), "Task_VerifyIntegrity", TECH, Groups.TECHNICIANS, IncidentForms.integrity());
    submit(incident.getId(), "Task_ProposeRecoveryDate", MANAGER, Groups.PROJECT_MANAGERS,
        IncidentForms.recoveryProposal(IncidentForms.paris(monday.plus(1, ChronoUnit.DAYS))));
    steps.submit(incident.getId(), "Task_AgreeRecoveryDate",
        EngineSteps.Person.of(TestClients.PLAIN_RSSI, Groups.CLIENT_RSSI, TestClients.PLAIN), IncidentForms.recoveryAgreed());
    submit(incident.getId(), "Task_ReturnToService", TECH, Groups.TECHNICIANS, IncidentForms.returnToService());
    steps.runDueJobs(incident.getId()); // the chronology and the owners the form offers
    Task write = steps.findTask(incident.getId(), "Task_WriteLessonsLearned");
    assertThat(write).as("the lessons-learned report is due").isNotNull();
    String reference = incident.getBusinessKey();

    Browser referent = browsers.open(port, Language.FRENCH, locale).login(REFERENT, TestUsers.PASSWORD, WebApp.TASKLIST);
    referent.openTask(write.getId())
        .waitForText("Rédiger le retour d'expérience").waitForText(reference).click("Réclamer");
    type(referent, "Causes racines identifiées", "Mot de passe par défaut conservé sur le NVR");
    type(referent, "Efficacité de la réponse", "Confinement en 2 h, délais tenus");
    type(referent, "Points d'amélioration", "Contrôle des comptes par défaut à la mise en service");
    check(referent, "Planifier des actions d'amélioration");
    type(referent, "Action à mener", "Changer les mots de passe par défaut de tous les NVR du client");
    // the owner, picked by name among Mileo's staff
    WebElement ownerSearch = referent.waitForVisible(By.xpath(
        "//label[contains(normalize-space(.),\"Responsable\")]/following::input[1]"));
    click(referent, ownerSearch);
    ownerSearch.sendKeys("Camille Moreau");
    click(referent, referent.waitForVisible(By.xpath(
        "//*[contains(@class,'fjs-dropdownlist-item') and contains(normalize-space(.),\"Camille Moreau (Techniciens)\")]")));
    // ISO, as a machine writes it: the form says what it expects and sends nothing
    dueDay(referent).sendKeys("2027-01-15", Keys.TAB);
    referent.waitForText("⚠ Format attendu : JJ/MM/AAAA (jour, mois, année), par exemple 31/01/2027.");
    referent.waitForText("Date attendue au format JJ/MM/AAAA");
    terminate(referent);
    assertThat(referent.visibleText()).doesNotContain("Field must");
    nothingWritten(incident, write);

    // a day already past: read back in words, refused by the server naming the row and the field
    dueDay(referent).sendKeys(Keys.chord(Keys.CONTROL, "a"), "08/01/2027");
    referent.waitForText("Lu : vendredi 8 janvier 2027.");
    terminate(referent);
    referent.waitForText("action d'amélioration n° 1, échéance : le 8 janvier 2027 n'est pas après aujourd'hui "
        + "(11 janvier 2027)");
    nothingWritten(incident, write);

    // the 15th of January: there is no month 15
    dueDay(referent).sendKeys(Keys.chord(Keys.CONTROL, "a"), "15/01/2027");
    referent.waitForText("Lu : vendredi 15 janvier 2027.");
    terminate(referent);
    referent.waitUntil(driver -> steps.findTask(incident.getId(), "Task_WriteLessonsLearned") == null);
    JsonNode actions = new ObjectMapper().readTree(runtimeService.getVariable(incident.getId(), "improvementActions")
        .toString());
    assertThat(actions).hasSize(1);
    assertThat(actions.get(0).path("owner").asText()).isEqualTo(owner);
    assertThat(actions.get(0).path("ownerName").asText()).isEqualTo("Camille Moreau");
    assertThat(actions.get(0).path("dueDate").asText()).isEqualTo("2027-01-15");
    assertThat(Instant.parse(actions.get(0).path("dueAt").asText()))
        .as("the end of that day in Paris").isEqualTo(Instant.parse("2027-01-15T23:00:00Z"));
    assertThat(runtimeService.getVariable(incident.getId(), "improvementActionsLabel").toString())
        .contains("responsable : Camille Moreau — échéance : 15 janvier 2027");
  }

  /** A technician with a name of their own: the other test accounts are all « Prénom Nom ». */
  private String improvementOwner() {
    String id = "camille.moreau.dates";
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User user = identityService.newUser(id);
      user.setFirstName("Camille");
      user.setLastName("Moreau");
      user.setEmail(id + "@test.example");
      user.setPassword(TestUsers.PASSWORD);
      identityService.saveUser(user);
    }
    return TestUsers.ensure(identityService, id, Groups.TECHNICIANS);
  }

  /** The due day of the first improvement action: a date-only field. */
  private static WebElement dueDay(Browser browser) {
    WebElement input = browser.waitForVisible(By.cssSelector("input[id$='-Date_improvementAction1DueDate']"));
    FormFields.scroll(browser, input);
    assertThat(input.getAttribute("placeholder")).isEqualTo("JJ/MM/AAAA");
    return input;
  }

  /** « Terminer », clicked by script: Tasklist may keep it disabled, or a refusal's message may cover it. */
  private static void terminate(Browser browser) {
    WebElement done = browser.waitForVisible(By.xpath("//button[normalize-space(.)='Terminer']"));
    ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].click();", done);
  }

  /** The report's task still open, and neither the typed due day nor any action recorded. */
  private void nothingWritten(ProcessInstance incident, Task write) {
    assertThat(taskService.createTaskQuery().taskId(write.getId()).count()).as("the task stays open").isOne();
    assertThat(runtimeService.getVariable(incident.getId(), "improvementActions")).isNull();
    assertThat(runtimeService.getVariable(incident.getId(), "improvementAction1DueDate")).isNull();
  }

  @AfterEach
  void realClock() {
    ClockUtil.reset();
  }

  /**
   * The first day from {@code from} (going forward with step 1, backward with -1) that a
   * month-first reading takes for another valid date: day 1 to 12, not equal to its month.
   */
  private static LocalDate monthFirstMisreads(LocalDate from, int step) {
    LocalDate day = from;
    while (day.getDayOfMonth() > 12 || day.getDayOfMonth() == day.getMonthValue()) {
      day = day.plusDays(step);
    }
    return day;
  }

  /** A date-only field: its own placeholder, no time. */
  private static WebElement dayField(Browser browser, String label) {
    WebElement input = dateField(browser, label);
    assertThat(input.getAttribute("placeholder")).isEqualTo("JJ/MM/AAAA");
    return input;
  }

  /** The remediation deadline of a checklist point ({@code checklistSrv_SRV_01}), shown once it is Non conforme. */
  private static WebElement deadlineField(Browser browser, String point) {
    WebElement input = browser.waitForVisible(By.cssSelector("input[id$='-Date_" + point + "_remediationDeadline']"));
    FormFields.scroll(browser, input);
    assertThat(input.getAttribute("placeholder")).isEqualTo("JJ/MM/AAAA");
    return input;
  }

  /** Submits a task's form as that person, the way Tasklist does. */
  private void submit(String processInstanceId, String key, String userId, Groups group, Map<String, Object> form) {
    steps.submit(processInstanceId, key, staff(userId, group), form);
  }

  /** A member of Mileo's staff: in every client's tenant. */
  private static EngineSteps.Person staff(String userId, Groups group) {
    return EngineSteps.Person.of(userId, group, List.of(TestClients.OIV, TestClients.PLAIN));
  }

  private HttpResponse<String> post(String user, String path, String body) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (user + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static WebElement dateField(Browser browser, String label) {
    WebElement input = browser.waitForVisible(By.xpath("//label[contains(normalize-space(.),\"" + label
        + "\")]/following::input[1]"));
    FormFields.scroll(browser, input);
    assertThat(input.getAttribute("placeholder")).startsWith("JJ/MM/AAAA");
    return input;
  }

  private JsonNode api(String path) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (REFERENT + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new ObjectMapper().readTree(response.body());
  }
}
