package com.mileotech.cyber.system;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code mileo.zone}: the zone people live in (Europe/Paris). Every wall-clock time shown, typed
 * or counted in calendar days is in it; storage keeps instants. Read it through {@link Moments}
 * (which formats in it) or, for a computation, {@link #zone()}: nothing else names a zone.
 */
@Published
@ConfigurationProperties("mileo")
public record ZoneProperties(ZoneId zone) {

  /** The default, and the zone whose name people read as « heure de Paris ». */
  public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  public ZoneProperties {
    zone = zone == null ? PARIS : zone;
  }
}
