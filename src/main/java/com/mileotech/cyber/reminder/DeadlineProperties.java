package com.mileotech.cyber.reminder;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * {@code mileo.deadlines}: the procedures' durations and reminder schedules, written once in
 * application.yaml (the zone they count calendar days in is {@code mileo.zone}, system's ZoneProperties).
 */
@ConfigurationProperties("mileo")
public record DeadlineProperties(Map<String, DeadlineRule> deadlines) {

  public DeadlineProperties {
    deadlines = deadlines == null ? Map.of() : Map.copyOf(deadlines);
  }

  public DeadlineRule rule(String key) {
    DeadlineRule rule = deadlines.get(key);
    if (rule == null) {
      throw new IllegalArgumentException("No deadline rule mileo.deadlines." + key + " in the configuration");
    }
    return rule;
  }

  /** Lets application.yaml write spans as ISO 8601 strings. */
  @Component
  @ConfigurationPropertiesBinding
  static class SpanConverter implements Converter<String, Span> {
    @Override
    public Span convert(String source) {
      return Span.parse(source);
    }
  }
}
