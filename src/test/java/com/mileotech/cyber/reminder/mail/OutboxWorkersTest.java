package com.mileotech.cyber.reminder.mail;

import static com.mileotech.cyber.Waits.await;
import static com.mileotech.cyber.Waits.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import com.mileotech.cyber.MigratedPostgres;
import com.mileotech.cyber.reminder.mail.OutboxMail.Kind;
import com.mileotech.cyber.reminder.mail.OutboxMail.Status;
import com.mileotech.cyber.system.outbox.DeliveryWorkers;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Several delivery workers on one node (mileo.mail.sender.workers), on H2 and on PostgreSQL
 * (embedded), each mail counted at a real SMTP server (GreenMail) by its X-Mileo-Outbox-Id: the
 * workers send over SMTP connections of their own at the same time and each mail arrives exactly
 * once; a mail held up, then failing, holds up only its own worker; a stop lets the mail on the
 * wire finish and frees the rest of the batch at once. No Spring context: the outbox
 * and the kernel's workers run directly on the migrated database. Every wait is on something the
 * test makes happen; the bounds only end a failing test.
 */
class OutboxWorkersTest {

  private static final Instant NOW = Instant.parse("2026-03-02T13:30:00Z");
  private static final Duration GRACE = Duration.ofMinutes(2);

  private static MigratedPostgres postgres;
  private static HikariDataSource postgresPool;
  private static HikariDataSource h2Pool;
  private static TestSmtp smtp;

  @BeforeAll
  static void start() throws IOException {
    postgres = MigratedPostgres.start();
    postgresPool = pool(postgres.dataSource());
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:outbox-workers;DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
    h2Pool = pool(h2);
    smtp = new TestSmtp();
  }

  @AfterAll
  static void stop() throws IOException {
    smtp.close();
    h2Pool.close();
    postgresPool.close();
    postgres.close();
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  static Stream<String> databases() {
    return Stream.of("PostgreSQL", "H2");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void fourWorkersSendAtOnceOverTheirOwnConnectionsAndEachMailArrivesOnce(String database) throws Exception {
    Outbox outbox = emptyOutbox(database);
    List<String> ids = seed(outbox, 120, "storm-" + database);
    // the first four mails are held as they are about to go until all four are there: four workers,
    // each with its batch claimed and its SMTP connection open, at the same time (a worker sends
    // one mail at a time). GreenMail itself stores one mail at a time, so the hold is on our side.
    CyclicBarrier fourAtOnce = new CyclicBarrier(4);
    AtomicInteger going = new AtomicInteger();
    AtomicReference<Exception> notTogether = new AtomicReference<>();
    JavaMailSenderImpl server = holding(message -> {
      if (going.incrementAndGet() <= 4) {
        try {
          fourAtOnce.await(2, TimeUnit.MINUTES);
        } catch (Exception e) {
          notTogether.set(e);
        }
      }
    });
    DeliveryWorkers workers = workers(outbox, 4, 10, server);
    try {
      workers.tick().get(5, TimeUnit.MINUTES);
    } finally {
      workers.stop(GRACE);
    }
    assertThat(notTogether.get()).as("four workers sending at the same time").isNull();
    assertThat(receivedOnce(ids)).containsOnlyKeys(ids).allSatisfy((id, times) -> assertThat(times).isEqualTo(1));
    for (String id : ids) {
      OutboxMail row = outbox.find(id).orElseThrow();
      assertThat(row.status()).isEqualTo(Status.SENT);
      assertThat(row.attempts()).isEqualTo(1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aMailHeldUpThenFailingHoldsUpOnlyItsOwnWorker(String database) throws Exception {
    Outbox outbox = emptyOutbox(database);
    List<String> ids = seed(outbox, 30, "stuck-" + database);
    String stuck = ids.get(0); // the oldest: in the first batch claimed
    // a batch of one mail per round, so that the stuck mail's batch holds no other mail: what is
    // shown is that the other workers go on, not what a stuck worker does with the rest of its batch
    List<String> others = ids.subList(1, ids.size());
    JavaMailSenderImpl server = holding(message -> {
      if (stuck.equals(TestSmtp.outboxId(message))) {
        waitUntil(() -> smtp.receivedFor(others).size() == others.size(), "the other workers never sent the others");
        throw new IllegalStateException("failed after all the others went through");
      }
    });
    DeliveryWorkers workers = workers(outbox, 3, 1, server);
    try {
      workers.tick().get(5, TimeUnit.MINUTES);
    } finally {
      workers.stop(GRACE);
    }
    assertThat(receivedOnce(ids)).containsOnlyKeys(others).allSatisfy((id, times) -> assertThat(times).isEqualTo(1));
    others.forEach(id -> assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(Status.SENT));
    OutboxMail refused = outbox.find(stuck).orElseThrow();
    assertThat(refused.status()).isEqualTo(Status.PENDING);
    assertThat(refused.attempts()).isEqualTo(1);
    assertThat(refused.lastError()).isNotBlank();
    assertThat(refused.nextAttemptAt()).isAfter(NOW); // its backoff, then another attempt
    assertThat(claimedRows(database)).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aStopLetsTheMailOnTheWireFinishAndFreesTheRestOfTheBatch(String database) throws Exception {
    Outbox outbox = emptyOutbox(database);
    List<String> ids = seed(outbox, 10, "stop-" + database);
    CountDownLatch onTheWire = new CountDownLatch(1);
    CountDownLatch stopRequested = new CountDownLatch(1);
    JavaMailSenderImpl server = holding(message -> {
      onTheWire.countDown();
      await(stopRequested);
    });
    DeliveryWorkers workers = workers(outbox, 1, 5, server);
    workers.tick();
    await(onTheWire);
    assertThat(claimedRows(database)).as("the worker's batch").isEqualTo(5);

    Thread stopper = new Thread(() -> workers.stop(GRACE));
    stopper.start();
    waitUntil(workers::stopping, "stop never called");
    stopRequested.countDown();
    stopper.join(GRACE.toMillis());
    assertThat(stopper.isAlive()).isFalse();

    // the mail on the wire went out and is marked; the four others of its batch are free at once
    assertThat(receivedOnce(ids)).containsOnlyKeys(ids.get(0));
    assertThat(outbox.find(ids.get(0)).orElseThrow().status()).isEqualTo(Status.SENT);
    assertThat(claimedRows(database)).isZero();
    assertThat(outbox.dueIds(NOW, 100)).containsExactlyInAnyOrderElementsOf(ids.subList(1, ids.size()));
    ids.subList(1, ids.size()).forEach(id -> assertThat(outbox.find(id).orElseThrow().attempts()).isZero());
    // and a stopped node starts no other round
    assertThat(workers.tick()).isCompleted();
    assertThat(receivedOnce(ids)).hasSize(1);
  }

  /**
   * The test SMTP server's mail sender, running {@code hook} on each mail as its worker is about to
   * send it over its open connection (an exception fails that mail).
   */
  private static JavaMailSenderImpl holding(Consumer<MimeMessage> hook) {
    JavaMailSenderImpl server = smtp.mailSender();
    JavaMailSenderImpl holding = new JavaMailSenderImpl() {
      @Override
      public MimeMessage createMimeMessage() {
        return new MimeMessage(getSession()) {
          @Override
          public void saveChanges() throws MessagingException {
            hook.accept(this); // SmtpConnection.send: right before the mail goes
            super.saveChanges();
          }
        };
      }
    };
    holding.setHost(server.getHost());
    holding.setPort(server.getPort());
    holding.setDefaultEncoding("UTF-8");
    holding.setJavaMailProperties(server.getJavaMailProperties());
    return holding;
  }

  private static DeliveryWorkers workers(Outbox outbox, int workers, int batchSize, JavaMailSenderImpl server) {
    OutboxProperties properties = new OutboxProperties("cyber@mileotech.example", "node-a",
        new OutboxProperties.Sender(true, null, batchSize, null, workers), null, null);
    OutboxSender sender = new OutboxSender(outbox, taskId -> true, properties);
    return new DeliveryWorkers("Mail outbox", properties.sender().workers(), batchSize, 200,
        sender::resumeAfterRestart, stopping -> sender.deliverRound(server, stopping));
  }

  private static Outbox emptyOutbox(String database) {
    ClockUtil.setCurrentTime(Date.from(NOW));
    DataSource dataSource = dataSource(database);
    JdbcClient jdbc = JdbcClient.create(dataSource);
    jdbc.sql("delete from mail_outbox_attachment").update();
    jdbc.sql("delete from mail_outbox").update();
    return new Outbox(jdbc, new DataSourceTransactionManager(dataSource));
  }

  /**
   * {@code count} pending notices due now, each to its own recipient; ids in the order they are
   * taken, of this test and database only (the SMTP server keeps every test's mails).
   */
  private static List<String> seed(Outbox outbox, int count, String test) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String id = String.format("00000000-0000-0000-%04d-%012d", Math.abs(test.hashCode()) % 10_000, i);
      String to = test + i + "@test.example";
      ProcessFacts facts = new ProcessFacts("pi-" + test, "INC-2026-0001", "INC-2026-0001", "client-oiv", "client-oiv",
          "Client OIV", "Site Nord");
      Recipients recipients = new Recipients(List.of(new Recipients.Person(null, to, to)));
      RenderedMail rendered = new RenderedMail("notice", "Avis " + i, "Texte", "<html><body>HTML</body></html>");
      assertThat(outbox.insertIfAbsent(OutboxMail.pending(id, "notice:" + test + ":" + i, Kind.NOTICE, "notice", facts,
          null, null, null, null, recipients, rendered, List.of(), NOW))).isTrue();
      ids.add(id);
    }
    return ids;
  }

  /** How many times each of these mails reached the server. */
  private static Map<String, Long> receivedOnce(List<String> ids) {
    return smtp.receivedFor(ids).stream().collect(Collectors.groupingBy(TestSmtp::outboxId, Collectors.counting()));
  }

  private static long claimedRows(String database) {
    return JdbcClient.create(dataSource(database))
        .sql("select count(*) from mail_outbox where status = 'pending' and claimed_by is not null")
        .query(Long.class).single();
  }

  private static DataSource dataSource(String database) {
    return database.equals("H2") ? h2Pool : postgresPool;
  }

  private static HikariDataSource pool(DataSource dataSource) {
    HikariConfig config = new HikariConfig();
    config.setDataSource(dataSource);
    config.setMaximumPoolSize(8);
    return new HikariDataSource(config);
  }
}
