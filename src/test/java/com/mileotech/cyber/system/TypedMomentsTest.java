package com.mileotech.cyber.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Dates as people type them in the forms: day first, Paris wall-clock time, the two switches of the year. */
class TypedMomentsTest {

  private final Moments moments = new Moments(new ZoneProperties(ZoneId.of("Europe/Paris")));

  @Test
  void aTypedDateIsAlwaysDayFirst() {
    assertThat(moments.typed("05/12/2026 12:30", null)).isEqualTo(Instant.parse("2026-12-05T11:30:00Z"));
    assertThat(moments.typed(" 5/12/2026 9h05 ", null)).isEqualTo(Instant.parse("2026-12-05T08:05:00Z"));
    assertThat(moments.day("31/01/2027")).isEqualTo(LocalDate.of(2027, 1, 31));
    assertThat(moments.day("06/05/2027")).isEqualTo(LocalDate.of(2027, 5, 6));
    assertThat(Moments.typedDay("2027-01-31")).isEqualTo(LocalDate.of(2027, 1, 31));
  }

  @Test
  void aMonthFirstDateIsNoDate() {
    assertThatThrownBy(() -> moments.typed("12/31/2026 10:00", null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cette date n'existe pas");
    assertThatThrownBy(() -> moments.day("01/31/2027"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cette date n'existe pas");
    assertThatThrownBy(() -> moments.typed("31/02/2026 10:00", null)).hasMessageContaining("n'existe pas");
    assertThatThrownBy(() -> moments.typed("05/12/2026 24:00", null)).hasMessageContaining("heure impossible");
    assertThatThrownBy(() -> moments.typed("05/12/2026", null)).hasMessageContaining("JJ/MM/AAAA HH:MM");
    assertThatThrownBy(() -> moments.day("05/12/26")).hasMessageContaining("JJ/MM/AAAA");
  }

  @Test
  void aTimeTheSpringSwitchSkipsIsRefused() {
    assertThatThrownBy(() -> moments.typed("29/03/2026 02:30", null))
        .hasMessage("le 29 mars 2026 à 2 h 30 n'existe pas à l'heure de Paris : cette nuit-là les horloges passent "
            + "de 2 h à 3 h ; vérifiez l'heure saisie");
    assertThatThrownBy(() -> moments.instant("2026-03-29T02:30")).hasMessageContaining("n'existe pas");
    assertThat(moments.typed("29/03/2026 03:00", null)).isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
  }

  @Test
  void aTimeTheAutumnSwitchRepeatsNeedsItsOccurrence() {
    assertThatThrownBy(() -> moments.typed("25/10/2026 02:30", null)).hasMessageContaining("a lieu deux fois");
    assertThatThrownBy(() -> moments.instant("2026-10-25T02:30")).hasMessageContaining("a lieu deux fois");
    assertThat(moments.typed("25/10/2026 02:30", "premiere")).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
    assertThat(moments.typed("25/10/2026 02:30", "seconde")).isEqualTo(Instant.parse("2026-10-25T01:30:00Z"));
    // an instant with its offset says which already
    assertThat(moments.instant("2026-10-25T02:15+01:00")).isEqualTo(Instant.parse("2026-10-25T01:15:00Z"));
    assertThat(moments.typed("25/10/2026 03:30", null)).isEqualTo(Instant.parse("2026-10-25T02:30:00Z"));
  }

  @Test
  void whatAFormShows() {
    assertThat(moments.typedText(Instant.parse("2026-12-05T11:30:00Z"))).isEqualTo("05/12/2026 12:30");
    assertThat(Moments.typedText(LocalDate.of(2027, 1, 31))).isEqualTo("31/01/2027");
  }
}
