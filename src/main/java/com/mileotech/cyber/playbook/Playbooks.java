package com.mileotech.cyber.playbook;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mileotech.cyber.commissioning.EquipmentKind;
import com.mileotech.cyber.incident.Nature;
import com.mileotech.cyber.incident.ResponseStep;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Every playbook version on the classpath ({@code playbooks/*.json}), read and checked once at
 * start-up: a broken playbook, an unknown nature or kind of equipment, a code used twice or a
 * version without its two generated forms stops the start-up, not a technician's task.
 */
@Component
class Playbooks {

  /** The playbook of PROC-CYB-005's containment and eradication. */
  static final String RESPONSE_PLAYBOOK = "PB-CYB-005";

  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  private final List<Playbook> versions;

  Playbooks() {
    this.versions = List.copyOf(readAll());
    for (Playbook playbook : versions) {
      for (ResponseStep phase : ResponseStep.values()) {
        if (Playbooks.class.getClassLoader().getResource(PlaybookForm.resource(playbook, phase)) == null) {
          throw new IllegalStateException("No form " + PlaybookForm.resource(playbook, phase) + " for the playbook "
              + playbook.name() + " (docs/development.md, Generated files)");
        }
      }
    }
  }

  /** The version of the response playbook in force on {@code day}: the latest whose in-force day has come. */
  Playbook inForce(LocalDate day) {
    return versions.stream()
        .filter(p -> p.id().equals(RESPONSE_PLAYBOOK) && !LocalDate.parse(p.inForce()).isAfter(day))
        .max(Comparator.comparing((Playbook p) -> LocalDate.parse(p.inForce())).thenComparing(Playbook::version))
        .orElseThrow(() -> new IllegalStateException("No version of " + RESPONSE_PLAYBOOK + " in force on " + day));
  }

  Optional<Playbook> get(String id, String version) {
    return versions.stream().filter(p -> p.id().equals(id) && p.version().equals(version)).findFirst();
  }

  List<Playbook> all() {
    return versions;
  }

  /** Every playbook file under {@code playbooks/} of the classpath, checked. */
  static List<Playbook> readAll() {
    List<Playbook> read = new ArrayList<>();
    try {
      Resource[] files = new PathMatchingResourcePatternResolver(Playbooks.class.getClassLoader())
          .getResources("classpath*:playbooks/*.json");
      for (Resource file : files) {
        try (InputStream in = file.getInputStream()) {
          Playbook playbook = JSON.readValue(in, Playbook.class);
          check(playbook, file.getFilename());
          read.add(playbook);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Unreadable playbook", e);
    }
    Set<String> names = new HashSet<>();
    for (Playbook playbook : read) {
      if (!names.add(playbook.name())) {
        throw new IllegalStateException("Playbook " + playbook.name() + " found twice on the classpath");
      }
    }
    return read;
  }

  private static void check(Playbook playbook, String file) {
    String expected = playbook.id() + "-" + playbook.version() + ".json";
    if (!expected.equals(file)) {
      throw new IllegalStateException("Playbook file " + file + " holds " + playbook.name() + ": name it " + expected);
    }
    try {
      LocalDate.parse(playbook.inForce());
    } catch (DateTimeException | NullPointerException e) {
      throw new IllegalStateException("Playbook " + playbook.name() + ": inForce must be a day (2026-01-01)");
    }
    Set<String> natures = new HashSet<>(Arrays.stream(Nature.values()).map(Nature::code).toList());
    Set<String> codes = new HashSet<>();
    for (Playbook.Action action : playbook.actions()) {
      if (action.code() == null || !action.code().matches("[A-Z][A-Z0-9_]{1,59}") || !codes.add(action.code())) {
        throw new IllegalStateException("Playbook " + playbook.name() + ": action code " + action.code()
            + " missing, not UPPER_SNAKE or used twice");
      }
      if (action.phase() == null || action.label() == null || action.label().isBlank()
          || action.natures() == null || action.equipment() == null) {
        throw new IllegalStateException("Playbook " + playbook.name() + ", " + action.code()
            + ": phase, label, natures and equipment are required");
      }
      action.natures().stream().filter(n -> !natures.contains(n)).findFirst().ifPresent(n -> {
        throw new IllegalStateException("Playbook " + playbook.name() + ", " + action.code() + ": unknown nature " + n);
      });
      action.equipment().stream().filter(k -> EquipmentKind.parse(k) == null).findFirst().ifPresent(k -> {
        throw new IllegalStateException("Playbook " + playbook.name() + ", " + action.code() + ": unknown equipment " + k);
      });
    }
    for (Nature nature : Nature.values()) {
      for (ResponseStep phase : ResponseStep.values()) {
        if (playbook.applicable(phase, nature.code(), Set.of()).isEmpty()) {
          throw new IllegalStateException("Playbook " + playbook.name() + ": no " + phase + " action for " + nature.code());
        }
      }
    }
  }
}
