package com.mileotech.cyber.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An example receiver of Mileo's webhooks (docs/events.md), on the JDK's HTTP server: it checks
 * the signature and the timestamp's freshness, drops a delivery it already processed (by its
 * {@code X-Mileo-Delivery} id, the same on every retry), and answers 2xx once the event is safely
 * kept. The tests use it as the subscriber: {@link #answer} simulates an outage answering 503,
 * {@link #down()}/{@link #up()} one refusing connections, {@link #keepButLoseAnswer()} a receiver
 * that kept the event but whose answer never reached Mileo (as when the sending node dies between
 * the answer and its "delivered" mark).
 */
final class WebhookReceiver implements AutoCloseable {

  /** How far the timestamp may be from the receiver's clock (replays older than this are refused). */
  static final Duration TOLERANCE = Duration.ofMinutes(5);

  private HttpServer server;
  private final int port;
  private volatile String secret;
  private final Supplier<Instant> clock;
  private final ObjectMapper json = new ObjectMapper();
  /** Events processed, in order (each CloudEvents id once). */
  private final List<JsonNode> events = new ArrayList<>();
  private final Set<String> seenDeliveries = new LinkedHashSet<>();
  private final Set<String> seenEventIds = new LinkedHashSet<>();
  private final List<String> deliveryIds = new ArrayList<>();
  private int requests;
  private int duplicates;
  private int sameEventTwice;
  private int badSignatures;
  private volatile int answer = 204;
  private volatile int answersToLose;

  WebhookReceiver(Supplier<Instant> clock) throws IOException {
    this.clock = clock;
    this.server = listen(0);
    this.port = server.getAddress().getPort();
  }

  private HttpServer listen(int onPort) throws IOException {
    HttpServer listening = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 0);
    listening.createContext("/events", this::handle);
    listening.start();
    return listening;
  }

  String url() {
    return "http://127.0.0.1:" + port + "/events";
  }

  /** The receiver's host is down: connections to it are refused. */
  synchronized void down() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }

  /** Back up, on the same address. */
  synchronized void up() throws IOException {
    if (server == null) {
      server = listen(port);
    }
  }

  /**
   * The next delivery is processed and kept, then the connection is closed without an answer: from
   * Mileo's side it was not delivered, exactly as if the sending node had died before marking it.
   */
  void keepButLoseAnswer() {
    this.answersToLose = 1;
  }

  private synchronized void handle(HttpExchange exchange) throws IOException {
    try (exchange; InputStream in = exchange.getRequestBody()) {
      requests++;
      String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      if (answer >= 300) { // the outage: nothing kept
        exchange.sendResponseHeaders(answer, -1);
        return;
      }
      String timestamp = exchange.getRequestHeaders().getFirst("X-Mileo-Timestamp");
      String signature = exchange.getRequestHeaders().getFirst("X-Mileo-Signature");
      if (!authentic(timestamp, signature, body)) {
        badSignatures++;
        exchange.sendResponseHeaders(401, -1);
        return;
      }
      JsonNode event = json.readTree(body);
      String delivery = exchange.getRequestHeaders().getFirst("X-Mileo-Delivery");
      deliveryIds.add(delivery);
      if (delivery != null && seenDeliveries.add(delivery)) {
        // a real receiver stores the event and the delivery id in one transaction here
        events.add(event);
        if (!seenEventIds.add(event.get("id").asText())) {
          sameEventTwice++; // two deliveries of one event to one subscriber: the outbox's fan-out is wrong
        }
      } else {
        duplicates++; // already processed: acknowledge, do nothing
      }
      if (answersToLose > 0) {
        answersToLose--;
        return; // closed without a status line: the sender sees an I/O error
      }
      exchange.sendResponseHeaders(204, -1);
    }
  }

  /** sha256=hex(HMAC-SHA256(secret, timestamp + "." + body)), compared in constant time, and fresh. */
  private boolean authentic(String timestamp, String signature, String body) {
    if (secret == null || timestamp == null || signature == null) {
      return false;
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp);
    } catch (NumberFormatException e) {
      return false;
    }
    if (Duration.between(Instant.ofEpochSecond(seconds), clock.get()).abs().compareTo(TOLERANCE) > 0) {
      return false;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      String expected = "sha256=" + HexFormat.of().formatHex(
          mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
      return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
          signature.getBytes(StandardCharsets.US_ASCII));
    } catch (Exception e) {
      return false;
    }
  }

  /** The secret shown when the subscription was created. */
  void secret(String secret) {
    this.secret = secret;
  }

  /** The HTTP status to answer from now on (503: an outage). */
  void answer(int status) {
    this.answer = status;
  }

  synchronized List<JsonNode> events() {
    return List.copyOf(events);
  }

  /** The CloudEvents ids of the events processed, in order. */
  synchronized List<String> ids() {
    return events.stream().map(e -> e.get("id").asText()).toList();
  }

  /** The CloudEvents types of the events processed, in order. */
  synchronized List<String> types() {
    return events.stream().map(e -> e.get("type").asText()).toList();
  }

  synchronized int requests() {
    return requests;
  }

  /** The X-Mileo-Delivery of every authentic request, retries included, in arrival order. */
  synchronized List<String> deliveryIds() {
    return List.copyOf(deliveryIds);
  }

  synchronized int duplicates() {
    return duplicates;
  }

  /** Events that came under two different delivery ids (must be none: one delivery per event and subscriber). */
  synchronized int sameEventTwice() {
    return sameEventTwice;
  }

  synchronized int badSignatures() {
    return badSignatures;
  }

  @Override
  public void close() {
    down();
  }
}
