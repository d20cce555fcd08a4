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

  /** 45 → « 45 min », 1650 → « 27 h 30 », 3780 → « 2 j 15 h 00 », null → « — ». */
  static String duration(Number minutes) {
    if (minutes == null) {
      return "—";
    }
    long total = Math.round(minutes.doubleValue());
    long days = total / 1440;
    long hours = total % 1440 / 60;
    long mins = total % 60;
    if (total < 60) {
      return total + " min";
    }
    if (total < 2 * 1440) {
      return (total / 60) + " h " + String.format("%02d", mins);
    }
    return days + " j " + hours + " h " + String.format("%02d", mins);
  }
}
