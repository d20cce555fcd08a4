package com.mileotech.cyber.reminder.mail;

import com.mileotech.cyber.system.Moments;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Moments and delays as a French reader expects them in a mail. */
class FrenchTimeTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @Test
  void writesTheParisWallClockTimeInFrench() {
    // 13:30 UTC in winter is 14:30 in Paris
    assertThat(FrenchTime.dateTime(Instant.parse("2026-03-03T13:30:00Z"), PARIS))
        .isEqualTo("mardi 3 mars 2026 à 14 h 30 (heure de Paris)");
    // summer time: UTC+2; the first of the month is "1er"; minutes keep two digits
    assertThat(FrenchTime.dateTime(Instant.parse("2026-07-01T07:05:00Z"), PARIS))
        .isEqualTo("mercredi 1er juillet 2026 à 9 h 05 (heure de Paris)");
    assertThat(FrenchTime.dateTime(Instant.parse("2026-07-01T07:05:00Z"), ZoneId.of("UTC")))
        .isEqualTo("mercredi 1er juillet 2026 à 7 h 05 (fuseau UTC)");
  }

  @Test
  void saysWhichOfTheTwo230sItIsTheNightTheClocksTurnBack() {
    // 25 October 2026: 02:00-03:00 happens first in summer time (UTC+2), then in winter time (UTC+1)
    assertThat(FrenchTime.dateTime(Instant.parse("2026-10-25T00:30:00Z"), PARIS))
        .isEqualTo("dimanche 25 octobre 2026 à 2 h 30 (heure de Paris, heure d'été)");
    assertThat(FrenchTime.dateTime(Instant.parse("2026-10-25T01:30:00Z"), PARIS))
        .isEqualTo("dimanche 25 octobre 2026 à 2 h 30 (heure de Paris, heure d'hiver)");
    assertThat(FrenchTime.dateTime(Instant.parse("2026-10-25T02:30:00Z"), PARIS))
        .isEqualTo("dimanche 25 octobre 2026 à 3 h 30 (heure de Paris)");
    // the spring gap repeats nothing
    assertThat(Moments.repeatedHour(Instant.parse("2026-03-29T01:30:00Z"), PARIS)).isNull();
  }

  @Test
  void writesTheTimeLeftAndTheDelay() {
    Instant due = Instant.parse("2026-03-04T13:30:00Z");
    assertThat(FrenchTime.timeLeft(due.minus(Duration.ofHours(51)), due)).isEqualTo("dans 2 jours et 3 heures");
    assertThat(FrenchTime.timeLeft(due.minus(Duration.ofHours(48)), due)).isEqualTo("dans 2 jours");
    assertThat(FrenchTime.timeLeft(due.minus(Duration.ofHours(24)), due)).isEqualTo("dans 1 jour");
    assertThat(FrenchTime.timeLeft(due.minus(Duration.ofMinutes(6 * 60 + 1)), due)).isEqualTo("dans 6 heures et 1 minute");
    assertThat(FrenchTime.timeLeft(due.minus(Duration.ofMinutes(45)), due)).isEqualTo("dans 45 minutes");
    assertThat(FrenchTime.timeLeft(due.plus(Duration.ofHours(5)), due)).isEqualTo("dépassée de 5 heures");
    assertThat(FrenchTime.timeLeft(due.plus(Duration.ofDays(3).plusMinutes(59)), due)).isEqualTo("dépassée de 3 jours");
    assertThat(FrenchTime.timeLeft(due.minusSeconds(30), due)).isEqualTo("dans moins d'une minute");
  }
}
