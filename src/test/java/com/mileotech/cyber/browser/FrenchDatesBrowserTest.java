package com.mileotech.cyber.browser;

import static com.mileotech.cyber.browser.FormFields.check;
import static com.mileotech.cyber.browser.FormFields.choose;
import static com.mileotech.cyber.browser.FormFields.click;
import static com.mileotech.cyber.browser.FormFields.type;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestClients;
import com.mileotech.cyber.TestUsers;
import com.mileotech.cyber.browser.Browser.Language;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.client.ClientService;
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
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

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
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
  private static final DateTimeFormatter WORDS = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'à' H 'h' mm", Locale.FRENCH);

  @RegisterExtension final Browsers browsers = new Browsers();
  @LocalServerPort int port;

  @Autowired IdentityService identityService;
  @Autowired ClientRepository clients;
  @Autowired ClientService clientService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;

  @BeforeEach
  void accounts() {
    TestClients.ensure(identityService, clients, clientService);
    TestUsers.ensure(identityService, TECH, Groups.TECHNICIANS);
    TestUsers.ensure(identityService, REFERENT, Groups.CYBER_REFERENT);
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
        .processDefinitionKey("security-incident").startedBy(TECH).orderByProcessInstanceStartTime().desc()
        .listPage(0, 1).get(0);
    String reference = reported.getBusinessKey();
    JsonNode incident = api("/api/security-incidents/" + reference);
    assertThat(Instant.parse(incident.path("detectedAt").asText())).isEqualTo(detected.atZone(PARIS).toInstant());
    assertThat(Instant.parse(incident.path("beganAt").asText()))
        .isEqualTo(ZonedDateTime.ofLocal(began, PARIS, null).withLaterOffsetAtOverlap().toInstant());
    runDueJobs(reported.getId());

    // the referent: an earlier awareness, confirmed; changing it clears the confirmation
    LocalDateTime awareness = detected.plusMinutes(55);
    Browser referent = browsers.open(port, Language.FRENCH, locale).login(REFERENT, TestUsers.PASSWORD, WebApp.TASKLIST);
    Task qualify = taskService.createTaskQuery().processInstanceId(reported.getId()).taskDefinitionKey("Task_QualifyIncident").singleResult();
    referent.open("/camunda/app/tasklist/default/#/?task=" + qualify.getId())
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
    complete(referent).waitUntil(driver -> activeTask(reported.getId(), "Task_QualifyIncident") == null);
    incident = api("/api/security-incidents/" + reference);
    assertThat(Instant.parse(incident.path("qualification").path("awarenessAt").asText()))
        .isEqualTo(awareness.atZone(PARIS).toInstant());

    // the client's RSSI files the CNIL notification: the filing time typed day first
    runDueJobs(reported.getId());
    runDueJobs(reported.getId());
    ProcessInstance cnil = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference + "-CNIL").singleResult();
    runDueJobs(cnil.getId());
    // the referent tells when the client was informed by telephone, typed day first
    LocalDateTime told = awareness.plusMinutes(30);
    Task inform = activeTask(cnil.getId(), "Task_InformClient");
    referent.open("/camunda/app/tasklist/default/#/?task=" + inform.getId())
        .waitForText("Informer le client de la violation " + reference).click("Réclamer");
    check(referent, "Il a déjà été informé par téléphone");
    dateField(referent, "Date et heure auxquelles le client a été informé").sendKeys(TYPED.format(told));
    referent.waitForText("Lu : " + WORDS.format(told) + ", heure de Paris.");
    type(referent, "Personne informée chez le client", "Directeur technique");
    complete(referent).waitUntil(driver -> activeTask(cnil.getId(), "Task_InformClient") == null);
    runDueJobs(cnil.getId());
    assertThat(api("/api/security-incidents/" + reference + "/notifications").toString())
        .contains(told.atZone(PARIS).toInstant().toString().replace(":00Z", ""));
    taskService.complete(EngineSteps.caseTask(taskService, reference + "-CNIL", "Task_DraftReport").getId(), Map.of(
        "breachNature", "Accès au NVR", "personsCategories", "clients", "personsCount", 10, "recordsCategories", "Vidéo",
        "recordsCount", 20, "dpoContact", "DPO", "likelyConsequences", "Atteinte à la vie privée",
        "measuresTaken", "Compte supprimé", "riskToPersons", "risque"));
    Task filing = EngineSteps.caseTask(taskService, reference + "-CNIL", "Task_FileReport");
    LocalDateTime filed = awareness.plusHours(2);
    Browser rssi = browsers.open(port, Language.FRENCH, locale).login(TestClients.OIV_RSSI, TestUsers.PASSWORD, WebApp.TASKLIST);
    rssi.open("/camunda/app/tasklist/default/#/?task=" + filing.getId()).waitForText(reference).click("Réclamer");
    check(rssi, "La notification a été déposée auprès de la CNIL");
    dateField(rssi, "Date et heure du dépôt").sendKeys(TYPED.format(filed));
    rssi.waitForText("Lu : " + WORDS.format(filed) + ", heure de Paris.");
    type(rssi, "Référence de l'accusé de réception CNIL", "CNIL-DATES-" + locale);
    complete(rssi).waitUntil(driver -> taskService.createTaskQuery().taskId(filing.getId()).singleResult() == null);
    JsonNode notifications = api("/api/security-incidents/" + reference + "/notifications");
    assertThat(notifications.toString()).contains(filed.atZone(PARIS).toInstant().toString().replace(":00Z", ""));
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

  private Task activeTask(String processInstanceId, String key) {
    return EngineSteps.activeTask(taskService, processInstanceId, key);
  }

  private void runDueJobs(String processInstanceId) {
    EngineSteps.runDueJobs(managementService, processInstanceId);
  }


  /** Tasklist's "Terminer", brought to the middle of the view first: its footer covers the bottom of a long form. */
  private static Browser complete(Browser browser) {
    FormFields.click(browser, browser.waitForVisible(By.xpath("//button[normalize-space(.)='Terminer']")));
    return browser;
  }
}
