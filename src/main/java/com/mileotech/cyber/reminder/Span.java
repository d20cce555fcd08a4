package com.mileotech.cyber.reminder;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * A length of time as the procedures state it, in ISO 8601: hours count elapsed time
 * ({@code PT72H}: 72 real hours, whatever the daylight-saving change in between); days, weeks,
 * months and years count the calendar in the given zone ({@code P15D}: the same wall-clock time
 * 15 days later in Paris).
 */
public final class Span {

  private final String text;
  private final Duration elapsed;
  private final Period calendar;

  private Span(String text, Duration elapsed, Period calendar) {
    this.text = text;
    this.elapsed = elapsed;
    this.calendar = calendar;
  }

  public static Span parse(String text) {
    String value = text.trim();
    try {
      if (value.contains("T")) {
        return new Span(value, Duration.parse(value), null);
      }
      return new Span(value, null, Period.parse(value));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("Not an ISO 8601 duration (e.g. PT72H, P15D, P1M): " + text, e);
    }
  }

  public Instant after(Instant from, ZoneId zone) {
    return elapsed != null ? from.plus(elapsed) : from.atZone(zone).plus(calendar).toInstant();
  }

  public Instant before(Instant to, ZoneId zone) {
    return elapsed != null ? to.minus(elapsed) : to.atZone(zone).minus(calendar).toInstant();
  }

  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Span other && text.equals(other.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }
}
