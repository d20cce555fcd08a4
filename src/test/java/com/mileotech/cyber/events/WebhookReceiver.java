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
 * the signature and the timestamp's freshness, drops an event it already processed (by its
 * CloudEvents id), and answers 2xx once the event is safely kept. The tests use it as the
 * subscriber; {@link #answer} simulates an outage.
 */
final class WebhookReceiver implements AutoCloseable {

  /** How far the timestamp may be from the receiver's clock (replays older than this are refused). */
  static final Duration TOLERANCE = Duration.ofMinutes(5);

  private final HttpServer server;
  private volatile String secret;
  private final Supplier<Instant> clock;
  private final ObjectMapper json = new ObjectMapper();
  /** Events processed, in order (each CloudEvents id once). */
  private final List<JsonNode> events = new ArrayList<>();
  private final Set<String> seenIds = new LinkedHashSet<>();
  private int requests;
  private int duplicates;
  private int badSignatures;
  private volatile int answer = 204;

  WebhookReceiver(Supplier<Instant> clock) throws IOException {
    this.clock = clock;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    this.server.createContext("/events", this::handle);
    this.server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/events";
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
      if (seenIds.add(event.get("id").asText())) {
        events.add(event); // a real receiver stores it (and the id) in one transaction here
      } else {
        duplicates++; // already processed: acknowledge, do nothing
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

  synchronized int requests() {
    return requests;
  }

  synchronized int duplicates() {
    return duplicates;
  }

  synchronized int badSignatures() {
    return badSignatures;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
