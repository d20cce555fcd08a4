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
 * them (204), and the JVM is killed ({@code kill -9}) right after the last answer, with no pause.
 * After the restart every acknowledged incident, qualification and reference is there, and the
 * next incident gets a new reference. On H2 (the embedded default) and on PostgreSQL, where the
 * database server is crashed too (immediate shutdown: no checkpoint, recovery from its WAL), with
 * the server's {@code synchronous_commit} off as the embedded PostgreSQL has it.
 */
class AcknowledgedWritesSurviveAKillTest {

  private static final String SUPERVISION = "supervision.demo";
  private static final String SUPERVISION_PASSWORD = "Supervision-Demo-2026!";
  private static final String REFERENT = "referent.demo";
  private static final String REFERENT_PASSWORD = "Referent-Cyber-2026!";
  private static final int INCIDENTS = 12;
  /** Every fourth incident is qualified right after it is reported: the last answer before the kill is a 204. */
  private static final int QUALIFY_EVERY = 4;

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

  /** What was answered before the kill: each reference with its alert, and the qualified ones. */
  record Acknowledged(Map<String, String> alertOfReference, List<String> qualified) {}

  private Acknowledged work(AppProcess app) {
    Map<String, String> alertOfReference = new LinkedHashMap<>();
    List<String> qualified = new ArrayList<>();
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
      }
    }
    return new Acknowledged(alertOfReference, qualified);
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
    HttpResponse<String> next = app.call("POST", "/api/security-incidents", SUPERVISION, SUPERVISION_PASSWORD,
        report("C4-after-restart-" + System.nanoTime()));
    assertThat(next.statusCode()).isEqualTo(201);
    String reference = read(next).get("reference").asText();
    assertThat(acknowledged.alertOfReference()).as("references are never handed out twice").doesNotContainKey(reference);
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
