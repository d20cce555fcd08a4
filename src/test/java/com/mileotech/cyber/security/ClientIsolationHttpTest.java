package com.mileotech.cyber.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mileotech.cyber.EngineSteps;
import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestClients;
import com.mileotech.cyber.TestUsers;
import com.mileotech.cyber.WebappSession;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.client.ClientService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Element;

/**
 * Issue 14, "nothing of another client, not even its existence", over HTTP against the running
 * application, as a client's RSSI would try it: another client's task, instance, execution, job,
 * variable, external task and incident answer exactly as an unknown id (same status, same body
 * once the id is replaced), through /engine-rest and through a Tasklist session; no start form is
 * readable by someone who may not start the process; no other client's name, site or reference is
 * readable anywhere.
 *
 * <p>The probe process grants the RSSI group every permission on its definition, so that only
 * the client (tenant) separates the attacker from the data: the strongest case.
 */
@IntegrationTest
class ClientIsolationHttpTest {

  /** The RSSI of client-plain, trying client-oiv's ids. */
  static final String ATTACKER = TestClients.PLAIN_RSSI;
  /** The RSSI of client-oiv: reads the same ids (proves they are real). */
  static final String OWNER = TestClients.OIV_RSSI;
  static final String PROBE = "client-isolation-probe";
  static final String SECRET = "Secret du Client OIV";

  enum Control { OWNER_READS, OWNER_LISTS, NONE }

  /** One engine REST call about an id of kind {kind} (task, process, ...), written with placeholders. */
  record Probe(String method, String path, String body, Control control) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  private static Probe get(String path, Control control) {
    return new Probe("GET", path, null, control);
  }

  private static Probe call(String method, String path, String body) {
    return new Probe(method, path, body, Control.NONE);
  }

  /**
   * Every engine REST call about one task / instance / execution / job / variable / external task /
   * incident tried here. Another client's id must answer as an unknown id of the same shape.
   */
  static final List<Probe> ENDPOINTS = List.of(
      // tasks
      get("/task/{task}", Control.OWNER_READS),
      get("/task/{task}/form", Control.OWNER_READS),
      get("/task/{task}/form-variables", Control.OWNER_READS),
      get("/task/{task}/variables", Control.OWNER_READS),
      get("/task/{task}/variables/probeSecret", Control.OWNER_READS),
      get("/task/{task}/localVariables", Control.OWNER_READS),
      get("/task/{task}/rendered-form", Control.NONE),
      get("/task/{task}/deployed-form", Control.OWNER_READS),
      get("/task/{task}/identity-links", Control.OWNER_READS),
      get("/task/{task}/comment", Control.OWNER_READS),
      get("/task/{task}/attachment", Control.OWNER_READS),
      get("/task?taskId={task}", Control.OWNER_LISTS),
      get("/task/{incidentTask}/form-variables", Control.NONE),
      get("/task/{incidentTask}/deployed-form", Control.NONE),
      get("/task/{incidentTask}/variables", Control.NONE),
      call("POST", "/task/{task}/claim", "{\"userId\":\"" + ATTACKER + "\"}"),
      call("POST", "/task/{task}/unclaim", null),
      call("POST", "/task/{task}/assignee", "{\"userId\":null}"),
      call("POST", "/task/{task}/claim", "{\"userId\":null}"),
      call("POST", "/task/{task}/assignee", "{\"userId\":\"" + ATTACKER + "\"}"),
      call("POST", "/task/{task}/delegate", "{\"userId\":\"" + ATTACKER + "\"}"),
      call("POST", "/task/{task}/complete", "{\"variables\":{}}"),
      call("POST", "/task/{task}/submit-form", "{\"variables\":{}}"),
      call("POST", "/task/{task}/bpmnError", "{\"errorCode\":\"probe\"}"),
      call("POST", "/task/{task}/variables", "{\"modifications\":{\"probeSecret\":{\"value\":\"x\"}}}"),
      call("PUT", "/task/{task}/localVariables/probeLocal", "{\"value\":\"x\",\"type\":\"String\"}"),
      call("DELETE", "/task/{task}/variables/probeSecret", null),
      call("POST", "/task/{task}/comment/create", "{\"message\":\"x\"}"),
      call("POST", "/task/{task}/identity-links", "{\"groupId\":\"client-rssi\",\"type\":\"candidate\"}"),
      call("POST", "/task/{incidentTask}/complete", "{\"variables\":{}}"),
      call("POST", "/task/{incidentTask}/submit-form", "{\"variables\":{}}"),
      // process instances
      get("/process-instance/{process}", Control.OWNER_READS),
      get("/process-instance/{process}/variables", Control.OWNER_READS),
      get("/process-instance/{process}/variables/probeSecret", Control.OWNER_READS),
      get("/process-instance/{process}/activity-instances", Control.OWNER_READS),
      get("/process-instance/{process}/comment", Control.OWNER_READS),
      get("/process-instance?processInstanceIds={process}", Control.OWNER_LISTS),
      get("/process-instance/{incidentProcess}", Control.OWNER_READS),
      get("/process-instance/{incidentProcess}/variables", Control.OWNER_READS),
      get("/process-instance/{incidentProcess}/activity-instances", Control.OWNER_READS),
      call("PUT", "/process-instance/{process}/variables/probeSecret", "{\"value\":\"x\",\"type\":\"String\"}"),
      call("POST", "/process-instance/{process}/variables", "{\"modifications\":{\"probeSecret\":{\"value\":\"x\"}}}"),
      call("DELETE", "/process-instance/{process}/variables/probeSecret", null),
      call("PUT", "/process-instance/{process}/suspended", "{\"suspended\":true}"),
      call("POST", "/process-instance/{process}/modification",
          "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_Probe\"}]}"),
      call("DELETE", "/process-instance/{process}", null),
      call("PUT", "/process-instance/suspended", "{\"processInstanceIds\":[\"{process}\"],\"suspended\":true}"),
      call("POST", "/process-instance/delete", "{\"processInstanceIds\":[\"{process}\"]}"),
      call("POST", "/process-instance/{incidentProcess}/variables",
          "{\"modifications\":{\"severity\":{\"value\":\"mineur\"}}}"),
      call("PUT", "/process-instance/{incidentProcess}/suspended", "{\"suspended\":true}"),
      // executions and messages
      get("/execution/{execution}", Control.OWNER_READS),
      get("/execution/{execution}/localVariables", Control.OWNER_READS),
      get("/execution/{execution}/messageSubscriptions/ProbeMessage", Control.OWNER_READS),
      get("/execution?processInstanceId={process}", Control.OWNER_LISTS),
      get("/event-subscription?processInstanceId={process}", Control.OWNER_LISTS),
      call("POST", "/execution/{execution}/signal", "{}"),
      call("PUT", "/execution/{execution}/localVariables/probeLocal", "{\"value\":\"x\",\"type\":\"String\"}"),
      call("POST", "/execution/{execution}/messageSubscriptions/ProbeMessage/trigger", "{}"),
      call("POST", "/message", "{\"messageName\":\"ProbeMessage\",\"processInstanceId\":\"{process}\"}"),
      call("POST", "/message", "{\"messageName\":\"ProbeMessage\",\"businessKey\":\"{businessKey}\"}"),
      get("/process-instance?businessKey={businessKey}", Control.OWNER_LISTS),
      get("/history/process-instance?processInstanceBusinessKey={businessKey}", Control.OWNER_LISTS),
      get("/process-instance?businessKey={incidentReference}", Control.OWNER_LISTS),
      // jobs (the operations side is staff's: 403 to every RSSI, ClientFacingEngineApi; still the same answer)
      get("/job/{job}", Control.NONE),
      get("/job/{job}/stacktrace", Control.NONE),
      get("/job?jobIds={job}", Control.NONE),
      call("PUT", "/job/{job}/retries", "{\"retries\":3}"),
      call("PUT", "/job/{job}/duedate", "{\"duedate\":\"2030-01-01T00:00:00.000+0000\"}"),
      call("POST", "/job/{job}/execute", null),
      call("PUT", "/job/{job}/suspended", "{\"suspended\":true}"),
      call("PUT", "/job/{job}/priority", "{\"priority\":5}"),
      call("DELETE", "/job/{job}", null),
      call("PUT", "/job/suspended", "{\"processInstanceId\":\"{process}\",\"suspended\":true}"),
      call("POST", "/job/retries", "{\"jobIds\":[\"{job}\"],\"retries\":0}"),
      // variables
      get("/variable-instance/{variable}", Control.OWNER_READS),
      get("/variable-instance/{variable}/data", Control.OWNER_READS),
      get("/variable-instance?variableInstanceIdIn={variable}", Control.OWNER_LISTS),
      // external tasks and incidents
      get("/external-task/{externalTask}", Control.NONE),
      get("/external-task/{externalTask}/errorDetails", Control.NONE),
      call("PUT", "/external-task/{externalTask}/retries", "{\"retries\":1}"),
      call("PUT", "/external-task/{externalTask}/priority", "{\"priority\":1}"),
      call("POST", "/external-task/{externalTask}/complete", "{\"workerId\":\"probe\"}"),
      call("POST", "/external-task/{externalTask}/lock", "{\"workerId\":\"probe\",\"lockDuration\":60000}"),
      call("POST", "/external-task/{externalTask}/failure",
          "{\"workerId\":\"probe\",\"errorMessage\":\"x\",\"retries\":0,\"retryTimeout\":0}"),
      call("POST", "/external-task/{externalTask}/extendLock", "{\"workerId\":\"probe\",\"newDuration\":60000}"),
      call("POST", "/external-task/fetchAndLock",
          "{\"workerId\":\"{externalTask}\",\"maxTasks\":10,\"topics\":[{\"topicName\":\"probe\",\"lockDuration\":60000}]}"),
      get("/incident/{incident}", Control.NONE),
      call("PUT", "/incident/{incident}/annotation", "{\"annotation\":\"x\"}"),
      call("DELETE", "/incident/{incident}", null),
      // history
      get("/history/process-instance/{process}", Control.OWNER_READS),
      get("/history/process-instance?processInstanceId={process}", Control.OWNER_LISTS),
      get("/history/task?taskId={task}", Control.OWNER_LISTS),
      get("/history/activity-instance?processInstanceId={process}", Control.OWNER_LISTS),
      get("/history/variable-instance/{historicVariable}", Control.OWNER_READS),
      get("/history/variable-instance?processInstanceId={process}", Control.OWNER_LISTS),
      get("/history/detail/{detail}", Control.OWNER_READS),
      get("/history/detail?processInstanceId={process}", Control.OWNER_LISTS),
      get("/history/identity-link-log?taskId={task}", Control.OWNER_LISTS),
      get("/history/incident?incidentId={incident}", Control.NONE),
      get("/history/job-log?jobId={job}", Control.NONE),
      get("/history/user-operation?processInstanceId={process}", Control.NONE),
      call("DELETE", "/history/process-instance/{process}", null),
      call("DELETE", "/history/process-instance/{process}/variable-instances", null),
      call("POST", "/signal", "{\"name\":\"ProbeSignal\",\"executionId\":\"{execution}\"}"),
      // the client itself: its tenant and its RSSI's account
      get("/tenant/{tenant}", Control.NONE),
      get("/tenant?id={tenant}", Control.NONE),
      get("/tenant/count?id={tenant}", Control.NONE),
      get("/user?memberOfTenant={tenant}", Control.NONE),
      get("/user/{user}/profile", Control.NONE),
      get("/tenant?userMember={user}", Control.NONE),
      get("/group?member={user}", Control.NONE),
      get("/group/count?member={user}", Control.NONE),
      get("/identity/groups?userId={user}", Control.NONE));

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired ClientRepository clients;
  @Autowired ClientService clientService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired EngineSteps steps;
  @Autowired ExternalTaskService externalTaskService;
  @Autowired HistoryService historyService;

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  /** Ids of client-oiv's probe instance and of a real security incident of client-oiv, by kind. */
  private static Map<String, String> target;
  private static String incidentReference;
  private static String probeBusinessKey;

  @BeforeEach
  void fixtures() throws Exception {
    TestClients.ensure(identityService, clients, clientService);
    TestUsers.ensure(identityService, "tech.isolation", Groups.TECHNICIANS);
    TestUsers.ensure(identityService, "pm.isolation", Groups.PROJECT_MANAGERS);
    TestUsers.ensure(identityService, "ref.isolation", Groups.CYBER_REFERENT);
    TestUsers.ensure(identityService, "integ.isolation", Groups.INTEGRATIONS);
    if (target != null) {
      return;
    }
    deployProbe();
    probeBusinessKey = "PROBE-OIV-" + System.nanoTime();
    String process = runtimeService.startProcessInstanceByKey(PROBE, probeBusinessKey, Variables.createVariables()
        .putValue("clientId", TestClients.OIV).putValue("probeSecret", SECRET)
        .putValue("probeBytes", Variables.byteArrayValue(SECRET.getBytes(StandardCharsets.UTF_8)))).getId();
    Map<String, String> ids = new LinkedHashMap<>();
    ids.put("process", process);
    String task = taskService.createTaskQuery().processInstanceId(process).singleResult().getId();
    ids.put("task", task);
    taskService.setVariableLocal(task, "probeLocal", SECRET);
    taskService.createComment(task, process, SECRET);
    String execution = runtimeService.createExecutionQuery().processInstanceId(process).activityId("Task_Wait")
        .singleResult().getId();
    ids.put("execution", execution);
    runtimeService.setVariableLocal(execution, "probeLocal", SECRET);
    ids.put("job", managementService.createJobQuery().processInstanceId(process).singleResult().getId());
    ids.put("variable", runtimeService.createVariableInstanceQuery().processInstanceIdIn(process)
        .variableName("probeBytes").singleResult().getId());
    ids.put("externalTask", externalTaskService.createExternalTaskQuery().processInstanceId(process).singleResult().getId());
    ids.put("incident", runtimeService.createIncident("probe", execution, "probe-configuration", SECRET).getId());
    ids.put("historicVariable", historyService.createHistoricVariableInstanceQuery().processInstanceId(process)
        .variableName("probeSecret").singleResult().getId());
    ids.put("detail", historyService.createHistoricDetailQuery().processInstanceId(process).variableUpdates().list()
        .get(0).getId());

    // a real security incident of client-oiv, reported by the supervision platform
    HttpResponse<String> reported = send(basic(HttpRequest.newBuilder(uri("/api/security-incidents")), "integ.isolation")
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of(
            "clientId", TestClients.OIV, "siteIds", List.of("site-nord"), "detectionSource", "alerte-supervision",
            "equipment", "NVR-ISOLATION", "description", "Sonde d'isolation entre clients",
            "detectedAt", OffsetDateTime.now().minusMinutes(5).toString())))).build());
    assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
    incidentReference = json.readTree(reported.body()).get("reference").asText();
    String incidentProcess = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(incidentReference)
        .singleResult().getId();
    steps.runDueJobs(incidentProcess);
    ids.put("incidentProcess", incidentProcess);
    ids.put("incidentTask", taskService.createTaskQuery().processInstanceId(incidentProcess).list().get(0).getId());
    ids.put("businessKey", probeBusinessKey);
    ids.put("incidentReference", incidentReference);
    ids.put("tenant", TestClients.OIV);
    ids.put("user", OWNER);
    target = ids;
  }

  /**
   * A user task offered to the RSSIs with a form, a timer, an external task, a receive task; the
   * RSSI group holds every permission on it, so only the tenant check separates two clients.
   */
  private void deployProbe() {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROBE).count() > 0) {
      return;
    }
    String form = "{\"id\":\"probe-form\",\"type\":\"default\",\"schemaVersion\":16,\"components\":"
        + "[{\"key\":\"probeSecret\",\"label\":\"Secret\",\"type\":\"textfield\",\"id\":\"Field_1\"}]}";
    repositoryService.createDeployment().name(PROBE)
        .addString("probe.form", form)
        .addModelInstance(PROBE + ".bpmn", Bpmn.createExecutableProcess(PROBE).camundaHistoryTimeToLive(1)
            .startEvent().parallelGateway("Gateway_Fork")
            .userTask("Task_Probe").name("Tâche sonde").camundaCandidateGroups("client-rssi")
            .camundaFormKey("camunda-forms:deployment:probe.form")
            .boundaryEvent("Timer_Probe").cancelActivity(false).timerWithDuration("P1D").endEvent()
            .moveToActivity("Task_Probe").endEvent()
            .moveToNode("Gateway_Fork").serviceTask("Task_External").camundaExternalTask("probe").endEvent()
            .moveToNode("Gateway_Fork").receiveTask("Task_Wait").message("ProbeMessage").endEvent()
            .done())
        .deploy();
    Authorization all = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    all.setGroupId(Groups.CLIENT_RSSI_ID);
    all.setResource(Resources.PROCESS_DEFINITION);
    all.setResourceId(PROBE);
    all.addPermission(Permissions.ALL);
    authorizationService.saveAuthorization(all);
  }

  // ------------------------------------------------------------------ ids of another client

  @Test
  void anotherClientsIdsAnswerExactlyAsUnknownIdsOverEngineRest() throws Exception {
    assertAnswersAsUnknown("/engine-rest", (method, path, body) -> send(basic(request(path, method, body), ATTACKER).build()),
        (method, path, body) -> send(basic(request(path, method, body), OWNER).build()));
  }

  @Test
  void anotherClientsIdsAnswerExactlyAsUnknownIdsThroughATasklistSession() throws Exception {
    WebappSession attacker = WebappSession.login(port, "tasklist", ATTACKER, TestUsers.PASSWORD);
    WebappSession owner = WebappSession.login(port, "tasklist", OWNER, TestUsers.PASSWORD);
    assertThat(attacker.loggedIn()).isTrue();
    assertThat(owner.loggedIn()).isTrue();
    assertAnswersAsUnknown(WebappSession.ENGINE_API, attacker::send, owner::send);
  }

  interface Caller {
    HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException;
  }

  private void assertAnswersAsUnknown(String prefix, Caller attacker, Caller owner) throws Exception {
    assertThat(ENDPOINTS).hasSizeGreaterThanOrEqualTo(10);
    Map<String, String> unknown = new LinkedHashMap<>();
    target.keySet().forEach(kind -> unknown.put(kind, UUID.randomUUID().toString()));
    List<String> differences = new ArrayList<>();
    List<String> controlsFailed = new ArrayList<>();
    for (Probe probe : ENDPOINTS) {
      if (probe.control() != Control.NONE) {
        HttpResponse<String> own = owner.send(probe.method(), prefix + fill(probe.path(), target), fill(probe.body(), target));
        boolean read = own.statusCode() / 100 == 2 && (probe.control() == Control.OWNER_READS || isNonEmptyArray(own.body()));
        if (!read) {
          controlsFailed.add(probe + " -> " + own.statusCode() + " " + own.body());
        }
      }
      HttpResponse<String> other = attacker.send(probe.method(), prefix + fill(probe.path(), target), fill(probe.body(), target));
      HttpResponse<String> none = attacker.send(probe.method(), prefix + fill(probe.path(), unknown), fill(probe.body(), unknown));
      String otherAnswer = other.statusCode() + " " + anonymize(other.body(), target);
      String unknownAnswer = none.statusCode() + " " + anonymize(none.body(), unknown);
      if (!otherAnswer.equals(unknownAnswer)) {
        differences.add(probe + "\n    another client's: " + otherAnswer + "\n    unknown:          " + unknownAnswer);
      }
    }
    assertThat(controlsFailed).as("the owner's RSSI reads these ids (else the comparison proves nothing)").isEmpty();
    assertThat(differences).as("another client's id answered differently from an unknown id").isEmpty();
    // nothing the attacker sent changed anything
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(target.get("process")).active().count()).isOne();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(target.get("incidentProcess")).active().count())
        .isOne();
    assertThat(taskService.createTaskQuery().taskId(target.get("task")).taskUnassigned().active().count()).isOne();
    assertThat(taskService.getIdentityLinksForTask(target.get("task"))).hasSize(1);
    assertThat(taskService.getTaskComments(target.get("task"))).hasSize(1);
    assertThat(taskService.getVariableLocal(target.get("task"), "probeLocal")).isEqualTo(SECRET);
    assertThat(runtimeService.getVariable(target.get("process"), "probeSecret")).isEqualTo(SECRET);
    assertThat(runtimeService.getVariableLocal(target.get("execution"), "probeLocal")).isEqualTo(SECRET);
    assertThat(runtimeService.getVariable(target.get("incidentProcess"), "severity")).isNotEqualTo("mineur");
    assertThat(managementService.createJobQuery().jobId(target.get("job")).active().withRetriesLeft().count()).isOne();
    assertThat(externalTaskService.createExternalTaskQuery().externalTaskId(target.get("externalTask")).notLocked().active()
        .count()).isOne();
    assertThat(runtimeService.createIncidentQuery().incidentId(target.get("incident")).count()).isOne();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(target.get("process")).count())
        .isGreaterThanOrEqualTo(4);
  }

  // ------------------------------------------------------------------ start forms

  @Test
  void onlyThoseWhoMayStartAProcessReadItsStartForm() throws Exception {
    List<String> processes = processesOfTheProduct();
    assertThat(processes).contains("security-incident", "vms-commissioning", "security-update");
    WebappSession session = WebappSession.login(port, "tasklist", ATTACKER, TestUsers.PASSWORD);
    List<String> readable = new ArrayList<>();
    for (String rssi : List.of(ATTACKER, OWNER)) {
      for (String key : processes) {
        String id = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
            .singleResult().getId();
        for (String form : List.of("startForm", "deployed-start-form", "form-variables", "rendered-form")) {
          for (String path : List.of("/process-definition/key/" + key + "/" + form, "/process-definition/" + id + "/" + form)) {
            HttpResponse<String> response = send(basic(request("/engine-rest" + path, "GET", null), rssi).build());
            if (response.statusCode() != 403 && response.statusCode() != 404) {
              readable.add(rssi + " GET /engine-rest" + path + " -> " + response.statusCode() + " " + response.body());
            }
          }
        }
      }
    }
    for (String key : processes) {
      for (String form : List.of("startForm", "deployed-start-form", "form-variables", "rendered-form")) {
        String path = WebappSession.ENGINE_API + "/process-definition/key/" + key + "/" + form;
        HttpResponse<String> response = session.send("GET", path, null, "*/*");
        if (response.statusCode() != 403 && response.statusCode() != 404) {
          readable.add("Tasklist session " + path + " -> " + response.statusCode() + " " + response.body());
        }
      }
    }
    assertThat(readable).as("start forms an RSSI read").isEmpty();

    // staff who report incidents still pick the client and its sites in the start form
    for (String staff : List.of("tech.isolation", "pm.isolation", "ref.isolation")) {
      HttpResponse<String> form = send(basic(request(
          "/engine-rest/process-definition/key/security-incident/deployed-start-form", "GET", null), staff).build());
      assertThat(form.statusCode()).as(staff + " " + form.body()).isEqualTo(200);
      assertThat(form.body()).as(staff).contains("Client OIV", "Site Nord", "Client sans régime", "Boutique");
    }
  }

  // ------------------------------------------------------------------ nothing readable anywhere

  /** Everything an RSSI can list through the engine's REST API (what Tasklist itself calls included). */
  static final List<String> LISTS = List.of(
      "/process-definition", "/process-definition/statistics?failedJobs=true&incidents=true",
      "/process-definition/key/" + PROBE + "/statistics?failedJobs=true&incidents=true",
      "/process-definition/key/security-incident/statistics", "/decision-definition", "/decision-requirements-definition",
      "/deployment", "/filter?itemCount=true", "/task", "/task/count", "/task/report/candidate-group-count",
      "/process-instance", "/execution", "/variable-instance", "/job", "/job-definition", "/incident", "/external-task",
      "/event-subscription", "/history/process-instance", "/history/task", "/history/variable-instance",
      "/history/detail", "/history/activity-instance", "/history/incident", "/history/job-log",
      "/history/identity-link-log", "/history/external-task-log", "/history/user-operation",
      "/history/decision-instance", "/history/task/report?reportType=count&groupBy=processDefinition",
      "/history/batch", "/batch", "/tenant",
      "/tenant?userMember=" + OWNER, "/user", "/group", "/identity/groups?userId=" + ATTACKER, "/authorization",
      "/process-definition/key/security-incident/xml", "/process-definition/key/" + PROBE + "/xml",
      "/decision-definition/key/regulatory-obligations/xml", "/process-definition/key/security-incident/deployed-start-form",
      "/process-definition/key/vms-commissioning/deployed-start-form");

  @Test
  void noOtherClientsNameSiteOrReferenceIsReadableAnywhere() throws Exception {
    List<String> markers = List.of(TestClients.OIV, "Client OIV", "Site Nord", "Site Sud", SECRET, incidentReference,
        probeBusinessKey, target.get("process"));
    WebappSession session = WebappSession.login(port, "tasklist", ATTACKER, TestUsers.PASSWORD);
    List<String> paths = new ArrayList<>(LISTS);
    for (var deployment : repositoryService.createDeploymentQuery().list()) {
      paths.add("/deployment/" + deployment.getId());
      for (var resource : repositoryService.getDeploymentResources(deployment.getId())) {
        paths.add("/deployment/" + deployment.getId() + "/resources/" + resource.getId() + "/data");
      }
    }
    HttpResponse<String> filters = send(basic(request("/engine-rest/filter", "GET", null), ATTACKER).build());
    for (JsonNode filter : json.readTree(filters.body())) {
      paths.add("/filter/" + filter.get("id").asText() + "/list");
    }
    List<String> leaks = new ArrayList<>();
    for (String path : paths) {
      List<HttpResponse<String>> answers = List.of(send(basic(request("/engine-rest" + path, "GET", null), ATTACKER).build()),
          session.send("GET", WebappSession.ENGINE_API + path, null));
      for (HttpResponse<String> answer : answers) {
        for (String marker : markers) {
          if (answer.body() != null && answer.body().contains(marker)) {
            leaks.add(answer.request().uri().getPath() + " shows " + marker);
          }
        }
      }
    }
    // Cockpit's own API opens to any webapp session (its plugins check the engine login, not the app)
    for (String path : List.of("/process-instance", "/process-instance/count", "/incident", "/incident/count",
        "/process-definition/statistics", "/process-definition/statistics-count",
        "/process-instance/" + target.get("process") + "/called-process-instances",
        "/process-instance/" + target.get("incidentProcess") + "/called-process-instances")) {
      HttpResponse<String> answer = session.send("GET", "/camunda/api/cockpit/plugin/base/default" + path, null);
      for (String marker : markers) {
        if (answer.body() != null && answer.body().contains(marker)) {
          leaks.add(answer.request().uri().getPath() + " shows " + marker);
        }
      }
    }
    assertThat(leaks).isEmpty();
    // the same lists do show the owner's RSSI their client's data (the scan can find a leak)
    HttpResponse<String> own = send(basic(request("/engine-rest/history/variable-instance?processInstanceId="
        + target.get("process"), "GET", null), OWNER).build());
    assertThat(own.body()).contains(SECRET);
    // nor are another client's cases counted: statistics of the probe's model, where only client-oiv works
    String statistics = "/engine-rest/process-definition/key/" + PROBE + "/statistics?failedJobs=true&incidents=true";
    assertThat(send(basic(request(statistics, "GET", null), ATTACKER).build()).body()).isEqualTo("[]");
    assertThat(isNonEmptyArray(send(basic(request(statistics, "GET", null), OWNER).build()).body())).isTrue();
    // Camunda counts every client's history here: only for those who see every client
    String probe = repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROBE).latestVersion()
        .singleResult().getId();
    String history = "/engine-rest/history/process-definition/" + probe + "/statistics?incidents=true";
    assertThat(send(basic(request(history, "GET", null), ATTACKER).build()).body()).isEqualTo("[]");
    assertThat(send(basic(request(history, "GET", null), OWNER).build()).body()).isEqualTo("[]");
    assertThat(isNonEmptyArray(send(request(history, "GET", null).header("Authorization", "Basic " + Base64.getEncoder()
        .encodeToString((TestUsers.ADMIN + ":" + TestUsers.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8))).build())
        .body())).isTrue();
  }

  // ------------------------------------------------------------------ helpers

  private List<String> processesOfTheProduct() throws Exception {
    List<String> keys = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
        var document = DocumentBuilderFactory.newNSInstance().newDocumentBuilder().parse(file.toFile());
        keys.add(((Element) document.getElementsByTagNameNS("*", "process").item(0)).getAttribute("id"));
      }
    }
    return keys;
  }

  private static String fill(String text, Map<String, String> ids) {
    if (text == null) {
      return null;
    }
    for (Map.Entry<String, String> id : ids.entrySet()) {
      text = text.replace("{" + id.getKey() + "}", id.getValue());
    }
    return text;
  }

  /** The body with the ids replaced by their kind, and without the moment of a server error page. */
  private static String anonymize(String body, Map<String, String> ids) {
    if (body == null) {
      return "";
    }
    for (Map.Entry<String, String> id : ids.entrySet()) {
      body = body.replace(id.getValue(), "{" + id.getKey() + "}");
    }
    return body.replaceAll("\"timestamp\":\"[^\"]*\"", "\"timestamp\":\"\"");
  }

  private boolean isNonEmptyArray(String body) {
    try {
      JsonNode node = json.readTree(body);
      return node.isArray() && !node.isEmpty();
    } catch (IOException e) {
      return false;
    }
  }

  private HttpRequest.Builder request(String path, String method, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "*/*");
    if (body == null) {
      return request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
  }

  private static HttpRequest.Builder basic(HttpRequest.Builder request, String user) {
    return request.header("Authorization", "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)));
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
