package com.mileotech.cyber.update;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mileotech.cyber.EngineSteps;
import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestClients;
import com.mileotech.cyber.TestUsers;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.client.ClientService;
import com.mileotech.cyber.security.Groups;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
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
import org.springframework.jdbc.core.simple.JdbcClient;

/** POST /api/security-updates for a maker's or CERT feed, GET for staff, over HTTP. */
@IntegrationTest
class SecurityUpdateApiTest {

  static final String FEED = "cert.feed";
  static final String TECH = "tech.updates.api";
  static final String RSSI = TestClients.OIV_RSSI;

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired ClientRepository clientRepository;
  @Autowired ClientService clientService;
  @Autowired RuntimeService runtimeService;
  @Autowired EngineSteps steps;
  @Autowired JdbcClient jdbc;
  private final ObjectMapper json = new ObjectMapper();
  private final String product = "Bosch FLEXIDOME " + UUID.randomUUID().toString().substring(0, 6);
  private final String serial = "API" + UUID.randomUUID().toString().substring(0, 8);

  @BeforeEach
  void setUp() {
    TestClients.ensure(identityService, clientRepository, clientService);
    TestUsers.ensure(identityService, FEED, Groups.INTEGRATIONS);
    TestUsers.ensure(identityService, TECH, Groups.TECHNICIANS);
    jdbc.sql("""
        insert into client_equipment (client_id, serial_number, kind, model, firmware_version, security_updates, site_id,
          last_reference, updated_at) values (?, ?, 'CAMERA', ?, '8.40.0', true, 'site-nord', 'CHK-TEST', ?)""")
        .params(TestClients.OIV, serial, product, Timestamp.from(Instant.now())).update();
  }

  /** A critical camera firmware advisory of this test's product, published three hours ago ({@link UpdateForms}). */
  Map<String, Object> advisory() {
    return advisory(product, "CAMERA_FIRMWARE", "<8.50.0", "8.50.0");
  }

  static Map<String, Object> advisory(String product, String kind, String affectedVersions, String fixedVersion) {
    return UpdateForms.publicationRequest(product, kind, true, List.of(affectedVersions), fixedVersion,
        "CERTFR-2026-AVI-" + UUID.randomUUID().toString().substring(0, 6), List.of("CVE-2026-31337"),
        OffsetDateTime.now(ZoneOffset.ofHours(1)).minusHours(3).truncatedTo(ChronoUnit.SECONDS).toString());
  }

  @Test
  void aFeedPublishesAnUpdateOnceAndStaffReadWhatBecameOfIt() throws Exception {
    Map<String, Object> body = advisory();
    ResponseEntity<String> created = post(FEED, body);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode answer = json.readTree(created.getBody());
    String reference = answer.get("reference").asText();
    assertThat(reference).matches("MAJ-\\d{4}-\\d{4}");
    assertThat(answer.get("created").asBoolean()).isTrue();
    assertThat(created.getHeaders().getLocation()).hasToString("/api/security-updates/" + reference);
    ProcessInstance pi = runtimeService.createProcessInstanceQuery().processDefinitionKey("security-update")
        .processInstanceBusinessKey(reference).singleResult();
    assertThat(pi).isNotNull();
    assertThat(jdbc.sql("select registered_by from security_update where reference = ?").param(reference)
        .query(String.class).single()).isEqualTo(FEED);

    // the same advisory again (case and spaces aside): the same update, 200, nothing started
    body.put("advisory", " " + body.get("advisory").toString().toLowerCase() + " ");
    ResponseEntity<String> again = post(FEED, body);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(again.getBody()).get("reference").asText()).isEqualTo(reference);
    assertThat(json.readTree(again.getBody()).get("created").asBoolean()).isFalse();
    assertThat(again.getHeaders().getLocation()).hasToString("/api/security-updates/" + reference);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("security-update")
        .processInstanceBusinessKey(reference).count()).isEqualTo(1);

    steps.runDueJobs(pi); // the search of the inventory
    ResponseEntity<String> read = get(TECH, "/api/security-updates/" + reference);
    assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode update = json.readTree(read.getBody());
    assertThat(update.get("product").asText()).isEqualTo(product);
    assertThat(update.get("deadlineRule").asText()).isEqualTo("security-patch-critical");
    assertThat(update.get("status").asText()).isEqualTo("en-cours");
    JsonNode client = update.get("clients").get(0);
    assertThat(client.get("id").asText()).isEqualTo(TestClients.OIV);
    assertThat(client.get("items").get(0).get("id").asText()).isEqualTo(serial);
    assertThat(client.get("items").get(0).get("versionBefore").asText()).isEqualTo("8.40.0");
    assertThat(client.get("items").get(0).get("outcome").asText()).isEqualTo("a-traiter");

    assertThat(get(FEED, "/api/security-updates/" + reference).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get(RSSI, "/api/security-updates/" + reference).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get(TECH, "/api/security-updates/MAJ-1999-0001").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void anUnknownProductIsRefusedNamingTheField() throws Exception {
    Map<String, Object> body = advisory();
    body.put("product", "Produit que personne n'exploite");
    assertRefused(body, "product", "produit inconnu « Produit que personne n'exploite » : aucun client n'a de caméra de ce nom dans l'inventaire");
  }

  @Test
  void aPublicationInTheFutureIsRefusedNamingTheField() throws Exception {
    Map<String, Object> body = advisory();
    body.put("publishedAt", OffsetDateTime.now(ZoneOffset.UTC).plusHours(2).truncatedTo(ChronoUnit.SECONDS).toString());
    JsonNode errors = refused(body);
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).get("field").asText()).isEqualTo("publishedAt");
    assertThat(errors.get(0).get("message").asText()).startsWith("la publication ne peut pas être dans le futur (");
  }

  @Test
  void aMissingCriticalityIsRefusedNamingTheField() throws Exception {
    Map<String, Object> body = advisory();
    body.remove("critical");
    assertRefused(body, "critical", "criticité obligatoire : true (correctif de sécurité critique) ou false");
  }

  @Test
  void malformedOrMissingFieldsAreEachNamed() throws Exception {
    Map<String, Object> body = advisory();
    body.put("publishedAt", "2026-03-02 09:00");
    assertRefused(body, "publishedAt", "date ou heure mal formée (ISO 8601 attendu, ex. 2026-03-04T14:30:00+01:00)");

    Map<String, Object> empty = new LinkedHashMap<>();
    empty.put("kind", "FIRMWARE");
    empty.put("affectedVersions", List.of("<<1"));
    JsonNode errors = refused(empty);
    assertThat(errors).extracting(e -> e.get("field").asText())
        .containsExactly("kind", "product", "critical", "affectedVersions[0]", "advisory", "publishedAt");
    assertThat(errors.get(0).get("message").asText())
        .isEqualTo("type de mise à jour inconnu « FIRMWARE » ; valeurs admises : OS, VMS, NVR_FIRMWARE, CAMERA_FIRMWARE");
  }

  @Test
  void onlyIntegrationsPublishAndOnlyWithCredentials() {
    long before = count();
    ResponseEntity<String> anonymous = http.exchange("/api/security-updates", HttpMethod.POST,
        new HttpEntity<>(advisory(), jsonHeaders()), String.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    // another account: a failed login delays the account's next logins (Camunda's login delay)
    String other = TestUsers.ensure(identityService, "cert.feed.other", Groups.INTEGRATIONS);
    assertThat(http.withBasicAuth(other, "wrong-password").exchange("/api/security-updates", HttpMethod.POST,
        new HttpEntity<>(advisory(), jsonHeaders()), String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(post(TECH, advisory()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post(RSSI, advisory()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void staffRecordASitesOperatingSystemThatOsUpdatesThenConcern() throws Exception {
    String os = "Windows Server 2022 " + UUID.randomUUID().toString().substring(0, 4);
    Map<String, Object> bad = UpdateForms.software(" ", "10.0 ?");
    ResponseEntity<String> refused = put(TECH, "/api/clients/" + TestClients.OIV + "/sites/site-inconnu/software/OS2", bad);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(refused.getBody()).get("errors")).extracting(e -> e.get("field").asText())
        .containsExactly("siteId", "kind", "product", "version");
    assertThat(put(RSSI, "/api/clients/" + TestClients.OIV + "/sites/site-nord/software/OS",
        UpdateForms.software(os, "10.0.20348.2227")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    Map<String, Object> advisory = advisory(os, "OS", "<10.0.20348.2300", "10.0.20348.2300");
    assertThat(post(FEED, advisory).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST); // nobody runs it yet

    ResponseEntity<String> recorded = put(TECH, "/api/clients/" + TestClients.OIV + "/sites/site-nord/software/OS",
        UpdateForms.software(os, "10.0.20348.2227"));
    assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.OK);
    ResponseEntity<String> read = get(RSSI, "/api/clients/" + TestClients.OIV + "/software");
    assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(read.getBody())).anySatisfy(sw -> {
      assertThat(sw.get("siteId").asText()).isEqualTo("site-nord");
      assertThat(sw.get("kind").asText()).isEqualTo("OS");
      assertThat(sw.get("product").asText()).isEqualTo(os);
      assertThat(sw.get("version").asText()).isEqualTo("10.0.20348.2227");
    });
    assertThat(get(TestClients.PLAIN_RSSI, "/api/clients/" + TestClients.OIV + "/software").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    ResponseEntity<String> created = post(FEED, advisory);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String reference = json.readTree(created.getBody()).get("reference").asText();
    ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey("security-update").singleResult();
    steps.runDueJobs(pi);
    JsonNode client = json.readTree(get(TECH, "/api/security-updates/" + reference).getBody()).get("clients").get(0);
    assertThat(client.get("id").asText()).isEqualTo(TestClients.OIV);
    assertThat(client.get("items").get(0).get("id").asText()).isEqualTo("OS@site-nord");
    assertThat(client.get("items").get(0).get("kind").asText()).isEqualTo("OS");
  }

  @Test
  void theClientRegistryRecordsWhetherTheContractRequiresStagingValidation() throws Exception {
    JsonNode client = json.readTree(http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
        .getForEntity("/api/clients/" + TestClients.OIV, String.class).getBody());
    assertThat(client.get("contract").get("stagingValidation").asBoolean()).isFalse();
    ((com.fasterxml.jackson.databind.node.ObjectNode) client.get("contract")).put("stagingValidation", true);
    ResponseEntity<String> updated = http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD).exchange(
        "/api/clients/" + TestClients.OIV, HttpMethod.PUT, new HttpEntity<>(client.toString(), jsonHeaders()), String.class);
    try {
      assertThat(updated.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(clientRepository.find(TestClients.OIV).orElseThrow().contract().stagingValidation()).isTrue();
    } finally {
      var oiv = clientRepository.find(TestClients.OIV).orElseThrow();
      clientService.update(new com.mileotech.cyber.client.Client(oiv.id(), oiv.name(), oiv.regime(),
          new com.mileotech.cyber.client.Client.Contract(oiv.contract().type(), oiv.contract().start(), oiv.contract().end()),
          oiv.rssiContacts(), oiv.dpo(), oiv.sites()));
    }
    assertThat(clientRepository.find(TestClients.OIV).orElseThrow().contract().stagingValidation()).isFalse();
  }

  private ResponseEntity<String> put(String user, String path, Map<String, Object> body) {
    return http.withBasicAuth(user, TestUsers.PASSWORD).exchange(path, HttpMethod.PUT,
        new HttpEntity<>(body, jsonHeaders()), String.class);
  }

  private long count() {
    return jdbc.sql("select count(*) from security_update").query(Long.class).single();
  }

  private void assertRefused(Map<String, Object> body, String field, String message) throws Exception {
    JsonNode errors = refused(body);
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).get("field").asText()).isEqualTo(field);
    assertThat(errors.get(0).get("message").asText()).isEqualTo(message);
  }

  private JsonNode refused(Map<String, Object> body) throws Exception {
    long before = count();
    ResponseEntity<String> response = post(FEED, body);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode answer = json.readTree(response.getBody());
    assertThat(answer.get("status").asInt()).isEqualTo(400);
    assertThat(answer.get("message").asText()).isEqualTo("Requête invalide");
    assertThat(count()).isEqualTo(before);
    return answer.get("errors");
  }

  private ResponseEntity<String> post(String user, Map<String, Object> body) {
    return http.withBasicAuth(user, TestUsers.PASSWORD).exchange("/api/security-updates", HttpMethod.POST,
        new HttpEntity<>(body, jsonHeaders()), String.class);
  }

  private ResponseEntity<String> get(String user, String path) {
    return http.withBasicAuth(user, TestUsers.PASSWORD).exchange(path, HttpMethod.GET, null, String.class);
  }

  private static HttpHeaders jsonHeaders() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return headers;
  }
}
