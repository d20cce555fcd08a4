package com.mileotech.cyber.system.outbox;

import com.mileotech.cyber.system.Published;
import java.time.Duration;
import java.time.Instant;

/**
 * The retry policy of an outbox, bound from {@code <prefix>.retry.*}: attempt n waits
 * {@code initialInterval * multiplier^(n-1)}, at most {@code maxInterval}; after
 * {@code maxAttempts} the row is failed for good (a dead letter an administrator re-arms).
 */
@Published
public record Retry(Duration initialInterval, double multiplier, Duration maxInterval, int maxAttempts) {

  /** This policy with what was not configured taken from {@code defaults}. */
  public Retry or(Retry defaults) {
    return new Retry(initialInterval == null ? defaults.initialInterval : initialInterval,
        multiplier < 1 ? defaults.multiplier : multiplier,
        maxInterval == null ? defaults.maxInterval : maxInterval,
        maxAttempts <= 0 ? defaults.maxAttempts : maxAttempts);
  }

  /** The wait after the {@code attempts}-th failed attempt. */
  public Duration backoff(int attempts) {
    double millis = initialInterval.toMillis() * Math.pow(multiplier, Math.max(0, attempts - 1));
    return millis >= maxInterval.toMillis() ? maxInterval : Duration.ofMillis((long) millis);
  }

  /** What follows a failed attempt of a row that had failed {@code attemptsBefore} times already. */
  public Outcome afterFailure(int attemptsBefore, Instant now) {
    int attempts = attemptsBefore + 1;
    Duration delay = backoff(attempts);
    return new Outcome(attempts, attempts >= maxAttempts, delay, now.plus(delay));
  }

  /** The attempts made so far, whether to give up, and when the next attempt is due. */
  public record Outcome(int attempts, boolean giveUp, Duration delay, Instant nextAttemptAt) {}
}
