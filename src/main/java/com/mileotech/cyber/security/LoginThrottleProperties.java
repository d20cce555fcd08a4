package com.mileotech.cyber.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code mileo.security.login-throttle}: how failed logins slow the one who fails (docs/access-rules.md).
 *
 * @param freeFailures failures of one account from one address before any wait (a typo costs nothing)
 * @param firstDelay the wait after the first failure beyond the free ones; each further failure doubles it
 * @param maxDelay the longest wait: the lock always ends by itself
 * @param forgetAfter failures older than this (since the last one) are forgotten
 * @param alertAfter failures of one account, from any address, within {@code alertWindow} that alert the administrators
 * @param alertWindow see {@code alertAfter}; also the least time between two alerts about one account
 * @param maxTracked how many account-and-address pairs are remembered at most (the oldest go first)
 */
@ConfigurationProperties("mileo.security.login-throttle")
public record LoginThrottleProperties(int freeFailures, Duration firstDelay, Duration maxDelay, Duration forgetAfter,
    int alertAfter, Duration alertWindow, int maxTracked) {

  public LoginThrottleProperties {
    freeFailures = freeFailures <= 0 ? 3 : freeFailures;
    firstDelay = firstDelay == null ? Duration.ofSeconds(2) : firstDelay;
    maxDelay = maxDelay == null ? Duration.ofMinutes(15) : maxDelay;
    forgetAfter = forgetAfter == null ? Duration.ofHours(1) : forgetAfter;
    alertAfter = alertAfter <= 0 ? 10 : alertAfter;
    alertWindow = alertWindow == null ? Duration.ofHours(1) : alertWindow;
    maxTracked = maxTracked <= 0 ? 100_000 : maxTracked;
  }

  /** The defaults above. */
  public static LoginThrottleProperties defaults() {
    return new LoginThrottleProperties(0, null, null, null, 0, null, 0);
  }

  /** The wait after the {@code failures}-th failure in a row: none for the free ones, then doubling, capped. */
  Duration delayAfter(int failures) {
    int beyond = failures - freeFailures;
    if (beyond <= 0) {
      return Duration.ZERO;
    }
    if (beyond > 30) {
      return maxDelay;
    }
    Duration delay = firstDelay.multipliedBy(1L << (beyond - 1));
    return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
  }
}
