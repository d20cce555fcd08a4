package com.mileotech.cyber.commissioning;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Loads catalogue versions from the classpath; new checklists use the configured one. */
@Component
class Catalogues {

  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  private final CommissioningProperties properties;
  private final Map<String, Catalogue> loaded = new ConcurrentHashMap<>();

  Catalogues(CommissioningProperties properties) {
    this.properties = properties;
    // a missing or broken catalogue, or one without its fill-in form, stops the start-up, not a technician's task
    Catalogue current = current();
    if (Catalogues.class.getClassLoader().getResource(ChecklistForm.resource(current)) == null) {
      throw new IllegalStateException("No fill-in form " + ChecklistForm.resource(current) + " for the catalogue "
          + current.name() + " (docs/development.md, Generated files)");
    }
  }

  /** The catalogue new checklists are filled against. */
  Catalogue current() {
    return load(properties.catalogue());
  }

  /** A catalogue by its file name without extension, e.g. {@code GUID-PREM-003-v1.3}. */
  Catalogue get(String source, String version) {
    return load(source + "-" + version);
  }

  static Catalogue read(String name) {
    String path = "/commissioning/catalogue/" + name + ".json";
    try (InputStream in = Catalogues.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("No catalogue " + path + " on the classpath");
      }
      return JSON.readValue(in, Catalogue.class);
    } catch (IOException e) {
      throw new UncheckedIOException("Unreadable catalogue " + path, e);
    }
  }

  private Catalogue load(String name) {
    return loaded.computeIfAbsent(name, Catalogues::read);
  }
}
