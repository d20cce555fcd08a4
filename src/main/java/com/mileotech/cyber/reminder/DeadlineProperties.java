package com.mileotech.cyber.reminder;

import java.time.ZoneId;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * {@code mileo.zone} and {@code mileo.deadlines}: the procedures' durations and reminder
 * schedules, written once in application.yaml.
 */
@ConfigurationProperties("mileo")
public record DeadlineProperties(ZoneId zone, Map<String, DeadlineRule> deadlines) {

  public DeadlineProperties {
    zone = zone == null ? ZoneId.of("Europe/Paris") : zone;
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
