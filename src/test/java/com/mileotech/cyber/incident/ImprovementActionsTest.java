package com.mileotech.cyber.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestClients;
import com.mileotech.cyber.TestUsers;
import com.mileotech.cyber.improvement.ImprovementAction;
import com.mileotech.cyber.improvement.ImprovementActions;
import com.mileotech.cyber.incident.IncidentForms.Action;
import com.mileotech.cyber.reminder.mail.Outbox;
import com.mileotech.cyber.reminder.mail.OutboxMail;
import com.mileotech.cyber.reminder.mail.OutboxMail.Kind;
import com.mileotech.cyber.reminder.mail.OutboxSender;
import com.mileotech.cyber.reminder.mail.TestSmtp;
import com.mileotech.cyber.security.Groups;
import com.mileotech.cyber.system.Refusal;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Improvement actions followed to their end (issue 19): the lessons-learned report plans them
 * (owner of Mileo's staff, due day after today, checked at submission), its approval starts one
 * improvement-action each, reminded before its due date and escalated after (real mails through
 * the outbox and GreenMail), closed only with the evidence of its effect by its owner, who and
 * when recorded as facts no submission writes; the API and the dashboard show them to whoever may
 * see the incident, and nothing to another client's RSSI.
 */
@IntegrationTest
class ImprovementActionsTest extends IncidentScenario {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TASK = "Task_CarryOutImprovementAction";
  private static final String OTHER_TECH = "tech.improvement.other";
  /** Due at the end of Monday 16 March 2026 in Paris (UTC+1). */
  private static final Instant FIRST_DUE = Instant.parse("2026-03-16T23:00:00Z");
  /** Due at the end of Tuesday 31 March 2026 in Paris (summer time, UTC+2). */
  private static final Instant SECOND_DUE = Instant.parse("2026-03-31T22:00:00Z");

  private static TestSmtp smtp;

  @Autowired ImprovementActions improvementActions;
  @Autowired Outbox outbox;
  @Autowired OutboxSender sender;
  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startSmtp() {
    smtp = new TestSmtp();
  }

  @AfterAll
  static void stopSmtp() {
    smtp.close();
  }

  @Test
  void eachActionIsGivenToItsOwnerRemindedEscalatedAndClosedWithTheEvidenceOfItsEffect() throws Exception {
    TestUsers.ensure(identityService, OTHER_TECH, Groups.TECHNICIANS);
    ProcessInstance pi = closedIncidentReadyForItsLessons();
    String reference = pi.getBusinessKey();

    // the form offers Mileo's staff as owners, by name and role
    assertThat(String.valueOf(variable(pi, "improvementOwnerOptions")))
        .contains("\"value\":\"" + TECH + "\"").contains("(Techniciens)").doesNotContain(TestClients.OIV_RSSI);

    // bad rows are refused naming the row and the field, and nothing is recorded
    assertThatThrownBy(() -> writeLessons(pi, new Action("Changer les mots de passe", "inconnu.personne", "16/03/2026")))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("action d'amélioration n° 1, responsable : « inconnu.personne » n'est pas un membre "
            + "de l'équipe Mileo");
    assertThatThrownBy(() -> writeLessons(pi, new Action("Changer les mots de passe", TestClients.OIV_RSSI, "16/03/2026")))
        .isInstanceOf(Refusal.class).hasMessageContaining("action d'amélioration n° 1, responsable");
    assertThatThrownBy(() -> writeLessons(pi, new Action("A", TECH, "16/03/2026"), new Action("B", REFERENT, "02/03/2026")))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("action d'amélioration n° 2, échéance : le 2 mars 2026 n'est pas après aujourd'hui");
    assertThatThrownBy(() -> writeLessons(pi, new Action("A", TECH, "31/02/2026")))
        .isInstanceOf(Refusal.class).hasMessageContaining("action d'amélioration n° 1, échéance : cette date n'existe pas");
    assertThatThrownBy(() -> writeLessons(pi, new Action("A", null, null)))
        .isInstanceOf(Refusal.class).hasMessageContaining("action d'amélioration n° 1, responsable : choisissez")
        .hasMessageContaining("action d'amélioration n° 1, échéance : indiquez");
    assertThat(variable(pi, "improvementActions")).isNull();
    assertThat(active(pi, "Task_WriteLessonsLearned")).isTrue();

    writeLessons(pi, new Action("Changer les mots de passe par défaut de tous les NVR", TECH, "16/03/2026"),
        new Action("Former l'équipe d'exploitation aux comptes à privilèges", REFERENT, " 31/03/2026 "));
    assertThat(improvementActions.forIncident(reference)).isEmpty(); // not before the approval
    approveLessonsLearned(pi);
    runDueJobs(pi); // « Lancer les actions d'amélioration »
    assertThat(pi).hasPassed("Task_StartImprovementActions");

    List<ImprovementAction> actions = improvementActions.forIncident(reference);
    assertThat(actions).extracting(ImprovementAction::position, ImprovementAction::owner, ImprovementAction::dueAt,
            ImprovementAction::status)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, TECH, FIRST_DUE, ImprovementAction.Status.OPEN),
            org.assertj.core.groups.Tuple.tuple(2, REFERENT, SECOND_DUE, ImprovementAction.Status.OPEN));
    assertThat(actions.get(0).clientId()).isEqualTo(TestClients.OIV);
    assertThat(actions.get(0).ownerName()).isNotBlank();
    // the lessons-learned report is part of the incident file (PDF)
    byte[] file = jdbc.sql("select pdf from incident_file where reference = ? order by file_version desc")
        .param(reference).query((rs, n) -> rs.getBytes(1)).list().get(0);
    try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(file)) {
      assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " "))
          .contains("Actions d'amélioration Action Responsable Échéance État, effet constaté")
          .contains("Changer les mots de passe par défaut de tous les NVR " + actions.get(0).ownerName()
              + " 16 mars 2026 Ouverte");
    }

    ProcessInstance first = action(reference, TECH);
    assertThat(first.getTenantId()).isEqualTo(TestClients.OIV);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("improvement-action")
        .processInstanceBusinessKey(reference).count()).isEqualTo(2);
    Task task = steps.task(first.getId(), TASK);
    assertThat(task.getAssignee()).isEqualTo(TECH);
    assertThat(task.getDueDate()).isEqualTo(Date.from(FIRST_DUE));
    assertThat(task.getName()).startsWith("Clore l'action d'amélioration");
    assertThat(taskService.getIdentityLinksForTask(task.getId()))
        .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo(Groups.CYBER_REFERENT_ID));

    // the API and the dashboard: staff and the client's RSSI see them; another client's RSSI nothing
    JsonNode listed = JSON.readTree(get(TestClients.OIV_RSSI, "/api/security-incidents/" + reference
        + "/improvement-actions").body());
    assertThat(listed).hasSize(2);
    assertThat(listed.get(0).path("status").asText()).isEqualTo("ouverte");
    assertThat(listed.get(0).path("dueAt").asText()).isEqualTo(FIRST_DUE.toString());
    assertThat(get(TestClients.PLAIN_RSSI, "/api/security-incidents/" + reference + "/improvement-actions").statusCode())
        .isEqualTo(404);
    assertThat(get(TestClients.PLAIN_RSSI, "/api/security-incidents/INC-1999-9999/improvement-actions").statusCode())
        .isEqualTo(404);
    assertThat(dashboardItems(REFERENT, reference)).extracting(i -> i.path("position").asInt()).containsExactly(1, 2);
    assertThat(dashboardItems(TestClients.OIV_RSSI, reference)).hasSize(2);
    assertThat(dashboardItems(TestClients.PLAIN_RSSI, reference)).isEmpty();
    assertThat(dashboard(TestClients.PLAIN_RSSI).path("improvementActions").path("byClient").toString())
        .doesNotContain(TestClients.OIV);
    assertThat(dashboard(REFERENT).path("improvementActions").path("byClient").toString()).contains(TestClients.OIV);
    assertThat(get(REFERENT, "/api/dashboard/export.csv").body())
        .contains("Actions d'amélioration ouvertes;Action ouverte;" + reference + " — Client OIV — Changer les mots de passe");

    // a week before the due date: a reminder to the owner, a real mail
    now(Instant.parse("2026-03-10T08:00:00Z"));
    steps.runDueJobs(first.getId());
    deliver();
    OutboxMail reminder = mails(first, Kind.REMINDER).get(0);
    assertThat(reminder.recipients()).containsExactly(TECH + "@test.example");
    assertThat(reminder.deadlineName()).isEqualTo("improvementAction");
    assertThat(reminder.dueAt()).isEqualTo(FIRST_DUE);
    MimeMessage received = smtp.receivedFor(List.of(reminder.id())).get(0);
    assertThat(received.getSubject()).startsWith("Rappel : Action d'amélioration issue du retour d'expérience — " + reference);
    assertThat(addresses(received)).containsExactly(TECH + "@test.example");

    // the due date passed: escalated to the referent and the project managers, the owner still on it
    now(Instant.parse("2026-03-17T08:00:00Z"));
    steps.runDueJobs(first.getId());
    deliver();
    OutboxMail escalation = mails(first, Kind.ESCALATION).get(0);
    assertThat(escalation.recipients()).contains(TECH + "@test.example", REFERENT + "@test.example",
        MANAGER + "@test.example");
    assertThat(smtp.inbox(REFERENT + "@test.example", List.of(escalation.id()))).hasSize(1);
    assertThat(dashboardItems(REFERENT, reference).get(0).path("overdue").asBoolean()).isTrue();

    // closing needs the evidence of its effect, from its owner or the referent
    assertThatThrownBy(() -> steps.submit(first.getId(), TASK, person(TECH, Groups.TECHNICIANS),
        IncidentForms.improvementActionClosed("Mots de passe changés sur les 12 NVR", " ", null)))
        .isInstanceOf(Refusal.class)
        .hasMessageStartingWith("Clôture refusée : vérification de l'effet : indiquez comment l'effet de l'action "
            + "a été vérifié");
    assertThatThrownBy(() -> steps.submit(first.getId(), TASK, person(OTHER_TECH, Groups.TECHNICIANS),
        IncidentForms.improvementActionClosed("Fait", "Vérifié", null)))
        .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class); // not their task
    assertThatThrownBy(() -> steps.submit(first.getId(), TASK, person(TestUsers.ADMIN, Groups.ADMINISTRATORS),
        IncidentForms.improvementActionClosed("Fait", "Vérifié", null)))
        .isInstanceOf(Refusal.class)
        .hasMessage("Clôture refusée : seul le responsable de l'action ou le référent cybersécurité peut la clore.");
    assertThat(improvementActions.forIncident(reference).get(0).status()).isEqualTo(ImprovementAction.Status.OPEN);

    // who and when are facts: no submission or variable endpoint writes them
    Task open = steps.task(first.getId(), TASK);
    HttpResponse<String> forged = post(TECH, "/engine-rest/task/" + open.getId() + "/submit-form", Map.of("variables",
        Map.of("improvementActionDone", Map.of("value", "Fait"), "improvementEffectCheck", Map.of("value", "Vérifié"),
            "improvementActionClosedBy", Map.of("value", REFERENT))));
    assertThat(forged.statusCode()).isEqualTo(400);
    assertThat(forged.body()).contains("improvementActionClosedBy");
    assertThat(call(TestUsers.ADMIN, "PUT", "/engine-rest/process-instance/" + first.getId() + "/variables/improvementActionClosedAt",
        Map.of("value", "2026-03-01T00:00:00.000+0100", "type", "Date")).statusCode()).isEqualTo(400);
    assertThat(runtimeService.getVariable(first.getId(), "improvementActionClosedBy")).isNull();
    assertThat(steps.findTask(first.getId(), TASK)).isNotNull();

    Instant closedAt = Instant.parse("2026-03-18T10:15:00Z");
    now(closedAt);
    steps.submit(first.getId(), TASK, person(TECH, Groups.TECHNICIANS), IncidentForms.improvementActionClosed(
        "Mots de passe par défaut changés sur les 12 NVR du client",
        "Connexion avec le mot de passe constructeur refusée sur chaque NVR le 18/03", "Preuve n° 4"));
    assertThat(first).isEnded();
    ImprovementAction closed = improvementActions.forIncident(reference).get(0);
    assertThat(closed.status()).isEqualTo(ImprovementAction.Status.CLOSED);
    assertThat(closed.closedBy()).isEqualTo(TECH);
    assertThat(closed.closedAt()).isEqualTo(closedAt);
    assertThat(closed.whatWasDone()).isEqualTo("Mots de passe par défaut changés sur les 12 NVR du client");
    assertThat(closed.effectCheck()).startsWith("Connexion avec le mot de passe constructeur refusée");
    assertThat(closed.evidenceReference()).isEqualTo("Preuve n° 4");
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(first.getId())
        .variableName("improvementActionClosedBy").singleResult().getValue()).isEqualTo(TECH);
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(first.getId())
        .variableName("improvementActionMet").singleResult().getValue()).isEqualTo(false);

    // closed: off the dashboard; the other one stays
    assertThat(dashboardItems(REFERENT, reference)).extracting(i -> i.path("position").asInt()).containsExactly(2);
    JsonNode after = JSON.readTree(get(REFERENT, "/api/security-incidents/" + reference + "/improvement-actions").body());
    assertThat(after.get(0).path("status").asText()).isEqualTo("close");
    assertThat(after.get(0).path("closedBy").asText()).isEqualTo(TECH);
  }

  @Test
  void aReportWithoutActionsStartsNone() {
    ProcessInstance pi = closedIncidentReadyForItsLessons();
    submit(pi, "Task_WriteLessonsLearned", REFERENT, Groups.CYBER_REFERENT, IncidentForms.lessonsLearned());
    approveLessonsLearned(pi);
    runDueJobs(pi);
    assertThat(pi).hasPassed("Task_StartImprovementActions");
    assertThat(improvementActions.forIncident(pi.getBusinessKey())).isEmpty();
    assertThat(String.valueOf(variable(pi, "improvementActionsLabel"))).isEqualTo("Aucune action d'amélioration planifiée.");
  }

  // ------------------------------------------------------------------ helpers

  private ProcessInstance closedIncidentReadyForItsLessons() {
    ProcessInstance pi = reportOiv();
    qualify(pi, "significatif", false);
    respondUntilClosure(pi, TestClients.OIV_RSSI);
    runDueJobs(pi); // the chronology and the owners offered
    return pi;
  }

  private void writeLessons(ProcessInstance pi, Action... actions) {
    submit(pi, "Task_WriteLessonsLearned", REFERENT, Groups.CYBER_REFERENT, IncidentForms.lessonsLearned(actions));
  }

  private ProcessInstance action(String reference, String owner) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("improvement-action")
        .processInstanceBusinessKey(reference).variableValueEquals("improvementActionOwner", owner).singleResult();
  }

  private List<OutboxMail> mails(ProcessInstance pi, Kind kind) {
    List<OutboxMail> found = new ArrayList<>(outbox.findByProcessInstance(pi.getId()).stream()
        .filter(m -> m.kind() == kind).toList());
    assertThat(found).as(kind + " mails of " + pi.getId()).isNotEmpty();
    return found;
  }

  private void deliver() {
    for (int round = 0; round < 10; round++) { // a round sends one batch of the mails due now (others' too)
      sender.sendDue(smtp.mailSender());
    }
  }

  private static List<String> addresses(MimeMessage message) throws Exception {
    List<String> list = new ArrayList<>();
    for (Address address : message.getAllRecipients()) {
      list.add(address.toString());
    }
    return list;
  }

  private List<JsonNode> dashboardItems(String user, String reference) throws Exception {
    List<JsonNode> items = new ArrayList<>();
    dashboard(user).path("improvementActions").path("items").forEach(i -> {
      if (reference.equals(i.path("reference").asText())) {
        items.add(i);
      }
    });
    return items;
  }

  private JsonNode dashboard(String user) throws Exception {
    HttpResponse<String> response = get(user, "/api/dashboard");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private HttpResponse<String> get(String user, String path) throws Exception {
    return call(user, "GET", path, null);
  }

  private HttpResponse<String> post(String user, String path, Object body) throws Exception {
    return call(user, "POST", path, body);
  }

  private HttpResponse<String> call(String user, String method, String path, Object body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + (TestUsers.ADMIN.equals(user) ? TestUsers.ADMIN_PASSWORD : TestUsers.PASSWORD))
                .getBytes(StandardCharsets.UTF_8)));
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
