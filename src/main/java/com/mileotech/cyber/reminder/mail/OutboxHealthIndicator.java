package com.mileotech.cyber.reminder.mail;

import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * The "outbox" component of /actuator/health:
 * <ul>
 *   <li>DOWN when a mail has failed for good, or when SMTP is configured and a mail has waited past
 *       its time for longer than {@code mileo.mail.stuck-after} (no node delivers, or SMTP has been
 *       down that long);
 *   <li>{@value #DEGRADED} while mails wait for another attempt after a failed one: the SMTP server
 *       refuses or cannot be reached (nothing is lost: they wait in the outbox). Answered 200: the
 *       node keeps serving, and its readiness (a group of its own) is not affected;
 *   <li>UP otherwise.
 * </ul>
 * The details (counts, since when the oldest pending mail waits, the last SMTP error) are shown to
 * administrators only (see security/HealthDetailsFilter); anyone else sees the status.
 */
@Component
class OutboxHealthIndicator implements HealthIndicator {

  static final String DEGRADED = "DEGRADED";
  private static final int MAX_ERROR = 300;

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
    Status status = counts.failed() > 0 || (configured && counts.stuck() > 0) ? Status.DOWN
        : counts.retrying() > 0 ? new Status(DEGRADED)
        : Status.UP;
    Health.Builder health = Health.status(status)
        .withDetail("smtp", configured ? "configured" : "not configured (spring.mail.host): mails wait in the outbox")
        .withDetail("pending", counts.pending())
        .withDetail("retrying", counts.retrying())
        .withDetail("stuck", counts.stuck())
        .withDetail("failed", counts.failed());
    if (counts.oldestPending() != null) {
      Duration age = Duration.between(counts.oldestPending(), now);
      health.withDetail("oldestPendingSince", counts.oldestPending().toString())
          .withDetail("oldestPendingAgeSeconds", Math.max(0, age.toSeconds()));
    }
    if (counts.lastError() != null) {
      String error = counts.lastError();
      health.withDetail("lastError", error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR));
    }
    return health.build();
  }
}
