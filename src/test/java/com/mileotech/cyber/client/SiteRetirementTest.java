package com.mileotech.cyber.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestUsers;
import com.mileotech.cyber.security.Groups;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A site still used cannot leave its client: removing it is a 400 naming what uses it (an
 * incident, the equipment inventory); it is retired instead, kept with its name for the records
 * and no longer offered. Every registry change is in the audit trail with before and after.
 */
@IntegrationTest
class SiteRetirementTest {

  private static final Path AUDIT = Path.of("target/test-audit.jsonl");

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired ClientRepository repository;
  @Autowired JdbcClient jdbc;
  @Autowired RepositoryService repositoryService;
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void aSiteInUseCannotBeRemovedButCanBeRetiredAndEachChangeIsAuditedWithBeforeAndAfter() throws Exception {
    String id = "sites-" + UUID.randomUUID().toString().substring(0, 8);
    TestRestTemplate admin = http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
    Map<String, Object> body = client(id, List.of(site("entrepot", "Entrepôt"), site("agence", "Agence"),
        site("annexe", "Annexe")));
    assertThat(admin.postForEntity("/api/clients", body, String.class).getStatusCode().value()).isEqualTo(201);
    assertThat(audit("client.created", id)).singleElement().satisfies(e -> {
      assertThat(e.path("user").asText()).isEqualTo(TestUsers.ADMIN);
      assertThat(e.path("before").isMissingNode() || e.path("before").isNull()).isTrue();
      assertThat(e.at("/after/sites/0/id").asText()).isEqualTo("entrepot");
    });

    // an incident names the warehouse; the inventory has a camera at the branch office
    String supervision = TestUsers.ensure(identityService, "supervision.sites", Groups.INTEGRATIONS);
    ResponseEntity<String> reported = http.withBasicAuth(supervision, TestUsers.PASSWORD).postForEntity(
        "/api/security-incidents", Map.of("clientId", id, "siteIds", List.of("entrepot"), "detectionSource",
            "alerte-supervision", "equipment", "NVR-01", "description", "Flux coupé",
            "detectedAt", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5).withNano(0).toString()), String.class);
    assertThat(reported.getStatusCode().value()).as(reported.getBody()).isEqualTo(201);
    String incident = json.readTree(reported.getBody()).get("reference").asText();
    jdbc.sql("""
        insert into client_equipment (client_id, serial_number, kind, model, firmware_version, security_updates, site_id,
          last_reference, updated_at) values (?, 'CAM-1', 'CAMERA', 'Axis P3265', '11.9', true, 'agence', 'CHK-TEST', ?)""")
        .params(id, Timestamp.from(Instant.now())).update();

    ResponseEntity<String> refused = admin.exchange("/api/clients/" + id, HttpMethod.PUT,
        new HttpEntity<>(client(id, List.of(site("annexe", "Annexe")))), String.class);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    JsonNode errors = json.readTree(refused.getBody()).get("errors");
    assertThat(errors).hasSize(2).allSatisfy(e -> assertThat(e.get("field").asText()).isEqualTo("sites"));
    assertThat(errors.get(0).get("message").asText()).isEqualTo("le site « entrepot » (Entrepôt) ne peut pas être "
        + "supprimé, il est utilisé par l'incident " + incident + " ; retirez-le plutôt (\"retired\": true) : il reste "
        + "dans le registre sans plus être proposé");
    assertThat(errors.get(1).get("message").asText()).contains("« agence » (Agence)",
        "l'inventaire des équipements (1 équipement)");
    assertThat(repository.find(id).orElseThrow().sites()).hasSize(3);

    // retired instead: kept, named, not offered; an unused site can simply go
    Map<String, Object> warehouseRetired = site("entrepot", "Entrepôt");
    warehouseRetired.put("retired", true);
    ResponseEntity<String> retired = admin.exchange("/api/clients/" + id, HttpMethod.PUT,
        new HttpEntity<>(client(id, List.of(warehouseRetired, site("agence", "Agence")))), String.class);
    assertThat(retired.getStatusCode().value()).as(retired.getBody()).isEqualTo(200);
    Client saved = repository.find(id).orElseThrow();
    assertThat(saved.sites()).extracting(Client.Site::id, Client.Site::retired)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("entrepot", true), org.assertj.core.groups.Tuple.tuple("agence", false));
    assertThat(saved.activeSites()).extracting(Client.Site::id).containsExactly("agence");
    assertThat(saved.site("entrepot").orElseThrow().name()).isEqualTo("Entrepôt");
    assertThat(json.readTree(http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
        .getForObject("/api/clients/" + id, String.class)).at("/sites/0/retired").asBoolean()).isTrue();
    // the incident report form, deployed again with the registry, no longer offers it
    Deployment form = repositoryService.createDeploymentQuery().deploymentName("incident-report-form")
        .orderByDeploymentTime().desc().listPage(0, 1).get(0);
    String formText = new String(repositoryService.getResourceAsStream(form.getId(),
        repositoryService.getDeploymentResourceNames(form.getId()).get(0)).readAllBytes(), StandardCharsets.UTF_8);
    assertThat(formText).contains("agence").doesNotContain("entrepot");

    assertThat(audit("client.updated", id)).as("only the committed change").singleElement().satisfies(e -> {
      assertThat(e.path("user").asText()).isEqualTo(TestUsers.ADMIN);
      assertThat(e.at("/before/sites/0/retired").asBoolean()).isFalse();
      assertThat(e.at("/after/sites/0/retired").asBoolean()).isTrue();
      assertThat(e.at("/before/sites/2/id").asText()).isEqualTo("annexe");
      assertThat(e.at("/after/sites").size()).isEqualTo(2);
      List<String> changed = new ArrayList<>();
      e.path("changed").forEach(c -> changed.add(c.asText()));
      assertThat(changed).contains("sites[0].retired", "sites[2].id", "sites[2].name").doesNotContain("name", "regime");
    });
  }

  /** Issue 15: a retired site takes no new work, through any API; nothing is written, no reference spent. */
  @Test
  void aRetiredSiteTakesNoNewIncidentCommissioningOrSoftware() throws Exception {
    String id = "retraits-api";
    TestRestTemplate admin = http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
    Map<String, Object> depot = site("depot", "Dépôt");
    depot.put("retired", true);
    if (!repository.exists(id)) {
      assertThat(admin.postForEntity("/api/clients", client(id, List.of(depot, site("bureau", "Bureau"))), String.class)
          .getStatusCode().value()).isEqualTo(201);
    }
    String supervision = TestUsers.ensure(identityService, "supervision.sites", Groups.INTEGRATIONS);
    String technician = TestUsers.ensure(identityService, "tech.sites", Groups.TECHNICIANS);
    long references = jdbc.sql("select coalesce(sum(last_value), 0) from reference_counter").query(Long.class).single();

    ResponseEntity<String> incident = http.withBasicAuth(supervision, TestUsers.PASSWORD).postForEntity(
        "/api/security-incidents", Map.of("clientId", id, "siteIds", List.of("depot"), "detectionSource",
            "alerte-supervision", "equipment", "NVR-01", "description", "Flux coupé",
            "detectedAt", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5).withNano(0).toString()), String.class);
    assertRetired(incident, "siteIds[0]", "site retiré : « Dépôt » ne reçoit plus de nouveau signalement");

    ResponseEntity<String> commissioning = http.withBasicAuth(technician, TestUsers.PASSWORD).postForEntity(
        "/api/commissionings", Map.of("clientId", id, "siteId", "depot", "vmsProduct", "Milestone XProtect",
            "vmsVersion", "2024 R2", "equipment", List.of(Map.of("kind", "CAMERA", "model", "Axis P3265",
                "serialNumber", "RET-1", "firmwareVersion", "11.9", "securityUpdates", true))), String.class);
    assertRetired(commissioning, "siteId", "site retiré : « Dépôt » ne reçoit plus de mise en service");

    ResponseEntity<String> software = http.withBasicAuth(technician, TestUsers.PASSWORD).exchange(
        "/api/clients/" + id + "/sites/depot/software/OS", HttpMethod.PUT,
        new HttpEntity<>(Map.of("product", "Windows Server", "version", "2022")), String.class);
    assertRetired(software, "siteId", "site retiré : « Dépôt » ne reçoit plus de nouvelle intervention");

    assertThat(jdbc.sql("select coalesce(sum(last_value), 0) from reference_counter").query(Long.class).single())
        .as("no reference spent").isEqualTo(references);
    assertThat(jdbc.sql("select count(*) from security_incident where client_id = ?").param(id).query(Long.class).single())
        .isZero();
    assertThat(jdbc.sql("select count(*) from client_software where client_id = ?").param(id).query(Long.class).single())
        .isZero();
  }

  private void assertRetired(ResponseEntity<String> response, String field, String message) throws Exception {
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
    JsonNode errors = json.readTree(response.getBody()).get("errors");
    assertThat(errors).anySatisfy(e -> {
      assertThat(e.get("field").asText()).isEqualTo(field);
      assertThat(e.get("message").asText()).isEqualTo(message);
    });
  }

  private List<JsonNode> audit(String event, String client) throws Exception {
    List<JsonNode> found = new ArrayList<>();
    for (String line : Files.readAllLines(AUDIT)) {
      JsonNode node = json.readTree(line);
      if (event.equals(node.path("event").asText()) && client.equals(node.path("client").asText())) {
        found.add(node);
      }
    }
    return found;
  }

  private static Map<String, Object> site(String id, String name) {
    Map<String, Object> site = new HashMap<>();
    site.put("id", id);
    site.put("name", name);
    site.put("address", "1 rue de l'Essai, 69000 Lyon");
    return site;
  }

  private static Map<String, Object> client(String id, List<Map<String, Object>> sites) {
    Map<String, Object> body = new HashMap<>();
    body.put("id", id);
    body.put("name", "Transports Essai");
    body.put("regime", "NONE");
    body.put("contract", Map.of("type", "STANDARD", "start", "2026-01-01", "end", "2028-12-31"));
    body.put("rssiContacts", List.of(Map.of("name", "Jeanne RSSI", "email", "jeanne@" + id + ".example")));
    body.put("sites", sites);
    return body;
  }
}
