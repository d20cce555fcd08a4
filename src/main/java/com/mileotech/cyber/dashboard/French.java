package com.mileotech.cyber.dashboard;

import com.mileotech.cyber.system.Moments;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Figures written for French readers: numbers with a decimal comma; dates and durations as system's Moments writes them. */
final class French {

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
    return instant == null ? "" : Moments.typedText(instant, zone);
  }

  static String words(Instant instant, ZoneId zone) {
    return instant == null ? "" : Moments.clockWords(instant, zone);
  }

  static String date(LocalDate day) {
    return day == null ? "" : Moments.typedText(day);
  }

  /** 45 → « 45 min », 1650 → « 27 h 30 », 3780 → « 2 j 15 h 00 », null → « — » (see Moments.duration). */
  static String duration(Number minutes) {
    return minutes == null ? "—" : Moments.duration(minutes);
  }

}
