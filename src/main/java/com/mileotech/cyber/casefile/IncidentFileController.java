package com.mileotech.cyber.casefile;

import com.mileotech.cyber.incident.SecurityIncidentAccount;
import com.mileotech.cyber.security.AuditTrail;
import com.mileotech.cyber.security.CurrentUser;
import com.mileotech.cyber.security.Groups;
import com.mileotech.cyber.security.PrivilegedCall;
import com.mileotech.cyber.system.ApiException;
import com.mileotech.cyber.system.Moments;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The incident file over HTTP: the latest version, the list of versions, one version; a preview
 * of the next one for the approver; a regeneration by the referent. Who may read follows the
 * incident: staff, and the RSSI of its client; for anyone else the incident does not exist (404,
 * the same as an unknown reference). Every download is in the audit trail.
 */
@RestController
@RequestMapping("/api/security-incidents/{reference}/file")
class IncidentFileController {

  private static final Groups[] READERS = {Groups.TECHNICIANS, Groups.PROJECT_MANAGERS, Groups.CYBER_REFERENT,
      Groups.ADMINISTRATORS, Groups.CLIENT_RSSI};
  private static final Groups[] REVIEWERS = {Groups.PROJECT_MANAGERS, Groups.CYBER_REFERENT};

  private final IncidentFiles files;
  private final IncidentFileIssuer issuer;
  private final SecurityIncidentAccount incidents;
  private final CurrentUser currentUser;
  private final PrivilegedCall privileged;
  private final Moments moments;

  IncidentFileController(IncidentFiles files, IncidentFileIssuer issuer, SecurityIncidentAccount incidents,
      CurrentUser currentUser, PrivilegedCall privileged, Moments moments) {
    this.files = files;
    this.issuer = issuer;
    this.incidents = incidents;
    this.currentUser = currentUser;
    this.privileged = privileged;
    this.moments = moments;
  }

  /** The latest version. */
  @GetMapping
  ResponseEntity<byte[]> latest(@PathVariable String reference) {
    currentUser.require(READERS);
    visible(reference);
    List<IncidentFiles.Version> versions = files.versions(reference);
    if (versions.isEmpty()) {
      throw notYet(reference);
    }
    return download(versions.get(versions.size() - 1));
  }

  /** Every version, the first first: version, generatedAt, sha256 (of the file), generatedBy. */
  @GetMapping("/versions")
  List<Map<String, Object>> versions(@PathVariable String reference) {
    currentUser.require(READERS);
    visible(reference);
    return files.versions(reference).stream().map(v -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("version", v.version());
      row.put("generatedAt", v.generatedAt().toString());
      row.put("generatedAtLabel", moments.wordsWithZone(v.generatedAt()));
      row.put("sha256", v.sha256());
      row.put("contentSha256", v.contentSha256());
      row.put("generatedBy", v.generatedBy());
      row.put("reason", v.reason());
      row.put("fileName", v.fileName());
      row.put("href", "/api/security-incidents/" + reference + "/file/versions/" + v.version());
      return row;
    }).toList();
  }

  /** One version; a version that is not a whole number is refused (400 naming it) by the common handler. */
  @GetMapping("/versions/{version}")
  ResponseEntity<byte[]> version(@PathVariable String reference, @PathVariable int version) {
    currentUser.require(READERS);
    visible(reference);
    return files.versions(reference).stream().filter(v -> v.version() == version).findFirst()
        .map(this::download).orElseThrow(() -> ApiException.notFound(
            "Version inconnue du dossier d'incident de " + reference + " : " + version));
  }

  /** What the approver is about to approve: the next version as a draft, not kept. */
  @GetMapping("/preview")
  ResponseEntity<byte[]> preview(@PathVariable String reference) {
    currentUser.require(REVIEWERS);
    visible(reference);
    byte[] pdf = privileged.call(() -> issuer.preview(reference, currentUser.id()));
    audit("incident-file.preview", reference, null, IncidentFilePdf.sha256(pdf));
    return pdf(pdf, "dossier-incident-" + reference + "-projet.pdf", IncidentFilePdf.sha256(pdf));
  }

  /** What the referent may say of a regeneration. */
  record Regeneration(String reason) {}

  /**
   * The referent makes a new version from the record as it stands now (e.g. after a late filing or
   * a custody event); the earlier versions are kept. 404 until the first version exists.
   */
  @PostMapping("/regeneration")
  ResponseEntity<Map<String, Object>> regenerate(@PathVariable String reference,
      @RequestBody(required = false) Regeneration body) {
    currentUser.require(Groups.CYBER_REFERENT);
    visible(reference);
    if (files.lastVersion(reference) == 0) {
      throw notYet(reference);
    }
    String reason = body == null || body.reason() == null || body.reason().isBlank()
        ? "Régénération demandée par le référent cybersécurité"
        : "Régénération : " + body.reason().strip();
    if (reason.length() > 400) {
      throw com.mileotech.cyber.system.Refusal.field("reason", "motif de 380 caractères au plus");
    }
    String user = currentUser.id();
    int version = privileged.call(() -> issuer.issue(reference, "regeneration:" + moments.now() + ":" + user, reason,
        user));
    Map<String, Object> audit = new LinkedHashMap<>();
    audit.put("user", user);
    audit.put("reference", reference);
    audit.put("version", version);
    AuditTrail.event("incident-file.regenerate", audit);
    return ResponseEntity.status(201).body(Map.of("reference", reference, "version", version,
        "href", "/api/security-incidents/" + reference + "/file/versions/" + version));
  }

  private ResponseEntity<byte[]> download(IncidentFiles.Version v) {
    byte[] pdf = files.pdf(v.reference(), v.version()).orElseThrow();
    audit("incident-file.download", v.reference(), v.version(), v.sha256());
    return pdf(pdf, v.fileName(), v.sha256());
  }

  private ResponseEntity<byte[]> pdf(byte[] pdf, String fileName, String sha256) {
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
        .header("X-Content-SHA256", sha256)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .contentType(MediaType.APPLICATION_PDF)
        .body(pdf);
  }

  private void audit(String event, String reference, Integer version, String sha256) {
    Map<String, Object> audit = new LinkedHashMap<>();
    audit.put("user", currentUser.id());
    audit.put("reference", reference);
    if (version != null) {
      audit.put("version", version);
    }
    audit.put("sha256", sha256);
    AuditTrail.event(event, audit);
  }

  /** 404 for an unknown incident and for one of another client alike: references are not to be guessed. */
  private void visible(String reference) {
    String clientId = incidents.clientOf(reference).orElse(null);
    if (clientId == null || !currentUser.canSeeClient(clientId)) {
      throw ApiException.notFound("Incident de sécurité inconnu : " + reference);
    }
  }

  private static ApiException notYet(String reference) {
    return ApiException.notFound("Le dossier d'incident de " + reference
        + " n'est pas encore établi : il l'est à l'approbation du retour d'expérience");
  }

}
