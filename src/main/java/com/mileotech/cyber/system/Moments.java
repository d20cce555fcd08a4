package com.mileotech.cyber.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.VariableScope;
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
 *
 * <p>The one French time formatter: every date pattern of the application is here, in the zone
 * {@code mileo.zone} ({@link ZoneProperties}); the static methods take the zone for code that
 * formats a zone it was given (a dashboard's scope, a mail).
 */
@Published
@Component
public class Moments {

  /** A clock skew we forgive before calling a time "in the future". */
  static final java.time.Duration SKEW = java.time.Duration.ofMinutes(1);

  private static final DateTimeFormatter WORDS = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' H 'h' mm", Locale.FRENCH);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);
  private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.FRENCH);
  private static final DateTimeFormatter TYPED_DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRENCH);
  private static final DateTimeFormatter TYPED_AT = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm", Locale.FRENCH);
  private static final DateTimeFormatter WEEKDAY_WORDS =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'à' H 'h' mm", Locale.FRENCH);
  private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEEE", Locale.FRENCH);
  private static final DateTimeFormatter MONTH_NAME = DateTimeFormatter.ofPattern("MMMM", Locale.FRENCH);
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH);
  private static final DateTimeFormatter SHORT_MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.FRENCH);

  private final ZoneId zone;

  public Moments(ZoneProperties properties) {
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
    return instant == null ? null : words(instant) + ", " + zoneName(zone);
  }

  /** How people name the zone: « heure de Paris » (another zone: « fuseau Europe/Brussels »). */
  public static String zoneName(ZoneId zone) {
    return zone.equals(ZoneProperties.PARIS) ? "heure de Paris" : "fuseau " + zone.getId();
  }

  /** "4 mars 2026 à 14 h 30" in {@code zone}, without the note of a repeated hour (a document's date). */
  public static String clockWords(Instant instant, ZoneId zone) {
    return WORDS.format(instant.atZone(zone));
  }

  /**
   * "vendredi 6 mars 2026 à 14 h 30 (heure de Paris)": a deadline as forms show it ("(heure de
   * Paris, heure d'hiver)" in the hour that happens twice when the clocks turn back).
   */
  public static String weekdayWords(Instant instant, ZoneId zone) {
    String repeated = repeatedHour(instant, zone);
    return WEEKDAY_WORDS.format(instant.atZone(zone)) + " (" + zoneName(zone) + (repeated == null ? "" : ", " + repeated)
        + ")";
  }

  /**
   * "mardi 4 mars 2026 à 14 h 30 (heure de Paris)" as a mail writes it: the first of the month is
   * "1er"; "(heure de Paris, heure d'hiver)" in the hour that happens twice.
   */
  public static String letterWords(Instant instant, ZoneId zone) {
    ZonedDateTime t = instant.atZone(zone);
    String day = t.getDayOfMonth() == 1 ? "1er" : String.valueOf(t.getDayOfMonth());
    String repeated = repeatedHour(instant, zone);
    return String.format("%s %s %s %d à %d h %02d (%s%s)", WEEKDAY.format(t), day, MONTH_NAME.format(t), t.getYear(),
        t.getHour(), t.getMinute(), zoneName(zone), repeated == null ? "" : ", " + repeated);
  }

  /** "05/12/2026 à 14:30" in {@code zone}: a signature's time on a document. */
  public static String typedAt(Instant instant, ZoneId zone) {
    return TYPED_AT.format(instant.atZone(zone));
  }

  /** "05/12/2026 14:30" in {@code zone}. */
  public static String typedText(Instant instant, ZoneId zone) {
    return instant == null ? null : TYPED.format(instant.atZone(zone));
  }

  /** "4 mars 2026". */
  public static String dayWords(LocalDate day) {
    return day == null ? null : DAY.format(day);
  }

  /** "mars 2026". */
  public static String monthWords(YearMonth month) {
    return MONTH.format(month);
  }

  /** "mars 2026" abbreviated where the month's name is long: "janv. 2026". */
  public static String shortMonthWords(YearMonth month) {
    return SHORT_MONTH.format(month);
  }

  /** For BPMN expressions: a date variable in words with its zone ("4 mars 2026 à 14 h 30, heure de Paris"). */
  public String label(Date date) {
    return date == null ? null : wordsWithZone(date.toInstant());
  }

  public String words(LocalDate day) {
    return dayWords(day);
  }

  /** How a person tells which of the two occurrences of a repeated autumn hour they mean. */
  public static final String FIRST_OCCURRENCE = "premiere";
  public static final String SECOND_OCCURRENCE = "seconde";
  /** The form key of that choice for a date-time field: {@code <key>Occurrence}. */
  public static final String OCCURRENCE_SUFFIX = "Occurrence";

  /** What people type: day first, 24-hour clock ("05/12/2026 14:30", also "5/12/2026 14h30"). */
  private static final Pattern TYPED_DATE_TIME =
      Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})\\s+(\\d{1,2})\\s*[:hH]\\s*(\\d{2})");
  private static final Pattern TYPED_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");

  /**
   * A date and time from a form or a variable: a Date, an ISO instant with offset, or a
   * wall-clock time in the configured zone, as people type it ("05/12/2026 14:30", always day
   * first) or as ISO without offset ("2026-12-05T14:30"). Blank is null. A wall-clock time that
   * does not exist (the spring switch) or happens twice (the autumn switch) is refused here:
   * use {@link #typed(Object, Object)} to say which occurrence.
   *
   * @throws IllegalArgumentException when the text is no date and time, in French
   */
  public Instant instant(Object value) {
    return parse(value, null, zone);
  }

  /**
   * {@link #instant(Object)} with the occurrence a person chose ({@link #FIRST_OCCURRENCE} or
   * {@link #SECOND_OCCURRENCE}) for a wall-clock time of the repeated autumn hour; ignored elsewhere.
   */
  public Instant typed(Object value, Object occurrence) {
    return parse(value, occurrence, zone);
  }

  /** A form's date-time field {@code key} and its occurrence choice {@code <key>Occurrence}. */
  public Instant typed(VariableScope scope, String key) {
    return typed(scope.getVariable(key), scope.getVariable(key + OCCURRENCE_SUFFIX));
  }

  /** {@link #instant(Object)} for a given zone, for code that has no Moments at hand. */
  public static Instant parse(Object value, ZoneId zone) {
    return parse(value, null, zone);
  }

  private static Instant parse(Object value, Object occurrence, ZoneId zone) {
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
    Matcher typed = TYPED_DATE_TIME.matcher(text);
    if (typed.matches()) {
      LocalDate day = calendarDay(typed.group(1), typed.group(2), typed.group(3), text);
      int hour = Integer.parseInt(typed.group(4));
      int minute = Integer.parseInt(typed.group(5));
      if (hour > 23 || minute > 59) {
        throw new IllegalArgumentException("heure impossible : « " + text + " » (de 00:00 à 23:59)");
      }
      return wallClock(day.atTime(hour, minute), occurrence, zone, text);
    }
    if (text.contains("/")) {
      throw new IllegalArgumentException("date et heure illisibles : « " + text + " » (attendu : JJ/MM/AAAA HH:MM)");
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        return wallClock(LocalDateTime.parse(text), occurrence, zone, text);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("date et heure illisibles : « " + text + " » (attendu : JJ/MM/AAAA HH:MM)", e);
      }
    }
  }

  /**
   * The instant of a wall-clock time: refused when the clocks skip it (spring), and, when they
   * pass it twice (autumn), the occurrence the person chose, refused when they did not choose.
   */
  private static Instant wallClock(LocalDateTime local, Object occurrence, ZoneId zone, String text) {
    ZoneRules rules = zone.getRules();
    List<ZoneOffset> offsets = rules.getValidOffsets(local);
    String at = "le " + DAY.format(local) + " à " + local.getHour() + " h " + String.format("%02d", local.getMinute());
    if (offsets.isEmpty()) {
      var transition = rules.getTransition(local);
      throw new IllegalArgumentException(at + " n'existe pas à l'heure de Paris : cette nuit-là les horloges passent de "
          + transition.getDateTimeBefore().getHour() + " h à " + transition.getDateTimeAfter().getHour()
          + " h ; vérifiez l'heure saisie");
    }
    if (offsets.size() == 1) {
      return local.atOffset(offsets.get(0)).toInstant();
    }
    String choice = occurrence == null ? "" : occurrence.toString().trim();
    // getValidOffsets lists the earlier offset (summer time) first
    if (FIRST_OCCURRENCE.equals(choice)) {
      return local.atOffset(offsets.get(0)).toInstant();
    }
    if (SECOND_OCCURRENCE.equals(choice)) {
      return local.atOffset(offsets.get(1)).toInstant();
    }
    throw new IllegalArgumentException(at + " a lieu deux fois (les horloges reculent d'une heure cette nuit-là) : "
        + "précisez s'il s'agit de la première (heure d'été) ou de la seconde (heure d'hiver)");
  }

  private static LocalDate calendarDay(String day, String month, String year, String text) {
    try {
      return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
    } catch (java.time.DateTimeException e) {
      throw new IllegalArgumentException("cette date n'existe pas : « " + text + " » (jour/mois/année attendus)", e);
    }
  }

  /** A calendar day from a form: as people type it ("31/01/2027", day first) or ISO ("2027-01-31"). Blank is null. */
  public LocalDate day(Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    if (value instanceof Date date) {
      return date.toInstant().atZone(zone).toLocalDate();
    }
    return typedDay(value.toString());
  }

  /**
   * A calendar day as people type it ("31/01/2027", always day first) or ISO ("2027-01-31",
   * also the date of an ISO date-time). Blank is null.
   *
   * @throws IllegalArgumentException when the text is no date, in French
   */
  public static LocalDate typedDay(String value) {
    String text = value == null ? "" : value.trim();
    if (text.isEmpty()) {
      return null;
    }
    Matcher typed = TYPED_DATE.matcher(text);
    if (typed.matches()) {
      return calendarDay(typed.group(1), typed.group(2), typed.group(3), text);
    }
    if (text.contains("/")) {
      throw new IllegalArgumentException("date illisible : « " + text + " » (attendu : JJ/MM/AAAA)");
    }
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("date illisible : « " + text + " » (attendu : JJ/MM/AAAA)", e);
    }
  }

  /** "05/12/2026 14:30" in the configured zone: what a form's date-time field shows and reads. */
  public String typedText(Instant instant) {
    return typedText(instant, zone);
  }

  /** "05/12/2026": what a form's date field shows and reads. */
  public static String typedText(LocalDate day) {
    return day == null ? null : TYPED_DAY.format(day);
  }

  /**
   * The end of {@code day} in the configured zone, as an instant: the start of the next day there
   * (a due date people give as a day: the whole day is theirs).
   */
  public Instant endOfDay(LocalDate day) {
    return day.plusDays(1).atStartOfDay(zone).toInstant();
  }

  public LocalDate today() {
    return now().atZone(zone).toLocalDate();
  }

  /** A span as people read it: 45 → « 45 min », 530 → « 8 h 50 », 3780 → « 2 j 15 h 00 »; null → null. */
  public static String duration(Number minutes) {
    if (minutes == null) {
      return null;
    }
    long total = Math.round(minutes.doubleValue());
    if (total < 60) {
      return total + " min";
    }
    long mins = total % 60;
    if (total < 2 * 1440) {
      return (total / 60) + " h " + String.format("%02d", mins);
    }
    return total / 1440 + " j " + total % 1440 / 60 + " h " + String.format("%02d", mins);
  }

  public static Date date(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }
}
