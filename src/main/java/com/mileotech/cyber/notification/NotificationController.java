package com.mileotech.cyber.notification;

import com.mileotech.cyber.security.CurrentUser;
import com.mileotech.cyber.security.Groups;
import com.mileotech.cyber.security.PrivilegedCall;
import com.mileotech.cyber.system.ApiException;
import com.mileotech.cyber.system.Limits;
import com.mileotech.cyber.system.Moments;
import com.mileotech.cyber.system.Refusal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The register of one incident's regulatory notifications, for the client's file and for audits
 * (every duty, its anchors, its filing log and the versions of the decision), the client-ready
 * texts of the reports and filings, the corrections of a filing, and the recording of an ANSSI
 * request for an intermediate report.
 */
@RestController
class NotificationController {

  private final NotificationRegister register;
  private final CurrentUser currentUser;
  private final HistoryService history;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final PrivilegedCall privileged;
  private final Moments moments;
  private final BreachRegisterExports exports;

  NotificationController(NotificationRegister register, CurrentUser currentUser, HistoryService history,
      RuntimeService runtime, IdentityService identity, PrivilegedCall privileged, Moments moments,
      BreachRegisterExports exports) {
    this.moments = moments;
    this.exports = exports;
    this.register = register;
    this.currentUser = currentUser;
    this.history = history;
    this.runtime = runtime;
    this.identity = identity;
    this.privileged = privileged;
  }

  /** Each obligation with its reports: due date, filing time, receipt reference, on time or late and why. */
  @GetMapping("/api/security-incidents/{reference}/notifications")
  List<NotificationRegister.Notification> notifications(@PathVariable String reference) {
    currentUser.require(Groups.TECHNICIANS, Groups.PROJECT_MANAGERS, Groups.CYBER_REFERENT, Groups.ADMINISTRATORS,
        Groups.CLIENT_RSSI);
    requireVisibleIncident(reference);
    // Mileo's own duty (issue 18) is in Mileo's name, not the client's: staff only
    return register.forIncident(reference).stream().filter(n -> currentUser.canSeeClient(n.clientId())).toList();
  }

  /** The body of an intermediate-report request: which ANSSI duty, when the incident has two. */
  record IntermediateReportRequest(String procedure) {}

  /**
   * ANSSI asked for an intermediate report (NIS2 art. 23(4)(c)): the referent records the request.
   * An incident of a client both OIV and NIS2 essential entity has two ANSSI duties (V76,
   * {@code -ANSSI} and {@code -ANSSI-NIS2} / {@code -ANSSI-OIV}): then {@code procedure} ("oiv" or
   * "nis2") says which one was asked; with one duty open it may be left out.
   */
  @PostMapping("/api/security-incidents/{reference}/notifications/anssi/intermediate-report-requests")
  ResponseEntity<Map<String, String>> intermediateReportRequested(@PathVariable String reference,
      @RequestBody(required = false) IntermediateReportRequest body) {
    currentUser.require(Groups.CYBER_REFERENT, Groups.ADMINISTRATORS);
    requireVisibleIncident(reference);
    String asked = body == null || body.procedure() == null || body.procedure().isBlank() ? null
        : body.procedure().strip().toLowerCase(java.util.Locale.ROOT);
    if (asked != null && !ANSSI_PROCEDURES.contains(asked)) {
      throw Refusal.field("procedure", "procédure inconnue : « oiv » ou « nis2 »");
    }
    // the open ANSSI duties of the incident, read as the application (the caller's right was checked above)
    Map<String, String> open = privileged.call(() -> {
      Map<String, String> byProcedure = new java.util.TreeMap<>();
      runtime.createProcessInstanceQuery().processDefinitionKey(ANSSI_NOTIFICATION)
          .processInstanceBusinessKeyLike(reference + "-ANSSI%").active().list().stream()
          .filter(pi -> pi.getBusinessKey().equals(reference + "-ANSSI")
              || pi.getBusinessKey().startsWith(reference + "-ANSSI-"))
          .forEach(pi -> byProcedure.put(NotificationVariables.PROCEDURE.from(
              runtime.getVariables(pi.getId(), List.of(NotificationVariables.PROCEDURE.name()))), pi.getId()));
      return byProcedure;
    });
    if (open.isEmpty()) {
      throw ApiException.conflict("Aucune notification ANSSI en cours pour l'incident " + reference);
    }
    String procedure;
    if (asked != null) {
      if (!open.containsKey(asked)) {
        throw Refusal.field("procedure", "aucune notification ANSSI « " + asked + " » en cours pour l'incident "
            + reference + " (en cours : " + String.join(", ", open.keySet()) + ")");
      }
      procedure = asked;
    } else if (open.size() > 1) {
      throw Refusal.field("procedure", "l'incident " + reference + " a deux notifications ANSSI en cours ("
          + String.join(" et ", open.keySet()) + ") : précisez laquelle a fait l'objet de la demande, « "
          + String.join(" » ou « ", open.keySet()) + " »");
    } else {
      procedure = open.keySet().iterator().next();
    }
    String instance = open.get(procedure);
    // the referent holds no UPDATE_INSTANCE on anssi-notification (it would also let them rewrite
    // its variables or suspend it): their right to record this request was checked above
    var correlated = privileged.call(() -> runtime.createMessageCorrelation("AnssiIntermediateReportRequested")
        .processInstanceId(instance).correlateAllWithResult());
    if (correlated.isEmpty()) {
      throw ApiException.conflict("Aucune notification ANSSI en cours pour l'incident " + reference);
    }
    String notification = privileged.call(() -> runtime.createProcessInstanceQuery().processInstanceId(instance)
        .singleResult().getBusinessKey());
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(Map.of("reference", reference, "notification", notification, "procedure", procedure,
            "message", "Demande de rapport intermédiaire enregistrée"));
  }

  private static final String ANSSI_NOTIFICATION = "anssi-notification";
  private static final List<String> ANSSI_PROCEDURES = List.of("oiv", "nis2");

  /** The client-ready text drafted for a report (the duty), before or after it is filed: ?format=pdf for the PDF. */
  @GetMapping("/api/security-incidents/{reference}/notifications/{authority}/reports/{reportId}/text")
  ResponseEntity<?> reportText(@PathVariable String reference, @PathVariable String authority,
      @PathVariable String reportId, @RequestParam(required = false) String format) {
    NotificationRegister.Notification notification = visibleNotification(reference, authority);
    long id = number(reportId, "Rapport inconnu : " + reportId);
    String text = register.reportText(notification.id(), id)
        .orElseThrow(() -> ApiException.notFound("Aucun texte rédigé pour ce rapport : " + reportId));
    return text(text, format, "Texte rédigé, à reporter dans le formulaire en ligne de l'autorité",
        reference + "-" + authority.toLowerCase(java.util.Locale.ROOT) + "-rapport-" + id);
  }

  /** The text sent with a filing, as stored in the log, with its fingerprint: ?format=pdf for the PDF. */
  @GetMapping("/api/security-incidents/{reference}/notifications/{authority}/filings/{filingId}/text")
  ResponseEntity<?> filingText(@PathVariable String reference, @PathVariable String authority,
      @PathVariable String filingId, @RequestParam(required = false) String format) {
    NotificationRegister.Notification notification = visibleNotification(reference, authority);
    NotificationRegister.Filing filing = register.filing(notification.id(), number(filingId, "Dépôt inconnu : " + filingId))
        .orElseThrow(() -> ApiException.notFound("Dépôt inconnu : " + filingId));
    String text = register.filingText(filing.id()).orElse(null);
    if (text == null) {
      throw ApiException.notFound("Aucun texte conservé pour le dépôt " + filingId);
    }
    return text(text, format, filing.label() + " déposée le " + moments.wordsWithZone(filing.submittedAt())
        + (filing.receiptReference() == null ? "" : ", accusé de réception " + filing.receiptReference())
        + (filing.current() ? "" : " — remplacée par la correction n° " + filing.supersededById()),
        reference + "-" + authority.toLowerCase(java.util.Locale.ROOT) + "-depot-" + filing.id());
  }

  private ResponseEntity<?> text(String stored, String format, String status, String name) {
    FilingTexts.FilingText text = FilingTexts.parse(stored);
    String sha256 = FilingTexts.sha256(stored);
    if (format == null || format.equals("json")) {
      Map<String, Object> body = new java.util.LinkedHashMap<>();
      body.put("title", text.title());
      body.put("status", status);
      body.put("sections", text.sections().stream().map(s -> Map.of("title", s.title(), "text", s.text())).toList());
      body.put("text", stored);
      body.put("sha256", sha256);
      return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(body);
    }
    if (!format.equals("pdf")) {
      throw Refusal.field("format", "format inconnu : « json » ou « pdf »");
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name + ".pdf").build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(exports.textPdf(text, sha256, status));
  }

  /**
   * A correction of a filing (a wrong receipt reference, time or channel, the acknowledgement
   * received later, the text actually sent): a new row of the log that supersedes the corrected
   * one, never an update; the duty's lateness stays as frozen at its first filing. By the
   * referent or the RSSI of that client; who and when are the server's.
   */
  @PostMapping("/api/security-incidents/{reference}/notifications/{authority}/filings/{filingId}/corrections")
  ResponseEntity<NotificationRegister.Filing> correct(@PathVariable String reference, @PathVariable String authority,
      @PathVariable String filingId, @RequestBody(required = false) CorrectionRequest request) {
    currentUser.require(Groups.CYBER_REFERENT, Groups.CLIENT_RSSI);
    NotificationRegister.Notification notification = visibleNotification(reference, authority);
    NotificationRegister.Filing corrected = register.filing(notification.id(), number(filingId, "Dépôt inconnu : " + filingId))
        .orElseThrow(() -> ApiException.notFound("Dépôt inconnu : " + filingId));
    if (!corrected.current()) {
      throw ApiException.conflict("Le dépôt " + corrected.id() + " a déjà été corrigé par le n° "
          + corrected.supersededById() + " : corrigez celui-ci");
    }
    CorrectionRequest r = request == null ? new CorrectionRequest(null, null, null, null, null, null, null) : request;
    List<Refusal.Problem> problems = new java.util.ArrayList<>();
    java.time.Instant submittedAt = moment(r.submittedAt(), "submittedAt", "date et heure du dépôt", problems);
    java.time.Instant acknowledgedAt = moment(r.acknowledgedAt(), "acknowledgedAt", "date de l'accusé de réception", problems);
    java.time.Instant now = RegulatoryObligations.now();
    if (r.reason() == null || r.reason().isBlank()) {
      problems.add(new Refusal.Problem("reason", "motif de la correction obligatoire (qu'est-ce qui était inexact ?)"));
    }
    limit(problems, "reason", "motif de la correction", r.reason(), Limits.TEXT);
    limit(problems, "receiptReference", "référence de l'accusé de réception", r.receiptReference(), 200);
    limit(problems, "acknowledgement", "accusé de réception", r.acknowledgement(), 1000);
    limit(problems, "text", "texte déposé", r.text(), 20000);
    if (r.channel() != null && !NotificationRegister.CHANNELS.containsKey(r.channel())) {
      problems.add(new Refusal.Problem("channel", "canal inconnu : " + String.join(", ", new java.util.TreeSet<>(
          NotificationRegister.CHANNELS.keySet()))));
    }
    for (var at : List.of(Map.entry("submittedAt", java.util.Optional.ofNullable(submittedAt)),
        Map.entry("acknowledgedAt", java.util.Optional.ofNullable(acknowledgedAt)))) {
      at.getValue().filter(t -> t.isAfter(now)).ifPresent(t -> problems.add(
          new Refusal.Problem(at.getKey(), "la date ne peut pas être dans le futur")));
    }
    java.time.Instant awareness = notification.earliestAwarenessAt() != null ? notification.earliestAwarenessAt()
        : notification.mileoAwarenessAt();
    String early = FilingTimes.notBefore(submittedAt, awareness, moments, "le dépôt", "la prise de connaissance");
    if (early != null) {
      problems.add(new Refusal.Problem("submittedAt", early));
    }
    String ackEarly = FilingTimes.notBefore(acknowledgedAt, submittedAt != null ? submittedAt : corrected.submittedAt(),
        moments, "l'accusé de réception", "le dépôt");
    if (ackEarly != null) {
      problems.add(new Refusal.Problem("acknowledgedAt", ackEarly));
    }
    if (submittedAt == null && acknowledgedAt == null && r.channel() == null && r.receiptReference() == null
        && r.acknowledgement() == null && r.text() == null && problems.stream().noneMatch(p -> p.field().equals("submittedAt")
            || p.field().equals("acknowledgedAt"))) {
      problems.add(new Refusal.Problem("receiptReference",
          "indiquez ce qui est corrigé (submittedAt, channel, receiptReference, acknowledgedAt, acknowledgement ou text)"));
    }
    if (!problems.isEmpty()) {
      throw Refusal.ofFields("Correction du dépôt refusée", problems);
    }
    String user = currentUser.id();
    // the client's RSSI corrects as themself; the referent records a correction of the client's filing
    String filedBy = currentUser.isMemberOf(Groups.CLIENT_RSSI) && !currentUser.isMemberOf(Groups.CYBER_REFERENT) ? user : null;
    NotificationRegister.Filing correction = register.correctFiling(corrected, submittedAt, r.channel(), r.text(),
        r.receiptReference(), acknowledgedAt, r.acknowledgement(), filedBy, user, r.reason().strip());
    return ResponseEntity.status(HttpStatus.CREATED).body(correction);
  }

  /** What a correction may change (null: as in the corrected filing), and why (required). */
  record CorrectionRequest(String submittedAt, String channel, String receiptReference, String acknowledgedAt,
      String acknowledgement, String text, String reason) {}

  private java.time.Instant moment(String value, String field, String what, List<Refusal.Problem> problems) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return moments.instant(value);
    } catch (IllegalArgumentException e) {
      problems.add(new Refusal.Problem(field, what + " : " + e.getMessage()));
      return null;
    }
  }

  private static void limit(List<Refusal.Problem> problems, String field, String what, String value, int max) {
    String problem = Limits.textProblem(value, max);
    if (problem != null) {
      problems.add(new Refusal.Problem(field, what + " : " + problem));
    }
  }

  private static long number(String id, String unknown) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw ApiException.notFound(unknown);
    }
  }

  /** The incident's notification to {@code authority} ("cnil", "anssi"), visible to the caller, else 404. */
  private NotificationRegister.Notification visibleNotification(String reference, String authority) {
    currentUser.require(Groups.TECHNICIANS, Groups.PROJECT_MANAGERS, Groups.CYBER_REFERENT, Groups.ADMINISTRATORS,
        Groups.CLIENT_RSSI);
    requireVisibleIncident(reference);
    return register.forIncident(reference).stream()
        .filter(n -> n.authority().equalsIgnoreCase(authority)).findFirst()
        .orElseThrow(() -> ApiException.notFound("Aucune notification " + authority.toUpperCase(java.util.Locale.ROOT)
            + " pour l'incident " + reference));
  }

  /** 404 for an unknown incident and for one of another client alike: ids are not to be guessed. */
  private void requireVisibleIncident(String reference) {
    String clientId = incidentClient(reference);
    if (clientId == null || !currentUser.canSeeClient(clientId)) {
      throw ApiException.notFound("Incident de sécurité inconnu : " + reference);
    }
  }

  /** The incident's client, looked up as the application (the caller's rights are checked after). */
  private String incidentClient(String reference) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference).list().stream()
          .map(HistoricProcessInstance::getTenantId).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }
}
