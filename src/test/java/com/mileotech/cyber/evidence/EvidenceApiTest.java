package com.mileotech.cyber.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestClients;
import com.mileotech.cyber.TestIncidents;
import com.mileotech.cyber.TestUsers;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.client.ClientService;
import com.mileotech.cyber.security.Groups;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The evidence register over HTTP: upload, declaration, custody ledger, access rules, size limit. */
@IntegrationTest
class EvidenceApiTest {

  static final String SUPERVISION = "supervision.evidence";
  static final String TECH = "tech.evidence";
  static final String REFERENT = "referent.evidence";
  static final String ADMIN = "admin.evidence";
  static final Path STORE = Path.of("target/test-evidence");

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired ClientRepository clientRepository;
  @Autowired ClientService clientService;
  @Autowired JdbcClient jdbc;
  private final ObjectMapper json = new ObjectMapper();
  private String reference;

  @BeforeEach
  void incident() throws Exception {
    TestClients.ensure(identityService, clientRepository, clientService);
    TestUsers.ensure(identityService, SUPERVISION, Groups.INTEGRATIONS);
    TestUsers.ensure(identityService, TECH, Groups.TECHNICIANS);
    TestUsers.ensure(identityService, REFERENT, Groups.CYBER_REFERENT);
    reference = TestIncidents.reportedBySupervision(http, SUPERVISION, "NVR-02",
        "Connexions SSH répétées depuis une adresse étrangère");
  }

  @Test
  void anUploadedFileIsHashedByTheServerAndReadBackAsCapturedWithItsDownloadAudited() throws Exception {
    byte[] content = "2026-03-02T08:00:01Z sshd[42]: Failed password for root from 203.0.113.9\n"
        .getBytes(StandardCharsets.UTF_8);
    JsonNode item = uploadRaw(TECH, content, "journaux", "Journaux SSH du NVR-02");
    assertThat(item.get("sha256").asText()).isEqualTo(sha256(content));
    assertThat(item.get("sizeBytes").asLong()).isEqualTo(content.length);
    assertThat(item.get("heldByServer").asBoolean()).isTrue();
    assertThat(item.get("capturedBy").asText()).isEqualTo(TECH);
    assertThat(item.at("/ledger/0/event").asText()).isEqualTo("capturee");
    assertThat(item.at("/ledger/0/by").asText()).isEqualTo(TECH);
    assertThat(item.get("retainUntil").asText()).startsWith(String.valueOf(OffsetDateTime.now().getYear() + 5));
    // content-addressed: the file on disk is named by its hash and is the file sent
    assertThat(Files.readAllBytes(STORE.resolve(sha256(content)))).isEqualTo(content);

    ResponseEntity<byte[]> download = as(TestClients.OIV_RSSI).getForEntity(content(item), byte[].class);
    assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(download.getBody()).isEqualTo(content);
    assertThat(download.getHeaders().getFirst("X-Content-SHA256")).isEqualTo(sha256(content));
    assertThat(Files.readString(Path.of("target/test-audit.jsonl"))).contains("evidence.download")
        .contains("\"reference\":\"" + reference + "\"").contains("\"user\":\"" + TestClients.OIV_RSSI + "\"");

    // the same through a form (multipart/form-data)
    byte[] screenshot = "PNG... capture de l'écran d'administration".getBytes(StandardCharsets.UTF_8);
    ResponseEntity<String> posted = as(TECH).postForEntity(path(),
        form(screenshot, "ecran-admin.png", "capture-ecran", "Écran d'administration du NVR"), String.class);
    assertThat(posted.getStatusCode()).as(posted.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode fromForm = json.readTree(posted.getBody());
    assertThat(fromForm.get("sha256").asText()).isEqualTo(sha256(screenshot));
    assertThat(fromForm.get("fileName").asText()).isEqualTo("ecran-admin.png");

    ResponseEntity<String> list = as(REFERENT).getForEntity(path(), String.class);
    assertThat(json.readTree(list.getBody()).size()).isEqualTo(2);
  }

  @Test
  void aLargeItemIsDeclaredByItsHashAndLocationAndCannotBeVerifiedByTheServer() throws Exception {
    String hash = "ab".repeat(32);
    ResponseEntity<String> refused = postJson(TECH, path(), Map.of("kind", "dump-memoire", "description", "Dump mémoire",
        "sha256", "xyz", "location", ""));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("sha256").contains("location").contains("empreinte SHA-256 invalide");

    ResponseEntity<String> declared = postJson(TECH, path(), Map.of("kind", "dump-memoire",
        "description", "Dump mémoire du serveur VMS (32 Go)", "sha256", hash.toUpperCase(), "location", "Scellé S-2026-014, coffre B"));
    assertThat(declared.getStatusCode()).as(declared.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode item = json.readTree(declared.getBody());
    assertThat(item.get("sha256").asText()).isEqualTo(hash);
    assertThat(item.get("heldByServer").asBoolean()).isFalse();
    assertThat(item.get("location").asText()).isEqualTo("Scellé S-2026-014, coffre B");

    JsonNode verified = json.readTree(as(TECH).postForEntity(itemPath(item) + "/verifications", null, String.class).getBody());
    assertThat(verified.get("lastVerification").asText()).isEqualTo("non-verifiable");
    assertThat(as(TECH).getForEntity(content(item), String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void transferAndVerificationThenAFileAlteredOnDiskIsAMismatchThatAlertsTheReferentOnce() throws Exception {
    // the client's SIEM follows its evidence (docs/events.md): each step one event, written with the step
    TestUsers.ensure(identityService, ADMIN, Groups.ADMINISTRATORS);
    ResponseEntity<Map> subscription = as(ADMIN).postForEntity("/api/webhook-subscriptions", Map.of("name",
        "SIEM du client OIV", "clientId", TestClients.OIV, "url", "https://siem.client-oiv.example/mileo"), Map.class);
    assertThat(subscription.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    try {
      aFileAlteredOnDiskIsAMismatchThatAlertsTheReferentOnce();
    } finally {
      as(ADMIN).delete("/api/webhook-subscriptions/" + subscription.getBody().get("id"));
    }
    assertThat(jdbc.sql("select type from webhook_event where subject = ? order by occurred_at, type").param(reference)
        .query(String.class).list())
        .as("one event per evidence step, the failed verification once")
        .containsExactly("com.mileotech.cyber.security-incident.evidence-added",
            "com.mileotech.cyber.security-incident.evidence-verification-failed");
  }

  private void aFileAlteredOnDiskIsAMismatchThatAlertsTheReferentOnce() throws Exception {
    byte[] content = ("export de configuration " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    JsonNode item = uploadRaw(TECH, content, "configuration", "Export de configuration du NVR");

    ResponseEntity<String> missing = postJson(TECH, itemPath(item) + "/transfers", Map.of("from", TECH));
    assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(missing.getBody()).contains("\"to\"").contains("\"reason\"");
    ResponseEntity<String> transferred = postJson(TECH, itemPath(item) + "/transfers",
        Map.of("from", TECH, "to", "Laboratoire Forensix", "reason", "analyse judiciaire"));
    assertThat(transferred.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode ledger = json.readTree(transferred.getBody()).get("ledger");
    assertThat(ledger.get(1).get("event").asText()).isEqualTo("transferee");
    assertThat(ledger.get(1).get("to").asText()).isEqualTo("Laboratoire Forensix");
    assertThat(ledger.get(1).get("by").asText()).isEqualTo(TECH);

    JsonNode match = json.readTree(as(TECH).postForEntity(itemPath(item) + "/verifications", null, String.class).getBody());
    assertThat(match.get("lastVerification").asText()).isEqualTo("conforme");
    assertThat(match.at("/ledger/2/observedSha256").asText()).isEqualTo(sha256(content));

    Path file = STORE.resolve(sha256(content));
    Files.write(file, "altéré".getBytes(StandardCharsets.UTF_8));
    String altered = sha256("altéré".getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < 2; i++) {
      JsonNode mismatch = json.readTree(as(REFERENT).postForEntity(itemPath(item) + "/verifications", null, String.class)
          .getBody());
      assertThat(mismatch.get("lastVerification").asText()).isEqualTo("non-conforme");
    }
    String key = "staff-alert:evidence-mismatch:" + item.get("id").asLong() + ":" + altered;
    List<Map<String, Object>> mails = jdbc.sql("select subject, recipients from mail_outbox where idempotency_key = :key")
        .param("key", key).query().listOfRows();
    assertThat(mails).hasSize(1); // verified twice, alerted once
    assertThat((String) mails.get(0).get("subject")).contains("Preuve altérée").contains(reference);
    assertThat(String.valueOf(mails.get(0).get("recipients"))).contains(REFERENT);
  }

  @Test
  void aHoldOnVideoFootageNeedsTheProcedureReferenceAndBlocksDestructionUntilReleased() throws Exception {
    JsonNode video = uploadRaw(TECH, ("vidéo " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8),
        "enregistrement-video", "Enregistrement caméra entrée, 02/03 de 2 h à 4 h");
    String until = OffsetDateTime.now().plusYears(1).toLocalDate().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));

    assertThat(postJson(TECH, itemPath(video) + "/legal-holds", Map.of("reason", "plainte", "until", until))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> withoutReference = postJson(REFERENT, itemPath(video) + "/legal-holds",
        Map.of("reason", "Plainte du client pour intrusion", "until", until));
    assertThat(withoutReference.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(withoutReference.getBody()).contains("procedureReference").contains("CSI L252-5");

    ResponseEntity<String> held = postJson(REFERENT, itemPath(video) + "/legal-holds",
        Map.of("reason", "Plainte du client pour intrusion", "procedureReference", "PV 2026/00123 — commissariat de Lyon 3e",
            "until", until));
    assertThat(held.getStatusCode()).as(held.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode hold = json.readTree(held.getBody());
    assertThat(hold.get("underLegalHold").asBoolean()).isTrue();
    assertThat(hold.at("/ledger/1/procedureReference").asText()).isEqualTo("PV 2026/00123 — commissariat de Lyon 3e");
    assertThat(hold.at("/ledger/1/by").asText()).isEqualTo(REFERENT);

    ResponseEntity<String> blocked = postJson(REFERENT, itemPath(video) + "/destruction", Map.of("authorisation", "DIR-2026-7"));
    assertThat(blocked.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(postJson(REFERENT, itemPath(video) + "/legal-hold-releases", Map.of("reason", "Classement sans suite"))
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(postJson(REFERENT, itemPath(video) + "/destruction", Map.of()).getBody()).contains("authorisation");
    ResponseEntity<String> destroyed = postJson(REFERENT, itemPath(video) + "/destruction",
        Map.of("authorisation", "Décision du référent DIR-2026-7"));
    assertThat(destroyed.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode gone = json.readTree(destroyed.getBody());
    assertThat(gone.get("destroyed").asBoolean()).isTrue();
    assertThat(gone.at("/ledger/3/event").asText()).isEqualTo("detruite");
    assertThat(gone.at("/ledger/3/authorisation").asText()).isEqualTo("Décision du référent DIR-2026-7");
    assertThat(Files.exists(STORE.resolve(video.get("sha256").asText()))).isFalse();
    assertThat(as(TECH).getForEntity(content(video), String.class).getStatusCode()).isEqualTo(HttpStatus.GONE);
    // the ledger keeps every step: nothing was updated or deleted
    assertThat(jdbc.sql("select count(*) from evidence_custody where item_id = :id").param("id", video.get("id").asLong())
        .query(Long.class).single()).isEqualTo(4);

    // a hold on anything else (logs) needs no procedure reference
    JsonNode logs = uploadRaw(TECH, ("logs " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8), "journaux", "Journaux");
    assertThat(postJson(REFERENT, itemPath(logs) + "/legal-holds", Map.of("reason", "Demande de l'assureur"))
        .getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void aRetriedUploadWithItsIdempotencyKeyGetsTheFirstItemAndRecordsNothingMore() throws Exception {
    byte[] content = ("journal du NVR " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    String key = UUID.randomUUID().toString();
    ResponseEntity<String> first = keyed(TECH, key, raw(content), "journaux", "Journaux du NVR-02");
    assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(HttpStatus.CREATED);
    long id = json.readTree(first.getBody()).get("id").asLong();

    // the answer was lost on the way: the same request again, same key
    ResponseEntity<String> again = keyed(TECH, key, raw(content), "journaux", "Journaux du NVR-02");
    assertThat(again.getStatusCode()).as(again.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
    JsonNode replayed = json.readTree(again.getBody());
    assertThat(replayed.get("id").asLong()).isEqualTo(id);
    assertThat(replayed.get("ledger").size()).as("one capture in the chain of custody").isEqualTo(1);
    assertThat(items()).isEqualTo(1);

    // the key reused for another file, another description or by someone else: refused, nothing written
    ResponseEntity<String> otherFile = keyed(TECH, key, raw("autre".getBytes(StandardCharsets.UTF_8)), "journaux",
        "Journaux du NVR-02");
    assertThat(otherFile.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(otherFile.getBody()).contains("Idempotency-Key").contains("clé déjà utilisée pour un autre envoi")
        .contains("preuve n° " + id).contains("rien n'a été enregistré");
    assertThat(keyed(TECH, key, raw(content), "journaux", "Autre description").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(keyed(REFERENT, key, raw(content), "journaux", "Journaux du NVR-02").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(items()).isEqualTo(1);

    // a new key is a new item, even for the same bytes (another capture of the same file)
    assertThat(keyed(TECH, UUID.randomUUID().toString(), raw(content), "journaux", "Journaux du NVR-02")
        .getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(items()).isEqualTo(2);
  }

  @Test
  void aRetriedFormUploadOrDeclarationWithItsKeyIsAnsweredOnceAndABadKeyIsNamed() throws Exception {
    byte[] screenshot = ("capture " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    String formKey = UUID.randomUUID().toString();
    HttpHeaders formHeaders = new HttpHeaders();
    formHeaders.set("Idempotency-Key", formKey);
    ResponseEntity<String> first = as(TECH).postForEntity(path(), withHeaders(
        form(screenshot, "ecran.png", "capture-ecran", "Écran d'administration"), formHeaders), String.class);
    assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(HttpStatus.CREATED);
    ResponseEntity<String> again = as(TECH).postForEntity(path(), withHeaders(
        form(screenshot, "ecran.png", "capture-ecran", "Écran d'administration"), formHeaders), String.class);
    assertThat(again.getStatusCode()).as(again.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(again.getBody()).get("id").asLong()).isEqualTo(json.readTree(first.getBody()).get("id").asLong());

    Map<String, String> declaration = Map.of("kind", "dump-memoire", "description", "Dump mémoire du VMS",
        "sha256", "12".repeat(32), "location", "Scellé S-2026-020");
    String declarationKey = UUID.randomUUID().toString();
    ResponseEntity<String> declared = postJson(TECH, path(), declaration, declarationKey);
    assertThat(declared.getStatusCode()).as(declared.getBody()).isEqualTo(HttpStatus.CREATED);
    ResponseEntity<String> declaredAgain = postJson(TECH, path(), declaration, declarationKey);
    assertThat(declaredAgain.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(declaredAgain.getBody()).get("id").asLong())
        .isEqualTo(json.readTree(declared.getBody()).get("id").asLong());
    ResponseEntity<String> elsewhere = postJson(TECH, path(), Map.of("kind", "dump-memoire",
        "description", "Dump mémoire du VMS", "sha256", "12".repeat(32), "location", "Scellé S-2026-021"), declarationKey);
    assertThat(elsewhere.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(items()).isEqualTo(2);

    for (String bad : List.of("une clé", "x".repeat(201))) {
      ResponseEntity<String> refused = keyed(TECH, bad, raw(screenshot), "journaux", "Journaux");
      assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody()).contains("Idempotency-Key").contains("clé d'idempotence invalide");
    }
    assertThat(items()).isEqualTo(2);
  }

  @Test
  void anotherClientsRssiGets404AsForAnUnknownIncidentAndCannotUpload() throws Exception {
    JsonNode item = uploadRaw(TECH, ("x " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8), "journaux", "Journaux");
    for (String url : List.of(path(), itemPath(item), content(item))) {
      ResponseEntity<String> answer = as(TestClients.PLAIN_RSSI).getForEntity(url, String.class);
      assertThat(answer.getStatusCode()).as(url).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(answer.getBody()).doesNotContain(item.get("sha256").asText());
    }
    assertThat(as(TECH).getForEntity("/api/security-incidents/INC-1999-0001/evidence", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(as(TestClients.OIV_RSSI).exchange(path() + "?kind=journaux&description=x", HttpMethod.POST,
        raw("x".getBytes()), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.getForEntity(path(), String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void aFileAboveTheLimitIsRefusedWithAClearMessageAndNothingIsStored() throws Exception {
    long filesBefore = filesInStore();
    byte[] tooLarge = new byte[1024 * 1024 + 1]; // the test limit is 1 MB
    ResponseEntity<String> raw = as(TECH).exchange(path() + "?kind=journaux&description=Journaux", HttpMethod.POST,
        raw(tooLarge), String.class);
    assertThat(raw.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(raw.getBody()).contains("Fichier trop volumineux").contains("1 Mo au plus").contains("Rien n'a été enregistré");

    ResponseEntity<String> multipart = as(TECH).postForEntity(path(), form(tooLarge, "gros.log", "journaux", "Journaux"),
        String.class);
    assertThat(multipart.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(multipart.getBody()).contains("Fichier trop volumineux");

    assertThat(filesInStore()).isEqualTo(filesBefore);
    assertThat(jdbc.sql("select count(*) from evidence_item where reference = :r").param("r", reference)
        .query(Long.class).single()).isZero();

    ResponseEntity<String> badKind = as(TECH).exchange(path() + "?kind=film&description=x", HttpMethod.POST,
        raw("x".getBytes()), String.class);
    assertThat(badKind.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badKind.getBody()).contains("\"kind\"").contains("type de preuve");
  }

  private long filesInStore() throws Exception {
    if (!Files.exists(STORE)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(STORE)) {
      return files.filter(Files::isRegularFile).count();
    }
  }

  private JsonNode uploadRaw(String user, byte[] content, String kind, String description) throws Exception {
    ResponseEntity<String> answer = as(user).exchange(path() + "?kind=" + kind + "&description={d}", HttpMethod.POST,
        raw(content), String.class, description);
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.CREATED);
    return json.readTree(answer.getBody());
  }

  /** A multipart/form-data upload as a browser form sends it. */
  private static HttpEntity<MultiValueMap<String, Object>> form(byte[] content, String fileName, String kind,
      String description) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("file", new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    form.add("kind", kind);
    form.add("description", description);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return new HttpEntity<>(form, headers);
  }

  private static HttpEntity<byte[]> raw(byte[] content) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_OCTET_STREAM);
    return new HttpEntity<>(content, headers);
  }

  private ResponseEntity<String> postJson(String user, String url, Map<String, ?> body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return as(user).postForEntity(url, new HttpEntity<>(body, headers), String.class);
  }

  private ResponseEntity<String> keyed(String user, String key, HttpEntity<byte[]> body, String kind, String description) {
    HttpHeaders headers = new HttpHeaders();
    headers.putAll(body.getHeaders());
    headers.set("Idempotency-Key", key);
    return as(user).exchange(path() + "?kind=" + kind + "&description={d}", HttpMethod.POST,
        new HttpEntity<>(body.getBody(), headers), String.class, description);
  }

  private static <T> HttpEntity<T> withHeaders(HttpEntity<T> entity, HttpHeaders extra) {
    HttpHeaders headers = new HttpHeaders();
    headers.putAll(entity.getHeaders());
    headers.putAll(extra);
    return new HttpEntity<>(entity.getBody(), headers);
  }

  private ResponseEntity<String> postJson(String user, String url, Map<String, ?> body, String key) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set("Idempotency-Key", key);
    return as(user).postForEntity(url, new HttpEntity<>(body, headers), String.class);
  }

  private long items() {
    return jdbc.sql("select count(*) from evidence_item where reference = :r").param("r", reference)
        .query(Long.class).single();
  }

  private String path() {
    return "/api/security-incidents/" + reference + "/evidence";
  }

  private String itemPath(JsonNode item) {
    return path() + "/" + item.get("id").asLong();
  }

  private String content(JsonNode item) {
    return itemPath(item) + "/content";
  }

  private TestRestTemplate as(String user) {
    return http.withBasicAuth(user, TestUsers.PASSWORD);
  }

  static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }
}
