package com.mileotech.cyber.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestClients;
import com.mileotech.cyber.TestUsers;
import com.mileotech.cyber.WebappSession;
import com.mileotech.cyber.security.Groups;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The legal record cannot be falsified by what a submission sends (issue 14): every case found by
 * hand, replayed over HTTP against the running application, through /engine-rest and through the
 * webapps' API that Tasklist calls.
 */
@IntegrationTest
class LegalRecordHttpTest extends IncidentScenario {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ADMIN = TestUsers.ADMIN;

  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newHttpClient();

  // ------------------------------------------------------------------ the cases found by hand

  @Test
  void aLateCnilFilingCannotMoveItsOwnDeadlineAndItsRefusalIsAFrench400OnBothApis() throws Exception {
    ProcessInstance cnil = cnilAwaitingFiling();
    Date due = (Date) runtimeService.getVariable(cnil.getId(), "cnilDueAt");
    now(due.toInstant().plus(Duration.ofHours(8)));
    Task filing = task(report(cnil), "Task_FileReport");
    Map<String, Object> late = new LinkedHashMap<>(Map.of("cnilDecision", "deposee",
        "cnilSubmittedAt", paris(now().minusSeconds(60)), "cnilReceiptReference", "CNIL-2026-0100"));

    Map<String, Object> falsified = new LinkedHashMap<>(late);
    falsified.put("cnilDueAt", "2099-01-01T00:00:00.000+0000");
    HttpResponse<String> refused = post(TestClients.OIV_RSSI, "/engine-rest/task/" + filing.getId() + "/submit-form",
        Map.of("variables", typed(falsified, Map.of("cnilDueAt", "Date"))));
    assertRefused(refused, "cnilDueAt");
    assertThat(runtimeService.getVariable(cnil.getId(), "cnilDueAt")).isEqualTo(due);
    assertThat(runtimeService.getVariable(report(cnil).getId(), "cnilDueAt")).isEqualTo(due);
    assertThat(task(report(cnil), "Task_FileReport").getId()).isEqualTo(filing.getId());

    // without the extra variable: the procedure's own refusal, in French, without the engine's prefix
    HttpResponse<String> noReasons = post(TestClients.OIV_RSSI, "/engine-rest/task/" + filing.getId() + "/submit-form",
        Map.of("variables", typed(late, Map.of())));
    assertThat(noReasons.statusCode()).isEqualTo(400);
    assertThat(message(noReasons)).startsWith("Dépôt de la notification CNIL impossible : ").contains("motifs du retard");
    WebappSession tasklist = WebappSession.login(port, "tasklist", TestClients.OIV_RSSI, TestUsers.PASSWORD);
    HttpResponse<String> inTasklist = tasklist.post(WebappSession.ENGINE_API + "/task/" + filing.getId() + "/submit-form",
        Map.of("variables", typed(late, Map.of())));
    assertThat(inTasklist.statusCode()).isEqualTo(400);
    assertThat(message(inTasklist)).isEqualTo(message(noReasons)).doesNotContain("Cannot", filing.getId());
    HttpResponse<String> viaComplete = post(TestClients.OIV_RSSI, "/engine-rest/task/" + filing.getId() + "/complete",
        Map.of("variables", typed(late, Map.of())));
    assertThat(viaComplete.statusCode()).isEqualTo(400);
    assertThat(message(viaComplete)).isEqualTo(message(noReasons));
    assertThat(task(report(cnil), "Task_FileReport").getId()).isEqualTo(filing.getId());
  }

  @Test
  void anAnssiFilingCannotEraseWhichDeadlineItAnswers() throws Exception {
    ProcessInstance anssi = notificationOf(qualifiedOiv(false), "ANSSI");
    informClient(anssi);
    submit(report(anssi), "Task_DraftReport", REFERENT, Groups.CYBER_REFERENT, Map.of(
        "oivSummary", "Intrusion sur le VMS du site Nord", "oivAffectedSystems", "Vidéoprotection du site Nord",
        "oivImpact", "Supervision interrompue 2 h"));
    Task filing = task(report(anssi), "Task_FileReport");
    now(now().plus(Duration.ofHours(30)));
    // which deadline a report answers is a parameter of its call (regulatory-report's reportDeadline)
    Map<String, Object> late = new LinkedHashMap<>(Map.of("anssiSubmittedAt", paris(now().minusSeconds(60)),
        "anssiReceiptReference", "ANSSI-OIV-9", "reportDeadline", ""));
    HttpResponse<String> refused = post(TestClients.OIV_RSSI, "/engine-rest/task/" + filing.getId() + "/submit-form",
        Map.of("variables", typed(late, Map.of())));
    assertRefused(refused, "reportDeadline");
    assertThat(runtimeService.getVariable(filing.getExecutionId(), "reportDeadline")).isEqualTo("oivDeclaration");
  }

  @Test
  void aProjectManagerCannotRecordTheClientsAgreementAsTheClient() throws Exception {
    ProcessInstance pi = qualifiedOiv(false);
    captureEvidence(pi);
    contain(pi);
    eradicate(pi);
    verifyIntegrity(pi, true, null);
    Task proposal = task(pi, "Task_ProposeRecoveryDate");
    TestUsers.ensure(identityService, MANAGER, Groups.PROJECT_MANAGERS);
    Map<String, Object> asTheClient = new LinkedHashMap<>(Map.of("recoveryDecision", "accepter-date-client",
        "recoveryClientProposedBy", TestClients.OIV_RSSI, "recoveryClientProposalAt", paris(now().plusSeconds(86_400)),
        "recoveryDateInput", paris(now().plusSeconds(86_400))));
    HttpResponse<String> refused = post(MANAGER, "/engine-rest/task/" + proposal.getId() + "/complete",
        Map.of("variables", typed(asTheClient, Map.of())));
    assertRefused(refused, "recoveryClientProposedBy", "recoveryClientProposalAt");
    assertThat(variable(pi, "recoveryDateAgreed")).isNull();
    assertThat(variable(pi, "recoveryAgreedBy")).isNull();
    assertThat(task(pi, "Task_ProposeRecoveryDate").getId()).isEqualTo(proposal.getId());
  }

  /**
   * The project manager may record that the client agreed only with the evidence the client gave,
   * as an agreement collected by them; the process then goes on without "Valider la date de remise
   * en service". Accepting a "client's date" the client never proposed is refused.
   */
  @Test
  void aProjectManagerRecordsTheClientsAgreementOnlyWithItsEvidenceAndAsCollectedByThem() throws Exception {
    ProcessInstance pi = qualifiedOiv(false);
    captureEvidence(pi);
    contain(pi);
    eradicate(pi);
    verifyIntegrity(pi, true, null);
    TestUsers.ensure(identityService, MANAGER, Groups.PROJECT_MANAGERS);
    now(now().plus(Duration.ofHours(3))); // the client answered the project manager's mail an hour ago
    Task proposal = task(pi, "Task_ProposeRecoveryDate");
    String path = "/engine-rest/task/" + proposal.getId() + "/submit-form";

    HttpResponse<String> noClientDate = post(MANAGER, path, Map.of("variables", typed(Map.of(
        "recoveryDecision", "accepter-date-client"), Map.of())));
    assertThat(noClientDate.statusCode()).isEqualTo(400);
    assertThat(message(noClientDate)).isEqualTo("Proposition refusée : le client n'a proposé aucune date : proposez-en une.");

    Map<String, Object> agreement = new LinkedHashMap<>(Map.of("recoveryDecision", "accord-client-recueilli",
        "recoveryDateInput", paris(now().plus(Duration.ofDays(1))), "recoveryAgreementChannelInput", "courriel",
        "recoveryAgreementGivenAtInput", paris(now().minus(Duration.ofHours(1)))));
    HttpResponse<String> noEvidence = post(MANAGER, path, Map.of("variables", typed(agreement, Map.of())));
    assertThat(noEvidence.statusCode()).isEqualTo(400);
    assertThat(message(noEvidence)).startsWith("Proposition refusée : indiquez la preuve de l'accord du client");
    assertThat(variable(pi, "recoveryDateAgreed")).isNull();

    agreement.put("recoveryAgreementEvidenceInput", "Courriel de M. Durand (RSSI) du 2 mars à 8 h 02, objet « Remise en service NVR »");
    HttpResponse<String> asAdministrator = post(ADMIN, path, Map.of("variables", typed(agreement, Map.of())));
    assertThat(asAdministrator.statusCode()).isEqualTo(400);
    assertThat(message(asAdministrator)).startsWith("Proposition refusée : seul un chef de projet peut");
    assertThat(post(MANAGER, path, Map.of("variables", typed(agreement, Map.of()))).statusCode()).isEqualTo(204);

    assertThat(variable(pi, "recoveryDateAgreed")).isEqualTo(true);
    assertThat(variable(pi, "recoveryAgreedBy")).isNull(); // never the client: the client did not answer in Tasklist
    assertThat(variable(pi, "recoveryAgreementKind")).isEqualTo("accord-recueilli-par-le-chef-de-projet");
    assertThat(variable(pi, "recoveryAgreementCollectedBy")).isEqualTo(MANAGER);
    assertThat(variable(pi, "recoveryAgreementChannel")).isEqualTo("courriel");
    assertThat(variable(pi, "recoveryAgreementGivenAt")).isEqualTo(Date.from(now().minus(Duration.ofHours(1))));
    assertThat((String) variable(pi, "recoveryAgreementSummary")).startsWith("Accord du client donné par courriel le ")
        .contains("recueilli par Prénom Nom le ").doesNotContain(MANAGER).endsWith("objet « Remise en service NVR »");
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("Task_AgreeRecoveryDate").count()).isZero();
    assertThat(active(pi, "Task_ReturnToService")).isTrue();
  }

  /**
   * Issue 14: Mileo knew of the incident 80 hours before it told the client. Over HTTP: the referent
   * tells the client, the client's RSSI files with the CNIL 100 hours after Mileo knew; the register
   * says the CNIL was due 72 h after Mileo's awareness, lawfully 72 h after the client was told, and
   * that the filing is "hors délai interne, dans le délai légal"; Mileo's own delay is recorded.
   */
  @Test
  void eightyHoursBeforeTheClientWasToldTheRegisterTellsBothDeadlinesApart() throws Exception {
    ProcessInstance pi = reportOiv();
    Instant mileoKnew = now();
    now(mileoKnew.plus(Duration.ofHours(80)));
    runDueJobs(pi);
    Map<String, Object> form = qualification("critique", true, (String) variable(pi, SecurityIncidentVariables.SITE_IDS.name()));
    form.put("awarenessChoice", "autre");
    form.put("awarenessInput", paris(mileoKnew));
    submit(pi, "Task_QualifyIncident", REFERENT, Groups.CYBER_REFERENT, form);
    runDueJobs(pi);
    ProcessInstance cnil = notificationOf(pi, "CNIL");
    runDueJobs(cnil); // told 76 hours late already: escalated at once

    Task inform = task(cnil, "Task_InformClient");
    assertThat(inform.getDueDate()).isEqualTo(Date.from(mileoKnew.plus(Duration.ofHours(4))));
    assertThat(post(REFERENT, "/engine-rest/task/" + inform.getId() + "/submit-form", Map.of("variables",
        typed(Map.of("clientInformationChannel", "courriel-application"), Map.of()))).statusCode()).isEqualTo(204);
    runDueJobs(cnil);
    Map<String, Object> draft = new HashMap<>(Map.of("breachNature", "Accès aux enregistrements", "personsCategories",
        "salariés", "personsCount", 40, "recordsCategories", "vidéos", "recordsCount", 300, "dpoContact", "dpo@client.example",
        "likelyConsequences", "Atteinte à la vie privée", "measuresTaken", "Comptes révoqués"));
    draft.put("riskToPersons", "risque");
    submit(report(cnil), "Task_DraftReport", REFERENT, Groups.CYBER_REFERENT, draft);

    now(mileoKnew.plus(Duration.ofHours(100)));
    Task filing = task(report(cnil), "Task_FileReport");
    Map<String, Object> filed = new LinkedHashMap<>(Map.of("cnilDecision", "deposee",
        "cnilSubmittedAt", paris(now()), "cnilReceiptReference", "CNIL-2026-0800"));
    HttpResponse<String> noReasons = post(TestClients.OIV_RSSI, "/engine-rest/task/" + filing.getId() + "/submit-form",
        Map.of("variables", typed(filed, Map.of())));
    assertThat(noReasons.statusCode()).isEqualTo(400);
    assertThat(message(noReasons)).contains("postérieur à l'échéance interne").contains("bien que dans le délai légal");
    filed.put("cnilDelayReasons", "Incident découvert en intervention, remonté au référent 80 heures plus tard");
    assertThat(post(TestClients.OIV_RSSI, "/engine-rest/task/" + filing.getId() + "/submit-form",
        Map.of("variables", typed(filed, Map.of()))).statusCode()).isEqualTo(204);

    HttpResponse<String> register = call(TestClients.OIV_RSSI, "GET",
        "/api/security-incidents/" + pi.getBusinessKey() + "/notifications", null);
    assertThat(register.statusCode()).isEqualTo(200);
    JsonNode record = null;
    for (JsonNode notification : JSON.readTree(register.body())) {
      if ("CNIL".equals(notification.path("authority").asText())) {
        record = notification;
      }
    }
    assertThat(record).isNotNull();
    Instant told = mileoKnew.plus(Duration.ofHours(80));
    assertThat(Instant.parse(record.path("mileoAwarenessAt").asText())).isEqualTo(mileoKnew.truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
    assertThat(Instant.parse(record.path("clientAwarenessAt").asText())).isEqualTo(told);
    assertThat(Instant.parse(record.path("clientInformationDueAt").asText()))
        .isEqualTo(mileoKnew.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).plus(Duration.ofHours(4)));
    assertThat(record.path("clientInformedOnTime").asBoolean(true)).isFalse();
    assertThat(record.path("clientInformationVerdict").asText()).isEqualTo("hors délai");
    JsonNode report = record.path("reports").get(0);
    Instant mileoMinute = mileoKnew.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    assertThat(Instant.parse(report.path("dueAt").asText())).isEqualTo(mileoMinute.plus(Duration.ofHours(72)));
    assertThat(Instant.parse(report.path("legalDueAt").asText())).isEqualTo(told.plus(Duration.ofHours(72)));
    assertThat(report.path("onTime").asBoolean(true)).isFalse();
    assertThat(report.path("legallyOnTime").asBoolean(false)).isTrue();
    assertThat(report.path("verdict").asText()).isEqualTo("hors délai interne, dans le délai légal");
    assertThat(report.path("submittedBy").asText()).isEqualTo(TestClients.OIV_RSSI);
  }

  @Test
  void aTechnicianContainingTheIncidentCannotRewriteItsQualificationNorMoveItToAnotherClient() throws Exception {
    ProcessInstance pi = qualifiedOiv(true);
    captureEvidence(pi);
    Task containment = task(pi, "Task_ContainIncident");
    Map<String, Object> before = snapshot(pi);
    Map<String, Object> rewrite = new LinkedHashMap<>(Map.of("action_CAPTURE_STATE", "realisee",
        "severity", "mineur", "personalDataInvolved", false, "awarenessAt", "2020-01-01T00:00:00.000+0000",
        "qualifiedBy", "quelqu.un", "clientId", TestClients.PLAIN, "playbookVersion", "v0",
        "playbookContainmentActions", "CAPTURE_STATE"));
    HttpResponse<String> refused = post(TECH, "/engine-rest/task/" + containment.getId() + "/complete",
        Map.of("variables", typed(rewrite, Map.of("awarenessAt", "Date"))));
    assertRefused(refused, "severity", "personalDataInvolved", "awarenessAt", "qualifiedBy", "clientId", "playbookVersion",
        "playbookContainmentActions");
    assertThat(snapshot(pi)).isEqualTo(before);

    // a declared field with a value of the wrong type: 400 naming it, not a ClassCastException
    for (Object wrong : List.of(42, true, List.of("fait"), "x".repeat(5_000))) {
      HttpResponse<String> badType = post(TECH, "/engine-rest/task/" + containment.getId() + "/submit-form",
          Map.of("variables", Map.of("action_CAPTURE_STATE_comment", Map.of("value", wrong))));
      assertRefused(badType, "action_CAPTURE_STATE_comment");
    }
    assertThat(snapshot(pi)).isEqualTo(before);
  }

  @Test
  void aStartFormSetsOnlyItsFieldsAndSpendsNothingOtherwise() throws Exception {
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(SecurityIncidentVariables.PROCESS_KEY).count();
    Map<String, Object> report = new LinkedHashMap<>(Map.of("clientId", TestClients.OIV,
        "siteSelection", "[\"site-nord\"]", "detectionSource", "technicien-sur-site",
        "description", "Compte inconnu sur le NVR", "reference", "INC-1999-0001", "awarenessAt", "2020-01-01T00:00:00.000+0000"));
    HttpResponse<String> refused = post(TECH, "/engine-rest/process-definition/key/security-incident/submit-form",
        Map.of("variables", typed(report, Map.of("awarenessAt", "Date"))));
    assertRefused(refused, "reference", "awarenessAt");
    HttpResponse<String> viaStart = post(TECH, "/engine-rest/process-definition/key/security-incident/start",
        Map.of("variables", typed(report, Map.of("awarenessAt", "Date"))));
    assertRefused(viaStart, "reference", "awarenessAt");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(SecurityIncidentVariables.PROCESS_KEY).count())
        .isEqualTo(before);
  }

  // ------------------------------------------------------------------ every protected fact, every path

  /**
   * Every fact on an incident at the containment step that the containment form does not declare
   * (the qualification, deadlines, who did what, the client...), through every path that writes
   * variables, as the administrator (who holds every permission) and as the task's candidate: each
   * is refused and nothing changes.
   */
  @Test
  void noProtectedFactIsWritableThroughAnyPath() throws Exception {
    ProcessInstance pi = qualifiedOiv(true);
    captureEvidence(pi);
    Task containment = task(pi, "Task_ContainIncident");
    Map<String, Object> before = snapshot(pi);
    Set<String> facts = new TreeSet<>(before.keySet());
    assertThat(facts).contains("severity", "personalDataInvolved", "awarenessAt", "qualifiedBy", "clientId",
        "reference", "qualifiedAt", "evidenceRecordedBy", "playbookId", "playbookVersion", "playbookContainmentActions")
        .hasSizeGreaterThan(20);

    List<String> leaks = new ArrayList<>();
    for (String fact : facts) {
      Map<String, Object> one = Map.of(fact, Map.of("value", "falsifié"));
      Map<String, HttpResponse<String>> paths = new LinkedHashMap<>();
      paths.put("POST task/complete", call(ADMIN, "POST", "/engine-rest/task/" + containment.getId() + "/complete",
          Map.of("variables", one)));
      paths.put("POST task/submit-form (candidate)", call(TECH, "POST",
          "/engine-rest/task/" + containment.getId() + "/submit-form", Map.of("variables", one)));
      paths.put("PUT task/variables", call(ADMIN, "PUT", "/engine-rest/task/" + containment.getId() + "/variables/" + fact,
          Map.of("value", "falsifié")));
      paths.put("PUT task/localVariables", call(ADMIN, "PUT",
          "/engine-rest/task/" + containment.getId() + "/localVariables/" + fact, Map.of("value", "falsifié")));
      paths.put("POST task/variables", call(ADMIN, "POST", "/engine-rest/task/" + containment.getId() + "/variables",
          Map.of("modifications", one)));
      paths.put("PUT process-instance/variables", call(ADMIN, "PUT",
          "/engine-rest/process-instance/" + pi.getId() + "/variables/" + fact, Map.of("value", "falsifié")));
      paths.put("POST process-instance/variables", call(ADMIN, "POST",
          "/engine-rest/process-instance/" + pi.getId() + "/variables", Map.of("modifications", one)));
      paths.put("DELETE process-instance/variables", call(ADMIN, "DELETE",
          "/engine-rest/process-instance/" + pi.getId() + "/variables/" + fact, null));
      paths.put("PUT execution/localVariables", call(ADMIN, "PUT",
          "/engine-rest/execution/" + pi.getId() + "/localVariables/" + fact, Map.of("value", "falsifié")));
      paths.put("POST variables/async", call(ADMIN, "POST", "/engine-rest/process-instance/variables-async",
          Map.of("processInstanceIds", List.of(pi.getId()), "variables", one)));
      paths.put("POST modification", call(ADMIN, "POST", "/engine-rest/process-instance/" + pi.getId() + "/modification",
          Map.of("instructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_ContainIncident",
              "variables", Map.of(fact, Map.of("value", "falsifié", "local", false)))))));
      paths.put("POST message", call(ADMIN, "POST", "/engine-rest/message", Map.of("messageName",
          "HardeningReverificationsDone", "processInstanceId", pi.getId(), "processVariables", one)));
      paths.put("POST signal", call(ADMIN, "POST", "/engine-rest/signal", Map.of("name", "x", "variables", one)));
      paths.forEach((path, answer) -> {
        if (answer.statusCode() != 400 && answer.statusCode() != 403 && answer.statusCode() != 404) {
          leaks.add(fact + " via " + path + ": " + answer.statusCode() + " " + answer.body());
        }
      });
    }
    assertThat(leaks).isEmpty();
    assertThat(snapshot(pi)).isEqualTo(before);
    assertThat(task(pi, "Task_ContainIncident").getId()).isEqualTo(containment.getId());

    // the task's candidate over the webapps' API, as Tasklist would send it
    WebappSession tasklist = WebappSession.login(port, "tasklist", TECH, TestUsers.PASSWORD);
    HttpResponse<String> inTasklist = tasklist.post(WebappSession.ENGINE_API + "/task/" + containment.getId()
        + "/submit-form", Map.of("variables", Map.of("severity", Map.of("value", "mineur"))));
    assertRefused(inTasklist, "severity");
    assertThat(snapshot(pi)).isEqualTo(before);
  }

  @Test
  void deadlinesCannotBeMovedAndHistoryCannotBeDeletedByHand() throws Exception {
    ProcessInstance pi = qualifiedOiv(true);
    Task evidence = task(pi, "Task_CaptureEvidence");
    Map<String, Object> task = updatable(JSON.convertValue(JSON.readTree(call(ADMIN, "GET", "/engine-rest/task/"
        + evidence.getId(), null).body()), Map.class));
    task.put("due", "2099-01-01T00:00:00.000+0000");
    task.put("followUp", "2099-01-01T00:00:00.000+0000");
    assertThat(call(ADMIN, "PUT", "/engine-rest/task/" + evidence.getId(), task).statusCode()).isEqualTo(400);
    assertThat(taskService.createTaskQuery().taskId(evidence.getId()).singleResult().getDueDate())
        .isEqualTo(evidence.getDueDate());

    ProcessInstance cnil = notificationOf(pi, "CNIL");
    runDueJobs(cnil);
    String timer = managementService.createJobQuery().processInstanceId(cnil.getId()).timers().list().get(0).getId();
    Date timerDue = managementService.createJobQuery().jobId(timer).singleResult().getDuedate();
    assertThat(call(ADMIN, "PUT", "/engine-rest/job/" + timer + "/duedate",
        Map.of("duedate", "2099-01-01T00:00:00.000+0000")).statusCode()).isEqualTo(400);
    assertThat(managementService.createJobQuery().jobId(timer).singleResult().getDuedate()).isEqualTo(timerDue);

    String variable = historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("severity").singleResult().getId();
    assertThat(call(ADMIN, "DELETE", "/engine-rest/history/variable-instance/" + variable, null).statusCode()).isEqualTo(400);
    assertThat(call(ADMIN, "DELETE", "/engine-rest/history/process-instance/" + pi.getId() + "/variable-instances", null)
        .statusCode()).isEqualTo(400);
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName("severity")
        .count()).isOne();
  }

  // ------------------------------------------------------------------ found by a black-box attack (6 December)

  /**
   * A task goes only to one of its candidates, so that a decision is made by its owner: no
   * delegation (a delegate's submission resolved the task without its owner's check, and the owner
   * then completed it with the delegate's answers), no extra candidate, owner or other assignee,
   * even from an administrator; nor may a task be turned into a BPMN error.
   */
  @Test
  void aTaskGoesOnlyToItsCandidatesNotByDelegationNorByAnAdministrator() throws Exception {
    ProcessInstance pi = reportOiv();
    runDueJobs(pi);
    Task qualification = task(pi, "Task_QualifyIncident");
    String path = "/engine-rest/task/" + qualification.getId();
    int links = taskService.getIdentityLinksForTask(qualification.getId()).size();

    for (HttpResponse<String> refused : List.of(
        post(ADMIN, path + "/delegate", Map.of("userId", TECH)),
        post(ADMIN, path + "/assignee", Map.of("userId", TECH)),
        post(ADMIN, path + "/claim", Map.of("userId", TECH)),
        post(ADMIN, path + "/claim", Map.of("userId", TestClients.OIV_RSSI)),
        post(ADMIN, path + "/identity-links", Map.of("userId", TECH, "type", "candidate")),
        post(ADMIN, path + "/identity-links", Map.of("groupId", "technicians", "type", "candidate")),
        post(ADMIN, path + "/identity-links/delete", Map.of("groupId", "cyber-referent", "type", "candidate")),
        post(ADMIN, path + "/bpmnError", Map.of("errorCode", "x")),
        post(ADMIN, path + "/bpmnEscalation", Map.of("escalationCode", "x")))) {
      assertThat(refused.statusCode()).as(refused.request().uri() + " " + refused.body()).isEqualTo(400);
      assertThat(message(refused)).startsWith("Modification refusée : ").doesNotContain("ENGINE-", "Exception");
    }
    Task unchanged = taskService.createTaskQuery().taskId(qualification.getId()).singleResult();
    assertThat(unchanged.getAssignee()).isNull();
    assertThat(unchanged.getOwner()).isNull();
    assertThat(unchanged.getDelegationState()).isNull();
    assertThat(taskService.getIdentityLinksForTask(qualification.getId())).hasSize(links);
    assertThat(active(pi, "Task_QualifyIncident")).isTrue();

    // PUT /task/{id}: its name, client or owner are the procedure's, its assignee one of its candidates
    Map<String, Object> dto = updatable(JSON.convertValue(JSON.readTree(call(ADMIN, "GET", path, null).body()), Map.class));
    // the body of a GET as it is: Camunda cannot read back its own read-only fields (a French 400 naming one)
    Map<String, Object> asRead = JSON.convertValue(JSON.readTree(call(ADMIN, "GET", path, null).body()), Map.class);
    HttpResponse<String> unreadable = call(ADMIN, "PUT", path, asRead);
    assertThat(unreadable.statusCode()).isEqualTo(400);
    assertThat(message(unreadable)).isEqualTo("Requête refusée : camundaFormRef : valeur illisible ou champ qui ne s'écrit pas");
    assertThat(call(ADMIN, "PUT", path, dto).statusCode()).as("the task as it is").isEqualTo(204);
    for (Map.Entry<String, Object> change : List.of(Map.entry("name", (Object) "Autre nom"),
        Map.entry("tenantId", (Object) TestClients.PLAIN), Map.entry("owner", (Object) TECH),
        Map.entry("assignee", (Object) TECH))) {
      Map<String, Object> changed = new HashMap<>(dto);
      changed.put(change.getKey(), change.getValue());
      HttpResponse<String> refused = call(ADMIN, "PUT", path, changed);
      assertThat(refused.statusCode()).as(change.getKey() + " " + refused.body()).isEqualTo(400);
      assertThat(message(refused)).doesNotContain("ENGINE-", "Exception");
    }
    assertThat(taskService.createTaskQuery().taskId(qualification.getId()).singleResult().getName())
        .isEqualTo(qualification.getName());

    // a candidate it may go to, and back
    assertThat(post(ADMIN, path + "/assignee", Map.of("userId", REFERENT)).statusCode()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(qualification.getId()).singleResult().getAssignee()).isEqualTo(REFERENT);
    assertThat(post(REFERENT, path + "/unclaim", null).statusCode()).isEqualTo(204);

    // a task delegated before this rule (through the Java API here): its delegate's submission is refused
    taskService.delegateTask(qualification.getId(), REFERENT);
    HttpResponse<String> delegate = post(REFERENT, path + "/submit-form", Map.of("variables", Map.of()));
    assertThat(delegate.statusCode()).as(delegate.body()).isEqualTo(400);
    assertThat(message(delegate)).startsWith("Modification refusée : ");
    assertThat(active(pi, "Task_QualifyIncident")).isTrue();
    assertThat(variable(pi, "qualifiedBy")).isNull();
  }

  /**
   * A running case and its deadlines run to their end: no administrator ends or suspends it, stops,
   * fires early or deletes its timers, shortens its retention or annotates its audit trail.
   */
  @Test
  void aRunningCaseItsTimersAndItsRetentionAreNotAnAdministratorsToCut() throws Exception {
    ProcessInstance pi = qualifiedOiv(true);
    ProcessInstance cnil = notificationOf(pi, "CNIL");
    runDueJobs(cnil);
    Job timer = managementService.createJobQuery().processInstanceId(cnil.getId()).timers().list().get(0);
    String definition = pi.getProcessDefinitionId();
    Integer retention = repositoryService.getProcessDefinition(definition).getHistoryTimeToLive();
    String operation = historyService.createUserOperationLogQuery().processInstanceId(pi.getId()).list().get(0).getId();

    Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
    answers.put("DELETE process-instance", call(ADMIN, "DELETE", "/engine-rest/process-instance/" + pi.getId(), null));
    answers.put("POST process-instance/delete", post(ADMIN, "/engine-rest/process-instance/delete",
        Map.of("processInstanceIds", List.of(pi.getId()), "deleteReason", "x")));
    answers.put("PUT process-instance suspended", call(ADMIN, "PUT", "/engine-rest/process-instance/" + pi.getId()
        + "/suspended", Map.of("suspended", true)));
    answers.put("PUT process-instance/suspended", call(ADMIN, "PUT", "/engine-rest/process-instance/suspended",
        Map.of("processInstanceIds", List.of(cnil.getId()), "suspended", true)));
    answers.put("PUT process-definition suspended", call(ADMIN, "PUT", "/engine-rest/process-definition/" + definition
        + "/suspended", Map.of("suspended", true, "includeProcessInstances", true)));
    answers.put("PUT job suspended", call(ADMIN, "PUT", "/engine-rest/job/" + timer.getId() + "/suspended",
        Map.of("suspended", true)));
    answers.put("PUT job-definition suspended", call(ADMIN, "PUT", "/engine-rest/job-definition/"
        + timer.getJobDefinitionId() + "/suspended", Map.of("suspended", true)));
    answers.put("PUT job retries 0", call(ADMIN, "PUT", "/engine-rest/job/" + timer.getId() + "/retries",
        Map.of("retries", 0)));
    answers.put("PUT job retries with a due date", call(ADMIN, "PUT", "/engine-rest/job/" + timer.getId() + "/retries",
        Map.of("retries", 3, "dueDate", "2099-01-01T00:00:00.000+0000")));
    answers.put("POST job/retries 0", post(ADMIN, "/engine-rest/job/retries",
        Map.of("jobIds", List.of(timer.getId()), "retries", 0)));
    answers.put("POST job execute ahead of its due date", post(ADMIN, "/engine-rest/job/" + timer.getId() + "/execute",
        null));
    answers.put("POST job execute, a matrix parameter in its path", post(ADMIN, "/engine-rest/job/" + timer.getId()
        + ";x=1/execute", null));
    answers.put("POST job execute, a matrix parameter on its resource", post(ADMIN, "/engine-rest/job;x=1/"
        + timer.getId() + "/execute", null));
    answers.put("POST job duedate recalculate", post(ADMIN, "/engine-rest/job/" + timer.getId() + "/duedate/recalculate",
        null));
    answers.put("DELETE job", call(ADMIN, "DELETE", "/engine-rest/job/" + timer.getId(), null));
    answers.put("PUT history-time-to-live 0", call(ADMIN, "PUT", "/engine-rest/process-definition/" + definition
        + "/history-time-to-live", Map.of("historyTimeToLive", 0)));
    answers.put("PUT user-operation annotation", call(ADMIN, "PUT", "/engine-rest/history/user-operation/" + operation
        + "/set-annotation", Map.of("annotation", "falsifié")));
    answers.put("PUT user-operation clear annotation", call(ADMIN, "PUT", "/engine-rest/history/user-operation/"
        + operation + "/clear-annotation", null));
    List<String> allowed = new ArrayList<>();
    answers.forEach((what, answer) -> {
      String body = answer.body() == null ? "" : answer.body();
      if (answer.statusCode() != 400 || body.contains("ENGINE-") || body.contains("Exception\"")) {
        allowed.add(what + ": " + answer.statusCode() + " " + body);
      }
    });
    assertThat(allowed).isEmpty();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).active().count()).isOne();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(cnil.getId()).active().count()).isOne();
    Job after = managementService.createJobQuery().jobId(timer.getId()).singleResult();
    assertThat(after).isNotNull();
    assertThat(after.isSuspended()).isFalse();
    assertThat(after.getRetries()).isEqualTo(timer.getRetries());
    assertThat(after.getDuedate()).isEqualTo(timer.getDuedate());
    assertThat(managementService.createJobDefinitionQuery().jobDefinitionId(timer.getJobDefinitionId()).singleResult()
        .isSuspended()).isFalse();
    assertThat(repositoryService.getProcessDefinition(definition).isSuspended()).isFalse();
    assertThat(repositoryService.getProcessDefinition(definition).getHistoryTimeToLive()).isEqualTo(retention);
    assertThat(historyService.createUserOperationLogQuery().operationId(
        historyService.createUserOperationLogQuery().processInstanceId(pi.getId()).list().get(0).getOperationId())
        .list()).allSatisfy(entry -> assertThat(entry.getAnnotation()).isNull());

    // what an administrator still does: lengthen a retention, re-try a failed job, lift a suspension
    assertThat(call(ADMIN, "PUT", "/engine-rest/process-definition/" + definition + "/history-time-to-live",
        Map.of("historyTimeToLive", retention + 1)).statusCode()).isEqualTo(204);
    repositoryService.updateProcessDefinitionHistoryTimeToLive(definition, retention);
    assertThat(call(ADMIN, "PUT", "/engine-rest/job/" + timer.getId() + "/retries", Map.of("retries", 3)).statusCode())
        .isEqualTo(204);
    assertThat(call(ADMIN, "PUT", "/engine-rest/process-instance/" + pi.getId() + "/suspended",
        Map.of("suspended", false)).statusCode()).isEqualTo(204);
    // an unknown job is a French 404, not the engine's 500
    HttpResponse<String> unknown = call(ADMIN, "PUT", "/engine-rest/job/" + java.util.UUID.randomUUID() + "/retries",
        Map.of("retries", 1));
    assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
    assertThat(unknown.body()).doesNotContain("ENGINE-", "Exception");
  }

  /**
   * Comments are written by those who may work the task and stay as written; files go through the
   * evidence register, not task attachments; a null variable is a 400 naming it, not a Java error.
   */
  @Test
  void commentsStayAsWrittenAttachmentsAreRefusedAndNullVariablesAreNamed() throws Exception {
    ProcessInstance pi = qualifiedOiv(false);
    Task evidence = task(pi, "Task_CaptureEvidence");
    String path = "/engine-rest/task/" + evidence.getId();

    assertThat(post(TestClients.OIV_RSSI, path + "/comment/create", Map.of("message", "x")).statusCode()).isEqualTo(400);
    HttpResponse<String> written = post(REFERENT, path + "/comment/create", Map.of("message", "Disque copié"));
    assertThat(written.statusCode()).as(written.body()).isEqualTo(200);
    String comment = JSON.readTree(written.body()).get("id").asText();
    assertThat(call(REFERENT, "PUT", path + "/comment", Map.of("id", comment, "message", "autre")).statusCode())
        .isEqualTo(400);
    assertThat(call(ADMIN, "DELETE", path + "/comment/" + comment, null).statusCode()).isEqualTo(400);
    assertThat(taskService.getTaskComments(evidence.getId())).extracting(c -> c.getFullMessage() + " " + c.getUserId())
        .containsExactly("Disque copié " + REFERENT);

    String boundary = "attack" + System.nanoTime();
    String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachment-name\"\r\n\r\nx.txt\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"content\"; filename=\"x.txt\"\r\n"
        + "Content-Type: text/plain\r\n\r\nsecret\r\n--" + boundary + "--\r\n";
    for (String user : List.of(REFERENT, TestClients.OIV_RSSI)) {
      HttpResponse<String> attached = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path
          + "/attachment/create")).header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":"
          + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)))
          .header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .POST(HttpRequest.BodyPublishers.ofString(multipart)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(attached.statusCode()).as(user + " " + attached.body()).isEqualTo(400);
      assertThat(message(attached)).contains("registre des preuves");
    }
    assertThat(taskService.getTaskAttachments(evidence.getId())).isEmpty();

    Map<String, Object> nullEntry = new HashMap<>();
    nullEntry.put("evidenceDecision", null);
    HttpResponse<String> submitted = post(TECH, path + "/submit-form", Map.of("variables", nullEntry));
    assertRefused(submitted, "evidenceDecision");
    HttpResponse<String> written2 = post(ADMIN, "/engine-rest/process-instance/" + pi.getId() + "/variables",
        Map.of("modifications", nullEntry));
    assertRefused(written2, "evidenceDecision");
    assertThat(active(pi, "Task_CaptureEvidence")).isTrue();

    // Spring's error page asked for directly: not there
    assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/error")).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
  }

  /**
   * A client's RSSI reads their own client's case, and nothing in it about other clients (the
   * clients the referent may add to a Mileo service incident), nor the engine's operations side,
   * which counts and names every client's work.
   */
  @Test
  void aClientsRssiReadsNoOtherClientInTheirOwnCaseNorTheOperationsSide() throws Exception {
    ProcessInstance pi = qualifiedOiv(false);
    assertThat(variable(pi, "otherClientOptions")).isNotNull();
    String rssi = TestClients.OIV_RSSI;
    List<String> paths = List.of("/engine-rest/variable-instance?processInstanceIdIn=" + pi.getId(),
        "/engine-rest/process-instance/" + pi.getId() + "/variables",
        "/engine-rest/history/variable-instance?processInstanceId=" + pi.getId(),
        "/engine-rest/history/detail?processInstanceId=" + pi.getId());
    for (String read : paths) {
      HttpResponse<String> own = call(rssi, "GET", read, null);
      assertThat(own.statusCode()).as(read).isEqualTo(200);
      assertThat(own.body()).as(read).contains("clientName").doesNotContain("otherClientOptions", "affectedClients",
          "otherAffectedClientsInput", TestClients.PLAIN);
      assertThat(call(REFERENT, "GET", read, null).body()).as(read).contains("otherClientOptions");
    }
    assertThat(call(rssi, "GET", "/engine-rest/process-instance/" + pi.getId() + "/variables/otherClientOptions", null)
        .statusCode()).isEqualTo(404);
    // a query naming one is refused (its counts would tell its value, letter by letter)
    assertThat(call(rssi, "GET", "/engine-rest/variable-instance?variableName=otherClientOptions", null).statusCode())
        .isEqualTo(400);
    assertThat(call(rssi, "GET", "/engine-rest/variable-instance?variableNameLike=%25Client%25", null).body())
        .doesNotContain("otherClientOptions");
    Task evidence = task(pi, "Task_CaptureEvidence");
    WebappSession tasklist = WebappSession.login(port, "tasklist", rssi, TestUsers.PASSWORD);
    HttpResponse<String> inTasklist = tasklist.send("GET", WebappSession.ENGINE_API + "/process-instance/" + pi.getId()
        + "/variables", null);
    assertThat(inTasklist.statusCode()).isEqualTo(200);
    assertThat(inTasklist.body()).contains("clientName").doesNotContain("otherClientOptions");

    for (String operations : List.of("/engine-rest/metrics/root-process-instance-start/sum", "/engine-rest/job",
        "/engine-rest/job-definition", "/engine-rest/incident", "/engine-rest/batch", "/engine-rest/history/job-log/count",
        "/engine-rest/external-task")) {
      HttpResponse<String> answer = call(rssi, "GET", operations, null);
      assertThat(answer.statusCode()).as(operations + " " + answer.body()).isEqualTo(403);
      assertThat(call(REFERENT, "GET", operations, null).statusCode()).as(operations).isEqualTo(200);
    }
    assertThat(evidence).isNotNull();

    // the operation log's entries of no case: staff's operations on the models every client shares
    Integer retention = repositoryService.getProcessDefinition(pi.getProcessDefinitionId()).getHistoryTimeToLive();
    assertThat(call(ADMIN, "PUT", "/engine-rest/process-definition/" + pi.getProcessDefinitionId()
        + "/history-time-to-live", Map.of("historyTimeToLive", retention + 1)).statusCode()).isEqualTo(204);
    repositoryService.updateProcessDefinitionHistoryTimeToLive(pi.getProcessDefinitionId(), retention);
    String log = "/engine-rest/history/user-operation?processDefinitionKey=security-incident&sortBy=timestamp"
        + "&sortOrder=desc&maxResults=500";
    assertThat(JSON.readTree(call(ADMIN, "GET", log, null).body())).as("an administrator reads them (control)")
        .anyMatch(entry -> entry.path("processInstanceId").isNull());
    JsonNode own = JSON.readTree(call(rssi, "GET", log, null).body());
    assertThat(own).as("the RSSI reads the log of their client's cases").isNotEmpty();
    assertThat(own).noneMatch(entry -> entry.path("processInstanceId").isNull());
  }

  /**
   * The second attack (the same day, after the fixes above): a model deleted with its running cases,
   * a case migrated to a later step, decision history given an early removal time, a batch's history
   * deleted, a task created by hand, a start linked to a case of another engine.
   */
  @Test
  void noCaseEndsOrJumpsThroughItsModelAndNoHistoryIsShortened() throws Exception {
    String key = "throwaway-running-" + System.nanoTime();
    String definition = repositoryService.createDeployment().addModelInstance(key + ".bpmn",
        org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent()
            .userTask("Task_A").userTask("Task_B").endEvent().done()).deployWithResult()
        .getDeployedProcessDefinitions().get(0).getId();
    String running = runtimeService.startProcessInstanceById(definition).getId();
    Job job = managementService.createJobQuery().list().stream().findFirst().orElse(null);

    Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
    answers.put("DELETE process-definition by id, cascade", call(ADMIN, "DELETE", "/engine-rest/process-definition/"
        + definition + "?cascade=true&skipCustomListeners=true", null));
    answers.put("DELETE process-definition by key, cascade", call(ADMIN, "DELETE", "/engine-rest/process-definition/key/"
        + key + "?cascade=true", null));
    answers.put("POST migration/execute", post(ADMIN, "/engine-rest/migration/execute", Map.of("migrationPlan",
        Map.of("sourceProcessDefinitionId", definition, "targetProcessDefinitionId", definition, "instructions",
            List.of(Map.of("sourceActivityIds", List.of("Task_A"), "targetActivityIds", List.of("Task_B")))),
        "processInstanceIds", List.of(running))));
    answers.put("POST migration/executeAsync", post(ADMIN, "/engine-rest/migration/executeAsync", Map.of("migrationPlan",
        Map.of("sourceProcessDefinitionId", definition, "targetProcessDefinitionId", definition, "instructions",
            List.of(Map.of("sourceActivityIds", List.of("Task_A"), "targetActivityIds", List.of("Task_B")))),
        "processInstanceIds", List.of(running))));
    answers.put("POST history/decision-instance/set-removal-time", post(ADMIN,
        "/engine-rest/history/decision-instance/set-removal-time", Map.of("historicDecisionInstanceQuery", Map.of(),
            "absoluteRemovalTime", "2020-01-01T00:00:00.000+0000")));
    answers.put("POST history/batch/set-removal-time", post(ADMIN, "/engine-rest/history/batch/set-removal-time",
        Map.of("historicBatchQuery", Map.of(), "absoluteRemovalTime", "2020-01-01T00:00:00.000+0000")));
    answers.put("POST task/create", post(ADMIN, "/engine-rest/task/create", Map.of("name", "x", "assignee", REFERENT)));
    answers.put("POST start with a caseInstanceId", post(TECH, "/engine-rest/process-definition/key/security-incident/start",
        Map.of("caseInstanceId", "x", "variables", Map.of())));
    if (job != null) {
      HttpResponse<String> batch = post(ADMIN, "/engine-rest/job/retries", Map.of("jobIds", List.of(job.getId()),
          "retries", 3));
      assertThat(batch.statusCode()).as(batch.body()).isEqualTo(200);
      String batchId = JSON.readTree(batch.body()).get("id").asText();
      answers.put("DELETE history/batch", call(ADMIN, "DELETE", "/engine-rest/history/batch/" + batchId, null));
      answers.put("DELETE batch, cascade to history", call(ADMIN, "DELETE", "/engine-rest/batch/" + batchId
          + "?cascade=true", null));
      assertThat(historyService.createHistoricBatchQuery().batchId(batchId).count()).isOne();
    }
    List<String> allowed = new ArrayList<>();
    answers.forEach((what, answer) -> {
      if (answer.statusCode() != 400 || answer.body().contains("ENGINE-") || answer.body().contains("Exception\"")) {
        allowed.add(what + ": " + answer.statusCode() + " " + answer.body());
      }
    });
    assertThat(allowed).isEmpty();
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionId(definition).count()).isOne();
    assertThat(taskService.createTaskQuery().processInstanceId(running).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_A");
    assertThat(taskService.createTaskQuery().taskName("x").count()).isZero();
    // the removal time the attack asked for (ended cases have their own, from their end and time to live)
    assertThat(historyService.createHistoricDecisionInstanceQuery().list()).allSatisfy(decision ->
        assertThat(decision.getRemovalTime()).satisfiesAnyOf(time -> assertThat(time).isNull(),
            time -> assertThat(time).isAfter(Date.from(Instant.parse("2021-01-01T00:00:00Z")))));
    runtimeService.deleteProcessInstance(running, "test");
    repositoryService.deleteDeployment(repositoryService.getProcessDefinition(definition).getDeploymentId(), true);
  }

  /**
   * The second attack, between clients: another client's comment read by its id, a comment written on
   * another case through a task of one's own, a hidden variable's value guessed through counts, the
   * failures read through Cockpit's own API with a Tasklist session; and answers that were 500s.
   */
  @Test
  void noOtherClientThroughCommentsCountsOrCockpitsApiAndClearAnswers() throws Exception {
    ProcessInstance pi = qualifiedOiv(false);
    ProcessInstance other = reportPlain();
    Task evidence = task(pi, "Task_CaptureEvidence");
    String path = "/engine-rest/task/" + evidence.getId();
    HttpResponse<String> written = post(REFERENT, path + "/comment/create", Map.of("message", "Copie du disque"));
    assertThat(written.statusCode()).as(written.body()).isEqualTo(200);
    String comment = JSON.readTree(written.body()).get("id").asText();
    // another client's RSSI: the comment by its id answers as an unknown comment of an unknown task
    HttpResponse<String> theirs = call(OTHER_RSSI, "GET", path + "/comment/" + comment, null);
    String unknownTask = java.util.UUID.randomUUID().toString();
    String unknownComment = java.util.UUID.randomUUID().toString();
    HttpResponse<String> unknown = call(OTHER_RSSI, "GET", "/engine-rest/task/" + unknownTask + "/comment/"
        + unknownComment, null);
    assertThat(theirs.statusCode()).isEqualTo(404);
    assertThat(theirs.body().replace(evidence.getId(), "{task}").replace(comment, "{comment}"))
        .isEqualTo(unknown.body().replace(unknownTask, "{task}").replace(unknownComment, "{comment}"));
    assertThat(call(TestClients.OIV_RSSI, "GET", path + "/comment/" + comment, null).statusCode()).as("own client")
        .isEqualTo(200);
    // a comment through one's task onto another case
    assertThat(post(REFERENT, path + "/comment/create", Map.of("message", "x", "processInstanceId", other.getId()))
        .statusCode()).isEqualTo(400);
    assertThat(taskService.getProcessInstanceComments(other.getId())).isEmpty();

    // a hidden variable's value, guessed through the counts of a query filtering on it
    for (Map.Entry<String, Object> guess : List.of(
        Map.entry("POST /process-instance/count", (Object) Map.of("variables", List.of(Map.of("name", "affectedClients",
            "operator", "like", "value", "%")))),
        Map.entry("POST /history/variable-instance/count", (Object) Map.of("variableName", "AffectedClients",
            "variableNamesIgnoreCase", true)),
        Map.entry("POST /task/count", (Object) Map.of("processVariables", List.of(Map.of("name", "otherClientOptions",
            "operator", "like", "value", "%")))))) {
      String[] request = guess.getKey().split(" ");
      HttpResponse<String> answer = call(TestClients.OIV_RSSI, request[0], "/engine-rest" + request[1], guess.getValue());
      assertThat(answer.statusCode()).as(guess.getKey() + " " + answer.body()).isEqualTo(400);
    }
    assertThat(call(TestClients.OIV_RSSI, "GET", "/engine-rest/process-instance/count?variables=AFFECTEDCLIENTS_like_%25"
        + "&variableNamesIgnoreCase=true", null).statusCode()).isEqualTo(400);
    // letters the database folds to I and S when it ignores case (dotless i, long s)
    for (String spelling : List.of("affectedcl\u0131ents", "affectedClient\u017f", "otherCl\u0131entOptions")) {
      HttpResponse<String> folded = call(TestClients.OIV_RSSI, "POST", "/engine-rest/process-instance/count",
          Map.of("variableNamesIgnoreCase", true, "variables", List.of(Map.of("name", spelling, "operator", "like",
              "value", "%"))));
      assertThat(folded.statusCode()).as(spelling + " " + folded.body()).isEqualTo(400);
    }
    assertThat(call(TestClients.OIV_RSSI, "GET", "/engine-rest/process-instance?variableNamesIgnoreCase=true&variables="
        + "affectedcl%C4%B1ents_like_%25", null).statusCode()).isEqualTo(400);
    // the operations side with a matrix parameter in the path
    assertThat(call(TestClients.OIV_RSSI, "GET", "/engine-rest/metrics;x=1/root-process-instance-start/sum", null)
        .statusCode()).isEqualTo(403);
    // a query parameter of the wrong type: French, no Java type
    HttpResponse<String> badDate = call(TestClients.OIV_RSSI, "GET", "/engine-rest/task?dueAfter=xx", null);
    assertThat(badDate.statusCode()).isEqualTo(400);
    assertThat(message(badDate)).isEqualTo("Requête refusée : valeur « xx » illisible (attendu : une date au format "
        + "2026-03-02T14:30:00.000+0100)");
    assertThat(call(TestClients.OIV_RSSI, "GET", "/engine-rest/process-instance/count?variables=clientId_eq_"
        + TestClients.OIV, null).statusCode()).as("a variable of their own").isEqualTo(200);

    // Cockpit's own API: for Cockpit's users, not for a Tasklist session
    String failures = "/camunda/api/cockpit/plugin/base/default/incident/count";
    WebappSession tasklist = WebappSession.login(port, "tasklist", TestClients.OIV_RSSI, TestUsers.PASSWORD);
    assertThat(tasklist.send("POST", failures, Map.of()).statusCode()).isEqualTo(403);
    WebappSession cockpit = WebappSession.login(port, "cockpit", REFERENT, TestUsers.PASSWORD);
    assertThat(cockpit.send("POST", failures, Map.of()).statusCode()).isEqualTo(200);

    // clear answers where the engine answered 500
    assertThat(post(REFERENT, path + "/claim", Map.of("userId", REFERENT)).statusCode()).isEqualTo(204);
    HttpResponse<String> taken = post(TECH, path + "/claim", Map.of("userId", TECH));
    assertThat(taken.statusCode()).as(taken.body()).isEqualTo(409);
    assertThat(message(taken)).startsWith("Tâche déjà prise");
    HttpResponse<String> noForm = call(REFERENT, "GET", "/engine-rest/task/" + java.util.UUID.randomUUID()
        + "/deployed-form", null);
    assertThat(noForm.statusCode()).as(noForm.body()).isEqualTo(404);
    Job timer = managementService.createJobQuery().timers().list().get(0);
    HttpResponse<String> negative = call(ADMIN, "PUT", "/engine-rest/job/" + timer.getId() + "/retries",
        Map.of("retries", -1));
    assertThat(negative.statusCode()).as(negative.body()).isEqualTo(400);
    assertThat(managementService.createJobQuery().jobId(timer.getId()).singleResult().getRetries())
        .isEqualTo(timer.getRetries());
  }

  // ------------------------------------------------------------------ helpers

  private ProcessInstance qualifiedOiv(boolean personalData) {
    ProcessInstance pi = reportOiv();
    qualify(pi, "critique", personalData);
    return pi;
  }

  private ProcessInstance notificationOf(ProcessInstance incident, String authority) {
    return runtimeService.createProcessInstanceQuery()
        .processDefinitionKey("CNIL".equals(authority) ? "cnil-notification" : "anssi-notification")
        .processInstanceBusinessKey(incident.getBusinessKey() + "-" + authority).singleResult();
  }

  /** The running report of a notification: its instance of regulatory-report (drafting, filing). */
  private ProcessInstance report(ProcessInstance notification) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("regulatory-report")
        .superProcessInstanceId(notification.getId()).singleResult();
  }

  /** A CNIL notification of an OIV incident with images of people, drafted, awaiting its filing by the client. */
  private ProcessInstance cnilAwaitingFiling() {
    ProcessInstance cnil = notificationOf(qualifiedOiv(true), "CNIL");
    informClient(cnil);
    Map<String, Object> draft = new HashMap<>();
    draft.put("breachNature", "Accès non autorisé aux enregistrements");
    draft.put("personsCategories", "salariés");
    draft.put("personsCount", 40);
    draft.put("recordsCategories", "images de vidéoprotection");
    draft.put("recordsCount", 300);
    draft.put("dpoContact", "dpo@client.example");
    draft.put("likelyConsequences", "Atteinte à la vie privée");
    draft.put("measuresTaken", "Comptes révoqués");
    draft.put("riskToPersons", "risque");
    submit(report(cnil), "Task_DraftReport", REFERENT, Groups.CYBER_REFERENT, draft);
    return cnil;
  }

  /** Every variable of the instance as stored (JSON as its text, so that two reads compare equal). */
  private Map<String, Object> snapshot(ProcessInstance pi) {
    Map<String, Object> values = new TreeMap<>();
    var typed = runtimeService.getVariablesTyped(pi.getId(), false);
    for (String name : typed.keySet()) {
      TypedValue value = typed.getValueTyped(name);
      values.put(name, value instanceof SerializableValue serializable ? serializable.getValueSerialized() : value.getValue());
    }
    return values;
  }

  /** What PUT /task/{id} takes of a task as GET answers it (Camunda's TaskDto without its read-only fields). */
  private static Map<String, Object> updatable(Map<String, Object> task) {
    Map<String, Object> kept = new LinkedHashMap<>(task);
    kept.keySet().retainAll(Set.of("name", "description", "assignee", "owner", "delegationState", "due", "followUp",
        "priority", "parentTaskId", "caseInstanceId", "tenantId"));
    return kept;
  }

  /** Variables as the REST API takes them: {"name": {"value", "type"}}. */
  private static Map<String, Object> typed(Map<String, Object> values, Map<String, String> types) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> {
      Map<String, Object> variable = new HashMap<>();
      variable.put("value", value);
      if (types.containsKey(name)) {
        variable.put("type", types.get(name));
      }
      variables.put(name, variable);
    });
    return variables;
  }

  private static void assertRefused(HttpResponse<String> response, String... fields) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    String message = message(response);
    assertThat(message).doesNotContain("Cannot", "ENGINE-", "Exception");
    for (String field : fields) {
      assertThat(message).contains(field + " : ");
    }
  }

  private static String message(HttpResponse<String> response) throws Exception {
    JsonNode body = JSON.readTree(response.body());
    return Objects.requireNonNullElse(body.path("message").asText(null), "");
  }

  private HttpResponse<String> post(String user, String path, Object body) throws Exception {
    return call(user, "POST", path, body);
  }

  private HttpResponse<String> call(String user, String method, String path, Object body) throws Exception {
    String password = ADMIN.equals(user) ? TestUsers.ADMIN_PASSWORD : TestUsers.PASSWORD;
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
