package com.mileotech.cyber.system;

import java.time.ZonedDateTime;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Readable references, sequential per prefix and calendar year (Paris time): INC-2026-0042.
 * Unique even when two start at the same instant: the counter row is locked by its update.
 */
@Published
@Component
public class References {

  private final ReferenceCounter counter;
  private final ZoneProperties properties;

  References(ReferenceCounter counter, ZoneProperties properties) {
    this.counter = counter;
    this.properties = properties;
  }

  public String next(String prefix) {
    int year = ZonedDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), properties.zone()).getYear();
    for (int attempt = 0; ; attempt++) {
      try {
        return String.format("%s-%d-%04d", prefix, year, counter.increment(prefix, year));
      } catch (DataIntegrityViolationException firstOfTheYearRace) {
        // two callers created the year's counter at once: the loser simply increments it
        if (attempt >= 2) {
          throw firstOfTheYearRace;
        }
      }
    }
  }
}
