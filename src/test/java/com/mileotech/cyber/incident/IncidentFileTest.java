package com.mileotech.cyber.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestClients;
import com.mileotech.cyber.TestUsers;
import com.mileotech.cyber.reminder.RecordingReminders.Call;
import com.mileotech.cyber.security.Groups;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The incident file (issue 19): an incident walked to the approval of its lessons learned gets a
 * PDF, read back here with PDFBox: every section, Paris times whatever the JVM's zone, « Page n / N »
 * and Mileo's header on each page, the fingerprint of its text; the file's own SHA-256 as the
 * register keeps it. A regeneration makes version 2 and keeps version 1. Over HTTP: the client's
 * RSSI reads it, another client's RSSI and an unknown reference get the same 404.
 */
@IntegrationTest
class IncidentFileTest extends IncidentScenario {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Tuesday 10 March 2026, 17:45 in Paris (UTC+1). */
  private static final Instant APPROVED = Instant.parse("2026-03-10T16:45:00Z");

  @LocalServerPort int port;
  @Autowired ApplicationContext applicationContext;
  private final HttpClient http = HttpClient.newHttpClient();

  private ProcessInstance approvedIncident() {
    return approvedIncident(false);
  }

  private ProcessInstance approvedIncident(boolean personalData) {
    ProcessInstance pi = reportPlain();
    qualify(pi, "mineur", personalData);
    String reference = pi.getBusinessKey();
    // an item of the evidence register and its ledger, as the evidence API records them
    jdbc.sql("""
        insert into evidence_item (reference, kind, description, sha256, size_bytes, stored, location, file_name,
          incident_at, captured_by, captured_at)
        values (?, 'journaux', 'Journaux du NVR', ?, 2048, false, 'Coffre du référent, scellé 12', null, ?, ?, ?)""")
        .params(reference, "ab".repeat(32), com.mileotech.cyber.system.DbTime.utc(T0),
            TECH, com.mileotech.cyber.system.DbTime.utc(T0.plusSeconds(1800)))
        .update();
    long item = jdbc.sql("select id from evidence_item where reference = ?").param(reference).query(Long.class).single();
    jdbc.sql("""
        insert into evidence_custody (item_id, event, actor, recorded_at, from_holder, to_holder, reason)
        values (?, 'capturee', ?, ?, null, ?, null), (?, 'transferee', ?, ?, ?, 'Laboratoire Forensix', 'Analyse')""")
        .params(item, TECH, com.mileotech.cyber.system.DbTime.utc(T0.plusSeconds(1800)), TECH,
            item, REFERENT, com.mileotech.cyber.system.DbTime.utc(T0.plusSeconds(3600)), TECH)
        .update();
    respondUntilClosure(pi, TestClients.PLAIN_RSSI);
    now(APPROVED.minusSeconds(900));
    writeLessonsLearned(pi);
    now(APPROVED);
    approveLessonsLearned(pi);
    runDueJobs(pi); // sharing: the file, then the mail
    return pi;
  }

  @Test
  void theApprovedLessonsLearnedMakeAVersionedFingerprintedFileWithEverySectionInParisTime() throws Exception {
    ProcessInstance pi = approvedIncident();
    String reference = pi.getBusinessKey();

    byte[] pdf = storedPdf(reference, 1);
    assertThat(jdbc.sql("select sha256 from incident_file where reference = ? and file_version = 1").param(reference)
        .query(String.class).single()).isEqualTo(sha256(pdf));
    assertThat(jdbc.sql("select generated_by from incident_file where reference = ?").param(reference)
        .query(String.class).single()).isEqualTo(MANAGER);

    String text;
    int pages;
    try (PDDocument document = Loader.loadPDF(pdf)) {
      pages = document.getNumberOfPages();
      text = new PDFTextStripper().getText(document);
      for (int page = 1; page <= pages; page++) {
        PDFTextStripper one = new PDFTextStripper();
        one.setStartPage(page);
        one.setEndPage(page);
        String pageText = one.getText(document);
        assertThat(pageText).as("page " + page)
            .contains("Mileo Technology — intégrateur de systèmes de vidéosurveillance IP — Dossier d'incident de sécurité")
            .contains("Page " + page + " / " + pages);
      }
    }
    String flat = text.replaceAll("\\s+", " ");
    assertThat(pages).isGreaterThan(1);
    for (String heading : List.of("1. Synthèse", "2. Qualification et requalifications", "3. Chronologie",
        "4. Registre des preuves et chaîne de possession", "5. Confinement et éradication",
        "6. Vérification d'intégrité", "7. Notifications réglementaires et journal des dépôts",
        "8. Retour d'expérience", "9. Versions du dossier et empreinte")) {
      assertThat(text).as(heading).contains(heading);
    }
    // Paris time, whatever the JVM's default zone: 16:45 UTC is 17 h 45 in Paris in March
    assertThat(flat).contains("10 mars 2026 à 17 h 45").contains("heure de Paris")
        .doesNotContain("16 h 45").doesNotContain("T16:45");
    assertThat(flat).contains(reference, "Client sans régime", "Gravité", "MTTR (remise en service − détection)",
        "Mot de passe par défaut sur le NVR", "Confinement en 2 h, délais tenus",
        "Contrôle des comptes par défaut à la mise en service", "Journaux du NVR", "ab".repeat(32),
        "Laboratoire Forensix", "Transfert", "Isoler le segment réseau de l'enregistreur", "Fait à 10 h 05", "intégrité confirmée",
        "Aucune notification réglementaire requise", "Approbation du retour d'expérience");
    // no code or English reaches the reader
    assertThat(flat).doesNotContain("capturee", "transferee", "null", "true", "false");

    // the fingerprint printed on the last page is the SHA-256 of the text, as stored
    String contentSha256 = jdbc.sql("select content_sha256 from incident_file where reference = ?").param(reference)
        .query(String.class).single();
    Matcher printed = Pattern.compile("Empreinte SHA-256 du contenu de cette version[^:]*:\\s*([0-9a-f]{64})")
        .matcher(text);
    assertThat(printed.find()).as(text).isTrue();
    assertThat(printed.group(1)).isEqualTo(contentSha256);

    // the sharing mail links to the file, instead of carrying a text
    Call shared = recorder().calls(pi.getId()).stream()
        .filter(c -> "inform".equals(c.kind()) && "lessons-learned-shared".equals(c.name())).findFirst().orElseThrow();
    assertThat(shared.notice().model().get("fileUrl").toString()).endsWith("/api/security-incidents/" + reference + "/file");
    assertThat(shared.notice().model()).doesNotContainKey("report");
    assertThat(shared.notice().attachments()).isEmpty();

    // the listener again for the same approval (a retried job): no second version
    ExecutionListener listener = (ExecutionListener) applicationContext.getBean("issueIncidentFile");
    DelegateExecution again = mock(DelegateExecution.class);
    when(again.getVariable(SecurityIncidentVariables.REFERENCE.name())).thenReturn(reference);
    when(again.getVariable(SecurityIncidentVariables.LESSONS_LEARNED_APPROVED_AT.name())).thenReturn(Date.from(APPROVED));
    when(again.getVariable(SecurityIncidentVariables.LESSONS_LEARNED_APPROVED_BY.name())).thenReturn(MANAGER);
    listener.notify(again);
    assertThat(count(reference)).isEqualTo(1);

    // over HTTP: the file of the client's RSSI, the versions, a regeneration that keeps version 1
    HttpResponse<byte[]> latest = get(TestClients.PLAIN_RSSI, "/api/security-incidents/" + reference + "/file");
    assertThat(latest.statusCode()).isEqualTo(200);
    assertThat(latest.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(latest.body()).isEqualTo(pdf);
    assertThat(latest.headers().firstValue("X-Content-SHA256")).hasValue(sha256(pdf));

    HttpResponse<byte[]> regenerated = post(REFERENT, "/api/security-incidents/" + reference + "/file/regeneration",
        "{\"reason\":\"dépôt tardif ajouté\"}");
    assertThat(regenerated.statusCode()).as(new String(regenerated.body(), StandardCharsets.UTF_8)).isEqualTo(201);
    assertThat(count(reference)).isEqualTo(2);
    JsonNode versions = JSON.readTree(get(TestClients.PLAIN_RSSI,
        "/api/security-incidents/" + reference + "/file/versions").body());
    assertThat(versions).hasSize(2);
    assertThat(versions.get(0).get("version").asInt()).isEqualTo(1);
    assertThat(versions.get(0).get("sha256").asText()).isEqualTo(sha256(pdf));
    assertThat(versions.get(0).get("generatedAt").asText()).isEqualTo(APPROVED.toString());
    assertThat(versions.get(0).get("generatedBy").asText()).isEqualTo(MANAGER);
    assertThat(versions.get(1).get("version").asInt()).isEqualTo(2);
    assertThat(versions.get(1).get("generatedBy").asText()).isEqualTo(REFERENT);
    byte[] v2 = get(TestClients.PLAIN_RSSI, "/api/security-incidents/" + reference + "/file").body();
    assertThat(versions.get(1).get("sha256").asText()).isEqualTo(sha256(v2));
    assertThat(get(TestClients.PLAIN_RSSI, "/api/security-incidents/" + reference + "/file/versions/1").body())
        .isEqualTo(pdf);
    try (PDDocument document = Loader.loadPDF(v2)) {
      String v2text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
      assertThat(v2text).contains("Régénération : dépôt tardif ajouté", sha256(pdf), "version 2");
    }
  }

  @Test
  void anotherClientsRssiAndAnUnknownReferenceGetTheSame404() throws Exception {
    ProcessInstance pi = approvedIncident();
    String reference = pi.getBusinessKey();
    TestUsers.ensure(identityService, "tech.file", Groups.TECHNICIANS);
    assertThat(get(TestClients.PLAIN_RSSI, "/api/security-incidents/" + reference + "/file").statusCode()).isEqualTo(200);
    assertThat(get("tech.file", "/api/security-incidents/" + reference + "/file/versions/1").statusCode()).isEqualTo(200);
    for (String path : List.of("/file", "/file/versions", "/file/versions/1")) {
      HttpResponse<byte[]> other = get(TestClients.OIV_RSSI, "/api/security-incidents/" + reference + path);
      HttpResponse<byte[]> unknown = get(TestClients.OIV_RSSI, "/api/security-incidents/INC-1999-0001" + path);
      assertThat(other.statusCode()).as(path).isEqualTo(404);
      assertThat(unknown.statusCode()).as(path).isEqualTo(404);
      assertThat(new String(other.body(), StandardCharsets.UTF_8).replace(reference, "REF"))
          .isEqualTo(new String(unknown.body(), StandardCharsets.UTF_8).replace("INC-1999-0001", "REF"));
    }
    assertThat(get(TestClients.PLAIN_RSSI, "/api/security-incidents/" + reference + "/file/versions/7").statusCode())
        .isEqualTo(404);
    // the approver's preview: the next version as a draft, not kept
    HttpResponse<byte[]> preview = get(MANAGER, "/api/security-incidents/" + reference + "/file/preview");
    assertThat(preview.statusCode()).isEqualTo(200);
    try (PDDocument document = Loader.loadPDF(preview.body())) {
      assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " "))
          .contains("projet soumis à approbation", "version 2");
    }
    assertThat(count(reference)).isEqualTo(1);
    // the RSSI may neither preview nor regenerate
    assertThat(get(TestClients.PLAIN_RSSI, "/api/security-incidents/" + reference + "/file/preview").statusCode())
        .isEqualTo(403);
    assertThat(post(TestClients.PLAIN_RSSI, "/api/security-incidents/" + reference + "/file/regeneration", "{}")
        .statusCode()).isEqualTo(403);
    assertThat(count(reference)).isEqualTo(1);
  }

  @Test
  void aBreachOfPersonalDataShowsItsNotificationDutyInTheFile() throws Exception {
    ProcessInstance pi = approvedIncident(true);
    byte[] pdf = storedPdf(pi.getBusinessKey(), 1);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
      String notifications = text.substring(text.indexOf("7. Notifications réglementaires"),
          text.indexOf("8. Retour d'expérience"));
      assertThat(notifications).contains("CNIL — à la charge du client", "Fondement", "Prise de connaissance par Mileo")
          .doesNotContain("Aucune notification réglementaire requise", "en-cours", "null");
    }
  }

  private long count(String reference) {
    return jdbc.sql("select count(*) from incident_file where reference = ?").param(reference).query(Long.class).single();
  }

  private byte[] storedPdf(String reference, int version) {
    return jdbc.sql("select pdf from incident_file where reference = ? and file_version = ?").params(reference, version)
        .query((rs, n) -> rs.getBytes(1)).single();
  }

  private HttpResponse<byte[]> get(String user, String path) throws Exception {
    return http.send(request(user, path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpResponse<byte[]> post(String user, String path, String body) throws Exception {
    return http.send(request(user, path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpRequest.Builder request(String user, String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)));
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
