package com.mileotech.cyber.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Failed logins slow the one who fails, not the account's owner. Failures are counted per
 * account <em>and</em> source address: after {@code freeFailures} of them, each further one
 * locks that pair for a doubling wait ({@code firstDelay}, 2x, 4x ... at most {@code maxDelay}),
 * which ends by itself. During the wait that pair's attempts are refused without looking at the
 * password. The same account from another address is not affected, so a service account keeps
 * working from its own address while someone else guesses its password; a success forgets the
 * pair's failures. Replaces Camunda's per-account lock, which anyone could trigger and which
 * became permanent after ten failures.
 *
 * <p>Audited: {@code login.throttled} when a pair is locked; {@code login.alert} (and a
 * {@link SecurityAlert}, mailed to the administrators) when one existing account collects
 * {@code alertAfter} failures from any addresses within {@code alertWindow}, at most once per
 * window and account. Kept in memory, per node (a second node counts on its own).
 */
@Component
public class LoginThrottle {

  /** Enough to count towards an alert and name the addresses, bounded under a flood. */
  private static final int MAX_REMEMBERED_PER_ACCOUNT = 10_000;

  private final LoginThrottleProperties properties;
  private final Supplier<Instant> clock;
  private final ApplicationEventPublisher events;
  private final Map<Pair, Failures> pairs = new ConcurrentHashMap<>();
  private final Map<String, AccountFailures> accounts = new ConcurrentHashMap<>();

  @Autowired
  LoginThrottle(LoginThrottleProperties properties, ApplicationEventPublisher events) {
    this(properties, events, () -> ClockUtil.getCurrentTime().toInstant());
  }

  LoginThrottle(LoginThrottleProperties properties, ApplicationEventPublisher events, Supplier<Instant> clock) {
    this.properties = properties;
    this.events = events;
    this.clock = clock;
  }

  /** How long this account is still locked for this address, if it is. */
  public Optional<Duration> lockedFor(String user, String source) {
    Failures failures = pairs.get(new Pair(user, source));
    if (failures == null) {
      return Optional.empty();
    }
    synchronized (failures) {
      Instant now = clock.get();
      return failures.lockedUntil != null && failures.lockedUntil.isAfter(now)
          ? Optional.of(Duration.between(now, failures.lockedUntil))
          : Optional.empty();
    }
  }

  /** A wrong password (or an unknown account: treated alike, so that locks say nothing of who exists). */
  public void failed(String user, String source, boolean accountExists) {
    Instant now = clock.get();
    Pair pair = new Pair(user, source);
    Failures failures = pairs.computeIfAbsent(pair, p -> new Failures());
    int count;
    Instant lockedUntil = null;
    synchronized (failures) {
      if (failures.last != null && failures.last.plus(properties.forgetAfter()).isBefore(now)) {
        failures.count = 0;
      }
      failures.count++;
      failures.last = now;
      count = failures.count;
      Duration delay = properties.delayAfter(count);
      if (!delay.isZero()) {
        failures.lockedUntil = now.plus(delay);
        lockedUntil = failures.lockedUntil;
      }
    }
    if (lockedUntil != null) {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("user", user);
      fields.put("source", source);
      fields.put("failures", count);
      fields.put("lockedUntil", lockedUntil.toString());
      AuditTrail.event("login.throttled", fields);
    }
    if (accountExists) {
      countForAlert(user, source, now);
    }
    forgetTheOldestBeyondTheLimit(now);
  }

  /** The right password: this address starts afresh for this account. */
  public void succeeded(String user, String source) {
    pairs.remove(new Pair(user, source));
  }

  private void countForAlert(String user, String source, Instant now) {
    AccountFailures account = accounts.computeIfAbsent(user, u -> new AccountFailures());
    int inWindow;
    long sources;
    synchronized (account) {
      Instant windowStart = now.minus(properties.alertWindow());
      account.times.addLast(new Failure(now, source));
      if (account.times.size() > MAX_REMEMBERED_PER_ACCOUNT) {
        account.times.removeFirst();
      }
      while (!account.times.isEmpty() && account.times.peekFirst().at().isBefore(windowStart)) {
        account.times.removeFirst();
      }
      boolean alertedRecently = account.alertedAt != null && account.alertedAt.isAfter(windowStart);
      if (account.times.size() < properties.alertAfter() || alertedRecently) {
        return;
      }
      account.alertedAt = now;
      inWindow = account.times.size();
      sources = account.times.stream().map(Failure::source).distinct().count();
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("user", user);
    fields.put("failures", inWindow);
    fields.put("sources", sources);
    fields.put("window", properties.alertWindow().toString());
    AuditTrail.event("login.alert", fields);
    events.publishEvent(SecurityAlert.failedLogins(user, inWindow, sources, properties.alertWindow(), now));
  }

  private void forgetTheOldestBeyondTheLimit(Instant now) {
    if (pairs.size() <= properties.maxTracked()) {
      return;
    }
    pairs.entrySet().removeIf(e -> e.getValue().forgettable(now, properties.forgetAfter()));
    if (pairs.size() > properties.maxTracked()) {
      pairs.entrySet().stream()
          .sorted(Comparator.comparing(e -> e.getValue().last, Comparator.nullsFirst(Comparator.naturalOrder())))
          .limit(pairs.size() - properties.maxTracked())
          .map(Map.Entry::getKey)
          .toList()
          .forEach(pairs::remove);
    }
    accounts.entrySet().removeIf(e -> {
      synchronized (e.getValue()) {
        Failure last = e.getValue().times.peekLast();
        return last == null || last.at().plus(properties.alertWindow()).isBefore(now);
      }
    });
  }

  /** How many account-and-address pairs are remembered (bounded by {@code maxTracked}). */
  int tracked() {
    return pairs.size();
  }

  private record Pair(String user, String source) {}

  private record Failure(Instant at, String source) {}

  private static final class Failures {
    int count;
    Instant last;
    Instant lockedUntil;

    synchronized boolean forgettable(Instant now, Duration forgetAfter) {
      return last == null || (last.plus(forgetAfter).isBefore(now) && (lockedUntil == null || !lockedUntil.isAfter(now)));
    }
  }

  private static final class AccountFailures {
    final Deque<Failure> times = new ArrayDeque<>();
    Instant alertedAt;
  }
}
