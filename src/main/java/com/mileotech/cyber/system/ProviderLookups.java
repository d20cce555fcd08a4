package com.mileotech.cyber.system;

import jakarta.mail.util.StreamProvider;
import java.util.List;
import java.util.function.Supplier;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Two libraries look their implementation up again on every call, by scanning every jar of the
 * class path for a {@code META-INF/services} file (docs/bench.md, "The storm, profiled (CPU)": 16 % of
 * a deadline storm's CPU samples on H2, 24 % on PostgreSQL, half of the mail sender's):
 *
 * <ul>
 *   <li>Jakarta Mail's {@code StreamProvider.provider()}, called by every multipart, body part and
 *       encoded header of every mail built (jakartaee/mail-api issue 861, open);
 *   <li>{@code DatatypeFactory.newInstance()}, called by Camunda each time a timer's duration or
 *       cycle is evaluated (every reminder re-arms its cycle).
 * </ul>
 *
 * Both finders read a system property named after the interface first, and load the class it names
 * instead of scanning. At start this sets each property, when the operator did not, to the class
 * the lookup found: the implementation stays the one the class path gives, found once.
 *
 * <p>Jakarta Mail then loads that class through the thread's context class loader and fails, rather
 * than falling back, on a thread whose loader cannot see it (in the packaged jar, the JVM's system
 * class loader): mails are built on the delivery workers' threads, which always have the
 * application's (system/outbox/DeliveryWorkers). The JDK's finder falls back to its own loader.
 */
@Component
public class ProviderLookups {

  private static final Logger LOG = LoggerFactory.getLogger(ProviderLookups.class);

  /** The interfaces whose lookup is pinned, each with the lookup that finds its implementation. */
  static final List<Lookup> LOOKUPS = List.of(
      new Lookup(StreamProvider.class.getName(), ProviderLookups::streamProvider),
      new Lookup(DatatypeFactory.class.getName(), ProviderLookups::datatypeFactory));

  record Lookup(String property, Supplier<Class<?>> find) {}

  ProviderLookups() {
    pin();
  }

  /** Sets each lookup's property to the class found now, unless it is set; idempotent. */
  public static void pin() {
    for (Lookup lookup : LOOKUPS) {
      if (System.getProperty(lookup.property()) != null) {
        continue;
      }
      try {
        Class<?> found = lookup.find().get();
        if (found != null) {
          System.setProperty(lookup.property(), found.getName());
          LOG.debug("{} pinned to {}", lookup.property(), found.getName());
        }
      } catch (RuntimeException | LinkageError e) {
        // the lookup finds nothing: it stays as it was
        LOG.debug("{} not pinned: {}", lookup.property(), e.toString());
      }
    }
  }

  private static Class<?> streamProvider() {
    return StreamProvider.provider().getClass();
  }

  private static Class<?> datatypeFactory() {
    try {
      return DatatypeFactory.newInstance().getClass();
    } catch (DatatypeConfigurationException e) {
      return null;
    }
  }
}
