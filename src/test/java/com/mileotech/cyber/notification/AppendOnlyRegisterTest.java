package com.mileotech.cyber.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The decision versions and the filing log are append-only (GDPR art. 33(5): each version kept;
 * corrections supersede): no code of the application updates or deletes their rows, and no
 * migration after V74 does either. Flyway's own scripts are read too, so a later migration that
 * rewrites them is caught here.
 */
class AppendOnlyRegisterTest {

  private static final Pattern WRITE = Pattern.compile(
      "(?i)(update\\s+(notification_decision|regulatory_filing)\\b|delete\\s+from\\s+(notification_decision|regulatory_filing)\\b"
          + "|truncate\\s+(table\\s+)?(notification_decision|regulatory_filing)\\b)");

  @Test
  void nothingUpdatesOrDeletesTheDecisionVersionsOrTheFilingLog() throws IOException {
    List<Path> offenders;
    try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/java")),
        Files.walk(Path.of("src/main/resources/db/migration")))) {
      offenders = files.filter(Files::isRegularFile).filter(f -> {
        try {
          return WRITE.matcher(Files.readString(f)).find();
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).toList();
    }
    assertThat(offenders).isEmpty();
  }
}
