package com.mileotech.cyber.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Test fixture: subscribers registered through the API as an administrator would, each a real
 * {@link WebhookReceiver} on Camunda's clock. {@link #close()} deletes the subscriptions and stops
 * the receivers (a test's {@code @AfterEach}).
 */
final class WebhookSubscriptions implements AutoCloseable {

  private final Supplier<TestRestTemplate> admin;
  private final List<WebhookReceiver> receivers = new ArrayList<>();
  private final List<String> ids = new ArrayList<>();

  /** {@code admin}: the API as an administrator. */
  WebhookSubscriptions(Supplier<TestRestTemplate> admin) {
    this.admin = admin;
  }

  /**
   * A new receiver subscribed to the events of {@code clientId} (null: every client's) of these
   * types (null: all); the subscription's secret, shown once, is given to the receiver.
   */
  @SuppressWarnings("unchecked")
  WebhookReceiver subscribe(String name, String clientId, List<String> types) throws Exception {
    WebhookReceiver receiver = new WebhookReceiver(() -> ClockUtil.getCurrentTime().toInstant());
    receivers.add(receiver);
    Map<String, Object> request = new HashMap<>();
    request.put("name", name);
    request.put("clientId", clientId);
    request.put("eventTypes", types);
    request.put("url", receiver.url());
    ResponseEntity<Map> created = admin.get().postForEntity("/api/webhook-subscriptions", request, Map.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    Map<String, Object> body = created.getBody();
    assertThat(body.get("clientId")).isEqualTo(clientId);
    assertThat((String) body.get("secret")).startsWith("whsec_"); // shown this once
    ids.add((String) body.get("id"));
    receiver.secret((String) body.get("secret"));
    return receiver;
  }

  /** The id of the n-th subscription made (from 0). */
  String id(int n) {
    return ids.get(n);
  }

  @Override
  public void close() {
    ids.forEach(id -> admin.get().delete("/api/webhook-subscriptions/" + id));
    receivers.forEach(WebhookReceiver::close);
  }
}
