package com.mileotech.cyber.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The throttle's arithmetic on a clock the test moves: no waiting. */
class LoginThrottleTest {

  private static final String PLATFORM = "10.0.0.5";
  private static final String ATTACKER = "203.0.113.9";

  private Instant now = Instant.parse("2026-03-02T09:00:00Z");
  private final List<SecurityAlert> alerts = new ArrayList<>();
  private final LoginThrottle throttle = new LoginThrottle(LoginThrottleProperties.defaults(),
      event -> alerts.add((SecurityAlert) event), () -> now);

  @Test
  void aFewMistakesCostNothing() {
    for (int i = 0; i < 3; i++) {
      throttle.failed("tech.demo", PLATFORM, true);
      assertThat(throttle.lockedFor("tech.demo", PLATFORM)).isEmpty();
    }
  }

  @Test
  void eachFailureBeyondTheFreeOnesDoublesTheWaitUpToFifteenMinutesAndTheWaitEndsByItself() {
    fail("supervision.demo", ATTACKER, 3);
    List<Duration> waits = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      throttle.failed("supervision.demo", ATTACKER, true);
      Duration wait = throttle.lockedFor("supervision.demo", ATTACKER).orElseThrow();
      waits.add(wait);
      now = now.plus(wait); // the attacker waits exactly as long as asked
      assertThat(throttle.lockedFor("supervision.demo", ATTACKER)).as("the lock ends by itself").isEmpty();
    }
    assertThat(waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
        Duration.ofSeconds(16), Duration.ofSeconds(32), Duration.ofSeconds(64), Duration.ofSeconds(128),
        Duration.ofSeconds(256), Duration.ofSeconds(512), Duration.ofMinutes(15), Duration.ofMinutes(15),
        Duration.ofMinutes(15));
  }

  @Test
  void someoneElsesGuessesNeverLockTheAccountOutOfItsOwnAddress() {
    fail("supervision.demo", ATTACKER, 50);
    assertThat(throttle.lockedFor("supervision.demo", ATTACKER)).isPresent();
    assertThat(throttle.lockedFor("supervision.demo", PLATFORM)).isEmpty();
  }

  @Test
  void theRightPasswordForgetsTheFailuresOfThatAddressOnly() {
    fail("cdp.demo", PLATFORM, 3);
    fail("cdp.demo", ATTACKER, 5);
    throttle.succeeded("cdp.demo", PLATFORM);
    throttle.failed("cdp.demo", PLATFORM, true);
    assertThat(throttle.lockedFor("cdp.demo", PLATFORM)).as("counting from zero again").isEmpty();
    assertThat(throttle.lockedFor("cdp.demo", ATTACKER)).isPresent();
  }

  @Test
  void failuresAreForgottenAfterAnHourWithoutAny() {
    fail("tech.demo", ATTACKER, 3);
    now = now.plus(Duration.ofMinutes(61));
    throttle.failed("tech.demo", ATTACKER, true);
    assertThat(throttle.lockedFor("tech.demo", ATTACKER)).isEmpty();
  }

  @Test
  void tenFailuresOfOneAccountWithinAnHourAlertTheAdministratorsOnce() {
    for (int i = 0; i < 9; i++) {
      throttle.failed("referent.demo", "198.51.100." + i, true);
      now = now.plus(Duration.ofMinutes(5));
    }
    assertThat(alerts).isEmpty();
    throttle.failed("referent.demo", "198.51.100.200", true);
    assertThat(alerts).singleElement().satisfies(alert -> {
      assertThat(alert.title()).isEqualTo("Tentatives de connexion répétées sur le compte referent.demo");
      assertThat(alert.body()).startsWith("10 échecs de connexion sur le compte « referent.demo » en moins de 60 minutes, "
          + "depuis 10 adresses.");
    });
    fail("referent.demo", ATTACKER, 20);
    assertThat(alerts).as("once per hour and account").hasSize(1);
    now = now.plus(Duration.ofHours(2));
    fail("referent.demo", ATTACKER, 10);
    assertThat(alerts).hasSize(2);
  }

  @Test
  void unknownAccountsAreThrottledAlikeButAlertNobody() {
    for (int i = 0; i < 30; i++) {
      throttle.lockedFor("personne", ATTACKER).ifPresent(wait -> now = now.plus(wait));
      throttle.failed("personne", ATTACKER, false);
    }
    assertThat(throttle.lockedFor("personne", ATTACKER)).isPresent();
    assertThat(alerts).isEmpty();
  }

  @Test
  void theMemoryStaysBoundedKeepingTheNewest() {
    LoginThrottle small = new LoginThrottle(new LoginThrottleProperties(0, null, null, null, 0, null, 100),
        event -> { }, () -> now);
    for (int i = 0; i < 1_000; i++) {
      small.failed("user" + i, ATTACKER, false);
      now = now.plusMillis(1);
    }
    assertThat(small.tracked()).isLessThanOrEqualTo(100);
    fail(small, "user999", ATTACKER, 3);
    assertThat(small.lockedFor("user999", ATTACKER)).as("its first failure was kept").isPresent();
  }

  private void fail(String user, String source, int times) {
    fail(throttle, user, source, times);
  }

  private void fail(LoginThrottle on, String user, String source, int times) {
    // each guess as soon as the previous wait is over: the last one's wait is still running
    for (int i = 0; i < times; i++) {
      on.lockedFor(user, source).ifPresent(wait -> now = now.plus(wait));
      on.failed(user, source, true);
    }
  }
}
