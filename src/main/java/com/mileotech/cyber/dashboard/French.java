package com.mileotech.cyber.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Figures written for French readers: numbers with a decimal comma, dates in Paris time, durations in words. */
final class French {

  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.FRENCH);
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRENCH);
  private static final DateTimeFormatter WORDS = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' H 'h' mm", Locale.FRENCH);

  private French() {}

  /** 12 → « 12 », 87.5 → « 87,5 », null → empty. */
  static String number(Number value) {
    if (value == null) {
      return "";
    }
    double d = value.doubleValue();
    if (d == Math.rint(d) && !Double.isInfinite(d)) {
      return Long.toString((long) d);
    }
    return Double.toString(Stats.round(d)).replace('.', ',');
  }

  static String dateTime(Instant instant, ZoneId zone) {
    return instant == null ? "" : DATE_TIME.format(instant.atZone(zone));
  }

  static String words(Instant instant, ZoneId zone) {
    return instant == null ? "" : WORDS.format(instant.atZone(zone));
  }

  static String date(LocalDate day) {
    return day == null ? "" : DATE.format(day);
  }

  /** 45 → « 45 min », 1650 → « 27 h 30 », 3780 → « 2 j 15 h 00 », null → « — » (see Moments.duration). */
  static String duration(Number minutes) {
    return minutes == null ? "—" : com.mileotech.cyber.system.Moments.duration(minutes);
  }

}
