package com.mileotech.cyber.system;

import com.mileotech.cyber.reminder.DeadlineProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Locale;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Instants as people give and read them: forms send a Paris wall-clock time without offset
 * ("2026-03-04T14:30", the datetime field's {@code no_timezone} format), the API an ISO 8601
 * instant with offset; everything is stored as an instant and shown back in words in Paris time
 * ("4 mars 2026 à 14 h 30").
 */
@Component
public class Moments {

  /** A clock skew we forgive before calling a time "in the future". */
  static final java.time.Duration SKEW = java.time.Duration.ofMinutes(1);

  private static final DateTimeFormatter WORDS = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' H 'h' mm", Locale.FRENCH);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

  private final ZoneId zone;

  Moments(DeadlineProperties properties) {
    this.zone = properties.zone();
  }

  public ZoneId zone() {
    return zone;
  }

  /** The engine's clock (tests move it). */
  public Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  public boolean isInFuture(Instant instant) {
    return instant.isAfter(now().plus(SKEW));
  }

  /** "4 mars 2026 à 14 h 30" in the configured zone; "25 octobre 2026 à 2 h 30 (heure d'hiver)" in a repeated hour. */
  public String words(Instant instant) {
    if (instant == null) {
      return null;
    }
    String repeated = repeatedHour(instant, zone);
    return WORDS.format(instant.atZone(zone)) + (repeated == null ? "" : " (" + repeated + ")");
  }

  /**
   * "heure d'été" or "heure d'hiver" when the wall-clock time of {@code instant} happens twice
   * that night (the clocks turned back: 02:00–03:00 on the last Sunday of October in Paris), so
   * that a reader knows which one; null for every other time.
   */
  public static String repeatedHour(Instant instant, ZoneId zone) {
    ZoneRules rules = zone.getRules();
    if (rules.getValidOffsets(LocalDateTime.ofInstant(instant, zone)).size() < 2) {
      return null;
    }
    return rules.isDaylightSavings(instant) ? "heure d'été" : "heure d'hiver";
  }

  /** "4 mars 2026 à 14 h 30, heure de Paris". */
  public String wordsWithZone(Instant instant) {
    return instant == null ? null : words(instant) + ", heure de Paris";
  }

  /** For BPMN expressions: a date variable in words with its zone ("4 mars 2026 à 14 h 30, heure de Paris"). */
  public String label(Date date) {
    return date == null ? null : wordsWithZone(date.toInstant());
  }

  public String words(LocalDate day) {
    return day == null ? null : DAY.format(day);
  }

  /**
   * A date and time from a form or a variable: a Date, an ISO instant with offset, or a
   * wall-clock time in Paris ("2026-03-04T14:30"). Blank is null.
   *
   * @throws IllegalArgumentException when the text is no date and time
   */
  public Instant instant(Object value) {
    return parse(value, zone);
  }

  /** {@link #instant(Object)} for a given zone, for code that has no Moments at hand. */
  public static Instant parse(Object value, ZoneId zone) {
    if (value == null) {
      return null;
    }
    if (value instanceof Date date) {
      return date.toInstant();
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    String text = value.toString().trim();
    if (text.isEmpty()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(text).atZone(zone).toInstant();
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("date et heure illisibles : « " + text + " »", e);
      }
    }
  }

  /** A calendar day from a form ("2026-04-30"). Blank is null. */
  public LocalDate day(Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    if (value instanceof Date date) {
      return date.toInstant().atZone(zone).toLocalDate();
    }
    String text = value.toString().trim();
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("date illisible : « " + text + " »", e);
    }
  }

  public LocalDate today() {
    return now().atZone(zone).toLocalDate();
  }

  public static Date date(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }
}
