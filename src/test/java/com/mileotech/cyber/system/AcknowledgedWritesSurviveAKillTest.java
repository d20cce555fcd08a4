package com.mileotech.cyber.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 201 or a 204 means the fact is on disk. The application runs in a JVM of its own on the demo
 * profile; the supervision platform reports incidents (201 each), the referent qualifies some of
 * them (204) and uploads a file of evidence to each of those (201), and the JVM is killed
 * ({@code kill -9}) right after the last answer, an upload's, with no pause. After the restart
 * every acknowledged incident, qualification and reference is there, and the next incident gets a
 * new reference; every acknowledged evidence item is there with its stored bytes (the SHA-256 the
 * server answered, re-hashed by the server: conforme) and its first custody-ledger entry as
 * answered. On H2 (the embedded default) and on PostgreSQL, where the database server is crashed
 * too (immediate shutdown: no checkpoint, recovery from its WAL), with the server's
 * {@code synchronous_commit} off as the embedded PostgreSQL has it.
 *
 * <p>The evidence API has no idempotency key (docs/evidence.md): a client that retries an upload
 * whose answer it lost creates a second item with the same hash (one stored file serves both), so
 * no retry is tested here. An incident report retried with the same {@code externalAlertId} is
 * the same incident (tested below).
 */
class AcknowledgedWritesSurviveAKillTest {

  private static final String SUPERVISION = "supervision.demo";
  private static final String SUPERVISION_PASSWORD = "Supervision-Demo-2026!";
  private static final String REFERENT = "referent.demo";
  private static final String REFERENT_PASSWORD = "Referent-Cyber-2026!";
  private static final int INCIDENTS = 12;
  /**
   * Every fourth incident is qualified right after it is reported, then gets a file of evidence:
   * the last answer before the kill is an upload's 201.
   */
  private static final int QUALIFY_EVERY = 4;
  /** Larger than the store's 64 KB buffer: the file is written in several pieces. */
  private static final int EVIDENCE_BYTES = 200_000;

  private final ObjectMapper json = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void onTheEmbeddedH2File() {
    String url = "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db/mileo").toAbsolutePath();
    Acknowledged acknowledged;
    try (AppProcess app = AppProcess.start(dir.resolve("first.log"), arguments(url))) {
      acknowledged = work(app);
      app.kill();
    }
    try (AppProcess app = AppProcess.start(dir.resolve("second.log"), arguments(url))) {
      everythingAcknowledgedIsThere(app, acknowledged);
    }
  }

  @Test
  void onPostgresCrashedWithTheApplication() throws Exception {
    Path data = dir.resolve("pgdata");
    EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start();
    Acknowledged acknowledged;
    try {
      try (AppProcess app = AppProcess.start(dir.resolve("first.log"), postgresArguments(postgres))) {
        acknowledged = work(app);
        app.kill();
        crash(data);
      }
    } finally {
      postgres.close(); // only releases its lock: the server is gone already
    }
    EmbeddedPostgres restarted = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start();
    try (AppProcess app = AppProcess.start(dir.resolve("second.log"), postgresArguments(restarted))) {
      assertThat(single(restarted, "show synchronous_commit")).as("the server's own setting").isEqualTo("off");
      everythingAcknowledgedIsThere(app, acknowledged);
    } finally {
      restarted.close();
    }
  }

  /** What was answered before the kill: each reference with its alert, the qualified ones, the evidence uploaded. */
  record Acknowledged(Map<String, String> alertOfReference, List<String> qualified, List<Upload> uploads) {}

  /** An upload answered 201: what was sent, and what the server answered (its item, hash and first ledger entry). */
  record Upload(String reference, byte[] content, JsonNode answer) {}

  private Acknowledged work(AppProcess app) {
    Map<String, String> alertOfReference = new LinkedHashMap<>();
    List<String> qualified = new ArrayList<>();
    List<Upload> uploads = new ArrayList<>();
    for (int i = 1; i <= INCIDENTS; i++) {
      String alert = "C4-" + i + "-" + System.nanoTime();
      HttpResponse<String> reported = app.call("POST", "/api/security-incidents", SUPERVISION, SUPERVISION_PASSWORD,
          report(alert));
      assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
      String reference = read(reported).get("reference").asText();
      alertOfReference.put(reference, alert);
      if (i % QUALIFY_EVERY == 0) {
        String task = qualificationTask(app, reference);
        HttpResponse<String> completed = app.call("POST", "/engine-rest/task/" + task + "/submit-form", REFERENT,
            REFERENT_PASSWORD, QUALIFICATION);
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
        qualified.add(reference);
        uploads.add(upload(app, reference, i));
      }
    }
    return new Acknowledged(alertOfReference, qualified, uploads);
  }

  /** The referent uploads the authentication logs of the NVR, as curl --data-binary sends them. */
  private Upload upload(AppProcess app, String reference, int seed) {
    byte[] content = new byte[EVIDENCE_BYTES];
    new java.util.Random(seed).nextBytes(content);
    HttpResponse<String> uploaded = app.postBytes("/api/security-incidents/" + reference
        + "/evidence?kind=journaux&description=Journaux%20SSH%20du%20NVR&fileName=auth-" + seed + ".log",
        REFERENT, REFERENT_PASSWORD, content);
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
    JsonNode answer = read(uploaded);
    assertThat(answer.get("sha256").asText()).as("the hash the server answered").isEqualTo(sha256(content));
    assertThat(answer.at("/ledger/0/event").asText()).isEqualTo("capturee");
    return new Upload(reference, content, answer);
  }

  private void everythingAcknowledgedIsThere(AppProcess app, Acknowledged acknowledged) {
    for (Map.Entry<String, String> incident : acknowledged.alertOfReference().entrySet()) {
      String reference = incident.getKey();
      HttpResponse<String> summary = app.call("GET", "/api/security-incidents/" + reference, REFERENT, REFERENT_PASSWORD, null);
      assertThat(summary.statusCode()).as("incident %s, acknowledged before the kill", reference).isEqualTo(200);
      JsonNode body = read(summary);
      assertThat(body.get("externalAlertId").asText()).isEqualTo(incident.getValue());
      if (acknowledged.qualified().contains(reference)) {
        assertThat(body.at("/qualification/severity").asText()).as("qualification of %s", reference).isEqualTo("mineur");
        assertThat(openQualificationTasks(app, reference)).as("qualification task of %s", reference).isZero();
      } else {
        assertThat(openQualificationTasks(app, reference)).isEqualTo(1);
      }
      // the same alert again is the same incident: its alert id was kept with it
      HttpResponse<String> again = app.call("POST", "/api/security-incidents", SUPERVISION, SUPERVISION_PASSWORD,
          report(incident.getValue()));
      assertThat(again.statusCode()).isEqualTo(200);
      assertThat(read(again).get("reference").asText()).isEqualTo(reference);
    }
    for (Upload upload : acknowledged.uploads()) {
      evidenceIsThere(app, upload);
    }
    HttpResponse<String> next = app.call("POST", "/api/security-incidents", SUPERVISION, SUPERVISION_PASSWORD,
        report("C4-after-restart-" + System.nanoTime()));
    assertThat(next.statusCode()).isEqualTo(201);
    String reference = read(next).get("reference").asText();
    assertThat(acknowledged.alertOfReference()).as("references are never handed out twice").doesNotContainKey(reference);
  }

  /** The item as answered, its ledger's first entry as answered, its bytes as sent; once, not twice. */
  private void evidenceIsThere(AppProcess app, Upload upload) {
    String items = "/api/security-incidents/" + upload.reference() + "/evidence";
    String id = upload.answer().get("id").asText();
    String sha256 = upload.answer().get("sha256").asText();
    HttpResponse<String> listed = app.call("GET", items, REFERENT, REFERENT_PASSWORD, null);
    assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
    assertThat(read(listed)).as("the items of %s, acknowledged before the kill", upload.reference()).hasSize(1);
    HttpResponse<String> item = app.call("GET", items + "/" + id, REFERENT, REFERENT_PASSWORD, null);
    assertThat(item.statusCode()).as("evidence %s of %s", id, upload.reference()).isEqualTo(200);
    JsonNode found = read(item);
    for (String field : List.of("id", "reference", "kind", "description", "sha256", "sizeBytes", "heldByServer",
        "fileName", "capturedBy", "capturedAt")) {
      assertThat(found.get(field)).as(field).isEqualTo(upload.answer().get(field));
    }
    assertThat(found.get("sizeBytes").asLong()).isEqualTo(EVIDENCE_BYTES);
    assertThat(found.get("ledger")).as("the custody ledger").hasSize(1);
    assertThat(found.at("/ledger/0")).isEqualTo(upload.answer().at("/ledger/0"));
    assertThat(found.at("/ledger/0/by").asText()).isEqualTo(REFERENT);

    HttpResponse<byte[]> content = app.download(items + "/" + id + "/content", REFERENT, REFERENT_PASSWORD);
    assertThat(content.statusCode()).isEqualTo(200);
    assertThat(content.headers().firstValue("X-Content-SHA256")).hasValue(sha256);
    assertThat(content.body()).as("the bytes stored").isEqualTo(upload.content());
    assertThat(Files.isRegularFile(dir.resolve("evidence").resolve(sha256))).as("the store's file").isTrue();
    HttpResponse<String> verified = app.call("POST", items + "/" + id + "/verifications", REFERENT, REFERENT_PASSWORD,
        null);
    assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
    assertThat(read(verified).get("lastVerification").asText()).as("the server re-hashes its file").isEqualTo("conforme");
  }

  private static String sha256(byte[] content) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private String qualificationTask(AppProcess app, String reference) {
    HttpResponse<String> tasks = app.call("GET", "/engine-rest/task?processInstanceBusinessKey=" + reference
        + "&taskDefinitionKey=Task_QualifyIncident", REFERENT, REFERENT_PASSWORD, null);
    assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);
    JsonNode list = read(tasks);
    assertThat(list.size()).isEqualTo(1);
    return list.get(0).get("id").asText();
  }

  private long openQualificationTasks(AppProcess app, String reference) {
    HttpResponse<String> count = app.call("GET", "/engine-rest/task/count?processInstanceBusinessKey=" + reference
        + "&taskDefinitionKey=Task_QualifyIncident", REFERENT, REFERENT_PASSWORD, null);
    assertThat(count.statusCode()).isEqualTo(200);
    return read(count).get("count").asLong();
  }

  private static final String QUALIFICATION = """
      {"variables": {
        "nature": {"value": "intrusion"},
        "severity": {"value": "mineur"},
        "personalDataAnswer": {"value": "non"},
        "siteSelection": {"value": "[\\"siege\\"]", "type": "Json"},
        "affectedSystems": {"value": "NVR-01, VLAN vidéo"},
        "awarenessChoice": {"value": "maintenant"},
        "awarenessConfirmed": {"value": "maintenant"}
      }}""";

  private String report(String alert) {
    OffsetDateTime detected = OffsetDateTime.now(ZoneOffset.ofHours(1)).minusMinutes(10).truncatedTo(ChronoUnit.SECONDS);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("clientId", "hexa-energie");
    body.put("siteIds", List.of("siege"));
    body.put("detectionSource", "alerte-supervision");
    body.put("equipment", "NVR-02");
    body.put("description", "Connexions SSH répétées depuis une adresse étrangère");
    body.put("detectedAt", detected.toString());
    body.put("externalAlertId", alert);
    try {
      return json.writeValueAsString(body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode read(HttpResponse<String> response) {
    try {
      return json.readTree(response.body());
    } catch (Exception e) {
      throw new IllegalStateException(response.body(), e);
    }
  }

  private List<String> arguments(String database) {
    return arguments(database, "demo");
  }

  private List<String> arguments(String database, String profiles) {
    return List.of(database,
        "--spring.profiles.active=" + profiles,
        // nothing runs in the background: the last answer is the last write before the kill
        "--camunda.bpm.job-execution.enabled=false",
        "--mileo.mail.sender.enabled=false",
        "--mileo.evidence.store=" + dir.resolve("evidence").toAbsolutePath(),
        "--mileo.audit.file=" + dir.resolve("audit.jsonl").toAbsolutePath());
  }

  private List<String> postgresArguments(EmbeddedPostgres postgres) {
    List<String> arguments = new ArrayList<>(
        arguments("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"), "demo,postgres"));
    arguments.add("--spring.datasource.username=postgres");
    arguments.add("--spring.datasource.password=postgres");
    return arguments;
  }

  /**
   * PostgreSQL's immediate shutdown (SIGQUIT to the postmaster): every server process quits at
   * once, nothing is flushed, the next start recovers from the WAL, as after a crash.
   */
  private static void crash(Path data) throws Exception {
    long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
    ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
    Process quit = new ProcessBuilder("kill", "-QUIT", String.valueOf(pid)).inheritIO().start();
    assertThat(quit.waitFor()).isZero();
    postmaster.onExit().get(60, TimeUnit.SECONDS);
  }

  private static String single(EmbeddedPostgres postgres, String sql) throws Exception {
    try (var connection = postgres.getPostgresDatabase().getConnection();
        var rs = connection.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
