package com.mileotech.cyber.update;

import com.mileotech.cyber.system.CreateOnce;
import com.mileotech.cyber.client.Client;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.security.CurrentUser;
import com.mileotech.cyber.security.Groups;
import com.mileotech.cyber.system.ApiException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Security updates over HTTP. POST: a maker's or CERT feed (service account of the integrations
 * group) publishes an update; the same advisory for the same product twice is the same update
 * (200 with its Location instead of 201). GET: the update and what became of it at each client,
 * for Mileo staff.
 */
@RestController
@RequestMapping("/api/security-updates")
class SecurityUpdateController {

  private final UpdateIntake intake;
  private final UpdateRegister register;
  private final ClientRepository clients;
  private final CurrentUser currentUser;

  SecurityUpdateController(UpdateIntake intake, UpdateRegister register, ClientRepository clients,
      CurrentUser currentUser) {
    this.intake = intake;
    this.register = register;
    this.clients = clients;
    this.currentUser = currentUser;
  }

  /** What a feed sends. {@code publishedAt} is ISO 8601 with offset, e.g. 2026-03-02T09:00:00+01:00. */
  record PublicationRequest(String product, String kind, Boolean critical, List<String> affectedVersions,
      String fixedVersion, String advisory, List<String> cveIds, OffsetDateTime publishedAt) {

    Publication toPublication() {
      return new Publication(product, kind, critical, affectedVersions, fixedVersion, advisory, cveIds,
          publishedAt == null ? null : publishedAt.toInstant());
    }
  }

  record PublicationResponse(String reference, boolean created, String location) {}

  @PostMapping
  ResponseEntity<PublicationResponse> publish(@RequestBody PublicationRequest request) {
    currentUser.require(Groups.INTEGRATIONS);
    CreateOnce.Outcome outcome = intake.publish(request.toPublication());
    URI location = URI.create("/api/security-updates/" + outcome.reference());
    PublicationResponse body = new PublicationResponse(outcome.reference(), outcome.created(), location.toString());
    return outcome.created() ? ResponseEntity.created(location).body(body)
        : ResponseEntity.ok().location(location).body(body);
  }

  @GetMapping("/{reference}")
  Map<String, Object> get(@PathVariable String reference) {
    currentUser.require(Groups.TECHNICIANS, Groups.PROJECT_MANAGERS, Groups.CYBER_REFERENT, Groups.ADMINISTRATORS);
    UpdateRegister.Update u = register.find(reference)
        .orElseThrow(() -> ApiException.notFound("Mise à jour de sécurité inconnue : " + reference));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("reference", u.reference());
    body.put("status", u.status());
    body.put("product", u.product());
    body.put("kind", u.kind());
    body.put("critical", u.critical());
    body.put("affectedVersions", u.affectedVersions());
    body.put("fixedVersion", u.fixedVersion());
    body.put("advisory", u.advisory());
    body.put("cveIds", u.cveIds());
    body.put("publishedAt", u.publishedAt());
    body.put("deadlineRule", u.deadlineRule());
    body.put("dueAt", u.dueAt());
    body.put("registeredBy", u.registeredBy());
    body.put("registeredAt", u.registeredAt());
    List<UpdateRegister.Item> items = register.items(reference);
    body.put("clients", register.clients(reference).stream().map(c -> {
      Map<String, Object> client = new LinkedHashMap<>();
      client.put("id", c.clientId());
      client.put("name", clients.find(c.clientId()).map(Client::name).orElse(c.clientId()));
      client.put("status", c.status());
      client.put("stagingRequired", c.stagingRequired());
      client.put("stagingValidatedBy", c.stagingValidatedBy());
      client.put("stagingValidatedAt", c.stagingValidatedAt());
      client.put("deadlineMet", c.deadlineMet());
      client.put("securityIncident", c.securityIncident());
      client.put("items", items.stream().filter(i -> i.clientId().equals(c.clientId())).map(i -> {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", i.itemId());
        item.put("siteId", i.siteId());
        item.put("kind", i.kind());
        item.put("model", i.model());
        item.put("versionBefore", i.versionBefore());
        item.put("outcome", i.outcome());
        item.put("newVersion", i.newVersion());
        item.put("reason", i.reason());
        item.put("recordedBy", i.recordedBy());
        item.put("recordedAt", i.recordedAt());
        item.put("appliedAt", i.appliedAt());
        item.values().removeIf(v -> v == null);
        return item;
      }).toList());
      client.values().removeIf(v -> v == null);
      return client;
    }).toList());
    body.values().removeIf(v -> v == null);
    return body;
  }
}
