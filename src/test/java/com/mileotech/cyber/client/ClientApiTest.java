package com.mileotech.cyber.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestUsers;
import com.mileotech.cyber.security.Groups;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** /api/clients: administrators manage the registry, staff read it, client RSSIs have no access. */
@IntegrationTest
class ClientApiTest {

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired ClientRepository repository;

  private TestRestTemplate admin;

  @BeforeEach
  void accounts() {
    admin = http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
    TestUsers.ensure(identityService, "tech.clients", Groups.TECHNICIANS);
    TestUsers.ensure(identityService, "rssi.api", Groups.CLIENT_RSSI);
    TestUsers.ensure(identityService, "rssi.other", Groups.CLIENT_RSSI);
  }

  @Test
  void createReadUpdate() {
    ResponseEntity<Map> created = admin.postForEntity("/api/clients", client("atlas-transports", "rssi.api"), Map.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getHeaders().getLocation()).hasToString("/api/clients/atlas-transports");
    assertThat(created.getBody()).containsEntry("name", "Atlas Transports")
        .containsEntry("regimes", List.of("NIS2_ESSENTIAL")).doesNotContainKey("regime");

    // the client is a tenant: staff groups and its RSSI (only) are members
    assertThat(identityService.createTenantQuery().tenantId("atlas-transports").count()).isEqualTo(1);
    for (String staff : List.of("technicians", "project-managers", "cyber-referent", "camunda-admin")) {
      assertThat(identityService.createTenantQuery().tenantId("atlas-transports").groupMember(staff).count())
          .as(staff).isEqualTo(1);
    }
    assertThat(identityService.createTenantQuery().userMember("rssi.api").list())
        .extracting(t -> t.getId()).containsExactly("atlas-transports");

    Map<String, Object> read = http.withBasicAuth("tech.clients", TestUsers.PASSWORD)
        .getForObject("/api/clients/atlas-transports", Map.class);
    assertThat(read).containsEntry("id", "atlas-transports");
    assertThat((List<?>) read.get("sites")).hasSize(1);

    Map<String, Object> changed = client("atlas-transports", "rssi.other");
    changed.put("name", "Atlas Transports SA");
    // an OIV that is also an essential entity of NIS2 (issue 18), of a kind regulation 2024/2690 covers
    changed.put("regimes", List.of("NIS2_ESSENTIAL", "OIV"));
    changed.put("nis2EntityType", "MANAGED_SERVICE");
    ResponseEntity<Map> updated = admin.exchange("/api/clients/atlas-transports", HttpMethod.PUT,
        new HttpEntity<>(changed), Map.class);
    assertThat(updated.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(repository.find("atlas-transports").orElseThrow().regimes())
        .containsExactly(RegulatoryRegime.OIV, RegulatoryRegime.NIS2_ESSENTIAL);
    assertThat(updated.getBody()).containsEntry("regimes", List.of("OIV", "NIS2_ESSENTIAL"))
        .containsEntry("nis2EntityType", "MANAGED_SERVICE");
    assertThat(repository.find("atlas-transports").orElseThrow().name()).isEqualTo("Atlas Transports SA");
    // the RSSI changed: the former one leaves the tenant, the new one joins it
    assertThat(identityService.createTenantQuery().userMember("rssi.api").count()).isZero();
    assertThat(identityService.createTenantQuery().userMember("rssi.other").list())
        .extracting(t -> t.getId()).containsExactly("atlas-transports");
    assertThat(identityService.createTenantQuery().tenantId("atlas-transports").singleResult().getName())
        .isEqualTo("Atlas Transports SA");
  }

  @Test
  void anInvalidRegimeIsRefusedNamingTheField() {
    Map<String, Object> body = client("bad-regime", null);
    body.remove("regimes");
    body.put("regime", "SEVESO");
    assertFieldError(admin.postForEntity("/api/clients", body, Map.class), "regime", "SEVESO");
    assertThat(repository.exists("bad-regime")).isFalse();
  }

  @Test
  void theRegimesAreASetAndTheSingleRegimeOfEarlierVersionsIsStillRead() {
    Map<String, Object> legacy = client("legacy-regime", null);
    legacy.remove("regimes");
    legacy.put("regime", "OIV");
    ResponseEntity<Map> legacyCreated = admin.postForEntity("/api/clients", legacy, Map.class);
    assertThat(legacyCreated.getStatusCode()).as(String.valueOf(legacyCreated.getBody())).isEqualTo(HttpStatus.CREATED);
    assertThat(repository.find("legacy-regime").orElseThrow().regimes()).containsExactly(RegulatoryRegime.OIV);

    Map<String, Object> none = client("no-regime", null);
    none.put("regimes", List.of("NONE"));
    assertThat(admin.postForEntity("/api/clients", none, Map.class).getBody()).containsEntry("regimes", List.of());

    Map<String, Object> both = client("both-spellings", null);
    both.put("regime", "OIV");
    assertFieldError(admin.postForEntity("/api/clients", both, Map.class), "regime", "");
    Map<String, Object> unknown = client("bad-regimes", null);
    unknown.put("regimes", List.of("OIV", "SEVESO"));
    assertFieldError(admin.postForEntity("/api/clients", unknown, Map.class), "regimes[1]", "SEVESO");
    Map<String, Object> essentialAndImportant = client("two-nis2", null);
    essentialAndImportant.put("regimes", List.of("NIS2_ESSENTIAL", "NIS2_IMPORTANT"));
    assertFieldError(admin.postForEntity("/api/clients", essentialAndImportant, Map.class), "regimes", "pas les deux");
    Map<String, Object> typeWithoutNis2 = client("type-no-nis2", null);
    typeWithoutNis2.put("regimes", List.of("OIV"));
    typeWithoutNis2.put("nis2EntityType", "CLOUD");
    assertFieldError(admin.postForEntity("/api/clients", typeWithoutNis2, Map.class), "nis2EntityType", "entité NIS2");
    for (String id : List.of("both-spellings", "bad-regimes", "two-nis2", "type-no-nis2")) {
      assertThat(repository.exists(id)).as(id).isFalse();
    }
  }

  @Test
  void aMissingNameIsRefusedNamingTheField() {
    Map<String, Object> body = client("no-name", null);
    body.remove("name");
    assertFieldError(admin.postForEntity("/api/clients", body, Map.class), "name", "obligatoire");
    assertThat(repository.exists("no-name")).isFalse();
  }

  @Test
  void aBadEmailIsRefusedNamingTheField() {
    Map<String, Object> body = client("bad-email", null);
    body.put("rssiContacts", List.of(Map.of("name", "Jeanne RSSI", "email", "jeanne-at-example")));
    assertFieldError(admin.postForEntity("/api/clients", body, Map.class), "rssiContacts[0].email", "e-mail");
    assertThat(repository.exists("bad-email")).isFalse();
  }

  @Test
  void crossFieldErrorsAreRefusedAndChangeNothing() {
    Map<String, Object> body = client("bad-cross", "no.such.user");
    body.put("contract", Map.of("type", "PREMIUM", "start", "2026-06-01", "end", "2026-01-01"));
    ResponseEntity<Map> response = admin.postForEntity("/api/clients", body, Map.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(response)).contains("contract.end", "rssiContacts[0].userId");
    assertThat(repository.exists("bad-cross")).isFalse();
    assertThat(identityService.createTenantQuery().tenantId("bad-cross").count()).isZero();

    Map<String, Object> malformed = client("bad-date", null);
    malformed.put("contract", Map.of("type", "PREMIUM", "start", "31/12/2026", "end", "2027-01-01"));
    assertFieldError(admin.postForEntity("/api/clients", malformed, Map.class), "contract.start", "date");
  }

  @Test
  void aClientRssiAndAnIntegrationCannotCallIt() {
    TestUsers.ensure(identityService, "integration.clients", Groups.INTEGRATIONS);
    for (String user : List.of("rssi.api", "integration.clients")) {
      TestRestTemplate caller = http.withBasicAuth(user, TestUsers.PASSWORD);
      assertThat(caller.getForEntity("/api/clients", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(caller.postForEntity("/api/clients", client("by-" + user.replace('.', '-'), null), String.class)
          .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(http.withBasicAuth("tech.clients", TestUsers.PASSWORD)
        .postForEntity("/api/clients", client("by-tech", null), String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(repository.exists("by-tech")).isFalse();
  }

  @Test
  void unknownClientIs404AndDuplicateIs409() {
    assertThat(admin.getForEntity("/api/clients/nobody-here", Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    admin.postForEntity("/api/clients", client("twice", null), Map.class);
    assertThat(admin.postForEntity("/api/clients", client("twice", null), Map.class).getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
  }

  private static Map<String, Object> client(String id, String rssiUser) {
    Map<String, Object> rssi = new HashMap<>(Map.of("name", "Jeanne RSSI", "email", "jeanne@" + id + ".example"));
    if (rssiUser != null) {
      rssi.put("userId", rssiUser);
    }
    Map<String, Object> body = new HashMap<>();
    body.put("id", id);
    body.put("name", "Atlas Transports");
    body.put("regimes", List.of("NIS2_ESSENTIAL"));
    body.put("contract", Map.of("type", "PREMIUM", "start", "2026-01-01", "end", "2029-12-31"));
    body.put("rssiContacts", List.of(rssi));
    body.put("dpo", Map.of("name", "Didier DPO", "email", "dpo@" + id + ".example"));
    body.put("sites", List.of(Map.of("id", "depot-nord", "name", "Dépôt Nord", "address", "1 rue du Dépôt, 59000 Lille")));
    return body;
  }

  private static List<String> fields(ResponseEntity<Map> response) {
    return ((List<Map<String, String>>) response.getBody().get("errors")).stream().map(e -> e.get("field")).toList();
  }

  private static void assertFieldError(ResponseEntity<Map> response, String field, String messagePart) {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    List<Map<String, String>> errors = (List<Map<String, String>>) response.getBody().get("errors");
    assertThat(errors).anySatisfy(e -> {
      assertThat(e.get("field")).isEqualTo(field);
      assertThat(e.get("message")).containsIgnoringCase(messagePart);
    });
  }
}
