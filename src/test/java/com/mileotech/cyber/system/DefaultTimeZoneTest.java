package com.mileotech.cyber.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No production code reads the JVM's default time zone, directly or through an API that uses it:
 * people's times are in mileo.zone (Moments, Deadlines), instants in storage are UTC (DbTime; and
 * UtcTimestamps for Camunda's zone-less columns). A new use fails here with its file and line.
 */
class DefaultTimeZoneTest {

  /** What each pattern would do with the JVM's zone. */
  private static final Map<String, Pattern> FORBIDDEN = Map.of(
      "java.sql date/time types convert with the JVM's zone: bind OffsetDateTime (DbTime), LocalDate for a day",
      Pattern.compile("\\bjava\\.sql\\.(Timestamp|Date|Time)\\b|\\bTimestamp\\.(from|valueOf)\\(|new Timestamp\\(|\\.getTimestamp\\(|\\.getDate\\("),
      "the JVM's default zone: use mileo.zone (Moments.zone(), ZoneProperties.zone())",
      Pattern.compile("ZoneId\\.systemDefault\\(\\)|TimeZone\\.(getDefault|setDefault)\\(|Clock\\.systemDefaultZone\\(\\)|Calendar\\.getInstance\\(\\)"),
      "now() without a zone reads the JVM's zone (and the wall clock, not the engine's): Moments.now() / today()",
      Pattern.compile("\\b(LocalDate|LocalDateTime|LocalTime|ZonedDateTime|OffsetDateTime|OffsetTime|YearMonth|Year|MonthDay)\\.now\\(\\)"),
      "java.text formats use the JVM's zone: DateTimeFormatter with an explicit zone",
      Pattern.compile("SimpleDateFormat|DateFormat\\.get\\w*Instance|\\.toLocaleString\\(\\)"));

  /** The two places whose job it is. */
  private static final Map<String, Set<String>> ALLOWED = Map.of(
      "UtcTimestamps.java", Set.of("java.sql", "default zone"),
      "UtcDatabase.java", Set.of("default zone"));

  @Test
  void noProductionCodeDependsOnTheJvmsDefaultZone() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          String line = lines.get(i).trim();
          if (line.startsWith("*") || line.startsWith("/*") || line.startsWith("//")) {
            continue;
          }
          for (Map.Entry<String, Pattern> rule : FORBIDDEN.entrySet()) {
            if (rule.getValue().matcher(line).find() && !allowed(file, rule.getKey())) {
              found.add(file + ":" + (i + 1) + ": " + line + "  — " + rule.getKey());
            }
          }
        }
      }
    }
    assertThat(found).isEmpty();
  }

  @Test
  void theCheckFindsWhatItLooksFor() {
    assertThat(FORBIDDEN.values()).allSatisfy(p -> assertThat(List.of("jdbc.params(Timestamp.from(at))",
        "ZoneId zone = ZoneId.systemDefault();", "LocalDate today = LocalDate.now();", "new SimpleDateFormat(\"HH:mm\")"))
        .anySatisfy(code -> assertThat(p.matcher(code).find()).isTrue()));
  }

  private static boolean allowed(Path file, String rule) {
    return ALLOWED.getOrDefault(file.getFileName().toString(), Set.of()).stream().anyMatch(rule::contains);
  }
}
