package com.mileotech.cyber.events;

import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * The "webhooks" component of /actuator/health: DEGRADED (answered 200) while deliveries wait for
 * another attempt or have failed for good, UP otherwise; never DOWN, since a subscriber's outage is
 * outside this node (its events wait in the outbox). Counts shown to administrators only.
 */
@Component
class WebhookHealthIndicator implements HealthIndicator {

  static final String DEGRADED = "DEGRADED";

  private final WebhookOutbox outbox;

  WebhookHealthIndicator(WebhookOutbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public Health health() {
    Map<String, Long> counts = outbox.deliveryCounts();
    long retrying = outbox.retryingCount();
    long failed = counts.getOrDefault("failed", 0L);
    return Health.status(failed > 0 || retrying > 0 ? new Status(DEGRADED) : Status.UP)
        .withDetail("pending", counts.getOrDefault("pending", 0L))
        .withDetail("retrying", retrying)
        .withDetail("failed", failed)
        .build();
  }
}
