package com.mileotech.cyber.events;

import com.mileotech.cyber.events.WebhookOutbox.Delivery;
import com.mileotech.cyber.system.outbox.Retry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Delivers the webhook outbox: claims a batch of due deliveries with one statement (of several
 * nodes exactly one sends each; system/outbox/OutboxQueue), POSTs the event outside any process transaction, signed, and marks it
 * delivered on a 2xx answer; otherwise retries it with exponential backoff, then marks it failed.
 * A delivery is marked as soon as the subscriber answered: only a crash between that answer and
 * the mark sends it again, and the receiver drops it by its CloudEvents id (docs/events.md).
 */
@Component
class WebhookSender {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
  static final String MEDIA_TYPE = "application/cloudevents+json; charset=UTF-8";

  private final WebhookOutbox outbox;
  private final WebhookProperties properties;
  /**
   * Built at the first delivery, not with the bean: building it loads the JDK's trusted certificates
   * and starts its selector thread, about 1 % of the start-up's main-thread CPU samples on a node
   * that may never deliver (docs/bench.md, "Start-up, profiled again").
   */
  private volatile HttpClient http;

  WebhookSender(WebhookOutbox outbox, WebhookProperties properties) {
    this.outbox = outbox;
    this.properties = properties;
  }

  private HttpClient http() {
    HttpClient client = http;
    if (client == null) {
      synchronized (this) {
        client = http;
        if (client == null) {
          client = HttpClient.newBuilder().connectTimeout(properties.sender().timeout())
              .followRedirects(HttpClient.Redirect.NEVER).build();
          http = client;
        }
      }
    }
    return client;
  }

  /** One delivery round; returns how many deliveries the subscribers accepted. */
  int deliverDue() {
    return round(() -> false).delivered();
  }

  /**
   * One round of one delivery worker (WebhookSchedule runs several at once, each with its own
   * batch); returns how many deliveries it claimed. Once {@code stopping}, nothing more is claimed
   * or tried and the rest of the batch is freed at once.
   */
  int deliverRound(BooleanSupplier stopping) {
    return round(stopping).claimed();
  }

  private record Round(int claimed, int delivered) {}

  private Round round(BooleanSupplier stopping) {
    if (stopping.getAsBoolean()) {
      return new Round(0, 0);
    }
    Instant now = now();
    String node = properties.nodeId();
    // one statement claims the batch (FOR UPDATE SKIP LOCKED: nodes and workers claiming at once
    // take different deliveries), one reads what it sends
    List<Delivery> claimed = outbox.claimDue(node, now, now.plus(properties.sender().lease()),
        properties.sender().batchSize());
    int delivered = 0;
    for (int i = 0; i < claimed.size(); i++) {
      Delivery delivery = claimed.get(i);
      if (stopping.getAsBoolean()) {
        claimed.subList(i, claimed.size()).forEach(rest -> outbox.release(rest.id(), node));
        break;
      }
      if (!delivery.subscriptionActive()) {
        outbox.markCancelled(delivery.id(), node);
        continue;
      }
      if (send(delivery, node)) {
        delivered++;
      }
    }
    return new Round(claimed.size(), delivered);
  }

  /** At this node's start: what it had claimed before it stopped is due again at once. */
  int resumeAfterRestart() {
    return outbox.releaseClaimsOf(properties.nodeId());
  }

  private boolean send(Delivery delivery, String node) {
    Instant now = now();
    long timestamp = now.getEpochSecond();
    HttpResponse<Void> response;
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
          .timeout(properties.sender().timeout())
          .header("Content-Type", MEDIA_TYPE)
          .header("User-Agent", "Mileo-Cyber-Webhooks/1.0")
          .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
          .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(delivery.secret(), timestamp, delivery.body()))
          .header(WebhookSignature.DELIVERY_HEADER, delivery.id())
          .POST(HttpRequest.BodyPublishers.ofString(delivery.body(), StandardCharsets.UTF_8))
          .build();
      response = http().send(request, HttpResponse.BodyHandlers.discarding());
    } catch (IOException | IllegalArgumentException e) {
      failed(delivery, node, null, e.getClass().getSimpleName() + ": " + e.getMessage(), now);
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failed(delivery, node, null, "interrupted", now);
      return false;
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      outbox.markDelivered(delivery.id(), node, status, now());
      LOG.info("Event {} {} ({}) delivered to subscription {}", delivery.eventId(), delivery.type(), delivery.subject(),
          delivery.subscriptionId());
      return true;
    }
    failed(delivery, node, status, "HTTP " + status, now);
    return false;
  }

  private void failed(Delivery delivery, String node, Integer status, String error, Instant now) {
    Retry.Outcome outcome = properties.retry().afterFailure(delivery.attempts(), now);
    outbox.markAttemptFailed(delivery.id(), node, status, error, outcome);
    if (outcome.giveUp()) {
      LOG.error("Event {} {} to subscription {} FAILED after {} attempts, last error: {}. "
              + "Re-arm failed deliveries with POST /api/webhook-subscriptions/retry-failed.",
          delivery.eventId(), delivery.type(), delivery.subscriptionId(), outcome.attempts(), error);
    } else {
      LOG.warn("Event {} {} to subscription {} not delivered (attempt {}/{}): {}; next attempt in {}",
          delivery.eventId(), delivery.type(), delivery.subscriptionId(), outcome.attempts(),
          properties.retry().maxAttempts(), error, outcome.delay());
    }
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
