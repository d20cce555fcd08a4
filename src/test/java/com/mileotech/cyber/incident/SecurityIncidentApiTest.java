package com.mileotech.cyber.incident;

import com.mileotech.cyber.system.Refusal;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestClients;
import com.mileotech.cyber.TestUsers;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.client.ClientService;
import com.mileotech.cyber.security.Groups;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
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

/** POST /api/security-incidents for the supervision platform, GET for staff and that client's RSSI, over HTTP. */
@IntegrationTest
class SecurityIncidentApiTest {

  static final String SUPERVISION = "supervision.test";
  static final String TECH = "tech.api";

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired ClientRepository clientRepository;
  @Autowired ClientService clientService;
  @Autowired RuntimeService runtimeService;
  @Autowired JdbcClient jdbc;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void accounts() {
    TestClients.ensure(identityService, clientRepository, clientService);
    TestUsers.ensure(identityService, SUPERVISION, Groups.INTEGRATIONS);
    TestUsers.ensure(identityService, TECH, Groups.TECHNICIANS);
  }

  static Map<String, Object> alert() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("clientId", TestClients.OIV);
    body.put("siteIds", List.of("site-nord"));
    body.put("detectionSource", "alerte-supervision");
    body.put("equipment", "NVR-02");
    body.put("description", "Connexions SSH répétées depuis une adresse étrangère");
    OffsetDateTime detected = OffsetDateTime.now(ZoneOffset.ofHours(1)).minusMinutes(10).truncatedTo(ChronoUnit.SECONDS);
    body.put("detectedAt", detected.toString());
    body.put("beganAt", detected.minusHours(2).toString());
    body.put("externalAlertId", "SUP-" + UUID.randomUUID());
    return body;
  }

  @Test
  void theSupervisionPlatformReportsAnIncidentThatStaffAndThatClientsRssiCanRead() throws Exception {
    Map<String, Object> body = alert();
    ResponseEntity<String> created = post(SUPERVISION, body);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode answer = json.readTree(created.getBody());
    String reference = answer.get("reference").asText();
    assertThat(reference).matches("INC-\\d{4}-\\d{4}");
    assertThat(answer.get("created").asBoolean()).isTrue();
    assertThat(created.getHeaders().getLocation()).hasToString("/api/security-incidents/" + reference);

    var pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult();
    assertThat(pi.getTenantId()).isEqualTo(TestClients.OIV);
    Map<String, Object> v = runtimeService.getVariables(pi.getId());
    assertThat(v).containsEntry("externalAlertId", body.get("externalAlertId")).containsEntry("reportedBy", SUPERVISION)
        .containsEntry("detectedAt", java.util.Date.from(OffsetDateTime.parse((String) body.get("detectedAt")).toInstant()))
        .containsEntry("sites", "Site Nord").containsEntry("clientName", "Client OIV");

    ResponseEntity<String> staff = get(TECH, reference);
    assertThat(staff.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode summary = json.readTree(staff.getBody());
    assertThat(summary.get("reference").asText()).isEqualTo(reference);
    assertThat(summary.get("status").asText()).isEqualTo("signale");
    assertThat(summary.at("/client/name").asText()).isEqualTo("Client OIV");
    assertThat(summary.at("/sites/0/name").asText()).isEqualTo("Site Nord");
    assertThat(summary.get("externalAlertId").asText()).isEqualTo(body.get("externalAlertId"));
    assertThat(summary.at("/openTasks/0/name").asText()).isEqualTo("Qualifier l'incident " + reference + " — Client OIV");

    assertThat(get(TestClients.OIV_RSSI, reference).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get(TestClients.PLAIN_RSSI, reference).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get(SUPERVISION, reference).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.getForEntity("/api/security-incidents/" + reference, String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(get(TECH, "INC-1999-0001").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void aReportRefusedByTheProcedureThroughTheEngineRestApiIsABadRequestNamingTheFieldsAndStartsNothing() throws Exception {
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("security-incident").count();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    String form = "{\"variables\":{\"clientId\":{\"value\":\"client-inexistant\"},"
        + "\"detectionSource\":{\"value\":\"technicien-sur-site\"},\"description\":{\"value\":\"NVR muet\"}}}";
    ResponseEntity<String> refused = http.withBasicAuth(TECH, TestUsers.PASSWORD).exchange(
        "/engine-rest/process-definition/key/security-incident/submit-form", HttpMethod.POST,
        new HttpEntity<>(form, headers), String.class);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode error = json.readTree(refused.getBody());
    assertThat(error.get("type").asText()).isEqualTo("Refusal");
    // the form itself refuses first (issue 15): a client it does not offer, a field it requires left out
    assertThat(error.get("message").asText()).startsWith("Formulaire de démarrage « Incident de sécurité (PROC-CYB-005) » refusé : ")
        .contains("clientId : choix inconnu « client-inexistant »", "equipment : obligatoire");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("security-incident").count())
        .isEqualTo(before);
  }

  @Test
  void theSameAlertTwiceIsTheSameIncident() throws Exception {
    Map<String, Object> body = alert();
    String first = json.readTree(post(SUPERVISION, body).getBody()).get("reference").asText();
    ResponseEntity<String> again = post(SUPERVISION, body);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode answer = json.readTree(again.getBody());
    assertThat(answer.get("reference").asText()).isEqualTo(first);
    assertThat(answer.get("created").asBoolean()).isFalse();
    assertThat(again.getHeaders().getLocation()).hasToString("/api/security-incidents/" + first);
    assertThat(incidentsOfAlert(body)).isEqualTo(1);
  }

  @Test
  void theSameAlertSentConcurrentlyStartsOneIncident() throws Exception {
    Map<String, Object> body = alert();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<ResponseEntity<String>>> calls = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      calls.add(pool.submit(() -> {
        go.await();
        return post(SUPERVISION, body);
      }));
    }
    go.countDown();
    List<String> references = new ArrayList<>();
    List<HttpStatus> statuses = new ArrayList<>();
    for (Future<ResponseEntity<String>> call : calls) {
      ResponseEntity<String> response = call.get(60, TimeUnit.SECONDS);
      statuses.add(HttpStatus.valueOf(response.getStatusCode().value()));
      references.add(json.readTree(response.getBody()).get("reference").asText());
    }
    pool.shutdown();
    assertThat(references).containsOnly(references.get(0));
    assertThat(statuses).containsOnly(HttpStatus.CREATED, HttpStatus.OK);
    assertThat(statuses).filteredOn(s -> s == HttpStatus.CREATED).hasSize(1);
    assertThat(incidentsOfAlert(body)).isEqualTo(1);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(references.get(0)).count()).isEqualTo(1);
  }

  @Test
  void eachInvalidFieldIsNamed() throws Exception {
    assertRefused(with("clientId", "inconnu"), "clientId", "client inconnu : « inconnu »");
    assertRefused(with("siteIds", List.of("site-nord", "boutique")), "siteIds[1]",
        "site inconnu pour le client Client OIV : « boutique »");
    assertRefused(with("description", null), "description", "description obligatoire");
    String future = OffsetDateTime.now(ZoneOffset.UTC).plusHours(2).truncatedTo(ChronoUnit.SECONDS).toString();
    assertRefused(with("detectedAt", future), "detectedAt", "l'heure de détection ne peut pas être dans le futur");
    Map<String, Object> late = alert();
    late.put("beganAt", OffsetDateTime.parse((String) late.get("detectedAt")).plusMinutes(5).toString());
    assertRefused(late, "beganAt", "le début de l'incident ne peut pas suivre sa détection");
    assertRefused(with("detectedAt", "04/03/2026 14:30"), "detectedAt", "date ou heure mal formée");
    assertRefused(with("beganAt", "2026-03-04T14:30"), "beganAt", "date ou heure mal formée");
    assertRefused(with("detectionSource", "pigeon-voyageur"), "detectionSource",
        "source de détection inconnue « pigeon-voyageur » ; valeurs admises : alerte-supervision, signalement-client, "
            + "technicien-sur-site, notification-constructeur-cert, alerte-non-resolue");
    assertRefused(with("equipment", ""), "equipment", "équipement concerné obligatoire");
    // several problems at once: each one named
    Map<String, Object> many = with("clientId", null);
    many.put("description", "");
    many.put("siteIds", List.of());
    ResponseEntity<String> response = post(SUPERVISION, many);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(response.getBody()).get("errors").findValuesAsText("field"))
        .containsExactly("clientId", "siteIds", "description");
  }

  @Test
  void onlyIntegrationsReport() {
    long before = jdbc.sql("select count(*) from security_incident").query(Long.class).single();
    ResponseEntity<String> anonymous = http.exchange("/api/security-incidents", HttpMethod.POST,
        new HttpEntity<>(alert(), jsonHeaders()), String.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    // a wrong password (on an account of its own: a failed login delays that account's next ones)
    TestUsers.ensure(identityService, "supervision.other", Groups.INTEGRATIONS);
    assertThat(http.withBasicAuth("supervision.other", "wrong-password-2026!").exchange("/api/security-incidents", HttpMethod.POST,
        new HttpEntity<>(alert(), jsonHeaders()), String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<String> technician = post(TECH, alert());
    assertThat(technician.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(technician.getBody()).contains("\"message\":\"Accès refusé\"");
    assertThat(jdbc.sql("select count(*) from security_incident").query(Long.class).single()).isEqualTo(before);
  }

  private void assertRefused(Map<String, Object> body, String field, String message) throws Exception {
    long before = jdbc.sql("select count(*) from security_incident").query(Long.class).single();
    ResponseEntity<String> response = post(SUPERVISION, body);
    assertThat(response.getStatusCode()).as(field).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode answer = json.readTree(response.getBody());
    assertThat(answer.get("message").asText()).isEqualTo("Requête invalide");
    assertThat(answer.get("errors")).as(response.getBody()).hasSize(1);
    assertThat(answer.at("/errors/0/field").asText()).isEqualTo(field);
    assertThat(answer.at("/errors/0/message").asText()).startsWith(message);
    assertThat(jdbc.sql("select count(*) from security_incident").query(Long.class).single()).isEqualTo(before);
  }

  private static Map<String, Object> with(String key, Object value) {
    Map<String, Object> body = alert();
    body.put(key, value);
    return body;
  }

  private long incidentsOfAlert(Map<String, Object> body) {
    return jdbc.sql("select count(*) from security_incident where external_alert_id = ?")
        .param(body.get("externalAlertId")).query(Long.class).single();
  }

  private ResponseEntity<String> post(String user, Map<String, Object> body) {
    return http.withBasicAuth(user, TestUsers.PASSWORD)
        .exchange("/api/security-incidents", HttpMethod.POST, new HttpEntity<>(body, jsonHeaders()), String.class);
  }

  private ResponseEntity<String> get(String user, String reference) {
    return http.withBasicAuth(user, TestUsers.PASSWORD).getForEntity("/api/security-incidents/" + reference, String.class);
  }

  private static HttpHeaders jsonHeaders() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return headers;
  }
}
