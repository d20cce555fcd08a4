package com.mileotech.cyber.evidence;

import com.mileotech.cyber.security.AuditTrail;
import com.mileotech.cyber.security.CurrentUser;
import com.mileotech.cyber.security.Groups;
import com.mileotech.cyber.system.ApiException;
import com.mileotech.cyber.system.Moments;
import com.mileotech.cyber.system.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * The evidence register of a security incident: items uploaded (streamed, hashed by the server)
 * or declared (hash and location), their custody ledgers, and the download of a held file (in
 * the audit trail). Who may see an incident's evidence follows the incident: staff, and the RSSI
 * of its client; for anyone else the incident does not exist (404).
 */
@RestController
class EvidenceController {

  private static final Groups[] READERS = {Groups.TECHNICIANS, Groups.PROJECT_MANAGERS, Groups.CYBER_REFERENT,
      Groups.ADMINISTRATORS, Groups.CLIENT_RSSI};
  private static final Groups[] HANDLERS = {Groups.TECHNICIANS, Groups.PROJECT_MANAGERS, Groups.CYBER_REFERENT};
  private static final Groups[] CUSTODIANS = {Groups.CYBER_REFERENT};

  private final Evidence evidence;
  private final EvidenceStore store;
  private final CurrentUser currentUser;
  private final HistoryService history;
  private final IdentityService identity;
  private final Moments moments;

  EvidenceController(Evidence evidence, EvidenceStore store, CurrentUser currentUser, HistoryService history,
      IdentityService identity, Moments moments) {
    this.evidence = evidence;
    this.store = store;
    this.currentUser = currentUser;
    this.history = history;
    this.identity = identity;
    this.moments = moments;
  }

  record Declaration(String kind, String description, String sha256, String location) {}

  record Transfer(String from, String to, String reason) {}

  record Hold(String reason, String procedureReference, String until) {}

  record Release(String reason) {}

  record Destruction(String authorisation) {}

  @GetMapping("/api/security-incidents/{reference}/evidence")
  List<Map<String, Object>> list(@PathVariable String reference) {
    currentUser.require(READERS);
    visibleIncident(reference);
    return evidence.list(reference).stream().map(this::json).toList();
  }

  @GetMapping("/api/security-incidents/{reference}/evidence/{id}")
  Map<String, Object> one(@PathVariable String reference, @PathVariable String id) {
    currentUser.require(READERS);
    visibleIncident(reference);
    return json(evidence.find(reference, number(id)).orElseThrow(() -> unknownItem(id)));
  }

  /** A file sent as the raw body (curl --data-binary @file): streamed into the store. */
  @PostMapping(path = "/api/security-incidents/{reference}/evidence", consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
  ResponseEntity<Map<String, Object>> uploadRaw(@PathVariable String reference, @RequestParam(required = false) String kind,
      @RequestParam(required = false) String description, @RequestParam(required = false) String fileName,
      @RequestHeader(name = Evidence.IDEMPOTENCY_KEY, required = false) String key,
      HttpServletRequest request) throws IOException {
    Evidence.Incident incident = incidentFor(reference, HANDLERS);
    long declared = request.getContentLengthLong();
    if (declared > 0 && declared > maxUploadSize()) {
      throw evidence.tooLarge(); // refused before a byte is read
    }
    try (InputStream body = request.getInputStream()) {
      return recorded(incident, key, () -> evidence.upload(incident, kind, description, fileName, body, currentUser.id(), key));
    }
  }

  /** A file sent as a form (multipart/form-data, part "file"): the container spools it to disk, then it is streamed into the store. */
  @PostMapping(path = "/api/security-incidents/{reference}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Map<String, Object>> uploadForm(@PathVariable String reference, HttpServletRequest request)
      throws IOException {
    Evidence.Incident incident = incidentFor(reference, HANDLERS);
    MultipartFile file;
    String kind;
    String description;
    try {
      if (!(request instanceof MultipartHttpServletRequest multipart)) {
        throw Refusal.field("file", "fichier manquant (champ « file » du formulaire)");
      }
      file = multipart.getFile("file");
      kind = multipart.getParameter("kind");
      description = multipart.getParameter("description");
    } catch (MaxUploadSizeExceededException e) {
      throw evidence.tooLarge();
    } catch (MultipartException e) {
      throw Refusal.field("file", "formulaire d'envoi illisible");
    }
    if (file == null) {
      throw Refusal.field("file", "fichier manquant (champ « file » du formulaire)");
    }
    if (file.getSize() > maxUploadSize()) {
      throw evidence.tooLarge();
    }
    String key = request.getHeader(Evidence.IDEMPOTENCY_KEY);
    try (InputStream content = file.getInputStream()) {
      return recorded(incident, key, () -> evidence.upload(incident, kind, description, file.getOriginalFilename(), content,
          currentUser.id(), key));
    }
  }

  /** A large item the server does not hold, declared by its SHA-256 and where it is kept. */
  @PostMapping(path = "/api/security-incidents/{reference}/evidence", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> declare(@PathVariable String reference, @RequestBody Declaration body,
      @RequestHeader(name = Evidence.IDEMPOTENCY_KEY, required = false) String key) {
    Evidence.Incident incident = incidentFor(reference, HANDLERS);
    return recorded(incident, key, () -> evidence.declare(incident, body.kind(), body.description(), body.sha256(),
        body.location(), currentUser.id(), key));
  }

  @PostMapping("/api/security-incidents/{reference}/evidence/{id}/transfers")
  Map<String, Object> transfer(@PathVariable String reference, @PathVariable String id, @RequestBody Transfer body) {
    return json(evidence.transfer(incidentFor(reference, HANDLERS), number(id), body.from(), body.to(), body.reason(),
        currentUser.id()));
  }

  @PostMapping("/api/security-incidents/{reference}/evidence/{id}/verifications")
  Map<String, Object> verify(@PathVariable String reference, @PathVariable String id) {
    return json(evidence.verify(incidentFor(reference, HANDLERS), number(id), currentUser.id()));
  }

  @PostMapping("/api/security-incidents/{reference}/evidence/{id}/legal-holds")
  Map<String, Object> hold(@PathVariable String reference, @PathVariable String id, @RequestBody Hold body) {
    Evidence.Incident incident = incidentFor(reference, CUSTODIANS);
    LocalDate until;
    try {
      until = body.until() == null || body.until().isBlank() ? null : moments.day(body.until());
    } catch (IllegalArgumentException e) {
      throw Refusal.field("until", e.getMessage());
    }
    return json(evidence.hold(incident, number(id), body.reason(), body.procedureReference(), until, currentUser.id()));
  }

  @PostMapping("/api/security-incidents/{reference}/evidence/{id}/legal-hold-releases")
  Map<String, Object> release(@PathVariable String reference, @PathVariable String id, @RequestBody Release body) {
    return json(evidence.release(incidentFor(reference, CUSTODIANS), number(id), body.reason(), currentUser.id()));
  }

  @PostMapping("/api/security-incidents/{reference}/evidence/{id}/destruction")
  Map<String, Object> destroy(@PathVariable String reference, @PathVariable String id, @RequestBody Destruction body) {
    return json(evidence.destroy(incidentFor(reference, CUSTODIANS), number(id), body.authorisation(), currentUser.id()));
  }

  /** The held file, as captured; every download is in the audit trail. */
  @GetMapping("/api/security-incidents/{reference}/evidence/{id}/content")
  ResponseEntity<Resource> content(@PathVariable String reference, @PathVariable String id) {
    currentUser.require(READERS);
    visibleIncident(reference);
    Evidence.View view = evidence.find(reference, number(id)).orElseThrow(() -> unknownItem(id));
    if (view.destroyed()) {
      throw new ApiException(HttpStatus.GONE, "La preuve n° " + id + " a été détruite");
    }
    if (!view.item().stored()) {
      throw ApiException.notFound("La preuve n° " + id + " n'est pas conservée sur le serveur : " + view.item().location());
    }
    Path file = store.find(view.item().sha256())
        .orElseThrow(() -> ApiException.notFound("Le fichier de la preuve n° " + id + " n'est plus dans le dépôt"));
    Map<String, Object> audit = new LinkedHashMap<>();
    audit.put("user", currentUser.id());
    audit.put("reference", reference);
    audit.put("item", view.item().id());
    audit.put("sha256", view.item().sha256());
    AuditTrail.event("evidence.download", audit);
    String name = view.item().fileName() != null ? view.item().fileName() : reference + "-preuve-" + view.item().id();
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name, java.nio.charset.StandardCharsets.UTF_8).build().toString())
        .header("X-Content-SHA256", view.item().sha256())
        .contentType(MediaType.APPLICATION_OCTET_STREAM).contentLength(size)
        .body(new FileSystemResource(file));
  }

  /**
   * 201 with the new item; 200 with the item a first attempt of the same request recorded (header
   * {@code Idempotent-Replayed: true}), nothing written again.
   */
  private ResponseEntity<Map<String, Object>> recorded(Evidence.Incident incident, String key,
      java.util.function.Supplier<Evidence.Captured> record) {
    Evidence.Captured captured;
    try {
      captured = record.get();
    } catch (Evidence.KeyTaken race) {
      captured = evidence.afterRace(incident, key, race.request);
    }
    if (captured.replayed()) {
      return ResponseEntity.ok().header("Idempotent-Replayed", "true").body(json(captured.view()));
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(json(captured.view()));
  }

  private long maxUploadSize() {
    return evidence.maxUploadSize();
  }

  private Map<String, Object> json(Evidence.View view) {
    EvidenceLedger.Item item = view.item();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", item.id());
    body.put("reference", item.reference());
    body.put("kind", item.kind());
    body.put("kindLabel", ItemKind.of(item.kind()).map(k -> k.label).orElse(item.kind()));
    body.put("description", item.description());
    body.put("sha256", item.sha256());
    body.put("sizeBytes", item.sizeBytes());
    body.put("heldByServer", item.stored());
    body.put("location", item.location());
    body.put("fileName", item.fileName());
    body.put("capturedBy", item.capturedBy());
    body.put("capturedAt", item.capturedAt().toString());
    body.put("destroyed", view.destroyed());
    body.put("underLegalHold", view.underHold());
    body.put("legalHoldUntil", view.holdUntil() == null ? null : view.holdUntil().toString());
    body.put("retainUntil", view.retainUntil() == null ? null : view.retainUntil().toString());
    body.put("lastVerification", view.lastVerification());
    body.put("ledger", view.ledger().stream().map(entry -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("event", entry.event());
      row.put("by", entry.actor());
      row.put("at", entry.recordedAt().toString());
      row.put("atLabel", moments.wordsWithZone(entry.recordedAt()));
      putIf(row, "from", entry.fromHolder());
      putIf(row, "to", entry.toHolder());
      putIf(row, "reason", entry.reason());
      putIf(row, "outcome", entry.outcome());
      putIf(row, "observedSha256", entry.observedSha256());
      putIf(row, "procedureReference", entry.procedureReference());
      putIf(row, "until", entry.holdUntil() == null ? null : entry.holdUntil().toString());
      putIf(row, "authorisation", entry.authorisation());
      return row;
    }).toList());
    return body;
  }

  private static void putIf(Map<String, Object> row, String key, Object value) {
    if (value != null) {
      row.put(key, value);
    }
  }

  private static long number(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw unknownItem(id);
    }
  }

  private static ApiException unknownItem(String id) {
    return ApiException.notFound("Preuve inconnue : " + id);
  }

  /**
   * The incident for a write reserved to {@code allowed}: who may not even read it gets 403 (an
   * integration), then 404 for an unknown incident and one of another client alike (another
   * client's RSSI, as for reads: docs/access-rules.md), then 403 for a reader who may not write
   * (the client's own RSSI, an administrator).
   */
  private Evidence.Incident incidentFor(String reference, Groups... allowed) {
    currentUser.require(READERS);
    Evidence.Incident incident = visibleIncident(reference);
    currentUser.require(allowed);
    return incident;
  }

  /** 404 for an unknown incident and for one of another client alike: ids are not to be guessed. */
  private Evidence.Incident visibleIncident(String reference) {
    HistoricProcessInstance instance = incidentInstance(reference);
    if (instance == null || instance.getTenantId() == null || !currentUser.canSeeClient(instance.getTenantId())) {
      throw ApiException.notFound("Incident de sécurité inconnu : " + reference);
    }
    return new Evidence.Incident(reference, instance.getTenantId(), instance.getStartTime().toInstant());
  }

  /** The incident's process, looked up as the application (the caller's rights are checked after). */
  private HistoricProcessInstance incidentInstance(String reference) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference)
          .processDefinitionKey("security-incident").orderByProcessInstanceStartTime().asc().list().stream()
          .findFirst().orElse(null);
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }
}
