package com.mileotech.cyber.reminder.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.mileotech.cyber.reminder.mail.OutboxMail.Kind;
import com.mileotech.cyber.system.AppProcess;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mail once in practice: the application (its own JVM, on PostgreSQL) delivers a round of 20
 * mails over one SMTP connection to GreenMail, which kills the JVM ({@code kill -9}) while it
 * receives the 7th, after storing it and before answering "250 OK": that mail reached its
 * recipient, the sender never heard so. Restarted under the same node id, the application sends
 * the rest; counted at the SMTP server by the X-Mileo-Outbox-Id header, every mail arrived, and
 * only the one in doubt arrived twice (before each mail was marked sent on its own, all six
 * before it came again too).
 */
class MailOnceAcrossACrashTest {

  private static final int MAILS = 20;
  private static final int KILLED_DURING = 7;

  @TempDir Path dir;

  @Test
  void aCrashMidRoundLeavesAtMostTheMailOnTheWireInDoubt() throws Exception {
    int smtpPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      smtpPort = socket.getLocalPort();
    }
    GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    AtomicReference<AppProcess> running = new AtomicReference<>();
    AtomicInteger received = new AtomicInteger();
    MessageDeliveryHandler store = smtp.getUserManager().getMessageDeliveryHandler();
    smtp.getUserManager().setMessageDeliveryHandler((message, address) -> {
      if (received.incrementAndGet() == KILLED_DURING) {
        running.get().kill(); // the mail is in, the "250 OK" never leaves
      }
      return store.handle(message, address);
    });

    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        HikariDataSource dataSource = dataSource(postgres)) {
      List<String> arguments = List.of(
          "--spring.profiles.active=postgres",
          "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
          "--spring.datasource.username=postgres",
          "--spring.datasource.password=postgres",
          "--spring.mail.host=127.0.0.1",
          "--spring.mail.port=" + smtpPort,
          "--spring.mail.properties.mail.smtp.starttls.enable=false",
          "--mileo.mail.node-id=node-a",
          "--mileo.mail.sender.initial-delay=PT1S",
          "--mileo.mail.sender.interval=PT1S",
          // one worker: the round's order is the order the server receives, so that "the 7th" is
          // one known mail (with several workers, at most one mail per worker sending is in doubt)
          "--mileo.mail.sender.workers=1",
          "--camunda.bpm.job-execution.enabled=false",
          "--mileo.audit.file=" + dir.resolve("audit.jsonl").toAbsolutePath());

      AppProcess first = AppProcess.start(dir.resolve("first.log"), arguments);
      running.set(first);
      List<String> ids = seed(dataSource); // one transaction: the next round takes all of them
      assertThat(first.waitForExit(120)).as("killed by the SMTP server during mail %d", KILLED_DURING).isTrue();
      assertThat(received.get()).isEqualTo(KILLED_DURING);

      try (AppProcess second = AppProcess.start(dir.resolve("second.log"), arguments)) {
        running.set(second);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        waitUntil(() -> jdbc.sql("select count(*) from mail_outbox where status = 'sent'").query(Long.class).single() == MAILS);
      }

      Map<String, Long> deliveries = Arrays.stream(smtp.getReceivedMessages())
          .collect(Collectors.groupingBy(MailOnceAcrossACrashTest::outboxId, Collectors.counting()));
      assertThat(deliveries.keySet()).containsExactlyInAnyOrderElementsOf(ids);
      assertThat(deliveries.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList())
          .as("mails delivered twice").containsExactly(ids.get(KILLED_DURING - 1));
      assertThat(deliveries.get(ids.get(KILLED_DURING - 1))).isEqualTo(2);
    } finally {
      smtp.stop();
    }
  }

  /** 20 pending notices, each to one recipient, in one transaction; ids in the order the sender takes them. */
  private static List<String> seed(HikariDataSource dataSource) {
    Outbox outbox = new Outbox(JdbcClient.create(dataSource), new DataSourceTransactionManager(dataSource));
    TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    Instant now = Instant.now().minusSeconds(60);
    List<String> ids = new ArrayList<>();
    transaction.executeWithoutResult(status -> {
      for (int i = 0; i < MAILS; i++) {
        String id = String.format("00000000-0000-0000-0000-%012d", i); // the sender's order: due time, then id
        ProcessFacts facts = new ProcessFacts("pi-crash", "INC-2026-0001", "INC-2026-0001", "client-oiv", "client-oiv",
            "Client OIV", "Site Nord");
        Recipients to = new Recipients(List.of(new Recipients.Person(null, "p" + i + "@test.example", "p" + i + "@test.example")));
        RenderedMail rendered = new RenderedMail("notice", "Avis " + i, "Texte", "<html><body>HTML</body></html>");
        assertThat(outbox.insertIfAbsent(OutboxMail.pending(id, "notice:pi-crash:" + UUID.randomUUID(), Kind.NOTICE,
            "notice", facts, null, null, null, null, to, rendered, List.of(), now))).isTrue();
        ids.add(id);
      }
    });
    return ids;
  }

  private static HikariDataSource dataSource(EmbeddedPostgres postgres) {
    HikariConfig config = new HikariConfig();
    config.setDataSource(postgres.getPostgresDatabase());
    config.setMaximumPoolSize(2);
    return new HikariDataSource(config);
  }

  private static String outboxId(MimeMessage message) {
    return TestSmtp.outboxId(message);
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited two minutes for the outbox to be delivered").isLessThan(deadline);
      Thread.sleep(200);
    }
  }
}
