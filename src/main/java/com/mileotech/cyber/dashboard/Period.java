package com.mileotech.cyber.dashboard;

import com.mileotech.cyber.system.Moments;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The days the figures cover, in Paris time: a calendar year by default, or any run of days
 * ({@code from} and {@code to} inclusive). Incidents belong to the period of their detection,
 * checklists to that of their signature.
 */
record Period(LocalDate from, LocalDate to, ZoneId zone) {

  /** Longest period asked for: the month charts stay readable. */
  static final int MAX_MONTHS = 60;

  static Period year(int year, ZoneId zone) {
    return new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), zone);
  }

  /** The first instant of the period. */
  Instant start() {
    return from.atStartOfDay(zone).toInstant();
  }

  /** The first instant after the period. */
  Instant end() {
    return to.plusDays(1).atStartOfDay(zone).toInstant();
  }

  boolean contains(Instant instant) {
    return instant != null && !instant.isBefore(start()) && instant.isBefore(end());
  }

  /** The calendar year, when the period is exactly one. */
  Integer year() {
    return from.getDayOfYear() == 1 && to.equals(from.withDayOfYear(from.lengthOfYear())) ? from.getYear() : null;
  }

  List<YearMonth> months() {
    List<YearMonth> months = new ArrayList<>();
    for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
      months.add(m);
    }
    return months;
  }

  YearMonth monthOf(Instant instant) {
    return YearMonth.from(instant.atZone(zone));
  }

  /** « année 2031 » or « du 1 janvier 2031 au 30 juin 2031 ». */
  String label() {
    Integer year = year();
    return year != null ? "année " + year : "du " + Moments.dayWords(from) + " au " + Moments.dayWords(to);
  }

  static String monthLabel(YearMonth month) {
    return Moments.monthWords(month);
  }

  static String shortMonthLabel(YearMonth month) {
    return Moments.shortMonthWords(month);
  }
}
