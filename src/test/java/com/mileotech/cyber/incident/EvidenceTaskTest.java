package com.mileotech.cyber.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestUsers;
import com.mileotech.cyber.WebappSession;
import com.mileotech.cyber.security.Groups;
import com.mileotech.cyber.system.Refusal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The evidence task with the evidence register: completing it needs at least one item in the
 * register (or a legacy slot typed, or the referent's waiver); the register's page works with a
 * Tasklist session and its CSRF token, for its own writes only.
 */
@IntegrationTest
class EvidenceTaskTest extends IncidentScenario {

  @Autowired TestRestTemplate http;
  @LocalServerPort int port;

  @Test
  void theTaskIsCompletedOnceAnItemIsInTheRegisterAndNotBefore() {
    ProcessInstance pi = reportPlain();
    qualify(pi, "mineur", false);
    String capture = task(pi, "Task_CaptureEvidence").getId();
    Map<String, Object> captured = new HashMap<>(Map.of("evidenceDecision", "capturees"));

    as(TECH, Groups.TECHNICIANS);
    assertThatThrownBy(() -> formService.submitTaskForm(capture, captured))
        .isInstanceOf(Refusal.class).hasMessageContaining("ajoutez au moins une preuve au registre des preuves");
    asNobody();

    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_OCTET_STREAM);
    ResponseEntity<String> uploaded = http.withBasicAuth(TECH, TestUsers.PASSWORD).exchange(
        "/api/security-incidents/" + pi.getBusinessKey() + "/evidence?kind=journaux&description=Journaux du NVR",
        HttpMethod.POST, new HttpEntity<>("journaux".getBytes(StandardCharsets.UTF_8), headers), String.class);
    assertThat(uploaded.getStatusCode()).as(uploaded.getBody()).isEqualTo(HttpStatus.CREATED);

    submit(pi, "Task_CaptureEvidence", TECH, Groups.TECHNICIANS, captured);
    assertThat(variable(pi, "evidenceStatus")).isEqualTo("capturees");
    assertThat(variable(pi, "evidenceCount")).isEqualTo(1);
    assertThat(variable(pi, "evidenceRecordedBy")).isEqualTo(TECH);
  }

  @Test
  void aVideoHoldInTheFormMayRestOnVideoFootageInTheRegister() {
    ProcessInstance pi = reportPlain();
    qualify(pi, "mineur", false);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> declared = http.withBasicAuth(TECH, TestUsers.PASSWORD).postForEntity(
        "/api/security-incidents/" + pi.getBusinessKey() + "/evidence", new HttpEntity<>(Map.of("kind", "enregistrement-video",
            "description", "Export caméra entrée", "sha256", SHA, "location", "Scellé S-1"), headers), String.class);
    assertThat(declared.getStatusCode()).as(declared.getBody()).isEqualTo(HttpStatus.CREATED);
    Map<String, Object> form = new HashMap<>(Map.of("evidenceDecision", "capturees", "videoLegalHold", true,
        "videoLegalHoldGround", "requisition-judiciaire", "videoLegalHoldJustification", "Réquisition n° 26/1234",
        "videoLegalHoldUntilInput", "2026-09-30"));
    submit(pi, "Task_CaptureEvidence", TECH, Groups.TECHNICIANS, form);
    assertThat(variable(pi, "videoLegalHold")).isEqualTo(true);
  }

  @Test
  void theRegisterPageWritesWithTheTasklistSessionAndItsCsrfTokenOnly() {
    ProcessInstance pi = reportPlain();
    String api = "/api/security-incidents/" + pi.getBusinessKey() + "/evidence";
    WebappSession session = WebappSession.login(port, "tasklist", TECH, TestUsers.PASSWORD);
    assertThat(session.loggedIn()).isTrue();
    HttpResponse<String> page = session.send("GET", "/evidence/?reference=" + pi.getBusinessKey(), null, "text/html");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Registre des preuves");
    assertThat(session.get("/evidence/session").body()).contains("csrfToken").contains(TECH);

    HttpResponse<String> declared = session.post(api, Map.of("kind", "dump-memoire", "description", "Dump mémoire",
        "sha256", SHA, "location", "Coffre B"));
    assertThat(declared.statusCode()).as(declared.body()).isEqualTo(201);
    assertThat(declared.body()).contains("\"capturedBy\":\"" + TECH + "\"");
    assertThat(session.get(api).body()).contains("Coffre B");
    // the page's writes only: destruction stays with Basic credentials
    assertThat(session.post(api + "/1/destruction", Map.of("authorisation", "x")).statusCode()).isEqualTo(401);
    // without a session, the page sends to the Tasklist login (followed here: Tasklist, not the page)
    ResponseEntity<String> anonymous = http.getForEntity("/evidence/?reference=" + pi.getBusinessKey(), String.class);
    assertThat(anonymous.getBody()).doesNotContain("Registre des preuves");
  }
}
