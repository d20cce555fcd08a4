package com.mileotech.cyber;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Security incidents as the supervision platform reports them, for tests that need one to work on. */
public final class TestIncidents {

  private TestIncidents() {}

  /**
   * An incident at {@link TestClients#OIV}'s northern site, detected a few minutes ago and reported
   * through {@code POST /api/security-incidents} by {@code supervisionUser} (a member of the
   * integrations group); its reference.
   */
  public static String reportedBySupervision(TestRestTemplate http, String supervisionUser, String equipment,
      String description) throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("clientId", TestClients.OIV);
    body.put("siteIds", List.of("site-nord"));
    body.put("detectionSource", "alerte-supervision");
    body.put("equipment", equipment);
    body.put("description", description);
    body.put("detectedAt", OffsetDateTime.now(ZoneOffset.ofHours(1)).minusMinutes(10).truncatedTo(ChronoUnit.SECONDS)
        .toString());
    body.put("externalAlertId", "SUP-" + UUID.randomUUID());
    ResponseEntity<String> created = http.withBasicAuth(supervisionUser, TestUsers.PASSWORD)
        .postForEntity("/api/security-incidents", body, String.class);
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    return new ObjectMapper().readTree(created.getBody()).get("reference").asText();
  }
}
