package com.mileotech.cyber.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mileotech.cyber.EngineSteps;
import com.mileotech.cyber.EngineSteps.Person;
import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestClients;
import com.mileotech.cyber.TestUsers;
import com.mileotech.cyber.WebappSession;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.client.ClientService;
import com.mileotech.cyber.incident.IncidentForms;
import com.mileotech.cyber.notification.NotificationForms;
import com.mileotech.cyber.notification.NotificationTestSupport;
import com.mileotech.cyber.update.UpdateForms;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every cell of docs/access-rules.md, over HTTP against the running application: each role,
 * allowed and refused, on the data of two clients (the RSSI of each acting on their own client's
 * data and on the other's).
 */
@IntegrationTest
class AccessMatrixTest {

  enum Role { TECH, PM, REF, RSSI_OWN, RSSI_OTHER, ADMIN, INTEG }

  static final Map<Role, String> USERS = Map.of(
      Role.TECH, "tech.matrix", Role.PM, "pm.matrix", Role.REF, "ref.matrix", Role.RSSI_OWN, TestClients.OIV_RSSI,
      Role.RSSI_OTHER, TestClients.PLAIN_RSSI, Role.ADMIN, TestUsers.ADMIN, Role.INTEG, "integ.matrix");

  /** The candidates of every user task of every model, as docs/access-rules.md states them. */
  static final Map<String, Set<String>> TASK_CANDIDATES = new TreeMap<>(Map.ofEntries(
      Map.entry("security-incident/Task_QualifyIncident", Set.of("cyber-referent")),
      Map.entry("security-incident/Task_RequalifyIncident", Set.of("cyber-referent")),
      Map.entry("security-incident/Task_ConfirmMonitoringEnd", Set.of("cyber-referent")),
      Map.entry("security-incident/Task_WriteLessonsLearned", Set.of("cyber-referent")),
      Map.entry("security-incident/Task_CaptureEvidence", Set.of("technicians", "cyber-referent")),
      Map.entry("security-incident/Task_ContainIncident", Set.of("technicians", "cyber-referent")),
      Map.entry("security-incident/Task_VerifyIntegrity", Set.of("technicians", "cyber-referent")),
      Map.entry("security-incident/Task_MonitorSystem", Set.of("technicians", "cyber-referent")),
      Map.entry("security-incident/Task_EradicateThreat", Set.of("technicians")),
      Map.entry("security-incident/Task_ProposeRecoveryDate", Set.of("project-managers")),
      Map.entry("security-incident/Task_ApproveLessonsLearned", Set.of("project-managers")),
      Map.entry("security-incident/Task_AgreeRecoveryDate", Set.of("client-rssi")),
      Map.entry("security-incident/Task_ReturnToService", Set.of("technicians", "project-managers")),
      Map.entry("cnil-notification/Task_InformClient", Set.of("cyber-referent", "project-managers")),
      Map.entry("anssi-notification/Task_InformClient", Set.of("cyber-referent", "project-managers")),
      Map.entry("cnil-notification/Task_DecideDataSubjectsCommunication", Set.of("client-rssi", "cyber-referent")),
      Map.entry("cnil-notification/Task_FollowUpCnilNotification", Set.of("client-rssi", "cyber-referent")),
      // every report of both notifications, in the block they call (regulatory-report)
      Map.entry("regulatory-report/Task_DraftReport", Set.of("cyber-referent")),
      // issue 18: recurring incidents, the referent's decision
      Map.entry("recurring-incidents-review/Task_ReviewRecurringIncidents", Set.of("cyber-referent")),
      Map.entry("regulatory-report/Task_FileReport", Set.of("client-rssi", "cyber-referent")),
      Map.entry("vms-commissioning/Task_FillChecklist", Set.of("technicians")),
      Map.entry("vms-commissioning/Task_SignChecklist", Set.of("technicians")),
      Map.entry("vms-commissioning/Task_RemediateNonConformity", Set.of("technicians")),
      Map.entry("vms-commissioning/Task_ReviewChecklist", Set.of("project-managers")),
      Map.entry("equipment-replacement/Task_PlanReplacement", Set.of("project-managers")),
      Map.entry("hardening-reverification/Task_ReverifyControl", Set.of("technicians")),
      // issue 19: assigned to the action's owner, the referent as the fallback
      Map.entry("improvement-action/Task_CarryOutImprovementAction", Set.of("cyber-referent")),
      Map.entry("security-update-client/Task_ValidateInStaging", Set.of("technicians")),
      Map.entry("security-update-client/Task_ApplyUpdate", Set.of("technicians"))));

  private static final Map<Role, Set<String>> GROUPS = Map.of(
      Role.TECH, Set.of("technicians"), Role.PM, Set.of("project-managers"), Role.REF, Set.of("cyber-referent"),
      Role.RSSI_OWN, Set.of("client-rssi"), Role.RSSI_OTHER, Set.of("client-rssi"), Role.ADMIN, Set.of("camunda-admin"),
      Role.INTEG, Set.of("integrations"));

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired ClientRepository clients;
  @Autowired ClientService clientService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired JdbcTemplate jdbc;
  @Autowired org.camunda.bpm.engine.HistoryService historyService;
  @Autowired org.camunda.bpm.engine.AuthorizationService authorizationService;
  @Autowired NotificationTestSupport notifications;
  @Autowired EngineSteps steps;

  private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
  private final HttpClient http = HttpClient.newHttpClient();
  private static String incident;           // an incident of client-oiv (the RSSI_OWN's client)
  private static String incidentProcess;
  private static String incidentStep;
  private static final String DOCUMENT = "CHK-MATRIX-OIV";

  @BeforeEach
  void fixtures() throws Exception {
    TestClients.ensure(identityService, clients, clientService);
    TestUsers.ensure(identityService, "tech.matrix", Groups.TECHNICIANS);
    TestUsers.ensure(identityService, "pm.matrix", Groups.PROJECT_MANAGERS);
    TestUsers.ensure(identityService, "ref.matrix", Groups.CYBER_REFERENT);
    TestUsers.ensure(identityService, "integ.matrix", Groups.INTEGRATIONS);
    if (incident == null) {
      HttpResponse<String> created = call("POST", "/api/security-incidents", Role.INTEG, Map.of(
          "clientId", TestClients.OIV, "siteIds", List.of("site-nord"), "detectionSource", "alerte-supervision",
          "equipment", "NVR-01", "description", "Connexion administrateur depuis un pays inhabituel",
          "detectedAt", java.time.OffsetDateTime.now().minusMinutes(5).toString()));
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      incident = json.readTree(created.body()).get("reference").asText();
      incidentProcess = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(incident).singleResult().getId();
      // the referent is told by mail (an asynchronous step): the outbox then has a row for the incident
      steps.runDueJobs(incidentProcess);
      // a step technicians work on, as "Capturer les preuves" is, with a value of its own: history
      // of what technicians worked on is still history (issue 14: they read none)
      String step = taskService.createTaskQuery().processInstanceId(incidentProcess).list().get(0).getId();
      incidentStep = step;
      taskService.addCandidateGroup(step, Groups.TECHNICIANS_ID);
      taskService.setVariableLocal(step, "matrixEvidenceNote", "Empreinte relevée sur le NVR");
      jdbc.update("""
          insert into incident_file (reference, file_version, client_id, trigger_key, reason, file_name, sha256,
            content_sha256, generated_by, generated_at, pdf)
          values (?, 1, ?, 'matrix', 'matrix', 'dossier.pdf', ?, ?, 'cdp.matrix', ?, ?)""",
          incident, TestClients.OIV, "0".repeat(64), "0".repeat(64), Timestamp.from(Instant.now()),
          "%PDF-1.4 matrix".getBytes(StandardCharsets.US_ASCII));
      jdbc.update("""
          insert into commissioning_document (reference, doc_version, client_id, site_id, process_instance_id, reason,
            file_name, content_json, content_sha256, signed_by, signed_at, signature_sha256, issued_at, retain_until, pdf)
          values (?, 1, ?, 'site-nord', 'none', 'matrix', 'checklist.pdf', '{}', ?, 'tech.matrix', ?, ?, ?, ?, ?)""",
          DOCUMENT, TestClients.OIV, "0".repeat(64), Timestamp.from(Instant.now()), "0".repeat(64),
          Timestamp.from(Instant.now()), LocalDate.now().plusYears(1), "%PDF-1.4 matrix".getBytes(StandardCharsets.US_ASCII));
    }
  }

  // ------------------------------------------------------------------ webapps

  @Test
  void webapps() throws Exception {
    expect("Tasklist", role -> webappLogin(role, "tasklist"),
        Set.of(Role.TECH, Role.PM, Role.REF, Role.RSSI_OWN, Role.RSSI_OTHER, Role.ADMIN));
    expect("Cockpit", role -> webappLogin(role, "cockpit"), Set.of(Role.PM, Role.REF, Role.ADMIN));
    expect("Admin", role -> webappLogin(role, "admin"), Set.of(Role.ADMIN));
    // Camunda lets anyone log in to Welcome, and any webapp session opens /camunda/api/engine
    expect("Welcome", role -> webappLogin(role, "welcome"),
        Set.of(Role.TECH, Role.PM, Role.REF, Role.RSSI_OWN, Role.RSSI_OTHER, Role.ADMIN));
  }

  // ------------------------------------------------------------------ starting processes

  @Test
  void startingProcesses() throws Exception {
    expect("start security-incident", role -> ok(call("POST", "/engine-rest/process-definition/key/security-incident/submit-form",
        role, Map.of("variables", engineVariables(Map.of("clientId", TestClients.OIV, "siteSelection", "[\"site-nord\"]",
            "detectionSource", "technicien-sur-site", "equipment", "NVR-02", "description", "Test d'autorisation"))))),
        // the supervision platform reports through POST /api/security-incidents only (see ourApi)
        Set.of(Role.TECH, Role.PM, Role.REF, Role.ADMIN));
    expect("start vms-commissioning", role -> ok(call("POST", "/engine-rest/process-definition/key/vms-commissioning/start",
        role, Map.of("variables", engineVariables(Map.of("clientId", TestClients.OIV, "siteId", "site-nord",
            "vmsProduct", "Milestone XProtect", "vmsVersion", "2024 R2", "projectManagerReview", true,
            "equipmentText", "CAMERA ; Axis P3265 ; MX-" + System.nanoTime() + " ; 11.9 ; oui"))))),
        Set.of(Role.TECH, Role.PM, Role.ADMIN));
    // by id too: a service account starts nothing except through its API (which de-duplicates)
    String incidentDefinition = latestDefinition("security-incident");
    expect("start security-incident by id", role -> ok(call("POST", "/engine-rest/process-definition/" + incidentDefinition
        + "/start", role, Map.of("variables", engineVariables(Map.of("clientId", TestClients.OIV,
            "siteSelection", "[\"site-nord\"]", "detectionSource", "technicien-sur-site", "equipment", "NVR-04",
            "description", "Test d'autorisation par identifiant"))))),
        Set.of(Role.TECH, Role.PM, Role.REF, Role.ADMIN));
    String updateDefinition = latestDefinition("security-update");
    expect("start security-update by id", role -> startedOrRefusedByTheProcess(call("POST",
        "/engine-rest/process-definition/" + updateDefinition
        + "/start", role, Map.of("variables", engineVariables(UpdateForms.publication("VMS", "Produit matrice", false,
            "1.0", "1.1", "MATRIX-" + role + "-" + System.nanoTime(), "CVE-2026-10001",
            Instant.now().minusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.MINUTES)))))),
        Set.of(Role.TECH, Role.PM, Role.REF, Role.ADMIN));
    // a start form is read by those who start the process only (it lists every client and site)
    expect("read the start form of security-incident", role -> ok(call("GET",
        "/engine-rest/process-definition/key/security-incident/deployed-start-form", role, null)),
        Set.of(Role.TECH, Role.PM, Role.REF, Role.ADMIN));
    expect("read the start form of vms-commissioning", role -> ok(call("GET",
        "/engine-rest/process-definition/key/vms-commissioning/deployed-start-form", role, null)),
        Set.of(Role.TECH, Role.PM, Role.ADMIN));
  }

  // ------------------------------------------------------------------ tasks

  @Test
  void everyUserTaskHasTheCandidatesOfTheTable() throws Exception {
    Map<String, Set<String>> inModels = new TreeMap<>();
    try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        var document = DocumentBuilderFactory.newNSInstance().newDocumentBuilder().parse(file.toFile());
        String process = ((Element) document.getElementsByTagNameNS("*", "process").item(0)).getAttribute("id");
        NodeList tasks = document.getElementsByTagNameNS("*", "userTask");
        for (int i = 0; i < tasks.getLength(); i++) {
          Element task = (Element) tasks.item(i);
          inModels.put(process + "/" + task.getAttribute("id"),
              new TreeSet<>(List.of(task.getAttributeNS("http://camunda.org/schema/1.0/bpmn", "candidateGroups").split(","))));
        }
      }
    }
    Map<String, Set<String>> documented = new TreeMap<>();
    TASK_CANDIDATES.forEach((task, groups) -> documented.put(task, new TreeSet<>(groups)));
    // a task added to a model, or its candidates changed, must be added to docs/access-rules.md and here
    assertThat(inModels).isEqualTo(documented);
  }

  @Test
  void aTaskIsSeenAndWorkedExactlyByItsCandidatesOfItsClient() throws Exception {
    for (Set<String> candidates : new java.util.HashSet<>(TASK_CANDIDATES.values())) {
      String task = taskOfClient(TestClients.OIV, candidates);
      Set<Role> allowed = new java.util.HashSet<>(Set.of(Role.ADMIN));
      for (Role role : Role.values()) {
        if (role != Role.RSSI_OTHER && GROUPS.get(role).stream().anyMatch(candidates::contains)) {
          allowed.add(role);
        }
      }
      expect("see task for " + candidates, role -> {
        HttpResponse<String> list = call("GET", "/engine-rest/task?taskId=" + task, role, null);
        return list.statusCode() == 200 && json.readTree(list.body()).size() == 1;
      }, allowed);
      // an administrator sees every task but takes only those offered to them: a task goes to its candidates
      Set<Role> candidatesOnly = new java.util.HashSet<>(allowed);
      candidatesOnly.remove(Role.ADMIN);
      expect("claim task for " + candidates, role -> {
        boolean claimed = ok(call("POST", "/engine-rest/task/" + task + "/claim", role, Map.of("userId", USERS.get(role))));
        if (claimed) {
          taskService.setAssignee(task, null);
        }
        return claimed;
      }, candidatesOnly);
    }
  }

  /**
   * Giving a task back (docs/access-rules.md, "Giving a task back"): whoever may claim a task may
   * give back the task they hold, by Tasklist's « Libérer » (/unclaim) or its reset of the assignee
   * (/assignee with no user), and it is offered to its candidates again. Nothing else: clearing
   * someone else's claim, through any of the three calls, and assigning or claiming a task for
   * someone else stay an assignment (administrators only); another client's RSSI gets the answer of
   * an unknown task.
   */
  @Test
  void theAssigneeGivesBackTheirOwnTaskAndNothingElse() throws Exception {
    // another candidate of both kinds of task below (a task is assigned to its candidates only)
    String someoneElse = "other.matrix";
    TestUsers.ensure(identityService, someoneElse, Groups.CYBER_REFERENT);
    for (Set<String> candidates : List.of(Set.of("technicians", "cyber-referent"), Set.of("client-rssi", "cyber-referent"))) {
      String task = taskOfClient(TestClients.OIV, candidates);
      Set<Role> claimers = new java.util.HashSet<>();
      for (Role role : Role.values()) {
        if (role != Role.RSSI_OTHER && GROUPS.get(role).stream().anyMatch(candidates::contains)) {
          claimers.add(role);
        }
      }
      for (String giveBack : List.of("unclaim", "assignee with no user")) {
        expect("give back by " + giveBack + " the task claimed, offered to " + candidates, role -> {
          if (!ok(call("POST", "/engine-rest/task/" + task + "/claim", role, Map.of("userId", USERS.get(role))))) {
            return false;
          }
          HttpResponse<String> given = giveBack.equals("unclaim")
              ? call("POST", "/engine-rest/task/" + task + "/unclaim", role, null)
              : call("POST", "/engine-rest/task/" + task + "/assignee", role, nullUser());
          assertThat(given.statusCode()).as(role + " gives back: " + given.body()).isEqualTo(204);
          assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).as(role + " gave back").isNull();
          return true;
        }, claimers);
      }
      // a given-back task is offered again: another candidate takes it, the giver takes it back
      Role first = claimers.contains(Role.TECH) ? Role.TECH : Role.RSSI_OWN;
      assertThat(call("POST", "/engine-rest/task/" + task + "/claim", first, Map.of("userId", USERS.get(first)))
          .statusCode()).isEqualTo(204);
      assertThat(call("POST", "/engine-rest/task/" + task + "/unclaim", first, null).statusCode()).isEqualTo(204);
      assertThat(call("POST", "/engine-rest/task/" + task + "/claim", Role.REF, Map.of("userId", USERS.get(Role.REF)))
          .statusCode()).isEqualTo(204);
      assertThat(call("POST", "/engine-rest/task/" + task + "/unclaim", Role.REF, null).statusCode()).isEqualTo(204);
      assertThat(call("POST", "/engine-rest/task/" + task + "/claim", first, Map.of("userId", USERS.get(first)))
          .statusCode()).isEqualTo(204);
      assertThat(taskService.createTaskQuery().taskId(task).taskAssignee(USERS.get(first)).count()).isOne();
      taskService.setAssignee(task, null);

      // someone else's claim: cleared by an administrator only, whichever call
      Map<String, Object> clearings = new LinkedHashMap<>();
      clearings.put("unclaim", null);
      clearings.put("assignee", nullUser());
      clearings.put("claim", nullUser());
      for (Map.Entry<String, Object> clearing : clearings.entrySet()) {
        expect("clear someone else's claim by " + clearing.getKey() + ", task offered to " + candidates, role -> {
          taskService.setAssignee(task, someoneElse);
          call("POST", "/engine-rest/task/" + task + "/" + clearing.getKey(), role, clearing.getValue());
          return taskService.createTaskQuery().taskId(task).singleResult().getAssignee() == null;
        }, Set.of(Role.ADMIN));
      }
      // the assignee hands the task to someone else: an assignment
      expect("assign one's task to someone else, task offered to " + candidates, role -> {
        taskService.setAssignee(task, USERS.get(role));
        call("POST", "/engine-rest/task/" + task + "/assignee", role, Map.of("userId", someoneElse));
        return someoneElse.equals(taskService.createTaskQuery().taskId(task).singleResult().getAssignee());
      }, Set.of(Role.ADMIN));
      // to someone who is not a candidate: nobody, administrators included
      expect("assign a task to someone it is not offered to, task offered to " + candidates, role -> {
        taskService.setAssignee(task, null);
        call("POST", "/engine-rest/task/" + task + "/assignee", role, Map.of("userId", "nobody.matrix"));
        return taskService.createTaskQuery().taskId(task).singleResult().getAssignee() != null;
      }, Set.of());
      // claiming for someone else is an assignment too (else: give back, then claim for them)
      expect("claim a task for someone else, task offered to " + candidates, role -> {
        taskService.setAssignee(task, null);
        call("POST", "/engine-rest/task/" + task + "/claim", role, Map.of("userId", someoneElse));
        return someoneElse.equals(taskService.createTaskQuery().taskId(task).singleResult().getAssignee());
      }, Set.of(Role.ADMIN));

      // another client's RSSI, even as the assignee of record, gets the answer of an unknown task
      taskService.setAssignee(task, USERS.get(Role.RSSI_OTHER));
      for (String path : List.of("/unclaim", "/assignee", "/claim")) {
        Object body = path.equals("/unclaim") ? null : nullUser();
        HttpResponse<String> other = call("POST", "/engine-rest/task/" + task + path, Role.RSSI_OTHER, body);
        HttpResponse<String> unknown = call("POST", "/engine-rest/task/no-such-task" + path, Role.RSSI_OTHER, body);
        assertThat(other.statusCode() + " " + other.body().replace(task, "{id}")).as(path)
            .isEqualTo(unknown.statusCode() + " " + unknown.body().replace("no-such-task", "{id}"));
      }
      assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo(USERS.get(Role.RSSI_OTHER));
      taskService.setAssignee(task, null);
    }
    // a task offered to nobody else (no candidate left): given back, it would belong to no one
    String task = taskOfClient(TestClients.OIV, Set.of("technicians"));
    taskService.deleteCandidateGroup(task, "technicians");
    taskService.setAssignee(task, USERS.get(Role.TECH));
    assertThat(call("POST", "/engine-rest/task/" + task + "/unclaim", Role.TECH, null).statusCode()).isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskId(task).taskAssignee(USERS.get(Role.TECH)).count()).isOne();
  }

  /** {"userId": null}, as Tasklist sends to reset a task's assignee. */
  private static Map<String, Object> nullUser() {
    Map<String, Object> body = new HashMap<>();
    body.put("userId", null);
    return body;
  }

  // ------------------------------------------------------------------ engine data

  @Test
  void instancesHistoryAndVariables() throws Exception {
    Set<Role> readers = Set.of(Role.PM, Role.REF, Role.RSSI_OWN, Role.ADMIN);
    expect("process instance", role -> count("/engine-rest/process-instance?processInstanceIds=" + incidentProcess, role) == 1, readers);
    expect("history", role -> count("/engine-rest/history/process-instance?processInstanceId=" + incidentProcess, role) == 1, readers);
    expect("variables", role -> count("/engine-rest/variable-instance?processInstanceIdIn=" + incidentProcess
        + "&variableName=clientName", role) > 0, readers);
    expect("history of tasks", role -> count("/engine-rest/history/task?processInstanceId=" + incidentProcess, role) > 0, readers);
    expect("history of variables", role -> count("/engine-rest/history/variable-instance?processInstanceId="
        + incidentProcess + "&variableName=matrixEvidenceNote", role) > 0, readers);
    expect("history of changes", role -> count("/engine-rest/history/detail?processInstanceId=" + incidentProcess
        + "&variableName=matrixEvidenceNote", role) > 0, readers);
    // the identity link log has no process instance filter (the REST API ignores one): the incident's task
    expect("history of the operations", role -> count("/engine-rest/history/identity-link-log?taskId="
        + incidentStep, role) > 0, readers);
    expect("variable by guessed id", role -> {
      String variableId = runtimeService.createVariableInstanceQuery().processInstanceIdIn(incidentProcess)
          .variableName("clientName").singleResult().getId();
      return ok(call("GET", "/engine-rest/variable-instance/" + variableId, role, null));
    }, readers);
  }

  @Test
  void monitoringInCockpit() throws Exception {
    // what Cockpit's pages call for an incident, through a Cockpit session
    expect("follow an incident in Cockpit", role -> {
      WebappSession cockpit = WebappSession.login(port, "cockpit", USERS.get(role), password(role));
      if (!cockpit.loggedIn()) {
        return false;
      }
      String engine = WebappSession.ENGINE_API;
      return cockpit.send("GET", engine + "/process-instance/" + incidentProcess + "/activity-instances", null)
          .statusCode() == 200
          && json.readTree(cockpit.send("GET", engine + "/history/activity-instance?processInstanceId=" + incidentProcess,
              null).body()).size() > 0
          && json.readTree(cockpit.send("GET", engine + "/process-instance/" + incidentProcess + "/variables", null)
              .body()).has("clientName")
          && cockpit.send("GET", "/camunda/api/cockpit/plugin/base/default/process-definition/statistics", null)
              .statusCode() == 200;
    }, Set.of(Role.PM, Role.REF, Role.ADMIN));
  }

  @Test
  void deploymentsUsersAndAuthorizations() throws Exception {
    String deployment = repositoryService.createDeploymentQuery().list().get(0).getId();
    expect("deployment resources", role -> count("/engine-rest/deployment/" + deployment + "/resources", role) > 0,
        Set.of(Role.ADMIN));
    expect("list deployments", role -> count("/engine-rest/deployment", role) > 0, Set.of(Role.ADMIN));
    expect("deploy", role -> {
      String boundary = "matrix" + System.nanoTime();
      String bpmn = Bpmn.convertToString(Bpmn.createExecutableProcess("matrix-" + role.name().toLowerCase())
          .camundaHistoryTimeToLive(1).startEvent().endEvent().done());
      String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nmatrix\r\n"
          + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"m.bpmn\"\r\n"
          + "Content-Type: application/xml\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
      return ok(send(HttpRequest.newBuilder(uri("/engine-rest/deployment/create"))
          .header("Authorization", basic(role)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .POST(HttpRequest.BodyPublishers.ofString(body)).build()));
    }, Set.of(Role.ADMIN));
    expect("list other users", role -> count("/engine-rest/user?id=" + USERS.get(Role.REF), role) == 1
        || role == Role.REF, Set.of(Role.ADMIN, Role.REF));
    expect("create a user", role -> ok(call("POST", "/engine-rest/user/create", role, Map.of(
        "profile", Map.of("id", "made." + role.name().toLowerCase(), "firstName", "Jean", "lastName", "Dupont"),
        "credentials", Map.of("password", "Matrix-Passw0rd!")))), Set.of(Role.ADMIN));
    expect("grant itself everything", role -> ok(call("POST", "/engine-rest/authorization/create", role, Map.of(
        "type", 1, "permissions", List.of("ALL"), "userId", USERS.get(role), "resourceType", 6, "resourceId", "*"))),
        Set.of(Role.ADMIN));
  }

  // ------------------------------------------------------------------ regulatory notifications

  @Test
  void anAnssiRequestIsRecordedOnlyThroughItsApi() throws Exception {
    notifications.prepare();
    org.camunda.bpm.engine.runtime.ProcessInstance qualified = notifications.qualifiedIncident(TestClients.OIV, true,
        "critique", "intrusion", Instant.now().minusSeconds(60), "alerte-supervision");
    org.camunda.bpm.engine.runtime.ProcessInstance anssi = notifications.notification(qualified, "ANSSI");
    notifications.runDueJobs(anssi);
    String reference = qualified.getBusinessKey();
    expect("record an ANSSI request for an intermediate report", role -> call("POST", "/api/security-incidents/"
        + reference + "/notifications/anssi/intermediate-report-requests", role, null).statusCode() == 202,
        Set.of(Role.REF, Role.ADMIN));
    // the grant that correlation needed, and what it also allowed: nobody but administrators holds it
    expect("hold UPDATE_INSTANCE on anssi-notification", role -> json.readTree(call("GET",
        "/engine-rest/authorization/check?permissionName=UPDATE_INSTANCE&resourceName=ProcessDefinition&resourceType=6"
            + "&resourceId=anssi-notification", role, null).body()).path("authorized").asBoolean(), Set.of(Role.ADMIN));
    // judged by their effect: for what a role may not see the engine answers as for an unknown id,
    // and suspending an unknown id answers 204; messages and variable writes through the REST API
    // are refused to everyone, administrators included (SubmissionGuard)
    expect("correlate the message through /engine-rest", role -> {
      // the report drafts of the notification, in the instances of regulatory-report it called
      long before = taskService.createTaskQuery().processInstanceBusinessKey(reference + "-ANSSI")
          .taskDefinitionKey("Task_DraftReport").count();
      call("POST", "/engine-rest/message", role,
          Map.of("messageName", "AnssiIntermediateReportRequested", "businessKey", reference + "-ANSSI"));
      return taskService.createTaskQuery().processInstanceBusinessKey(reference + "-ANSSI")
          .taskDefinitionKey("Task_DraftReport").count() > before;
    }, Set.of());
    expect("rewrite a notification's variables", role -> {
      call("POST", "/engine-rest/process-instance/" + anssi.getId() + "/variables", role,
          Map.of("modifications", Map.of("clientAwarenessAt", Map.of("value", "2020-01-01T00:00:00.000+0000",
              "type", "Date"))));
      Object awareness = runtimeService.getVariable(anssi.getId(), "clientAwarenessAt");
      return awareness instanceof java.util.Date date && date.toInstant().equals(Instant.parse("2020-01-01T00:00:00Z"));
    }, Set.of());
    expect("suspend a notification", role -> {
      call("PUT", "/engine-rest/process-instance/" + anssi.getId() + "/suspended", role, Map.of("suspended", true));
      boolean suspended = runtimeService.createProcessInstanceQuery().processInstanceId(anssi.getId()).suspended().count() > 0;
      if (suspended) {
        runtimeService.activateProcessInstanceById(anssi.getId());
      }
      return suspended;
    }, Set.of()); // a running case's deadlines do not stop: refused to administrators too (SubmissionGuard)
  }

  @Test
  void thePolicyWithdrawsNothingItGrants() {
    for (AccessPolicy.Grant withdrawn : AccessPolicy.withdrawn()) {
      for (AccessPolicy.Grant grant : AccessPolicy.grants()) {
        if (grant.group() == withdrawn.group() && grant.resource().equals(withdrawn.resource())
            && grant.resourceId().equals(withdrawn.resourceId())) {
          assertThat(grant.permissions()).as(grant.toString()).doesNotContainAnyElementsOf(withdrawn.permissions());
        }
      }
      assertThat(authorizationService.createAuthorizationQuery().groupIdIn(withdrawn.group().id())
          .resourceType(withdrawn.resource()).resourceId(withdrawn.resourceId()).list())
          .as("withdrawn at start-up: " + withdrawn)
          .allSatisfy(a -> withdrawn.permissions().forEach(p -> assertThat(a.isPermissionGranted(p)).isFalse()));
    }
  }

  // ------------------------------------------------------------------ our API

  @Test
  void ourApi() throws Exception {
    Set<Role> staff = Set.of(Role.TECH, Role.PM, Role.REF, Role.ADMIN);
    Set<Role> staffAndOwnRssi = Set.of(Role.TECH, Role.PM, Role.REF, Role.ADMIN, Role.RSSI_OWN);
    expect("GET /api/clients", role -> ok(call("GET", "/api/clients", role, null)), staff);
    expect("PUT /api/clients/{id}", role -> ok(call("PUT", "/api/clients/" + TestClients.PLAIN, role,
        json.convertValue(clients.find(TestClients.PLAIN).orElseThrow(), Map.class))), Set.of(Role.ADMIN));
    expect("GET /api/clients/{id}/equipment", role -> ok(call("GET", "/api/clients/" + TestClients.OIV + "/equipment", role, null)),
        staffAndOwnRssi);
    expect("POST /api/security-incidents", role -> ok(call("POST", "/api/security-incidents", role, Map.of(
        "clientId", TestClients.OIV, "siteIds", List.of("site-nord"), "detectionSource", "alerte-supervision",
        "equipment", "NVR-03", "description", "Alerte de test d'autorisation",
        "detectedAt", java.time.OffsetDateTime.now().minusMinutes(5).toString()))), Set.of(Role.INTEG));
    String drill = json.readTree(call("POST", "/api/security-incidents", Role.INTEG, Map.of(
        "clientId", TestClients.OIV, "siteIds", List.of("site-nord"), "detectionSource", "alerte-supervision",
        "equipment", "NVR-03", "description", "Alerte à convertir en exercice",
        "detectedAt", java.time.OffsetDateTime.now().minusMinutes(5).toString())).body()).path("reference").asText();
    expect("POST /api/security-incidents/{ref}/exercise-conversion", role -> ok(call("POST",
        "/api/security-incidents/" + drill + "/exercise-conversion", role, Map.of("reason", "Exercice de crise"))),
        Set.of(Role.REF));
    expect("GET /api/security-incidents/{ref}", role -> ok(call("GET", "/api/security-incidents/" + incident, role, null)),
        staffAndOwnRssi);
    expect("GET /api/security-incidents/{ref}/notifications",
        role -> ok(call("GET", "/api/security-incidents/" + incident + "/notifications", role, null)), staffAndOwnRssi);
    expect("GET /api/clients/{id}/breach-register", role -> ok(call("GET", "/api/clients/" + TestClients.OIV
        + "/breach-register?year=2026&format=csv", role, null)), staffAndOwnRssi);
    expect("GET /api/security-incidents/{ref}/file",
        role -> ok(call("GET", "/api/security-incidents/" + incident + "/file", role, null)), staffAndOwnRssi);
    expect("GET /api/security-incidents/{ref}/file/versions",
        role -> ok(call("GET", "/api/security-incidents/" + incident + "/file/versions", role, null)), staffAndOwnRssi);
    expect("POST /api/commissionings", role -> ok(call("POST", "/api/commissionings", role, Map.of(
        "clientId", TestClients.OIV, "siteId", "site-nord", "vmsProduct", "Milestone XProtect", "vmsVersion", "2024 R2",
        "equipment", List.of(Map.of("kind", "CAMERA", "model", "Axis P3265", "serialNumber", "MX-API-" + System.nanoTime(),
            "firmwareVersion", "11.9", "securityUpdates", true))))), Set.of(Role.TECH, Role.PM));
    expect("GET /api/commissionings/{ref}/document",
        role -> ok(call("GET", "/api/commissionings/" + DOCUMENT + "/document", role, null)), staffAndOwnRssi);
    expect("GET /api/outbox?reference=", role -> {
      HttpResponse<String> response = call("GET", "/api/outbox?reference=" + incident, role, null);
      return response.statusCode() == 200 && json.readTree(response.body()).size() > 0;
    }, staffAndOwnRssi);
    expect("POST /api/outbox/retry-failed", role -> ok(call("POST", "/api/outbox/retry-failed", role, Map.of())),
        Set.of(Role.ADMIN));
  }

  // ------------------------------------------------------------------ evidence register

  /** The answer each role gets (docs/access-rules.md, evidence rows; docs/evidence.md, "Who sees what"). */
  private static Map<Role, Integer> answers(int allowed, Set<Role> allowedRoles) {
    Map<Role, Integer> answers = new LinkedHashMap<>();
    for (Role role : Role.values()) {
      answers.put(role, allowedRoles.contains(role) ? allowed : role == Role.RSSI_OTHER ? 404 : 403);
    }
    return answers;
  }

  interface Status {
    int of(Role role) throws Exception;
  }

  private void expectStatus(String action, Status status, Map<Role, Integer> expected) throws Exception {
    Map<Role, Integer> actual = new LinkedHashMap<>();
    for (Role role : Role.values()) {
      actual.put(role, status.of(role));
    }
    assertThat(actual).as(action).isEqualTo(expected);
  }

  @Test
  void evidenceRegister() throws Exception {
    Set<Role> readers = Set.of(Role.TECH, Role.PM, Role.REF, Role.RSSI_OWN, Role.ADMIN);
    Set<Role> handlers = Set.of(Role.TECH, Role.PM, Role.REF);
    Set<Role> custodians = Set.of(Role.REF);
    String register = "/api/security-incidents/" + incident + "/evidence";
    long held = evidenceUpload(Role.TECH, register).path("id").asLong();
    assertThat(held).isPositive();

    expectStatus("list the evidence items", role -> call("GET", register, role, null).statusCode(),
        answers(200, readers));
    expectStatus("read an evidence item", role -> call("GET", register + "/" + held, role, null).statusCode(),
        answers(200, readers));
    expectStatus("download an item's file", role -> call("GET", register + "/" + held + "/content", role, null)
        .statusCode(), answers(200, readers));
    expectStatus("upload a file", role -> evidenceUploadStatus(role, register), answers(201, handlers));
    expectStatus("declare a large item", role -> call("POST", register, role, Map.of("kind", "image-disque",
        "description", "Image disque du serveur VMS", "sha256", "ab".repeat(32), "location", "Scellé S-MATRICE"))
        .statusCode(), answers(201, handlers));
    expectStatus("transfer an item", role -> call("POST", register + "/" + declaredItem(register) + "/transfers", role,
        Map.of("from", "Technicien", "to", "Laboratoire", "reason", "Analyse")).statusCode(), answers(200, handlers));
    expectStatus("verify an item", role -> call("POST", register + "/" + held + "/verifications", role, null)
        .statusCode(), answers(200, handlers));
    expectStatus("put an item under legal hold", role -> call("POST", register + "/" + declaredItem(register)
        + "/legal-holds", role, Map.of("reason", "Plainte déposée", "procedureReference", "PV-2026-42")).statusCode(),
        answers(200, custodians));
    expectStatus("release a legal hold", role -> {
      long item = declaredItem(register);
      assertThat(call("POST", register + "/" + item + "/legal-holds", Role.REF,
          Map.of("reason", "Plainte déposée", "procedureReference", "PV-2026-43")).statusCode()).isEqualTo(200);
      return call("POST", register + "/" + item + "/legal-hold-releases", role, Map.of("reason", "Classement sans suite"))
          .statusCode();
    }, answers(200, custodians));
    expectStatus("destroy an item", role -> call("POST", register + "/" + declaredItem(register) + "/destruction", role,
        Map.of("authorisation", "Décision DIR-2026-7")).statusCode(), answers(200, custodians));

    // another client's RSSI: the same answer as for an incident that does not exist, for reads and writes
    String unknown = "/api/security-incidents/INC-1999-0001/evidence";
    for (String[] cell : List.of(new String[] {"GET", ""}, new String[] {"GET", "/" + held + "/content"},
        new String[] {"POST", "/" + held + "/verifications"}, new String[] {"POST", "/" + held + "/destruction"})) {
      HttpResponse<String> other = call(cell[0], register + cell[1], Role.RSSI_OTHER,
          cell[0].equals("POST") ? Map.of("authorisation", "x") : null);
      HttpResponse<String> none = call(cell[0], unknown + cell[1], Role.RSSI_OTHER,
          cell[0].equals("POST") ? Map.of("authorisation", "x") : null);
      assertThat(other.statusCode()).as(cell[1]).isEqualTo(404).isEqualTo(none.statusCode());
      assertThat(other.body().replace(incident, "?")).as(cell[1]).isEqualTo(none.body().replace("INC-1999-0001", "?"));
    }
    // what the refused roles tried changed nothing: only the allowed roles' items and entries exist
    JsonNode items = json.readTree(call("GET", register, Role.REF, null).body());
    assertThat(items.findValuesAsText("by")).doesNotContain(USERS.get(Role.RSSI_OWN), USERS.get(Role.RSSI_OTHER),
        USERS.get(Role.ADMIN), USERS.get(Role.INTEG));
  }

  /** A large item declared by a technician: each role acts on its own. */
  private long declaredItem(String register) throws Exception {
    HttpResponse<String> declared = call("POST", register, Role.TECH, Map.of("kind", "dump-memoire",
        "description", "Dump mémoire", "sha256", "cd".repeat(32), "location", "Scellé S-" + System.nanoTime()));
    assertThat(declared.statusCode()).as(declared.body()).isEqualTo(201);
    return json.readTree(declared.body()).path("id").asLong();
  }

  private int evidenceUploadStatus(Role role, String register) throws Exception {
    return evidenceUploadResponse(role, register).statusCode();
  }

  private JsonNode evidenceUpload(Role role, String register) throws Exception {
    HttpResponse<String> answer = evidenceUploadResponse(role, register);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    return json.readTree(answer.body());
  }

  private HttpResponse<String> evidenceUploadResponse(Role role, String register) throws Exception {
    return send(HttpRequest.newBuilder(uri(register + "?kind=journaux&description=Journaux"))
        .header("Authorization", basic(role)).header("Content-Type", "application/octet-stream")
        .POST(HttpRequest.BodyPublishers.ofString("journal " + role + " " + System.nanoTime())).build());
  }

  @Test
  void anotherClientsDataAnswers404LikeAnUnknownReference() throws Exception {
    for (String path : List.of("/api/security-incidents/" + incident, "/api/security-incidents/" + incident + "/notifications",
        "/api/security-incidents/" + incident + "/file", "/api/security-incidents/" + incident + "/file/versions/1",
        "/api/commissionings/" + DOCUMENT + "/document",
        "/api/clients/" + TestClients.OIV + "/equipment")) {
      assertThat(call("GET", path, Role.RSSI_OTHER, null).statusCode()).as(path).isEqualTo(404);
    }
    assertThat(call("GET", "/api/security-incidents/INC-1999-0001", Role.REF, null).statusCode()).isEqualTo(404);
  }

  // ------------------------------------------------------------------ decisions

  /**
   * A decision is recorded only when its owner makes it, as themself (docs/access-rules.md, "Who
   * makes each decision"): each decision × role over HTTP, the task's form submitted through the
   * engine's REST API as Tasklist does. A candidate who is not the owner, and an administrator (who
   * may complete any task), get a 400 naming who decides; the others do not even reach the task.
   */
  @Test
  void eachDecisionIsRecordedOnlyWhenItsOwnerMakesIt() throws Exception {
    String tomorrow = paris(Instant.now().plusSeconds(86_400));
    // filings and decisions are dated when submitted (typed to the minute), never before the awareness they answer

    decide("Accepter la date de remise en service (accord du client)",
        () -> recoveryTask("Task_AgreeRecoveryDate", true), IncidentForms.recoveryAgreed(),
        Set.of(Role.RSSI_OWN), "seul le RSSI du client « Client OIV » peut accepter la date",
        pi -> assertThat(runtimeService.getVariable(pi, "recoveryAgreedBy")).isEqualTo(TestClients.OIV_RSSI));
    decide("Proposer une date de remise en service", () -> recoveryTask("Task_ProposeRecoveryDate", false),
        IncidentForms.recoveryProposed(tomorrow),
        Set.of(Role.PM), "seul un chef de projet peut proposer",
        pi -> assertThat(runtimeService.getVariable(pi, "recoveryProposedBy")).isEqualTo(USERS.get(Role.PM)));
    decide("Enregistrer l'accord que le client a donné par courriel", () -> recoveryTask("Task_ProposeRecoveryDate", false),
        () -> IncidentForms.recoveryAgreementCollected(tomorrow, "appel", paris(Instant.now()),
            "Appel de M. Durand (RSSI), accord sur la date proposée"),
        Set.of(Role.PM), "seul un chef de projet peut proposer", pi -> {
          assertThat(runtimeService.getVariable(pi, "recoveryAgreementCollectedBy")).isEqualTo(USERS.get(Role.PM));
          assertThat(runtimeService.getVariable(pi, "recoveryAgreedBy")).isNull();
        });
    decide("Renoncer à la capture des preuves", () -> incidentTask("Task_CaptureEvidence"),
        IncidentForms.evidenceWaived("Équipement déjà réinitialisé par le client"),
        Set.of(Role.REF), "seul le référent cybersécurité peut renoncer",
        pi -> assertThat(runtimeService.getVariable(pi, "evidenceRecordedBy")).isEqualTo(USERS.get(Role.REF)));
    decide("Approuver le retour d'expérience", () -> lessonsLearnedApproval(USERS.get(Role.REF)),
        IncidentForms.lessonsApproved(), Set.of(Role.PM), "seul un chef de projet, autre que l'auteur du rapport",
        pi -> assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi)
            .variableName("lessonsLearnedApprovedBy").singleResult().getValue()).isEqualTo(USERS.get(Role.PM)));
    decide("Déposer la notification CNIL", () -> notificationTask("CNIL", "Task_FileReport", "risque"),
        () -> NotificationForms.cnilFiled(paris(Instant.now()), "CNIL-MATRIX", null),
        Set.of(Role.RSSI_OWN, Role.REF), "seul le RSSI du client « Client OIV » dépose la notification", pi -> {});
    decide("Décider que la notification CNIL n'est pas requise",
        () -> notificationTask("CNIL", "Task_FileReport", "risque"),
        NotificationForms.cnilNotRequired("Images chiffrées, clé non compromise"),
        Set.of(Role.RSSI_OWN), "seul le RSSI du client « Client OIV », responsable du traitement", pi -> {});
    decide("Décider de la communication aux personnes concernées",
        () -> notificationTask("CNIL", "Task_DecideDataSubjectsCommunication", "eleve"),
        () -> NotificationForms.dataSubjects("communiquer", paris(Instant.now()), "Affichage sur site"),
        Set.of(Role.RSSI_OWN, Role.REF), "seul le RSSI du client « Client OIV » décide de la communication", pi -> {});
    decide("Déposer la déclaration à l'ANSSI", () -> notificationTask("ANSSI", "Task_FileReport", null),
        () -> NotificationForms.anssiFiled(paris(Instant.now()), "ANSSI-MATRIX", null),
        Set.of(Role.RSSI_OWN, Role.REF), "seul le RSSI du client « Client OIV » dépose les rapports", pi -> {});
    decide("Signer la checklist de durcissement", this::checklistToSign,
        Map.of("signatureDecision", "SIGN", "signatureConfirmed", true), Set.of(Role.TECH),
        "seul un technicien signe la checklist",
        pi -> assertThat(runtimeService.getVariable(pi, "signedBy")).isEqualTo(USERS.get(Role.TECH)));
  }

  /** Four eyes: a project manager who wrote the report (being also the referent) does not approve it. */
  @Test
  void theAuthorOfTheLessonsLearnedDoesNotApproveThem() throws Exception {
    String author = "refpm.matrix";
    TestUsers.ensure(identityService, author, Groups.CYBER_REFERENT);
    TestUsers.ensure(identityService, author, Groups.PROJECT_MANAGERS);
    String task = lessonsLearnedApproval(author);
    HttpResponse<String> own = send(HttpRequest.newBuilder(uri("/engine-rest/task/" + task + "/submit-form"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((author + ":" + TestUsers.PASSWORD)
            .getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
            Map.of("variables", engineVariables(IncidentForms.lessonsApproved()))))).build());
    assertThat(own.statusCode()).isEqualTo(400);
    assertThat(json.readTree(own.body()).path("message").asText()).isEqualTo("Décision non enregistrée : vous avez rédigé "
        + "ce rapport : un autre chef de projet doit l'approuver (principe des quatre yeux).");
    assertThat(taskService.createTaskQuery().taskId(task).count()).isOne();
    assertThat(ok(call("POST", "/engine-rest/task/" + task + "/submit-form", Role.PM,
        Map.of("variables", engineVariables(IncidentForms.lessonsApproved()))))).isTrue();
  }

  interface Fixture {
    String task() throws Exception;
  }

  interface Recorded {
    void check(String processInstanceId) throws Exception;
  }

  /**
   * Every role submits the decision's form on a task waiting for it; a role allowed records it
   * (then the next role gets a new task), one refused changes nothing. An administrator's refusal
   * names who decides.
   */
  private void decide(String decision, Fixture fixture, Map<String, Object> form, Set<Role> owners, String whoDecides,
      Recorded recorded) throws Exception {
    decide(decision, fixture, () -> form, owners, whoDecides, recorded);
  }

  private void decide(String decision, Fixture fixture, java.util.function.Supplier<Map<String, Object>> form,
      Set<Role> owners, String whoDecides, Recorded recorded) throws Exception {
    Map<Role, Boolean> actual = new LinkedHashMap<>();
    Map<Role, Boolean> expected = new LinkedHashMap<>();
    String task = fixture.task();
    for (Role role : Role.values()) {
      String processInstance = taskService.createTaskQuery().taskId(task).singleResult().getProcessInstanceId();
      HttpResponse<String> answer = call("POST", "/engine-rest/task/" + task + "/submit-form", role,
          Map.of("variables", engineVariables(form.get())));
      boolean done = ok(answer);
      actual.put(role, done);
      expected.put(role, owners.contains(role));
      if (done) {
        recorded.check(processInstance);
        task = fixture.task();
      } else {
        assertThat(taskService.createTaskQuery().taskId(task).count()).as(decision + ": " + role + " changed nothing").isOne();
        if (role == Role.ADMIN) {
          assertThat(answer.statusCode()).as(decision + ": administrator").isEqualTo(400);
          assertThat(json.readTree(answer.body()).path("message").asText()).as(decision + ": administrator")
              .contains(whoDecides).doesNotContain("Exception", "ENGINE-");
        }
      }
    }
    assertThat(actual).as(decision).isEqualTo(expected);
  }

  // ---------- fixtures: the real processes of client-oiv, driven through their forms by staff

  private static final List<String> EVERY_CLIENT = List.of(TestClients.OIV, TestClients.PLAIN);

  /** The person of a role: staff in every client's tenant, the RSSI of client-oiv in its own. */
  private static Person person(Role role) {
    return new Person(USERS.get(role), List.copyOf(GROUPS.get(role)),
        role == Role.RSSI_OWN ? List.of(TestClients.OIV) : EVERY_CLIENT);
  }

  /** Submits the task's form as the role, in the instance or one it called, then runs the jobs that follow. */
  private void submitAs(Role role, String processInstance, String taskKey, Map<String, Object> form) {
    steps.submit(processInstance, taskKey, person(role), form);
    steps.runDueJobs(processInstance);
  }

  /** The task waiting in the instance or in an instance it called (a notification's report, regulatory-report). */
  private String waitingTask(String processInstance, String taskKey) {
    return steps.task(processInstance, taskKey).getId();
  }

  /** A security incident of client-oiv reported by a technician and qualified by the referent. */
  private String qualifiedIncident(boolean personalData) throws Exception {
    String pi = steps.start("security-incident", person(Role.TECH), IncidentForms.report(TestClients.OIV,
        List.of("site-nord"), "technicien-sur-site", "NVR-MATRIX", "Compte inconnu sur le NVR")).getId();
    steps.runDueJobs(pi);
    submitAs(Role.REF, pi, "Task_QualifyIncident",
        IncidentForms.qualification("critique", "intrusion", personalData, List.of("site-nord"), "NVR-MATRIX"));
    return pi;
  }

  private String incidentTask(String taskKey) throws Exception {
    return waitingTask(qualifiedIncident(false), taskKey);
  }

  private void captureAndContain(String pi) throws Exception {
    submitAs(Role.TECH, pi, "Task_CaptureEvidence", IncidentForms.evidenceCaptured(IncidentForms.evidence(1, "journaux",
        "Journaux du NVR", "Coffre de preuves", IncidentForms.SHA, paris(Instant.now().minusSeconds(300)))));
    submitAs(Role.TECH, pi, "Task_ContainIncident", IncidentForms.containment("Fait"));
  }

  /** "Proposer une date" (or, once a date is proposed, "Valider la date") of a new incident. */
  private String recoveryTask(String taskKey, boolean proposed) throws Exception {
    String pi = qualifiedIncident(false);
    captureAndContain(pi);
    if (proposed) {
      submitAs(Role.PM, pi, "Task_ProposeRecoveryDate",
          IncidentForms.recoveryProposal(paris(Instant.now().plusSeconds(86_400))));
    }
    return waitingTask(pi, taskKey);
  }

  /** "Approuver le retour d'expérience" of a closed incident whose report {@code author} wrote. */
  private String lessonsLearnedApproval(String author) throws Exception {
    String pi = recoveryTask("Task_AgreeRecoveryDate", true);
    String processInstance = taskService.createTaskQuery().taskId(pi).singleResult().getProcessInstanceId();
    submitAs(Role.RSSI_OWN, processInstance, "Task_AgreeRecoveryDate", IncidentForms.recoveryAgreed());
    submitAs(Role.TECH, processInstance, "Task_EradicateThreat", IncidentForms.eradication());
    submitAs(Role.TECH, processInstance, "Task_VerifyIntegrity", IncidentForms.integrity());
    // a day before the agreed date: the client agreed to it
    submitAs(Role.TECH, processInstance, "Task_ReturnToService", IncidentForms.returnToService());
    steps.submit(processInstance, "Task_WriteLessonsLearned", new Person(author, List.of(Groups.CYBER_REFERENT_ID),
        EVERY_CLIENT), IncidentForms.lessonsLearned("Mot de passe par défaut", "Délais tenus", "Contrôle des comptes par défaut"));
    return waitingTask(processInstance, "Task_ApproveLessonsLearned");
  }

  /**
   * A task of the CNIL or ANSSI notification of a new incident with images of people: the client
   * told, the report drafted by the referent ({@code risk} for the CNIL draft), and for the
   * communication to the persons the CNIL filing recorded.
   */
  private String notificationTask(String authority, String taskKey, String risk) throws Exception {
    String incident = qualifiedIncident(true);
    String reference = (String) runtimeService.getVariable(incident, "reference");
    String pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference + "-" + authority)
        .singleResult().getId();
    submitAs(Role.REF, pi, "Task_InformClient", NotificationForms.clientInformedByMail());
    if ("CNIL".equals(authority)) {
      submitAs(Role.REF, pi, "Task_DraftReport", NotificationForms.cnilDraft("Accès aux enregistrements",
          List.of("salariés"), 40, "vidéos", 300, "dpo@client.example", "Atteinte à la vie privée", "Comptes révoqués", risk));
      if (taskKey.equals("Task_DecideDataSubjectsCommunication")) {
        submitAs(Role.REF, pi, "Task_FileReport",
            NotificationForms.cnilFiled(paris(Instant.now()), "CNIL-MATRIX-0", null));
      }
    } else {
      submitAs(Role.REF, pi, "Task_DraftReport", NotificationForms.oivDeclaration("Intrusion sur le VMS",
          "Vidéoprotection du site Nord", "Supervision interrompue"));
    }
    return waitingTask(pi, taskKey);
  }

  private String checklistToSign() throws Exception {
    String pi = steps.as(person(Role.TECH), () -> runtimeService.startProcessInstanceByKey("vms-commissioning",
        com.mileotech.cyber.commissioning.CommissioningForms.start(TestClients.OIV, "site-nord", "MX-D-" + System.nanoTime()))
        .getId());
    steps.runDueJobs(pi);
    submitAs(Role.TECH, pi, "Task_FillChecklist", com.mileotech.cyber.commissioning.CommissioningForms.fillAllConforme());
    return waitingTask(pi, "Task_SignChecklist");
  }

  private static String paris(Instant instant) {
    return java.time.LocalDateTime.ofInstant(instant.truncatedTo(java.time.temporal.ChronoUnit.MINUTES),
        java.time.ZoneId.of("Europe/Paris")).toString();
  }

  // ------------------------------------------------------------------ helpers

  interface Check {
    boolean allowed(Role role) throws Exception;
  }

  private void expect(String action, Check check, Set<Role> allowed) throws Exception {
    Map<Role, Boolean> actual = new LinkedHashMap<>();
    Map<Role, Boolean> expected = new LinkedHashMap<>();
    for (Role role : Role.values()) {
      actual.put(role, check.allowed(role));
      expected.put(role, allowed.contains(role));
    }
    assertThat(actual).as(action).isEqualTo(expected);
  }

  /** A task of the given client offered to the given groups, like the models' tasks. */
  private String taskOfClient(String clientId, Set<String> candidates) {
    String process = "matrix-task";
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(process).count() == 0) {
      repositoryService.createDeployment().addModelInstance(process + ".bpmn",
          Bpmn.createExecutableProcess(process).camundaHistoryTimeToLive(1).startEvent()
              .userTask("Task_Matrix").name("Tâche de contrôle").camundaCandidateGroups("${candidates}").endEvent().done())
          .deploy();
    }
    String pi = runtimeService.startProcessInstanceByKey(process,
        Map.of("clientId", clientId, "candidates", String.join(",", candidates))).getId();
    return taskService.createTaskQuery().processInstanceId(pi).singleResult().getId();
  }

  private boolean webappLogin(Role role, String app) throws IOException, InterruptedException {
    return WebappSession.login(port, app, USERS.get(role), password(role)).loggedIn();
  }

  private String latestDefinition(String key) {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult().getId();
  }

  /** Started, or past the grants and refused by the process for what was sent (not for who sent it). */
  private static boolean startedOrRefusedByTheProcess(HttpResponse<String> response) {
    return ok(response) || (response.statusCode() != 403 && response.statusCode() != 404
        && response.body().contains("refusée"));
  }

  private Map<String, Object> engineVariables(Map<String, Object> values) {
    Map<String, Object> variables = new HashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return variables;
  }

  private long count(String path, Role role) throws Exception {
    HttpResponse<String> response = call("GET", path, role, null);
    if (response.statusCode() != 200) {
      return 0;
    }
    JsonNode body = json.readTree(response.body());
    return body.isArray() ? body.size() : 1;
  }

  private HttpResponse<String> call(String method, String path, Role role, Object body) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", basic(role));
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
    }
    return send(request.build());
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static boolean ok(HttpResponse<String> response) {
    return response.statusCode() >= 200 && response.statusCode() < 300;
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String basic(Role role) {
    return "Basic " + Base64.getEncoder().encodeToString((USERS.get(role) + ":" + password(role)).getBytes(StandardCharsets.UTF_8));
  }

  private static String password(Role role) {
    return role == Role.ADMIN ? TestUsers.ADMIN_PASSWORD : TestUsers.PASSWORD;
  }
}
