package com.mileotech.cyber.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestUsers;
import com.mileotech.cyber.security.Groups;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** No guessing in our API's JSON: an epoch number for a date, 1 for true, 1.5 for a whole number are 400s naming the field. */
@IntegrationTest
class StrictJsonTest {

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired JdbcClient jdbc;
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void anEpochNumberForADateAndANumberForAYesNoAreRefusedNamingTheField() throws Exception {
    String feed = TestUsers.ensure(identityService, "feed.strict", Groups.INTEGRATIONS);
    long before = jdbc.sql("select count(*) from security_update").query(Long.class).single();

    Map<String, Object> epoch = advisory();
    epoch.put("publishedAt", 1772438400);
    assertRefused(http.withBasicAuth(feed, TestUsers.PASSWORD).postForEntity("/api/security-updates", epoch, String.class),
        "publishedAt", "date ou heure mal formée (ISO 8601 attendu, ex. 2026-03-04T14:30:00+01:00)");

    Map<String, Object> one = advisory();
    one.put("critical", 1);
    assertRefused(http.withBasicAuth(feed, TestUsers.PASSWORD).postForEntity("/api/security-updates", one, String.class),
        "critical", "vrai ou faux attendu (true ou false)");

    Map<String, Object> detected = Map.of("clientId", "client-oiv", "siteIds", List.of("site-nord"),
        "detectionSource", "alerte-supervision", "equipment", "NVR", "description", "Test", "detectedAt", 1772438400.5);
    assertRefused(http.withBasicAuth(feed, TestUsers.PASSWORD).postForEntity("/api/security-incidents", detected,
        String.class), "detectedAt", "date ou heure mal formée");

    assertThat(jdbc.sql("select count(*) from security_update").query(Long.class).single()).isEqualTo(before);
  }

  /** A text is a JSON string, holding characters a database keeps (issue 15): the field is named, nothing is written. */
  @Test
  void aNumberForATextAndAControlCharacterAreRefusedNamingTheField() throws Exception {
    String feed = TestUsers.ensure(identityService, "feed.strict", Groups.INTEGRATIONS);
    long before = jdbc.sql("select count(*) from security_update").query(Long.class).single();

    Map<String, Object> number = advisory();
    number.put("advisory", 42);
    assertRefused(http.withBasicAuth(feed, TestUsers.PASSWORD).postForEntity("/api/security-updates", number, String.class),
        "advisory", "texte attendu");

    Map<String, Object> nul = advisory();
    nul.put("product", "Caméra\u0000");
    assertRefused(http.withBasicAuth(feed, TestUsers.PASSWORD).postForEntity("/api/security-updates", nul, String.class),
        "product", "caractère de contrôle interdit (U+0000) en position 7");

    Map<String, Object> list = advisory();
    list.put("affectedVersions", "<8.50.0");
    assertRefused(http.withBasicAuth(feed, TestUsers.PASSWORD).postForEntity("/api/security-updates", list, String.class),
        "affectedVersions", "liste attendue");

    Map<String, Object> accents = advisory();
    accents.put("product", "Caméra 🎥 « Nord »\tbis");
    ResponseEntity<String> fine = http.withBasicAuth(feed, TestUsers.PASSWORD).postForEntity("/api/security-updates",
        accents, String.class);
    assertThat(fine.getBody()).as("accents, emoji and tabs are text (the product is merely unknown)")
        .contains("produit inconnu").doesNotContain("caractère");

    assertThat(jdbc.sql("select count(*) from security_update").query(Long.class).single()).isEqualTo(before);
  }

  private static Map<String, Object> advisory() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("product", "Caméra inconnue");
    body.put("kind", "CAMERA_FIRMWARE");
    body.put("critical", true);
    body.put("affectedVersions", List.of("<8.50.0"));
    body.put("advisory", "CERTFR-2026-AVI-STRICT");
    body.put("publishedAt", "2026-03-02T09:00:00+01:00");
    return body;
  }

  private void assertRefused(ResponseEntity<String> response, String field, String message) throws Exception {
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
    JsonNode errors = json.readTree(response.getBody()).get("errors");
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).get("field").asText()).isEqualTo(field);
    assertThat(errors.get(0).get("message").asText()).startsWith(message);
  }
}
