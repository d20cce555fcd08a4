package com.mileotech.cyber.events;

import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.security.AuditTrail;
import com.mileotech.cyber.security.CurrentUser;
import com.mileotech.cyber.security.Groups;
import com.mileotech.cyber.system.ApiException;
import com.mileotech.cyber.system.Limits;
import com.mileotech.cyber.system.Refusal;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * /api/webhook-subscriptions, administrators only: register a subscriber (one client's events, or
 * every client's), list them with their deliveries, delete one, re-arm failed deliveries. The
 * signing secret is generated here and shown once, in the answer to the creation.
 */
@RestController
@RequestMapping("/api/webhook-subscriptions")
class WebhookSubscriptionController {

  private static final int NAME_MAX = 200;
  private static final int URL_MAX = 2000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final WebhookOutbox outbox;
  private final ClientRepository clients;
  private final CurrentUser currentUser;
  private final WebhookProperties properties;

  WebhookSubscriptionController(WebhookOutbox outbox, ClientRepository clients, CurrentUser currentUser,
      WebhookProperties properties) {
    this.outbox = outbox;
    this.clients = clients;
    this.currentUser = currentUser;
    this.properties = properties;
  }

  /** What an administrator submits; {@code clientId} null or absent: every client's events. */
  record Request(String name, String url, String clientId, List<String> eventTypes) {}

  /** A subscriber as the API shows it; {@code secret} only in the answer to its creation. */
  record Entry(String id, String name, String url, String clientId, List<String> eventTypes, Instant createdAt,
      String createdBy, Map<String, Long> deliveries, String secret) {}

  @PostMapping
  ResponseEntity<Entry> create(@RequestBody(required = false) Request request) {
    currentUser.require(Groups.ADMINISTRATORS);
    if (request == null) {
      throw Refusal.field("name", "obligatoire");
    }
    List<Refusal.Problem> problems = new ArrayList<>();
    String name = request.name() == null ? "" : request.name().trim();
    if (name.isEmpty()) {
      problems.add(new Refusal.Problem("name", "obligatoire"));
    } else if (Limits.textProblem(name, NAME_MAX) != null) {
      problems.add(new Refusal.Problem("name", Limits.textProblem(name, NAME_MAX)));
    }
    String url = request.url() == null ? "" : request.url().trim();
    String urlProblem = urlProblem(url);
    if (urlProblem != null) {
      problems.add(new Refusal.Problem("url", urlProblem));
    }
    String clientId = request.clientId() == null || request.clientId().isBlank() ? null : request.clientId().trim();
    if (clientId != null) {
      String idProblem = Limits.idProblem(clientId);
      if (idProblem != null) {
        problems.add(new Refusal.Problem("clientId", idProblem));
      } else if (!clients.exists(clientId)) {
        problems.add(new Refusal.Problem("clientId", "client inconnu " + Limits.quote(clientId)));
      }
    }
    List<EventType> types = new ArrayList<>();
    if (request.eventTypes() != null) {
      if (Limits.listProblem(request.eventTypes(), EventType.values().length) != null) {
        problems.add(new Refusal.Problem("eventTypes", Limits.listProblem(request.eventTypes(), EventType.values().length)));
      } else {
        for (String text : request.eventTypes()) {
          EventType.find(text).ifPresentOrElse(t -> { if (!types.contains(t)) types.add(t); },
              () -> problems.add(new Refusal.Problem("eventTypes", "type inconnu " + Limits.quote(text)
                  + " ; types admis : " + Arrays.stream(EventType.values()).map(EventType::code)
                  .collect(Collectors.joining(", ")))));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw Refusal.fields(problems);
    }
    String secret = newSecret();
    Subscription subscription = new Subscription(UUID.randomUUID().toString(), name, url, clientId, List.copyOf(types),
        now(), currentUser.id());
    outbox.insertSubscription(subscription, secret);
    Map<String, Object> audit = new LinkedHashMap<>();
    audit.put("subscription", subscription.id());
    audit.put("url", url);
    audit.put("clientId", clientId == null ? "*" : clientId);
    audit.put("by", currentUser.id());
    AuditTrail.event("webhook-subscription-created", audit);
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(URI.create("/api/webhook-subscriptions/" + subscription.id()))
        .body(entry(subscription, secret));
  }

  @GetMapping
  List<Entry> list() {
    currentUser.require(Groups.ADMINISTRATORS);
    return outbox.subscriptions().stream().map(s -> entry(s, null)).toList();
  }

  @GetMapping("/{id}")
  Entry read(@PathVariable String id) {
    currentUser.require(Groups.ADMINISTRATORS);
    return outbox.subscription(id).map(s -> entry(s, null))
        .orElseThrow(() -> ApiException.notFound("Abonnement introuvable"));
  }

  /** Deletes it: nothing more is sent to it, what it was still owed is cancelled. */
  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(@PathVariable String id) {
    currentUser.require(Groups.ADMINISTRATORS);
    if (!outbox.deleteSubscription(id, currentUser.id(), now())) {
      throw ApiException.notFound("Abonnement introuvable");
    }
    AuditTrail.event("webhook-subscription-deleted", Map.of("subscription", id, "by", currentUser.id()));
    return ResponseEntity.noContent().build();
  }

  /** Failed deliveries (every attempt used) pending again, e.g. once the subscriber is back. */
  @PostMapping("/retry-failed")
  Map<String, Integer> retryFailed() {
    currentUser.require(Groups.ADMINISTRATORS);
    return Map.of("rearmed", outbox.rearmFailed(now()));
  }

  private Entry entry(Subscription s, String secret) {
    return new Entry(s.id(), s.name(), s.url(), s.clientId(), s.eventTypes().stream().map(EventType::code).toList(),
        s.createdAt(), s.createdBy(), outbox.deliveryCounts(s.id()), secret);
  }

  private String urlProblem(String url) {
    if (url.isEmpty()) {
      return "obligatoire (adresse https:// du récepteur)";
    }
    if (url.length() > URL_MAX) {
      return "adresse trop longue (au plus " + URL_MAX + " caractères)";
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return "adresse invalide " + Limits.quote(url);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean allowed = scheme.equals("https") || (properties.allowHttp() && scheme.equals("http"));
    if (!allowed) {
      return properties.allowHttp() ? "adresse http:// ou https:// attendue" : "adresse https:// attendue";
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      return "adresse sans nom d'hôte";
    }
    if (uri.getUserInfo() != null) {
      return "identifiants dans l'adresse interdits : le secret de signature authentifie les envois";
    }
    return uri.getFragment() != null ? "fragment (#…) interdit dans l'adresse" : null;
  }

  private static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
