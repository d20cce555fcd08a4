package com.mileotech.cyber.reminder.mail;

import com.mileotech.cyber.system.Moments;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.mileotech.cyber.EngineSteps;
import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestClients;
import com.mileotech.cyber.TestUsers;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.client.ClientService;
import com.mileotech.cyber.reminder.Audience;
import com.mileotech.cyber.reminder.DeadlineTestProcess;
import com.mileotech.cyber.reminder.Notice;
import com.mileotech.cyber.reminder.RecordingReminders;
import com.mileotech.cyber.reminder.Reminders;
import com.mileotech.cyber.reminder.mail.OutboxMail.Kind;
import com.mileotech.cyber.reminder.mail.OutboxMail.Status;
import com.mileotech.cyber.security.Groups;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The mail outbox end to end with GreenMail as the SMTP server: what each template says and to
 * whom, reminders at their configured moments and not before, nothing sent for a task already
 * done, SMTP down then back, a retried job, no SMTP at all, the audit endpoint.
 */
@IntegrationTest
class OutboxMailTest {

  private static final String PROCESS = "outbox-mail-check";
  private static final String RETRY_PROCESS = "outbox-retry-check";
  private static final String TEAM = "outbox-team";
  private static final String ANNA = "outbox.anna";
  private static final String NO_ADDRESS = "outbox.noaddr";
  private static final String REFERENT = "outbox.referent";
  private static final String MANAGER = "outbox.pm";
  private static final String INTEGRATION = "outbox.integration";
  private static final String CNIL_LABEL = "Notification de la violation de données à la CNIL";
  /** Monday 2 March 2026, 14:30 in Paris: the CNIL deadline falls on Thursday 5 March, 14:30. */
  private static final Instant AWARENESS = Instant.parse("2026-03-02T13:30:00Z");
  private static final String DUE_TEXT = "jeudi 5 mars 2026 à 14 h 30 (heure de Paris)";

  private static TestSmtp smtp;
  private static boolean deployed;

  @Autowired EngineSteps steps;
  @Autowired ProcessEngine processEngine;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired ClientRepository clientRepository;
  @Autowired ClientService clientService;
  @Autowired Reminders reminders;
  @Autowired Outbox outbox;
  @Autowired OutboxSender sender;
  @Autowired TestRestTemplate rest;
  @Value("${mileo.public-base-url}") String publicBaseUrl;

  private final ListAppender<ILoggingEvent> log = new ListAppender<>();

  @BeforeAll
  static void startSmtp() {
    smtp = new TestSmtp();
  }

  @AfterAll
  static void stopSmtp() {
    smtp.close();
  }

  @BeforeEach
  void setUp() {
    if (!deployed) {
      repositoryService.createDeployment()
          .addModelInstance(PROCESS + ".bpmn", DeadlineTestProcess.model(PROCESS, "${candidateGroup}"))
          .addModelInstance(RETRY_PROCESS + ".bpmn", retryProcess())
          .deploy();
      deployed = true;
    }
    TestClients.ensure(identityService, clientRepository, clientService);
    ensureTeam();
    TestUsers.ensure(identityService, REFERENT, Groups.CYBER_REFERENT);
    TestUsers.ensure(identityService, MANAGER, Groups.PROJECT_MANAGERS);
    TestUsers.ensure(identityService, INTEGRATION, Groups.INTEGRATIONS);
    ((RecordingReminders) reminders).clear();
    InformThenFailOnce.reminders = reminders;
    smtp.start();
    ClockUtil.setCurrentTime(Date.from(AWARENESS));
    log.start();
    logger(OutboxSender.class).addAppender(log);
    logger(OutboxReminders.class).addAppender(log);
  }

  @AfterEach
  void tearDown() {
    logger(OutboxSender.class).detachAppender(log);
    logger(OutboxReminders.class).detachAppender(log);
    // never leave failed mails behind: the health endpoint of the shared context would stay DOWN
    smtp.start();
    if (outbox.rearmFailed(now()) > 0) {
      deliver();
    }
    ClockUtil.reset();
  }

  @Test
  void theOutboxIsTheReminderMechanism() {
    assertThat(((RecordingReminders) reminders).delegate()).isInstanceOf(OutboxReminders.class);
  }

  @Test
  void aReminderTellsThePeopleOnTheTaskWhatIsDueWhenAndWhere() {
    ProcessInstance pi = start(TEAM);
    String reference = pi.getBusinessKey();
    String taskId = task(pi).getId();
    at(24);
    steps.runDueJobs(pi);
    deliver();

    List<MimeMessage> received = messages(pi);
    assertThat(received).hasSize(1);
    MimeParts mail = MimeParts.of(received.get(0));
    assertThat(mail.from()).isEqualTo("cyber@mileotech.example");
    assertThat(mail.to()).containsExactly(ANNA + "@test.example");
    assertThat(mail.subject()).isEqualTo("Rappel : " + CNIL_LABEL + " — " + reference + " — échéance dans 2 jours");
    String link = publicBaseUrl + "/camunda/app/tasklist/default/#/?task=" + taskId;
    assertThat(mail.text()).contains(
        "Rappel : l'échéance « " + CNIL_LABEL + " » tombe le " + DUE_TEXT + ", soit dans 2 jours.",
        "Référence : " + reference + "\n",
        "Client : Client OIV\n",
        "Site : Site Nord\n",
        "À faire : " + CNIL_LABEL + "\n",
        "Échéance : " + DUE_TEXT + "\n",
        "Temps restant : dans 2 jours\n",
        "Tâche : Notifier la CNIL " + reference + "\n",
        "Ouvrir la tâche dans Tasklist : " + link + "\n");
    assertThat(mail.html()).contains(
        "<a href=\"" + link + "\"",
        ">" + reference + "</td>",
        ">Client OIV</td>",
        ">Site Nord</td>",
        ">" + DUE_TEXT + "</td>",
        ">dans 2 jours</td>",
        "Rappel : l'échéance « <strong>" + CNIL_LABEL + "</strong> »",
        "<title>Rappel : " + CNIL_LABEL);

    OutboxMail row = single(pi);
    assertThat(row.kind()).isEqualTo(Kind.REMINDER);
    assertThat(row.status()).isEqualTo(Status.SENT);
    assertThat(row.taskId()).isEqualTo(taskId);
    assertThat(row.reminderAt()).isEqualTo(hours(24));
    assertThat(row.dueAt()).isEqualTo(hours(72));
    assertThat(row.reference()).isEqualTo(reference);
    assertThat(row.clientId()).isEqualTo(TestClients.OIV);
    assertThat(row.recipients()).containsExactly(ANNA + "@test.example");
    assertThat(row.sentAt()).isEqualTo(hours(24));
  }

  @Test
  void aPersonWithoutAnAddressIsLoggedKeptOnTheRowAndNamedInTheEscalation() {
    ProcessInstance pi = start(TEAM);
    at(24);
    steps.runDueJobs(pi);
    assertThat(single(pi).unreachable()).containsExactly("Paul Sansadresse (" + NO_ADDRESS + ")");
    assertThat(log.list).filteredOn(e -> e.getLevel() == Level.WARN)
        .extracting(ILoggingEvent::getFormattedMessage)
        .anyMatch(m -> m.startsWith("No e-mail address for Paul Sansadresse (" + NO_ADDRESS + "): not told by mail of \"Rappel"));

    at(72);
    steps.runDueJobs(pi);
    deliver();
    // the 66 h reminder came due together with the deadline: the escalation replaces it
    assertThat(rows(pi)).extracting(OutboxMail::kind).containsExactly(Kind.REMINDER, Kind.ESCALATION);
    OutboxMail escalation = rows(pi).get(1);
    assertThat(escalation.unreachable()).contains("Paul Sansadresse (" + NO_ADDRESS + ")");
    MimeParts mail = MimeParts.of(smtp.inbox(ANNA + "@test.example", List.of(escalation.id())).get(0));
    assertThat(mail.text()).contains("SANS ADRESSE E-MAIL, DONC NON PRÉVENUES PAR CE MESSAGE : ")
        .contains("Paul Sansadresse (" + NO_ADDRESS + ")");
    assertThat(mail.html()).contains("Sans adresse e-mail, donc non prévenues par ce message :")
        .contains("Paul Sansadresse (" + NO_ADDRESS + ")");
  }

  @Test
  void remindersGoOutAtTheConfiguredMomentsAndNotBeforeThenTheEscalation() {
    ProcessInstance pi = start(TEAM);
    String reference = pi.getBusinessKey();

    ClockUtil.setCurrentTime(Date.from(hours(24).minusSeconds(60)));
    steps.runDueJobs(pi);
    deliver();
    assertThat(rows(pi)).isEmpty();

    String[] left = {"dans 2 jours", "dans 1 jour", "dans 6 heures"};
    int[] moments = {24, 48, 66};
    for (int i = 0; i < moments.length; i++) {
      at(moments[i]);
      steps.runDueJobs(pi);
      deliver();
      assertThat(messages(pi)).hasSize(i + 1);
      OutboxMail last = rows(pi).get(i);
      assertThat(last.reminderAt()).isEqualTo(hours(moments[i]));
      assertThat(last.subject()).isEqualTo("Rappel : " + CNIL_LABEL + " — " + reference + " — échéance " + left[i]);
      assertThat(last.status()).isEqualTo(Status.SENT);
    }

    // the escalation: the escalation groups and the people on the task, nobody of another client
    ClockUtil.setCurrentTime(Date.from(hours(72).plus(Duration.ofHours(2))));
    steps.runDueJobs(pi);
    deliver();
    List<OutboxMail> rows = rows(pi);
    assertThat(rows).extracting(OutboxMail::kind)
        .containsExactly(Kind.REMINDER, Kind.REMINDER, Kind.REMINDER, Kind.ESCALATION);
    OutboxMail escalation = rows.get(3);
    assertThat(escalation.recipients())
        .contains(ANNA + "@test.example", REFERENT + "@test.example", MANAGER + "@test.example")
        .doesNotContain(TestClients.PLAIN_RSSI + "@test.example", TestClients.OIV_RSSI + "@test.example");
    MimeParts mail = MimeParts.of(smtp.inbox(REFERENT + "@test.example", List.of(escalation.id())).get(0));
    assertThat(mail.subject()).isEqualTo("Échéance dépassée : " + CNIL_LABEL + " — " + reference);
    assertThat(mail.text()).contains(
        "L'échéance « " + CNIL_LABEL + " » du " + DUE_TEXT
            + " est passée sans que le travail soit terminé (dépassée de 2 heures).",
        "Vous recevez ce message au titre de l'escalade (Référent cybersécurité, Chefs de projet)",
        "Retard : dépassée de 2 heures\n",
        "Ouvrir la tâche dans Tasklist : " + publicBaseUrl + "/camunda/app/tasklist/default/#/?task=" + task(pi).getId());
    assertThat(messages(pi)).hasSize(3 + escalation.recipients().size());

    // another round changes nothing: each mail once
    deliver();
    assertThat(messages(pi)).hasSize(3 + escalation.recipients().size());
    assertThat(rows(pi)).hasSize(4);
  }

  @Test
  void aTaskOfferedToTheClientRssiGroupRemindsTheRssiOfThatClientOnly() {
    ProcessInstance pi = start(Groups.CLIENT_RSSI_ID);
    at(24);
    steps.runDueJobs(pi);
    deliver();
    assertThat(single(pi).recipients()).containsExactly(TestClients.OIV_RSSI + "@test.example");
    assertThat(MimeParts.of(messages(pi).get(0)).to()).containsExactly(TestClients.OIV_RSSI + "@test.example");
  }

  @Test
  void aReminderWhoseTaskIsDoneIsNotSent() {
    // done before the reminder timer fired: the timer goes with the task, nothing is written (the
    // reminder step runs in the timer's job, so no step can be left waiting for a done task)
    ProcessInstance early = start(TEAM);
    at(24);
    assertThat(job(early, "Event_Reminder")).isNotNull();
    taskService.complete(task(early).getId());
    assertThat(managementService.createJobQuery().processInstanceId(early.getId()).activityId("Event_Reminder")
        .count()).isZero();
    steps.runDueJobs(early);
    assertThat(((RecordingReminders) reminders).calls(early.getId())).isEmpty();
    assertThat(rows(early)).isEmpty();

    // done after the reminder was written, before it was delivered: skipped, not sent
    ClockUtil.setCurrentTime(Date.from(AWARENESS));
    ProcessInstance late = start(TEAM);
    at(24);
    steps.runDueJobs(late);
    assertThat(single(late).status()).isEqualTo(Status.PENDING);
    taskService.complete(task(late).getId());
    deliver();
    OutboxMail row = single(late);
    assertThat(row.status()).isEqualTo(Status.SKIPPED);
    assertThat(row.skipReason()).isEqualTo("Tâche déjà terminée : rappel sans objet");
    assertThat(messages(late)).isEmpty();
  }

  @Test
  void smtpDownThenBackUpDeliversOnce() {
    deliver(); // other tests' mails out of the way
    ProcessInstance pi = start(TEAM);
    inform(pi, "smtp-down", Notice.of("notice", Audience.CLIENT_RSSI)
        .with("title", "Coupure SMTP").with("body", "Ce message attend le retour du serveur."));
    smtp.stop();
    deliver();
    OutboxMail row = single(pi);
    assertThat(row.status()).isEqualTo(Status.PENDING);
    assertThat(row.attempts()).isEqualTo(1);
    assertThat(row.lastError()).isNotBlank();
    assertThat(row.nextAttemptAt()).isEqualTo(AWARENESS.plus(Duration.ofMinutes(1)));

    // not yet due again: nothing is attempted
    sender.sendDue(smtp.mailSender());
    assertThat(single(pi).attempts()).isEqualTo(1);

    smtp.start();
    ClockUtil.setCurrentTime(Date.from(AWARENESS.plus(Duration.ofMinutes(1))));
    deliver();
    ClockUtil.setCurrentTime(Date.from(AWARENESS.plus(Duration.ofHours(1))));
    deliver();
    assertThat(messages(pi)).hasSize(1);
    assertThat(MimeParts.of(messages(pi).get(0)).to()).containsExactly(TestClients.OIV_RSSI + "@test.example");
    row = single(pi);
    assertThat(row.status()).isEqualTo(Status.SENT);
    assertThat(row.attempts()).isEqualTo(2);
    assertThat(row.lastError()).isNull();
  }

  @Test
  void afterTheLastRetryTheFailureShowsInTheLogAndHealthUntilAnAdministratorReArmsIt() {
    deliver();
    ProcessInstance pi = start(TEAM);
    inform(pi, "smtp-gone", Notice.of("notice", Audience.CLIENT_RSSI)
        .with("title", "Panne SMTP durable").with("body", "Dix tentatives, puis l'échec est signalé."));
    smtp.stop();
    Instant t = AWARENESS;
    Duration[] waits = {Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(8)};
    for (int attempt = 1; attempt <= 10; attempt++) {
      sender.sendDue(smtp.mailSender());
      OutboxMail row = single(pi);
      assertThat(row.attempts()).isEqualTo(attempt);
      if (attempt <= waits.length) {
        assertThat(row.nextAttemptAt()).isEqualTo(t.plus(waits[attempt - 1])); // exponential backoff
      }
      t = t.plus(Duration.ofHours(1)); // the longest wait
      ClockUtil.setCurrentTime(Date.from(t));
    }
    assertThat(single(pi).status()).isEqualTo(Status.FAILED);
    assertThat(log.list).filteredOn(e -> e.getLevel() == Level.ERROR)
        .extracting(ILoggingEvent::getFormattedMessage)
        .anyMatch(m -> m.contains("\"Panne SMTP durable — " + pi.getBusinessKey() + "\"") && m.contains("FAILED after 10 attempts"));

    ResponseEntity<Map<String, Object>> health = rest.exchange("/actuator/health", HttpMethod.GET, null, MAP);
    assertThat(health.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(health.getBody()).containsEntry("status", "DOWN");

    smtp.start();
    assertThat(rest.withBasicAuth(REFERENT, TestUsers.PASSWORD)
        .postForEntity("/api/outbox/retry-failed", null, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<Map<String, Object>> rearmed = rest.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
        .exchange("/api/outbox/retry-failed", HttpMethod.POST, null, MAP);
    assertThat(rearmed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat((Integer) rearmed.getBody().get("rearmed")).isPositive();
    deliver();
    assertThat(single(pi).status()).isEqualTo(Status.SENT);
    assertThat(messages(pi)).hasSize(1);
    assertThat(rest.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void aJobRetriedAfterAFailureWritesAndSendsOneMail() {
    InformThenFailOnce.RUNS.set(0);
    String reference = "TST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    ProcessInstance pi = runtimeService.startProcessInstanceByKey(RETRY_PROCESS, reference,
        Map.of("clientId", TestClients.OIV, "reference", reference));
    Job job = managementService.createJobQuery().processInstanceId(pi.getId()).singleResult();
    assertThatThrownBy(() -> managementService.executeJob(job.getId())).hasMessageContaining("transient failure");
    assertThat(rows(pi)).isEmpty(); // rolled back with the step

    managementService.executeJob(job.getId());
    assertThat(rows(pi)).hasSize(1);
    // the same notice asked again (a duplicate call, another node): still one row
    inform(pi, "retried-step", Notice.of("notice", Audience.CLIENT_RSSI).with("title", "Autre").with("body", "Autre"));
    assertThat(rows(pi)).hasSize(1);
    deliver();
    deliver();
    assertThat(messages(pi)).hasSize(1);
    assertThat(MimeParts.of(messages(pi).get(0)).subject()).isEqualTo("Étape rejouée — " + reference);
  }

  @Test
  void withoutSmtpMailsWaitInTheOutboxAndEachIsLoggedOnce() {
    ProcessInstance pi = start(TEAM);
    inform(pi, "no-smtp", Notice.of("notice", Audience.CLIENT_RSSI)
        .with("title", "Sans serveur SMTP").with("body", "Visible dans le journal."));
    for (int round = 0; round < 50 && !outbox.unloggedPendingIds(1).isEmpty(); round++) {
      sender.sendDue(null);
    }
    sender.sendDue(null);
    String subject = "Sans serveur SMTP — " + pi.getBusinessKey();
    assertThat(log.list).filteredOn(e -> e.getLevel() == Level.INFO && e.getFormattedMessage().contains(subject))
        .singleElement()
        .satisfies(e -> assertThat(e.getFormattedMessage())
            .startsWith("No SMTP server configured (spring.mail.host): mail " + single(pi).id() + " kept in the outbox, to "
                + TestClients.OIV_RSSI + "@test.example: \"" + subject + "\""));
    assertThat(single(pi).status()).isEqualTo(Status.PENDING);
    assertThat(single(pi).attempts()).isZero();
    // once a server is there, it goes
    deliver();
    assertThat(messages(pi)).hasSize(1);
  }

  @Test
  void everyNoticeTemplateSaysItsPieceInFrenchToTheClientRssiOfThatClientOnly() {
    byte[] pdf = "%PDF-1.7 checklist".getBytes();
    record Case(String template, String intro, Map<String, Object> extras, List<String> lines) {}
    String fileUrl = "https://cyber.mileo.example/api/security-incidents/INC-2026-0042/file";
    List<Case> cases = List.of(
        new Case("incident-reported",
            "Un incident de sécurité vient d'être signalé. Il doit être qualifié sans attendre.",
            Map.of("severity", "critique", "detectedAt", Date.from(AWARENESS)),
            List.of("Gravité : critique", "Détecté le : lundi 2 mars 2026 à 14 h 30 (heure de Paris)")),
        new Case("lessons-learned-shared",
            "Le dossier de l'incident, qui comprend le rapport de retour d'expérience, est disponible.",
            Map.of("summary", "Mot de passe par défaut changé", "fileUrl", fileUrl),
            List.of("En bref : Mot de passe par défaut changé",
                "Télécharger le dossier d'incident (PDF) : " + fileUrl)),
        new Case("security-bulletin",
            "Un bulletin de sécurité concerne des équipements que nous maintenons pour vous.",
            Map.of("product", "Caméra XNV-8080", "vulnerability", "CVE-2026-1234"),
            List.of("Produit concerné : Caméra XNV-8080", "Vulnérabilité : CVE-2026-1234")),
        new Case("checklist-issued",
            "La checklist de durcissement du système de vidéosurveillance a été établie et signée.",
            Map.of("signedBy", "Thomas Martin"), List.of("Signée par : Thomas Martin", "Pièce jointe : checklist.pdf")),
        new Case("equipment-end-of-support",
            "Un équipement de votre installation arrive en fin de support : il ne recevra plus de correctif de sécurité.",
            Map.of("equipment", "Enregistreur NVR-12"), List.of("Équipement : Enregistreur NVR-12")),
        new Case("breach-client-information",
            "Nous vous informons d'un incident de sécurité susceptible de constituer une violation de données personnelles.",
            Map.of("personalData", "Images de personnes identifiables"),
            List.of("Données concernées : Images de personnes identifiables")),
        new Case("a-template-nobody-wrote", "", Map.of(), List.of()));

    for (Case c : cases) {
      ProcessInstance pi = start(TEAM);
      String reference = pi.getBusinessKey();
      Notice notice = Notice.of(c.template(), Audience.CLIENT_RSSI)
          .with("title", "Titre " + c.template()).with("body", "Première ligne.\nDeuxième ligne.");
      for (Map.Entry<String, Object> extra : c.extras().entrySet()) {
        notice = notice.with(extra.getKey(), extra.getValue());
      }
      if (c.template().equals("checklist-issued")) {
        notice = notice.attach(new Notice.Attachment("checklist.pdf", "application/pdf", pdf));
      }
      inform(pi, "template-" + c.template(), notice);
      deliver();

      assertThat(messages(pi)).as(c.template()).hasSize(1);
      MimeParts mail = MimeParts.of(messages(pi).get(0));
      assertThat(mail.to()).as(c.template()).containsExactly(TestClients.OIV_RSSI + "@test.example");
      // the subject is the notice's own title, with the reference when the title lacks it
      assertThat(mail.subject()).as(c.template()).isEqualTo("Titre " + c.template() + " — " + reference);
      assertThat(mail.text()).as(c.template())
          .startsWith("Bonjour,\n\n")
          .contains(c.intro(), "Titre " + c.template() + "\n\nPremière ligne.\nDeuxième ligne.\n",
              "Référence : " + reference + "\n", "Client : Client OIV\n", "Site : Site Nord\n",
              "Tasklist : " + publicBaseUrl + "/camunda/app/tasklist/default/\n");
      c.lines().forEach(line -> assertThat(mail.text()).as(c.template()).contains(line + "\n"));
      assertThat(mail.html()).as(c.template())
          .contains(c.intro(), ">Première ligne.</p>", ">Client OIV</td>", ">Site Nord</td>", ">" + reference + "</td>");
      c.extras().values().stream().filter(String.class::isInstance)
          .forEach(value -> assertThat(mail.html()).as(c.template()).contains(">" + value + "</td>"));
      assertThat(single(pi).template()).isEqualTo(c.template().startsWith("a-template") ? "notice" : c.template());
      if (c.template().equals("lessons-learned-shared")) {
        // the incident file is linked, never attached (issue 19)
        assertThat(mail.html()).contains("href=\"" + fileUrl + "\"", "Télécharger le dossier d'incident (PDF)");
      }
      if (c.template().equals("checklist-issued")) {
        assertThat(mail.attachments()).containsOnlyKeys("checklist.pdf");
        assertThat(mail.attachments().get("checklist.pdf")).isEqualTo(pdf);
      } else {
        assertThat(mail.attachments()).isEmpty();
      }
    }
  }

  @Test
  void aNoticeToTheReferentAndTheTaskPeople() {
    ProcessInstance pi = start(TEAM);
    inform(pi, "team", Notice.of("incident-reported", Audience.CYBER_REFERENT, Audience.TASK_PEOPLE)
        .with("title", "Caméra compromise").with("body", "Flux détourné."));
    assertThat(single(pi).recipients()).contains(REFERENT + "@test.example", ANNA + "@test.example")
        .doesNotContain(TestClients.OIV_RSSI + "@test.example", MANAGER + "@test.example");
    assertThat(single(pi).unreachable()).contains("Paul Sansadresse (" + NO_ADDRESS + ")");
  }

  @Test
  void theAuditEndpointShowsWhoWasToldWhatToStaffAndToTheRssiOfThatClientOnly() {
    ProcessInstance pi = start(TEAM);
    String reference = pi.getBusinessKey();
    inform(pi, "audit", Notice.of("notice", Audience.CLIENT_RSSI)
        .with("title", "Pour l'audit").with("body", "Qui a été prévenu, et quand."));
    deliver();

    ResponseEntity<List<Map<String, Object>>> staff = rest.withBasicAuth(REFERENT, TestUsers.PASSWORD)
        .exchange("/api/outbox?reference=" + reference, HttpMethod.GET, null, LIST);
    assertThat(staff.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(staff.getBody()).singleElement().satisfies(entry -> {
      assertThat(entry).containsEntry("kind", "notice")
          .containsEntry("status", "sent")
          .containsEntry("reference", reference)
          .containsEntry("clientId", TestClients.OIV)
          .containsEntry("subject", "Pour l'audit — " + reference)
          .containsEntry("recipients", List.of(TestClients.OIV_RSSI + "@test.example"))
          .containsEntry("sentAt", "2026-03-02T13:30:00Z")
          .containsEntry("attempts", 1);
      assertThat((String) entry.get("bodyText")).contains("Qui a été prévenu, et quand.");
    });

    ResponseEntity<List<Map<String, Object>>> ownRssi = rest.withBasicAuth(TestClients.OIV_RSSI, TestUsers.PASSWORD)
        .exchange("/api/outbox?reference=" + reference, HttpMethod.GET, null, LIST);
    assertThat(ownRssi.getBody()).hasSize(1);
    ResponseEntity<List<Map<String, Object>>> otherRssi = rest.withBasicAuth(TestClients.PLAIN_RSSI, TestUsers.PASSWORD)
        .exchange("/api/outbox?reference=" + reference, HttpMethod.GET, null, LIST);
    assertThat(otherRssi.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(otherRssi.getBody()).isEmpty();

    assertThat(rest.withBasicAuth(INTEGRATION, TestUsers.PASSWORD)
        .getForEntity("/api/outbox?reference=" + reference, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.getForEntity("/api/outbox?reference=" + reference, String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);

    ResponseEntity<Map<String, Object>> missing = rest.withBasicAuth(REFERENT, TestUsers.PASSWORD)
        .exchange("/api/outbox", HttpMethod.GET, null, MAP);
    assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(missing.getBody()).containsEntry("message", "Requête invalide")
        .containsEntry("errors", List.of(Map.of("field", "reference",
            "message", "obligatoire (ex. INC-2026-0001), ou bien status")));
    ResponseEntity<Map<String, Object>> badStatus = rest.withBasicAuth(REFERENT, TestUsers.PASSWORD)
        .exchange("/api/outbox?status=perdu", HttpMethod.GET, null, MAP);
    assertThat(badStatus.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badStatus.getBody()).containsEntry("errors", List.of(Map.of("field", "status",
        "message", "valeur inconnue « perdu » ; valeurs admises : pending, sent, failed, skipped")));
  }

  // --- helpers ---------------------------------------------------------------------------------

  private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};
  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};

  private ProcessInstance start(String candidateGroup) {
    String reference = "TST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    return runtimeService.startProcessInstanceByKey(PROCESS, reference, Map.of(
        "awarenessAt", Date.from(AWARENESS),
        "clientId", TestClients.OIV,
        "siteId", "site-nord",
        "reference", reference,
        "candidateGroup", candidateGroup));
  }

  /** Calls the mechanism as a process step does: in a command, on the instance's execution. */
  private void inform(ProcessInstance pi, String key, Notice notice) {
    ((ProcessEngineImpl) processEngine).getProcessEngineConfiguration().getCommandExecutorTxRequired()
        .execute(context -> {
          ExecutionEntity execution = context.getExecutionManager().findExecutionById(pi.getId());
          reminders.inform(execution, key, notice);
          return null;
        });
  }

  /** Delivery rounds until nothing is due (other tests' mails may be in the queue too). */
  private void deliver() {
    for (int round = 0; round < 50 && !outbox.dueIds(now(), 1).isEmpty(); round++) {
      sender.sendDue(smtp.mailSender());
    }
  }

  private List<OutboxMail> rows(ProcessInstance pi) {
    return outbox.findByProcessInstance(pi.getId());
  }

  private OutboxMail single(ProcessInstance pi) {
    List<OutboxMail> rows = rows(pi);
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }

  private List<MimeMessage> messages(ProcessInstance pi) {
    return smtp.receivedFor(rows(pi).stream().map(OutboxMail::id).toList());
  }

  private Task task(ProcessInstance pi) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
  }

  private Job job(ProcessInstance pi, String activityId) {
    return managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
  }

  private void ensureTeam() {
    if (identityService.createGroupQuery().groupId(TEAM).count() == 0) {
      Group group = identityService.newGroup(TEAM);
      group.setName("Équipe de test du courrier");
      group.setType("WORKFLOW");
      identityService.saveGroup(group);
      identityService.createTenantGroupMembership(TestClients.OIV, TEAM);
    }
    ensureUser(ANNA, "Anna", "Martin", ANNA + "@test.example");
    ensureUser(NO_ADDRESS, "Paul", "Sansadresse", null);
  }

  private void ensureUser(String id, String first, String last, String email) {
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User user = identityService.newUser(id);
      user.setFirstName(first);
      user.setLastName(last);
      user.setEmail(email);
      user.setPassword(TestUsers.PASSWORD);
      identityService.saveUser(user);
      identityService.createMembership(id, TEAM);
    }
  }

  private static void at(int hoursAfterAwareness) {
    ClockUtil.setCurrentTime(Date.from(hours(hoursAfterAwareness)));
  }

  private static Instant hours(int hoursAfterAwareness) {
    return AWARENESS.plus(Duration.ofHours(hoursAfterAwareness));
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  private static Logger logger(Class<?> type) {
    return (Logger) LoggerFactory.getLogger(type);
  }

  private static BpmnModelInstance retryProcess() {
    return Bpmn.createExecutableProcess(RETRY_PROCESS)
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .serviceTask("Task_InformThenFail").camundaAsyncBefore().camundaClass(InformThenFailOnce.class.getName())
        .userTask("Task_Wait").camundaCandidateGroups(TEAM)
        .endEvent()
        .done();
  }
}
