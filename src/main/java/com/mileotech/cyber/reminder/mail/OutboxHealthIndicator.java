package com.mileotech.cyber.reminder.mail;

import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The "outbox" component of /actuator/health: DOWN when a mail has failed for good, or when
 * SMTP is configured and a mail has waited past its time for longer than
 * {@code mileo.mail.stuck-after} (no node delivers, or SMTP has been down that long). The
 * counts are in the details (shown to no anonymous caller; the status is).
 */
@Component
class OutboxHealthIndicator implements HealthIndicator {

  private final Outbox outbox;
  private final SmtpServer smtp;
  private final OutboxProperties properties;

  OutboxHealthIndicator(Outbox outbox, SmtpServer smtp, OutboxProperties properties) {
    this.outbox = outbox;
    this.smtp = smtp;
    this.properties = properties;
  }

  @Override
  public Health health() {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Outbox.Counts counts = outbox.counts(now.minus(properties.stuckAfter()));
    boolean configured = smtp.configured();
    Health.Builder health = counts.failed() > 0 || (configured && counts.stuck() > 0) ? Health.down() : Health.up();
    return health
        .withDetail("smtp", configured ? "configured" : "not configured (spring.mail.host): mails wait in the outbox")
        .withDetail("pending", counts.pending())
        .withDetail("retrying", counts.retrying())
        .withDetail("stuck", counts.stuck())
        .withDetail("failed", counts.failed())
        .build();
  }
}
