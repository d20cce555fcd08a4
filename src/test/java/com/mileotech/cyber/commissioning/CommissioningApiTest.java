package com.mileotech.cyber.commissioning;

import static com.mileotech.cyber.commissioning.CommissioningForms.allConforme;
import static com.mileotech.cyber.commissioning.CommissioningForms.standardInventory;
import static com.mileotech.cyber.commissioning.CommissioningForms.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mileotech.cyber.EngineSteps;
import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestClients;
import com.mileotech.cyber.TestUsers;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.client.ClientService;
import com.mileotech.cyber.reminder.Reminders;
import com.mileotech.cyber.security.Groups;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The commissioning API and the Tasklist REST calls against the running application, with real accounts. */
@IntegrationTest
class CommissioningApiTest {

  static final String PM = "cdp.api";
  static final String RSSI_OTHER_GROUP = "rssi.sans.client";

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired EngineSteps steps;
  @Autowired IdentityService identityService;
  @Autowired ClientRepository clientRepository;
  @Autowired ClientService clientService;
  @Autowired Reminders reminders;
  @Autowired ChecklistDocuments documents;

  private final ObjectMapper json = new ObjectMapper();
  private CommissioningFixture fx;

  @BeforeEach
  void setUp() {
    fx = new CommissioningFixture(runtimeService, taskService, managementService, identityService, clientRepository,
        clientService, reminders, steps);
    fx.ensureAccounts();
    TestUsers.ensure(identityService, PM, Groups.PROJECT_MANAGERS);
    TestUsers.ensure(identityService, "ref.api", Groups.CYBER_REFERENT);
  }

  private Map<String, Object> request(String clientId, String siteId, List<Map<String, Object>> equipment) {
    Map<String, Object> body = new HashMap<>();
    body.put("clientId", clientId);
    body.put("siteId", siteId);
    body.put("vmsProduct", "Genetec Security Center");
    body.put("vmsVersion", "5.12");
    body.put("equipment", equipment);
    return body;
  }

  private ResponseEntity<String> post(String user, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, TestUsers.PASSWORD).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
  }

  private <T> ResponseEntity<T> get(String user, String path, Class<T> type) {
    return rest.withBasicAuth(user, TestUsers.PASSWORD).getForEntity(path, type);
  }

  @Test
  void projectManagersAndTechniciansStartAChecklistAndGetItsReference() throws Exception {
    ResponseEntity<String> created = post(PM, "/api/commissionings", request(TestClients.OIV, "site-sud", standardInventory("API")));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode body = json.readTree(created.getBody());
    String reference = body.get("reference").asText();
    assertThat(reference).matches("CHK-\\d{4}-\\d{4}");
    assertThat(created.getHeaders().getLocation()).hasToString("/api/commissionings/" + reference);
    ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceId(body.get("processInstanceId").asText())
        .singleResult();
    assertThat(pi.getBusinessKey()).isEqualTo(reference);
    assertThat(pi.getTenantId()).isEqualTo(TestClients.OIV);
    assertThat(runtimeService.getVariable(pi.getId(), "siteName")).isEqualTo("Site Sud");
    assertThat(runtimeService.getVariable(pi.getId(), "projectManagerReview")).isEqualTo(true);

    assertThat(post(CommissioningFixture.TECHNICIAN, "/api/commissionings",
        request(TestClients.PLAIN, "boutique", standardInventory("API2"))).getStatusCode()).isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void badRequestsAreRefusedFieldByFieldAndStartNothing() throws Exception {
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("vms-commissioning").count();
    Map<String, Object> body = request("client-inconnu", "nulle-part", List.of(
        CommissioningForms.equipment("CAMERA", "Axis", "SN-1", "1.0", true),
        CommissioningForms.equipment("DRONE", "", "SN-1", "1.0", true)));
    body.remove("vmsVersion");
    ResponseEntity<String> refused = post(PM, "/api/commissionings", body);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode answer = json.readTree(refused.getBody());
    assertThat(answer.get("message").asText()).isEqualTo("Requête invalide");
    Map<String, String> errors = new HashMap<>();
    answer.get("errors").forEach(e -> errors.put(e.get("field").asText(), e.get("message").asText()));
    assertThat(errors).containsExactlyInAnyOrderEntriesOf(Map.of(
        "clientId", "client inconnu du registre : client-inconnu",
        "vmsVersion", "obligatoire",
        "equipment[1].kind", "valeur inconnue « DRONE » ; valeurs admises : SERVER, NVR, CAMERA",
        "equipment[1].model", "obligatoire",
        "equipment[1].serialNumber", "numéro de série « SN-1 » en double (déjà en equipment[0])"));

    ResponseEntity<String> wrongSite = post(PM, "/api/commissionings", request(TestClients.PLAIN, "site-nord", List.of()));
    assertThat(json.readTree(wrongSite.getBody()).get("errors").toString())
        .contains("site inconnu pour ce client (sites : boutique)", "au moins un équipement");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("vms-commissioning").count()).isEqualTo(before);
  }

  @Test
  void clientRssisAndTheReferentCannotStartAChecklist() {
    assertThat(post(TestClients.PLAIN_RSSI, "/api/commissionings", request(TestClients.PLAIN, "boutique", standardInventory("R")))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("ref.api", "/api/commissionings", request(TestClients.PLAIN, "boutique", standardInventory("R")))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.postForEntity("/api/commissionings", request(TestClients.PLAIN, "boutique", List.of()), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void theDocumentIsForStaffAndThatClientsRssiOnly() throws Exception {
    ProcessInstance pi = fx.start(TestClients.PLAIN, "boutique", false, standardInventory("DL"));
    String reference = (String) runtimeService.getVariable(pi.getId(), "reference");
    fx.fill(pi, allConforme());
    fx.sign(pi);
    fx.runDueJobs(pi);
    String document = "/api/commissionings/" + reference + "/document";

    for (String staff : List.of(CommissioningFixture.TECHNICIAN, PM, "ref.api")) {
      ResponseEntity<byte[]> pdf = get(staff, document, byte[].class);
      assertThat(pdf.getStatusCode()).as(staff).isEqualTo(HttpStatus.OK);
      assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
      assertThat(pdf.getBody()).isEqualTo(documents.pdf(reference, 1).orElseThrow());
    }
    ResponseEntity<byte[]> own = get(TestClients.PLAIN_RSSI, document, byte[].class);
    assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(own.getHeaders().getContentDisposition().getFilename()).isEqualTo("checklist-durcissement-" + reference + "-v1.pdf");
    assertThat(CommissioningProcessTest.pdfText(own.getBody())).contains(reference, "Prénom Nom (tech.commissioning)");

    // another client's RSSI: as if it did not exist
    assertThat(get(TestClients.OIV_RSSI, document, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get(TestClients.OIV_RSSI, document + "/versions/1", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get(TestClients.OIV_RSSI, document + "/versions", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(rest.getForEntity(document, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

    JsonNode versions = json.readTree(get(TestClients.PLAIN_RSSI, document + "/versions", String.class).getBody());
    assertThat(versions).hasSize(1);
    assertThat(versions.get(0).get("version").asInt()).isEqualTo(1);
    assertThat(versions.get(0).get("signedBy").asText()).isEqualTo(CommissioningFixture.TECHNICIAN);
    assertThat(versions.get(0).get("retainUntil").asText()).isEqualTo("2027-12-31");
    assertThat(get(PM, document + "/versions/2", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get(PM, "/api/commissionings/CHK-1999-0001/document", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void theFirmwareInventoryIsReadPerClient() throws Exception {
    ProcessInstance pi = fx.start(TestClients.PLAIN, "boutique", false, standardInventory("INV"));
    fx.fill(pi, allConforme());
    fx.sign(pi);
    fx.runDueJobs(pi);
    String path = "/api/clients/" + TestClients.PLAIN + "/equipment";

    JsonNode items = json.readTree(get(TestClients.PLAIN_RSSI, path, String.class).getBody());
    JsonNode camera = null;
    for (JsonNode item : items) {
      if (item.get("serialNumber").asText().equals("INV-CAM1")) {
        camera = item;
      }
    }
    assertThat(camera).isNotNull();
    assertThat(camera.get("firmwareVersion").asText()).isEqualTo("11.9.60");
    assertThat(camera.get("kind").asText()).isEqualTo("CAMERA");
    assertThat(camera.get("securityUpdates").asBoolean()).isTrue();
    assertThat(get(CommissioningFixture.TECHNICIAN, path, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get(TestClients.OIV_RSSI, path, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get(PM, "/api/clients/client-inconnu/equipment", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  /** What Tasklist does: start through the start form, submit the fill-in form, and show the refusal. */
  @Test
  void tasklistStartsWithTheStartFormAndShowsARefusedChecklistAsA400NamingThePoint() throws Exception {
    Map<String, Object> variables = new HashMap<>();
    variables.put("clientId", Map.of("value", TestClients.PLAIN, "type", "String"));
    variables.put("siteId", Map.of("value", "boutique", "type", "String"));
    variables.put("vmsProduct", Map.of("value", "Milestone XProtect", "type", "String"));
    variables.put("vmsVersion", Map.of("value", "2024 R2", "type", "String"));
    variables.put("projectManagerReview", Map.of("value", false, "type", "Boolean"));
    // as the start form sends the inventory: text lines
    variables.put("equipmentText", Map.of("value", "serveur ; Dell R760 ; TL-SRV1 ; 2.3.5 ; oui\n"
        + "caméra ; Axis P3265-LVE ; TL-CAM1 ; 11.9.60 ; non", "type", "String"));
    ResponseEntity<String> started = post(CommissioningFixture.TECHNICIAN,
        "/engine-rest/process-definition/key/vms-commissioning/submit-form", Map.of("variables", variables));
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
    String id = json.readTree(started.getBody()).get("id").asText();
    ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
    assertThat(pi.getBusinessKey()).matches("CHK-\\d{4}-\\d{4}");
    assertThat(Json.readList(runtimeService.getVariable(id, "equipment"), Equipment.class)).containsExactly(
        new Equipment("SERVER", "Dell R760", "TL-SRV1", "2.3.5", true),
        new Equipment("CAMERA", "Axis P3265-LVE", "TL-CAM1", "11.9.60", false));

    variables.put("equipmentText", Map.of("value", "caméra ; Axis ; C-1 ; 1.0 ; oui\ncaméra ; Axis ; C-1 ; 1.0 ; oui",
        "type", "String"));
    ResponseEntity<String> refusedStart = post(CommissioningFixture.TECHNICIAN,
        "/engine-rest/process-definition/key/vms-commissioning/submit-form", Map.of("variables", variables));
    assertThat(refusedStart.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    // the French message alone: no "Cannot instantiate process definition <id>:" before it
    assertThat(json.readTree(refusedStart.getBody()).get("message").asText())
        .isEqualTo("Mise en service refusée : equipmentText : ligne 2 : numéro de série « C-1 » en double (déjà ligne 1).");
    // a client RSSI reads their own client's checklists but cannot start one
    assertThat(post(TestClients.PLAIN_RSSI, "/engine-rest/process-definition/key/vms-commissioning/submit-form",
        Map.of("variables", variables)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    String task = fx.task(pi, "Task_FillChecklist").getId();
    List<PointEntry> points = with(allConforme(), "VMS-04", p -> {
      p.status = "NON_CONFORME";
      p.comment = "Certificat auto-signé";
    });
    Map<String, Object> form = new HashMap<>();
    CommissioningForms.fill(points).forEach((name, value) -> form.put(name, Map.of("value", value.toString().isEmpty() ? "[]"
        : ((org.camunda.spin.plugin.variable.value.JsonValue) value).getValueSerialized(), "type", "Json")));
    ResponseEntity<String> refused = post(CommissioningFixture.TECHNICIAN, "/engine-rest/task/" + task + "/submit-form",
        Map.of("variables", form));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(refused.getBody()).get("message").asText())
        .isEqualTo("Checklist refusée : VMS-04 : Non conforme sans délai de remédiation ; "
            + "CAM-07 : Conforme alors que Caméra Axis P3265-LVE (n° TL-CAM1) ne reçoit plus de mises à jour de sécurité.");
    assertThat(taskService.createTaskQuery().taskId(task).count()).isEqualTo(1);

    with(points, "VMS-04", p -> p.remediationDeadline = LocalDate.now().plusMonths(1).toString());
    with(points, "CAM-07", p -> CommissioningForms.nonConforme(p, LocalDate.now().plusMonths(6)));
    CommissioningForms.fill(points).forEach((name, value) -> form.put(name, Map.of("value",
        ((org.camunda.spin.plugin.variable.value.JsonValue) value).getValueSerialized(), "type", "Json")));
    assertThat(post(CommissioningFixture.TECHNICIAN, "/engine-rest/task/" + task + "/submit-form", Map.of("variables", form))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(fx.task(pi, "Task_SignChecklist")).isNotNull();
  }
}
