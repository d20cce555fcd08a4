package com.mileotech.cyber.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.datatype.DatatypeFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * What {@link ProviderLookups} saves, counted without timing: the class path scans
 * ({@code META-INF/services} look-ups through the thread's class loader) made while a mail is built
 * and written as the outbox sender does it, and while Camunda evaluates a timer's duration
 * (DatatypeFactory). docs/bench.md, "The storm, profiled (CPU)".
 */
class ProviderLookupsTest {

  /** One sender for every mail, as the application has (its session and its file type map made once). */
  private static final JavaMailSenderImpl SENDER = new JavaMailSenderImpl();

  private final Map<String, String> saved = new HashMap<>();
  private ClassLoader original;

  @BeforeEach
  void remember() {
    original = Thread.currentThread().getContextClassLoader();
    ProviderLookups.LOOKUPS.forEach(lookup -> saved.put(lookup.property(), System.getProperty(lookup.property())));
  }

  @AfterEach
  void restore() {
    Thread.currentThread().setContextClassLoader(original);
    saved.forEach((property, value) -> {
      if (value == null) {
        System.clearProperty(property);
      } else {
        System.setProperty(property, value);
      }
    });
  }

  @Test
  void withoutThePinEveryMailAndEveryDurationScansTheClassPath() throws Exception {
    ProviderLookups.LOOKUPS.forEach(lookup -> System.clearProperty(lookup.property()));
    Scans scans = countScans();
    buildAndWriteAMail();
    scans.asked.clear(); // the once-per-class-loader look-ups, as in the other test
    buildAndWriteAMail();
    System.out.println("class path scans for one mail, unpinned: " + scans.asked);
    assertThat(scans.of(StreamProvider.class)).as("Jakarta Mail looks its stream provider up per part and header")
        .isGreaterThan(3);
    DatatypeFactory.newInstance();
    assertThat(scans.of(DatatypeFactory.class)).as("a DatatypeFactory per duration evaluated").isPositive();
  }

  @Test
  void pinnedTheSameImplementationsAreFoundWithoutAnyScan() throws Exception {
    ProviderLookups.LOOKUPS.forEach(lookup -> System.clearProperty(lookup.property()));
    Class<?> streams = StreamProvider.provider().getClass();
    Class<?> datatypes = DatatypeFactory.newInstance().getClass();

    ProviderLookups.pin();
    Scans scans = countScans();
    // what is looked up once per class loader, not per mail (Jakarta Activation's default command map)
    buildAndWriteAMail();
    scans.asked.clear();
    for (int i = 0; i < 10; i++) {
      buildAndWriteAMail();
      DatatypeFactory.newInstance();
    }

    assertThat(scans.asked).as("no class path scan for 10 mails and 10 durations").isEmpty();
    assertThat(StreamProvider.provider().getClass()).as("the implementation the class path gives").isEqualTo(streams);
    assertThat(DatatypeFactory.newInstance().getClass()).isEqualTo(datatypes);
  }

  @Test
  void aPropertyTheOperatorSetIsKept() {
    System.setProperty(DatatypeFactory.class.getName(), "org.example.TheirFactory");
    ProviderLookups.pin();
    assertThat(System.getProperty(DatatypeFactory.class.getName())).isEqualTo("org.example.TheirFactory");
  }

  /** A mail as OutboxSender builds it: text and HTML, an attachment, French accents in the headers; then written out. */
  private static void buildAndWriteAMail() throws Exception {
    MimeMessage message = SENDER.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
    helper.setFrom("mileo-cyber@mileo.example");
    helper.setTo("référent@mileo.example");
    helper.setSubject("Rappel : échéance de la notification CNIL — INC-2026-0042");
    helper.setText("Échéance le 06/12/2026 à 10:00.", "<p>Échéance le <b>06/12/2026</b> à 10:00.</p>");
    helper.addAttachment("chronologie.pdf", new ByteArrayResource(new byte[] {1, 2, 3}), "application/pdf");
    message.saveChanges();
    message.writeTo(new ByteArrayOutputStream());
  }

  private Scans countScans() {
    Scans scans = new Scans(original);
    Thread.currentThread().setContextClassLoader(scans);
    return scans;
  }

  /** The thread's class loader, counting the service files asked for. */
  private static final class Scans extends ClassLoader {
    private final Map<String, AtomicInteger> asked = new HashMap<>();

    Scans(ClassLoader parent) {
      super(parent);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      if (name.startsWith("META-INF/services/")) {
        asked.computeIfAbsent(name.substring("META-INF/services/".length()), n -> new AtomicInteger()).incrementAndGet();
      }
      return super.getResources(name);
    }

    int of(Class<?> service) {
      AtomicInteger n = asked.get(service.getName());
      return n == null ? 0 : n.get();
    }
  }
}
