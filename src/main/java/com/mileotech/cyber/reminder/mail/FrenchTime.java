package com.mileotech.cyber.reminder.mail;

import com.mileotech.cyber.system.Moments;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Moments and delays written for a French reader: "mardi 4 mars 2026 à 14 h 30 (heure de Paris)",
 * "dans 2 jours et 3 heures", "dépassée de 5 heures".
 */
final class FrenchTime {

  private FrenchTime() {}

  /**
   * "mardi 4 mars 2026 à 14 h 30 (heure de Paris)"; the first of the month is "1er"; "(heure de
   * Paris, heure d'hiver)" in the hour that happens twice when the clocks turn back.
   */
  static String dateTime(Instant instant, ZoneId zone) {
    return Moments.letterWords(instant, zone);
  }

  /** "dans 2 jours et 3 heures" before {@code due}, "dépassée de 5 heures" after it. */
  static String timeLeft(Instant now, Instant due) {
    Duration left = Duration.between(now, due);
    if (left.isNegative()) {
      Duration late = left.negated();
      return late.toMinutes() < 1 ? "échue à l'instant" : "dépassée de " + span(late);
    }
    return left.toMinutes() < 1 ? "dans moins d'une minute" : "dans " + span(left);
  }

  /**
   * "2 jours et 3 heures", "5 heures et 10 minutes", "1 jour": days and hours from one day on,
   * hours and minutes below (seconds dropped).
   */
  static String span(Duration duration) {
    long minutes = duration.toMinutes();
    long days = minutes / (24 * 60);
    long hours = minutes % (24 * 60) / 60;
    long mins = minutes % 60;
    List<String> parts = new ArrayList<>();
    if (days > 0) {
      parts.add(count(days, "jour", "jours"));
      if (hours > 0) {
        parts.add(count(hours, "heure", "heures"));
      }
    } else {
      if (hours > 0) {
        parts.add(count(hours, "heure", "heures"));
      }
      if (mins > 0 || hours == 0) {
        parts.add(count(mins, "minute", "minutes"));
      }
    }
    return String.join(" et ", parts);
  }

  private static String count(long n, String one, String many) {
    return n + " " + (n <= 1 ? one : many);
  }
}
