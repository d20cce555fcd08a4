package com.mileotech.cyber.system.outbox;

import static com.mileotech.cyber.system.DbTime.utc;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The shared outbox kernel's claims on a real PostgreSQL (embedded) and on H2: a batch claim takes
 * the oldest due rows free of any claim, never a row another node holds; concurrent claimers never
 * take the same row; on PostgreSQL a claimer skips the rows another one has locked instead of
 * waiting for it ({@code FOR UPDATE SKIP LOCKED}); retries, dead letters, re-arming and counts. A
 * table of the outbox shape of its own, so that no Spring context or migration is needed.
 */
class OutboxQueueTest {

  private static final Instant NOW = Instant.parse("2026-03-02T13:30:00Z");
  private static final Duration LEASE = Duration.ofMinutes(5);

  private static EmbeddedPostgres postgres;
  private static HikariDataSource postgresPool;
  private static HikariDataSource h2Pool;

  @BeforeAll
  static void start() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
    HikariConfig pg = new HikariConfig();
    pg.setDataSource(postgres.getPostgresDatabase());
    pg.setMaximumPoolSize(8);
    postgresPool = new HikariDataSource(pg);
    HikariConfig h2 = new HikariConfig();
    h2.setJdbcUrl("jdbc:h2:mem:outbox-queue;DB_CLOSE_DELAY=-1");
    h2.setMaximumPoolSize(8);
    h2Pool = new HikariDataSource(h2);
  }

  @AfterAll
  static void stop() throws IOException {
    h2Pool.close();
    postgresPool.close();
    postgres.close();
  }

  static Stream<String> databases() {
    return Stream.of("postgres", "h2");
  }

  private static DataSource dataSource(String database) {
    return database.equals("postgres") ? postgresPool : h2Pool;
  }

  /** A fresh outbox table with {@code count} pending rows, row i due at NOW - (count - i) s. */
  private static OutboxQueue queue(String database, int count) {
    JdbcClient jdbc = JdbcClient.create(dataSource(database));
    jdbc.sql("drop table if exists test_outbox").update();
    jdbc.sql("""
        create table test_outbox (
          id varchar(36) not null primary key,
          seq bigint generated always as identity,
          status varchar(16) not null,
          attempts integer not null,
          next_attempt_at timestamp with time zone not null,
          last_error varchar(2000),
          last_status integer,
          claimed_by varchar(128),
          claimed_until timestamp with time zone)""").update();
    for (int i = 0; i < count; i++) {
      jdbc.sql("insert into test_outbox (id, status, attempts, next_attempt_at) values (?, 'pending', 0, ?)")
          .params(id(i), utc(NOW.minusSeconds(count - i))).update();
    }
    return new OutboxQueue(jdbc, "test_outbox", "seq");
  }

  private static String id(int i) {
    return String.format("row-%03d", i);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aBatchClaimTakesTheOldestDueRowsThatNobodyHolds(String database) {
    OutboxQueue queue = queue(database, 10);
    JdbcClient jdbc = JdbcClient.create(dataSource(database));
    // row 0 is held by a live claim of another node, row 9 is not due yet
    assertThat(queue.claim(id(0), "node-b", NOW, NOW.plus(LEASE))).isTrue();
    jdbc.sql("update test_outbox set next_attempt_at = ? where id = ?").params(utc(NOW.plusSeconds(60)), id(9)).update();

    List<String> claimed = queue.claimDue("node-a", NOW, NOW.plus(LEASE), 4);
    assertThat(claimed).containsExactlyInAnyOrder(id(1), id(2), id(3), id(4));
    assertThat(jdbc.sql("select count(*) from test_outbox where claimed_by = 'node-a' and claimed_until = ?")
        .param(utc(NOW.plus(LEASE))).query(Long.class).single()).isEqualTo(4);
    assertThat(queue.claimDue("node-a", NOW, NOW.plus(LEASE), 10))
        .containsExactlyInAnyOrder(id(5), id(6), id(7), id(8));
    assertThat(queue.claimDue("node-a", NOW, NOW.plus(LEASE), 10)).isEmpty();
    assertThat(queue.dueIds(NOW, 10)).isEmpty();

    // once the leases have ended (the nodes died), every due row is free again (row 9 due by then)
    Instant later = NOW.plus(LEASE).plusSeconds(1);
    assertThat(queue.claimDue("node-c", later, later.plus(LEASE), 100)).hasSize(10);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void concurrentClaimersNeverTakeTheSameRow(String database) throws Exception {
    int rows = 120;
    OutboxQueue queue = queue(database, rows);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    ConcurrentLinkedQueue<String> taken = new ConcurrentLinkedQueue<>();
    try {
      List<Future<?>> nodes = new ArrayList<>();
      for (int n = 0; n < 4; n++) {
        String node = "node-" + n;
        nodes.add(pool.submit(() -> {
          for (List<String> batch = queue.claimDue(node, NOW, NOW.plus(LEASE), 7); !batch.isEmpty();
              batch = queue.claimDue(node, NOW, NOW.plus(LEASE), 7)) {
            taken.addAll(batch);
          }
          return null;
        }));
      }
      for (Future<?> node : nodes) {
        node.get(5, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(taken).hasSize(rows).doesNotHaveDuplicates();
  }

  /**
   * H2: the workers of a node (one queue) claim one after the other, so that in a storm each claim
   * takes a full batch of the next rows, never the rows another worker has just taken (which the
   * claim's re-check would refuse, leaving that worker an empty batch while rows remain). 120 rows
   * in claims of 7 by 4 workers at once: seventeen claims of 7 and one of 1, whatever the order.
   */
  @Test
  void onH2TheConcurrentClaimsOfANodeEachTakeAFullBatchWhileRowsRemain() throws Exception {
    OutboxQueue queue = queue("h2", 120);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    ConcurrentLinkedQueue<Integer> sizes = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> taken = new ConcurrentLinkedQueue<>();
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int n = 0; n < 4; n++) {
        workers.add(pool.submit(() -> {
          for (List<String> batch = queue.claimDue("node-a", NOW, NOW.plus(LEASE), 7); !batch.isEmpty();
              batch = queue.claimDue("node-a", NOW, NOW.plus(LEASE), 7)) {
            sizes.add(batch.size());
            taken.addAll(batch);
          }
          return null;
        }));
      }
      for (Future<?> worker : workers) {
        worker.get(5, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(taken).hasSize(120).doesNotHaveDuplicates();
    List<Integer> expected = new ArrayList<>(java.util.Collections.nCopies(17, 7));
    expected.add(1);
    assertThat(sizes).containsExactlyInAnyOrderElementsOf(expected);
  }

  /**
   * PostgreSQL: while node A's claim is not committed (its rows locked), node B's claim takes the
   * next rows at once rather than waiting for A (B's answer is awaited inside A's transaction: a
   * claim that waited for A's locks would never come).
   */
  @Test
  void onPostgresAClaimSkipsTheRowsAnotherClaimHoldsLocked() throws Exception {
    OutboxQueue queue = queue("postgres", 6);
    TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(postgresPool));
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      List<List<String>> claims = transaction.execute(status -> {
        List<String> a = queue.claimDue("node-a", NOW, NOW.plus(LEASE), 3);
        try {
          List<String> b = other.submit(() -> queue.claimDue("node-b", NOW, NOW.plus(LEASE), 3))
              .get(2, TimeUnit.MINUTES);
          return List.of(a, b);
        } catch (Exception e) {
          throw new AssertionError("node B waited for node A's locked rows", e);
        }
      });
      assertThat(claims.get(0)).containsExactlyInAnyOrder(id(0), id(1), id(2));
      assertThat(claims.get(1)).containsExactlyInAnyOrder(id(3), id(4), id(5));
    } finally {
      other.shutdownNow();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void failedAttemptsBackOffThenRestAsDeadLettersUntilReArmed(String database) {
    OutboxQueue queue = queue(database, 2);
    JdbcClient jdbc = JdbcClient.create(dataSource(database));
    Retry retry = new Retry(Duration.ofMinutes(1), 2, Duration.ofMinutes(3), 3);
    assertThat(List.of(retry.backoff(1), retry.backoff(2), retry.backoff(3), retry.backoff(4)))
        .containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(3), Duration.ofMinutes(3));
    assertThat(new Retry(null, 0, Duration.ofHours(2), 0).or(retry)).isEqualTo(new Retry(Duration.ofMinutes(1), 2,
        Duration.ofHours(2), 3));

    assertThat(queue.claimDue("node-a", NOW, NOW.plus(LEASE), 10)).hasSize(2);
    Retry.Outcome first = retry.afterFailure(0, NOW);
    assertThat(first).isEqualTo(new Retry.Outcome(1, false, Duration.ofMinutes(1), NOW.plus(Duration.ofMinutes(1))));
    queue.attemptFailed(id(0), "node-a", first, "HTTP 503", Map.of("last_status", 503));
    // an attempt reported by a node that does not hold the row changes nothing
    queue.attemptFailed(id(1), "node-b", first, "not mine", Map.of());
    queue.attemptFailed(id(1), "node-a", retry.afterFailure(2, NOW), "gave up", Map.of());

    assertThat(jdbc.sql("select status, attempts, last_error, last_status, claimed_by from test_outbox order by id")
        .query((rs, n) -> rs.getString(1) + "/" + rs.getInt(2) + "/" + rs.getString(3) + "/" + rs.getObject(4)
            + "/" + rs.getString(5)).list())
        .containsExactly("pending/1/HTTP 503/503/null", "failed/1/gave up/null/null");
    assertThat(queue.countsByStatus()).containsExactly(Map.entry("failed", 1L), Map.entry("pending", 1L));
    assertThat(queue.retrying()).isEqualTo(1);
    assertThat(queue.dueIds(NOW, 10)).isEmpty(); // the retry waits a minute
    assertThat(queue.dueIds(NOW.plus(Duration.ofMinutes(1)), 10)).containsExactly(id(0));

    assertThat(queue.rearmFailed(NOW)).isEqualTo(1);
    assertThat(queue.dueIds(NOW, 10)).containsExactly(id(1));
    assertThat(queue.countsByStatus()).containsExactly(Map.entry("pending", 2L));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aRestartedNodeFreesItsOwnClaimsAndAReleasedRowIsDueAtOnce(String database) {
    OutboxQueue queue = queue(database, 3);
    assertThat(queue.claimDue("node-a", NOW, NOW.plus(LEASE), 2)).hasSize(2);
    assertThat(queue.claimDue("node-b", NOW, NOW.plus(LEASE), 2)).containsExactly(id(2));
    assertThat(queue.releaseClaimsOf("node-a")).isEqualTo(2);
    queue.release(id(2), "node-a"); // not its claim: stays node B's
    Set<String> due = new HashSet<>(queue.dueIds(NOW, 10));
    assertThat(due).containsExactlyInAnyOrder(id(0), id(1));
    queue.release(id(2), "node-b");
    assertThat(queue.dueIds(NOW, 10)).containsExactly(id(0), id(1), id(2));
  }
}
