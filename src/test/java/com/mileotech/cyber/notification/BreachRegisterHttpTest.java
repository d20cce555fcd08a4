package com.mileotech.cyber.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestClients;
import com.mileotech.cyber.TestUsers;
import com.mileotech.cyber.security.Groups;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Issue 18 over HTTP: the register of an incident (duties, anchors, filing log, decision
 * versions), the client-ready texts, a correction and its refusals, and the breach register's
 * exports for the client's DPO, another client's RSSI refused as if the client did not exist.
 */
@IntegrationTest
class BreachRegisterHttpTest {

  private static final Instant AWARENESS = Instant.parse("2026-04-06T07:00:00Z");

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identity;
  @Autowired TaskService taskService;
  @Autowired NotificationTestSupport support;

  private ProcessInstance filed;
  private ProcessInstance notNotified;

  @BeforeEach
  void twoBreaches() {
    support.prepare();
    TestUsers.ensure(identity, "referent.breaches", Groups.CYBER_REFERENT);
    TestUsers.ensure(identity, "tech.breaches", Groups.TECHNICIANS);
    ClockUtil.setCurrentTime(Date.from(AWARENESS));
    filed = support.qualifiedIncident(TestClients.PLAIN, true, "significatif", "intrusion", AWARENESS, "alerte-supervision");
    ProcessInstance cnil = support.notification(filed, "CNIL");
    support.informClient(cnil);
    taskService.complete(support.reportTask(cnil, "notification-initiale", "Task_DraftReport").getId(),
        NotificationForms.cnilDraft("risque"));
    ClockUtil.setCurrentTime(Date.from(AWARENESS.plus(Duration.ofHours(30))));
    support.asRssi(TestClients.PLAIN_RSSI, TestClients.PLAIN, () -> taskService.complete(
        support.reportTask(cnil, "notification-initiale", "Task_FileReport").getId(),
        NotificationForms.cnilFiled("07/04/2026 14:00", "CNIL-HTTP-1", null)));

    notNotified = support.qualifiedIncident(TestClients.PLAIN, true, "mineur", "autre", AWARENESS, "alerte-supervision");
    ProcessInstance other = support.notification(notNotified, "CNIL");
    support.informClient(other);
    taskService.complete(support.reportTask(other, "notification-initiale", "Task_DraftReport").getId(),
        NotificationForms.cnilDraft("improbable"));
    support.asRssi(TestClients.PLAIN_RSSI, TestClients.PLAIN, () -> taskService.complete(
        support.reportTask(other, "notification-initiale", "Task_FileReport").getId(),
        NotificationForms.cnilNotRequired("Flux chiffrés, aucune image lisible")));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theRegisterShowsDutiesAnchorsLogAndDecisions() {
    Map<String, Object> cnil = cnil(filed, TestClients.PLAIN_RSSI);
    assertThat((List<Map<String, Object>>) cnil.get("anchors")).extracting(a -> a.get("name"))
        .contains("mileoAwarenessAt", "clientAwarenessAt", "earliestAwarenessAt");
    assertThat((List<Map<String, Object>>) cnil.get("decisions")).singleElement().satisfies(d -> {
      assertThat(d).containsEntry("version", 1).containsEntry("decision", "deposee").containsEntry("current", true)
          .containsEntry("decidedBy", TestClients.PLAIN_RSSI);
    });
    Map<String, Object> report = ((List<Map<String, Object>>) cnil.get("reports")).get(0);
    assertThat(report).containsEntry("verdict", "dans le délai");
    assertThat((List<Map<String, Object>>) report.get("filings")).singleElement().satisfies(f -> {
      assertThat(f).containsEntry("receiptReference", "CNIL-HTTP-1").containsEntry("channel", "teleservice-cnil")
          .containsEntry("current", true).containsEntry("correction", false);
      assertThat((String) f.get("textSha256")).hasSize(64);
    });

    Map<String, Object> decided = cnil(notNotified, "referent.breaches");
    assertThat(decided).containsEntry("status", "non-requise");
    assertThat((List<Map<String, Object>>) decided.get("decisions")).singleElement().satisfies(d -> assertThat(d)
        .containsEntry("decision", "non-requise").containsEntry("approvedBy", NotificationForms.APPROVER)
        .containsEntry("riskToPersons", "improbable").containsEntry("riskAssessment", "Flux chiffrés, aucune image lisible"));
  }

  @Test
  void theTextsAreReadyToPasteAndAsPdf() {
    Map<String, Object> report = ((List<Map<String, Object>>) cnil(filed, TestClients.PLAIN_RSSI).get("reports")).get(0);
    Map<String, Object> filing = ((List<Map<String, Object>>) report.get("filings")).get(0);
    String base = path(filed) + "/cnil";

    ResponseEntity<Map> draft = as(TestClients.PLAIN_RSSI).getForEntity(base + "/reports/" + report.get("id") + "/text", Map.class);
    assertThat(draft.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat((List<Map<String, Object>>) draft.getBody().get("sections")).extracting(s -> s.get("title"))
        .startsWith("Vous êtes", "La violation", "Les données", "Les personnes concernées", "Les conséquences",
            "Les mesures prises", "L'information des personnes");

    ResponseEntity<Map> sent = as("tech.breaches").getForEntity(base + "/filings/" + filing.get("id") + "/text", Map.class);
    assertThat(sent.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(sent.getBody()).containsEntry("sha256", filing.get("textSha256"));
    assertThat((String) sent.getBody().get("text")).contains("■ La violation").contains("Client sans régime");
    assertThat((String) sent.getBody().get("status")).contains("CNIL-HTTP-1");

    ResponseEntity<byte[]> pdf = as(TestClients.PLAIN_RSSI).getForEntity(base + "/filings/" + filing.get("id")
        + "/text?format=pdf", byte[].class);
    assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(new String(pdf.getBody(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");

    assertThat(as(TestClients.OIV_RSSI).getForEntity(base + "/filings/" + filing.get("id") + "/text", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(as(TestClients.PLAIN_RSSI).getForEntity(path(notNotified) + "/cnil/filings/" + filing.get("id") + "/text",
        String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND); // a filing of another incident
  }

  @Test
  void aCorrectionSupersedesAndIsRefusedWhenIncomplete() {
    Map<String, Object> report = ((List<Map<String, Object>>) cnil(filed, TestClients.PLAIN_RSSI).get("reports")).get(0);
    Object filingId = ((List<Map<String, Object>>) report.get("filings")).get(0).get("id");
    String corrections = path(filed) + "/cnil/filings/" + filingId + "/corrections";

    assertThat(as("tech.breaches").postForEntity(corrections, Map.of("reason", "x"), String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as(TestClients.OIV_RSSI).postForEntity(corrections, Map.of("reason", "x", "receiptReference", "Z"),
        String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<Map> refused = as(TestClients.PLAIN_RSSI).postForEntity(corrections,
        Map.of("receiptReference", "CNIL-HTTP-1-bis", "submittedAt", "31/02/2026 10:00", "channel", "pigeon"), Map.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().toString()).contains("reason").contains("motif de la correction obligatoire")
        .contains("submittedAt").contains("channel");

    ResponseEntity<Map> corrected = as(TestClients.PLAIN_RSSI).postForEntity(corrections, Map.of(
        "receiptReference", "CNIL-HTTP-1-bis", "acknowledgedAt", "07/04/2026 14:30",
        "acknowledgement", "Accusé de réception reçu par courriel", "reason", "Référence recopiée avec une faute"), Map.class);
    assertThat(corrected.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(corrected.getBody()).containsEntry("supersedesId", filingId).containsEntry("receiptReference", "CNIL-HTTP-1-bis")
        .containsEntry("filedBy", TestClients.PLAIN_RSSI).containsEntry("recordedBy", TestClients.PLAIN_RSSI)
        .containsEntry("correction", true);

    Map<String, Object> after = ((List<Map<String, Object>>) cnil(filed, "referent.breaches").get("reports")).get(0);
    assertThat(after).containsEntry("verdict", "dans le délai").containsEntry("receiptReference", "CNIL-HTTP-1");
    assertThat((List<Map<String, Object>>) after.get("filings")).extracting(f -> f.get("current")).containsExactly(false, true);
    // the corrected filing is not corrected twice: the latest is
    assertThat(as("referent.breaches").postForEntity(corrections, Map.of("reason", "encore", "receiptReference", "Y"),
        String.class).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void theBreachRegisterExportsForTheClientsDpo() {
    String register = "/api/clients/" + TestClients.PLAIN + "/breach-register?year=2026";
    ResponseEntity<byte[]> csv = as(TestClients.PLAIN_RSSI).getForEntity(register + "&format=csv", byte[].class);
    assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
    String text = new String(csv.getBody(), StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFF").contains("\r\n");
    String header = text.lines().filter(l -> l.startsWith("Incident;")).findFirst().orElseThrow();
    assertThat(header.split(";")).hasSize(BreachRegisterExports.COLUMNS.size());
    String filedRow = text.lines().filter(l -> l.startsWith(filed.getBusinessKey() + ";")).findFirst().orElseThrow();
    assertThat(filedRow).contains("06/04/2026 09:00").contains("07/04/2026 14:00").contains("CNIL-HTTP-1")
        .contains("dans le délai");
    String notNotifiedRow = text.lines().filter(l -> l.startsWith(notNotified.getBusinessKey() + ";")).findFirst().orElseThrow();
    assertThat(notNotifiedRow).contains("non notifiée").contains(NotificationForms.APPROVER).contains("Flux chiffrés");
    // people read the files: who decided and who recorded by their names (test accounts: « Prénom Nom »),
    // looked up even though the RSSI who downloads may not list users; no login
    assertThat(notNotifiedRow).contains(";Prénom Nom;");
    assertThat(filedRow).contains(";Prénom Nom;");
    assertThat(text).doesNotContain(TestClients.PLAIN_RSSI).doesNotContain(NotificationTestSupport.REFERENT);

    ResponseEntity<byte[]> pdf = as("referent.breaches").getForEntity(register + "&format=pdf", byte[].class);
    assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(new String(pdf.getBody(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    String pdfText;
    try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.getBody())) {
      pdfText = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertThat(pdfText).contains("Décidée par Prénom Nom").doesNotContain(TestClients.PLAIN_RSSI)
        .doesNotContain(NotificationTestSupport.REFERENT);

    ResponseEntity<Map> json = as(TestClients.PLAIN_RSSI).getForEntity(register, Map.class);
    assertThat(json.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(((Number) json.getBody().get("notNotified")).longValue()).isGreaterThanOrEqualTo(1);

    // another client's RSSI: exactly as for a client that does not exist
    ResponseEntity<String> other = as(TestClients.OIV_RSSI).getForEntity(register + "&format=csv", String.class);
    ResponseEntity<String> unknown = as(TestClients.OIV_RSSI).getForEntity(
        "/api/clients/client-inexistant/breach-register?year=2026&format=csv", String.class);
    assertThat(other.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(other.getBody()).doesNotContain(filed.getBusinessKey()).doesNotContain("Client sans régime");
    ResponseEntity<Map> badYear = as("referent.breaches").getForEntity(
        "/api/clients/" + TestClients.PLAIN + "/breach-register?year=deux-mille", Map.class);
    assertThat(badYear.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badYear.getBody().toString()).contains("year");
  }

  private Map<String, Object> cnil(ProcessInstance incident, String user) {
    ResponseEntity<List> response = as(user).getForEntity(path(incident), List.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return ((List<Map<String, Object>>) response.getBody()).stream().filter(n -> "CNIL".equals(n.get("authority")))
        .findFirst().orElseThrow();
  }

  private String path(ProcessInstance incident) {
    return "/api/security-incidents/" + incident.getBusinessKey() + "/notifications";
  }

  private TestRestTemplate as(String user) {
    return http.withBasicAuth(user, TestUsers.PASSWORD);
  }
}
