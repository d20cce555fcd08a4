package com.mileotech.cyber.notification;

import java.time.LocalDate;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code mileo.regulation}: when the rules of a text not yet in force in France start to apply.
 * {@code nis2.in-force-from}: the day France's transposition of NIS2 applies (empty while it is
 * not law); an incident whose awareness falls on or after it is decided by the NIS2 rules of the
 * table regulatory-obligations, an earlier one is not. A change of law is a change of this
 * setting, never of the code.
 */
@ConfigurationProperties("mileo.regulation")
record RegulationProperties(Nis2 nis2) {

  RegulationProperties {
    nis2 = nis2 == null ? new Nis2(null) : nis2;
  }

  /** {@code inForceFrom}: null while NIS2 is not in force in France. */
  record Nis2(LocalDate inForceFrom) {}
}
