package com.mileotech.cyber.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How affected versions are matched (docs/security-updates.md). */
class VersionsTest {

  @Test
  void versionsCompareSegmentBySegmentNumbersAsNumbers() {
    assertThat(Versions.compare("10.12.1", "10.9")).isPositive();
    assertThat(Versions.compare("5.2", "5.2.0")).isZero();
    assertThat(Versions.compare("2024 R2", "2024 R1")).isPositive();
    assertThat(Versions.compare("V4.80.000", "v4.80.0")).isZero();
    assertThat(Versions.compare("1.0.0-beta", "1.0.0")).isPositive(); // a letter segment after a missing one (0)
  }

  @Test
  void eachKindOfConditionMatches() {
    assertThat(Versions.matches("*", "anything")).isTrue();
    assertThat(Versions.matches("5.2.0", "5.2")).isTrue();
    assertThat(Versions.matches("=5.2.0", "5.2.1")).isFalse();
    assertThat(Versions.matches("<5.2.1", "5.2.0")).isTrue();
    assertThat(Versions.matches("<5.2.1", "5.2.1")).isFalse();
    assertThat(Versions.matches("<=5.2.1", "5.2.1")).isTrue();
    assertThat(Versions.matches(">5.0", "5.0")).isFalse();
    assertThat(Versions.matches(">=5.0", "5.0")).isTrue();
    assertThat(Versions.matches("5.0 - 5.2.0", "5.1.9")).isTrue();
    assertThat(Versions.matches("5.0 - 5.2.0", "5.2.1")).isFalse();
    assertThat(Versions.matches("2024 R1 - 2024 R2", "2024 R2")).isTrue();
    assertThat(Versions.affected(List.of("<4", "6.1"), "6.1.0")).isTrue();
    assertThat(Versions.affected(List.of("<4", "6.1"), "5")).isFalse();
  }

  @Test
  void unreadableConditionsAreNamed() {
    assertThat(Versions.problem("<5.2.1")).isNull();
    assertThat(Versions.problem("2024 R2")).isNull();
    assertThat(Versions.problem("")).isEqualTo("condition de version vide");
    assertThat(Versions.problem("<<5")).startsWith("condition de version illisible « <<5 »");
    assertThat(Versions.problem("5.2 - <6")).startsWith("intervalle illisible « 5.2 - <6 »");
    assertThat(Versions.problem("6 - 5")).isEqualTo("intervalle vide « 6 - 5 » : la première borne dépasse la seconde");
  }
}
