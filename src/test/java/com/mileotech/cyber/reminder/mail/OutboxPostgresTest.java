package com.mileotech.cyber.reminder.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.mileotech.cyber.reminder.mail.OutboxMail.Kind;
import com.mileotech.cyber.reminder.mail.OutboxMail.Status;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two application nodes on one PostgreSQL database (embedded, real): two senders with their own
 * node ids claim the same outbox concurrently and each mail reaches GreenMail exactly once; two
 * transactions writing the same mail at once leave one row and neither transaction broken.
 * No Spring context: the outbox components run directly on the database.
 */
class OutboxPostgresTest {

  private static final Instant NOW = Instant.parse("2026-03-02T13:30:00Z");

  private static EmbeddedPostgres postgres;
  private static HikariDataSource dataSource;
  private static TestSmtp smtp;
  private static Outbox outbox;
  private static JdbcClient jdbc;
  private static TransactionTemplate transaction;

  @BeforeAll
  static void startDatabaseAndSmtp() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
    HikariConfig config = new HikariConfig();
    config.setDataSource(postgres.getPostgresDatabase());
    config.setMaximumPoolSize(8);
    dataSource = new HikariDataSource(config);
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    DataSourceTransactionManager transactionManager = new DataSourceTransactionManager(dataSource);
    jdbc = JdbcClient.create(dataSource);
    outbox = new Outbox(jdbc, transactionManager);
    transaction = new TransactionTemplate(transactionManager);
    smtp = new TestSmtp();
  }

  @AfterAll
  static void stopDatabaseAndSmtp() throws IOException {
    smtp.close();
    dataSource.close();
    postgres.close();
  }

  @BeforeEach
  void clean() {
    jdbc.sql("delete from mail_outbox").update();
    ClockUtil.setCurrentTime(Date.from(NOW));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void twoNodesClaimingTheSameOutboxSendEachMailOnce() throws Exception {
    int count = 40;
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      OutboxMail mail = mail("notice:pi-" + i + ":two-nodes", "person" + (i % 4) + "@test.example");
      assertThat(outbox.insertIfAbsent(mail)).isTrue();
      ids.add(mail.id());
    }
    // 20 mails a round each, so that neither node can take all 40 at once; and each node's first
    // delivery waits until the other holds claims of its own: both compete for the same rows
    // whatever the scheduling of a loaded machine (no node drains everything before the other starts)
    OutboxSender nodeA = sender("node-a", 20);
    OutboxSender nodeB = sender("node-b", 20);
    CountDownLatch aDelivering = new CountDownLatch(1);
    CountDownLatch bDelivered = new CountDownLatch(1);
    JavaMailSender serverForA = new Delivering(smtp.mailSender(), () -> {
      aDelivering.countDown();
      await(bDelivered);
    }, () -> { });
    JavaMailSender serverForB = new Delivering(smtp.mailSender(), () -> await(aDelivering), bDelivered::countDown);

    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> sent = new ArrayList<>();
      for (Map.Entry<OutboxSender, JavaMailSender> node : List.of(Map.entry(nodeA, serverForA), Map.entry(nodeB, serverForB))) {
        sent.add(pool.submit(() -> {
          int total = 0;
          for (int round = 0; round < 10 && !outbox.dueIds(NOW, 1).isEmpty(); round++) {
            total += node.getKey().sendDue(node.getValue());
          }
          return total;
        }));
      }
      int sentByA = sent.get(0).get(5, TimeUnit.MINUTES);
      int sentByB = sent.get(1).get(5, TimeUnit.MINUTES);
      assertThat(sentByA + sentByB).isEqualTo(count);
      // both nodes really competed for the same rows
      assertThat(sentByA).isPositive();
      assertThat(sentByB).isPositive();
    } finally {
      pool.shutdownNow();
    }

    List<String> receivedIds = smtp.receivedFor(ids).stream().map(TestSmtp::outboxId).toList();
    assertThat(receivedIds).hasSize(count);
    assertThat(new HashSet<>(receivedIds)).hasSize(count);
    Set<String> senders = new HashSet<>();
    for (String id : ids) {
      OutboxMail row = outbox.find(id).orElseThrow();
      assertThat(row.status()).isEqualTo(Status.SENT);
      assertThat(row.attempts()).isEqualTo(1);
      senders.add(row.claimedBy());
    }
    assertThat(senders).containsExactlyInAnyOrder("node-a", "node-b");
  }

  @Test
  void aMailClaimedByANodeThatDiedIsSentByAnotherOnceItsLeaseEnds() {
    OutboxMail mail = mail("notice:pi-lease:dead-node", "lease@test.example");
    outbox.insertIfAbsent(mail);
    // node-a claims it and dies before sending
    assertThat(outbox.claim(mail.id(), "node-a", NOW, NOW.plus(Duration.ofMinutes(5)))).isTrue();
    OutboxSender nodeB = sender("node-b");
    assertThat(nodeB.sendDue(smtp.mailSender())).isZero();

    ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofMinutes(5)).plusSeconds(1)));
    assertThat(nodeB.sendDue(smtp.mailSender())).isEqualTo(1);
    assertThat(smtp.receivedFor(List.of(mail.id()))).hasSize(1);
    assertThat(outbox.find(mail.id()).orElseThrow().claimedBy()).isEqualTo("node-b");
  }

  @Test
  void twoTransactionsWritingTheSameMailLeaveOneRowAndNeitherTransactionBroken() throws Exception {
    String key = "reminder:pi-race:cnil:" + NOW;
    CountDownLatch firstInserted = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Boolean> first = pool.submit(() -> transaction.execute(status -> {
        boolean written = outbox.insertIfAbsent(mail(key, "first@test.example"));
        firstInserted.countDown();
        waitUntilAnotherSessionWaitsForALock();
        return written; // commits now: the second transaction's insert then meets the unique key
      }));
      assertThat(firstInserted.await(60, TimeUnit.SECONDS)).isTrue();
      Future<Boolean> second = pool.submit(() -> transaction.execute(status -> {
        boolean written = outbox.insertIfAbsent(mail(key, "second@test.example"));
        // PostgreSQL would refuse any further statement of an aborted transaction: this one goes on
        outbox.insertIfAbsent(mail("notice:pi-race:after", "after@test.example"));
        return written;
      }));
      assertThat(first.get(180, TimeUnit.SECONDS)).isTrue();
      assertThat(second.get(180, TimeUnit.SECONDS)).isFalse();
    } finally {
      pool.shutdownNow();
    }
    assertThat(outbox.findByKey(key).orElseThrow().recipients()).containsExactly("first@test.example");
    assertThat(outbox.findByKey("notice:pi-race:after")).isPresent();
    assertThat(jdbc.sql("select count(*) from mail_outbox").query(Long.class).single()).isEqualTo(2);
  }

  /** Polls PostgreSQL until a session is blocked on a lock (the second insert on the unique key). */
  private static void waitUntilAnotherSessionWaitsForALock() {
    JdbcClient monitor = JdbcClient.create(postgres.getPostgresDatabase());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (monitor.sql("select count(*) from pg_stat_activity where wait_event_type = 'Lock'")
        .query(Long.class).single() == 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the second transaction never waited for the first one's row");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private static OutboxSender sender(String node) {
    return sender(node, 0);
  }

  private static OutboxSender sender(String node, int batchSize) {
    OutboxProperties properties = new OutboxProperties("cyber@mileotech.example", node,
        new OutboxProperties.Sender(true, null, batchSize, null), null, null);
    return new OutboxSender(outbox, taskId -> true, properties);
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(5, TimeUnit.MINUTES)) {
        throw new IllegalStateException("the other node never got there");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The test SMTP server, with a hook before a node's first delivery and after each. */
  private static final class Delivering implements JavaMailSender {
    private final JavaMailSender server;
    private final Runnable beforeFirst;
    private final Runnable after;
    private boolean first = true;

    Delivering(JavaMailSender server, Runnable beforeFirst, Runnable after) {
      this.server = server;
      this.beforeFirst = beforeFirst;
      this.after = after;
    }

    @Override
    public MimeMessage createMimeMessage() {
      return server.createMimeMessage();
    }

    @Override
    public MimeMessage createMimeMessage(InputStream contentStream) {
      return server.createMimeMessage(contentStream);
    }

    @Override
    public void send(MimeMessage... mimeMessages) {
      if (first) {
        first = false;
        beforeFirst.run();
      }
      server.send(mimeMessages);
      after.run();
    }

    @Override
    public void send(SimpleMailMessage... simpleMessages) {
      throw new UnsupportedOperationException();
    }
  }

  private static OutboxMail mail(String key, String recipient) {
    ProcessFacts facts = new ProcessFacts("pi-" + key.hashCode(), "INC-2026-0001", "INC-2026-0001", "client-oiv",
        "client-oiv", "Client OIV", "Site Nord");
    Recipients recipients = new Recipients(List.of(new Recipients.Person(null, recipient, recipient)));
    RenderedMail rendered = new RenderedMail("notice", "Objet " + key, "Texte", "<html><body>HTML</body></html>");
    return OutboxMail.pending(UUID.randomUUID().toString(), key, Kind.NOTICE, "notice", facts, null, null, null, null,
        recipients, rendered, List.of(), NOW);
  }
}
