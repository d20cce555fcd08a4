package com.mileotech.cyber.system.outbox;

import static com.mileotech.cyber.system.DbTime.utc;

import com.mileotech.cyber.system.Published;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The delivery side of an outbox table, shared by the mail outbox and the webhook outbox: which
 * rows are due, claims with a lease (so that of several nodes exactly one sends a row), release,
 * re-arming failed rows (the dead letters), a failed attempt, and the counts the health endpoints
 * show. Each statement runs on its own (no caller transaction): a claim is visible to every node at
 * once.
 *
 * <p>The table has the columns {@code id}, {@code status} ({@code pending}, {@code failed} and
 * the kinds of done its owner writes), {@code attempts}, {@code next_attempt_at},
 * {@code last_error}, {@code claimed_by}, {@code claimed_until}. Table and column names are
 * constants of the owning outbox, never input.
 */
@Published
public final class OutboxQueue {

  private static final int MAX_ERROR = 2000;

  private final JdbcClient jdbc;
  private final String table;
  private final String order;
  private volatile Boolean postgres;
  /** H2: this node's claims one at a time (see claimDue). */
  private final ReentrantLock h2Claims = new ReentrantLock();

  /**
   * @param table the outbox table
   * @param tieBreak the column ordering rows due at the same instant (the order they were written in)
   */
  public OutboxQueue(JdbcClient jdbc, String table, String tieBreak) {
    this.jdbc = jdbc;
    this.table = table;
    this.order = "next_attempt_at, " + tieBreak;
  }

  private String due() {
    return "status = 'pending' and next_attempt_at <= :now and (claimed_until is null or claimed_until < :now)";
  }

  /** Ids of pending rows due now and claimed by nobody, the oldest first. */
  public List<String> dueIds(Instant now, int limit) {
    return jdbc.sql("select id from " + table + " where " + due() + " order by " + order + " limit :limit")
        .param("now", utc(now)).param("limit", limit).query(String.class).list();
  }

  /**
   * Claims up to {@code limit} due rows for {@code node} until {@code until}, the oldest first, in
   * one statement; returns their ids (in no particular order). The rows are picked
   * {@code FOR UPDATE SKIP LOCKED}: two nodes claiming at once take different rows instead of
   * waiting for each other, and the claim itself re-checks that each row is still due and free, so
   * no row is ever claimed by two nodes. On PostgreSQL the claimed ids come back with
   * {@code RETURNING}; on H2 (one process) the due ids are read first, then claimed by primary key,
   * the claimed ones read from the statement's {@code FINAL TABLE}; the claims of this node's workers
   * go one at a time, so that each worker's pick starts after the previous claim and takes the next
   * rows instead of the same ones (which the re-check would then refuse, leaving a worker an empty
   * batch in the middle of a storm).
   */
  public List<String> claimDue(String node, Instant now, Instant until, int limit) {
    String set = "update " + table + " set claimed_by = :node, claimed_until = :until";
    if (!postgres()) {
      // H2: pick the ids, then claim those still due and free, by primary key. A locking subquery
      // inside the UPDATE is evaluated again for every row H2 looks at (measured: minutes for a
      // 500-mail storm); an H2 file belongs to one process, so there is no other node to skip
      h2Claims.lock();
      try {
        List<String> picked = dueIds(now, limit);
        if (picked.isEmpty()) {
          return List.of();
        }
        return jdbc.sql("select id from final table (" + set + " where id in (:ids) and " + due() + ")")
            .param("node", node).param("until", utc(until)).param("now", utc(now)).param("ids", picked)
            .query(String.class).list();
      } finally {
        h2Claims.unlock();
      }
    }
    // PostgreSQL: the pick in a materialized CTE, run once; as an IN (subquery) the planner may
    // run it again while updating, and a LIMIT ... SKIP LOCKED run twice takes twice as many rows
    String pick = "select id from " + table + " where " + due() + " order by " + order
        + " limit :limit for update skip locked";
    return jdbc.sql("with picked as materialized (" + pick + ") " + set + " from picked where " + table
            + ".id = picked.id and " + due() + " returning " + table + ".id")
        .param("node", node).param("until", utc(until)).param("now", utc(now)).param("limit", limit)
        .query(String.class).list();
  }

  /** Claims one row if it is still pending, due and free: one UPDATE, of two nodes exactly one wins. */
  public boolean claim(String id, String node, Instant now, Instant until) {
    return jdbc.sql("update " + table + " set claimed_by = :node, claimed_until = :until where id = :id and " + due())
        .param("node", node).param("until", utc(until)).param("id", id).param("now", utc(now)).update() == 1;
  }

  /** A claimed row this node did not try after all: due again at once, no attempt counted. */
  public void release(String id, String node) {
    jdbc.sql("update " + table + " set claimed_by = null, claimed_until = null"
            + " where id = ? and claimed_by = ? and status = 'pending'")
        .params(id, node).update();
  }

  /**
   * At a node's start: what it had claimed before it stopped is free again at once rather than
   * after the lease (node ids are unique among running nodes); returns how many rows.
   */
  public int releaseClaimsOf(String node) {
    return jdbc.sql("update " + table + " set claimed_by = null, claimed_until = null"
            + " where claimed_by = ? and status = 'pending'")
        .param(node).update();
  }

  /**
   * A failed attempt of a row this node holds: retried at the outcome's time, or failed for good
   * (a dead letter, until {@link #rearmFailed}). {@code alsoSet} are further columns of the owner
   * (e.g. the last HTTP status), set in the same statement.
   */
  public void attemptFailed(String id, String node, Retry.Outcome outcome, String error, Map<String, Object> alsoSet) {
    StringBuilder set = new StringBuilder("attempts = attempts + 1, last_error = :error, next_attempt_at = :next,"
        + " status = :status, claimed_by = null, claimed_until = null");
    alsoSet.keySet().forEach(column -> set.append(", ").append(column).append(" = :").append(column));
    JdbcClient.StatementSpec statement = jdbc.sql("update " + table + " set " + set
            + " where id = :id and claimed_by = :node")
        .param("error", truncate(error)).param("next", utc(outcome.nextAttemptAt()))
        .param("status", outcome.giveUp() ? "failed" : "pending").param("id", id).param("node", node);
    for (Map.Entry<String, Object> column : alsoSet.entrySet()) {
      statement = statement.param(column.getKey(), column.getValue());
    }
    statement.update();
  }

  /** Puts the failed rows (dead letters) back in the queue with a fresh set of attempts; returns how many. */
  public int rearmFailed(Instant now) {
    return jdbc.sql("update " + table + " set status = 'pending', attempts = 0, next_attempt_at = ?, claimed_by = null,"
            + " claimed_until = null where status = 'failed'")
        .param(utc(now)).update();
  }

  /** Rows per status. */
  public Map<String, Long> countsByStatus() {
    Map<String, Long> counts = new LinkedHashMap<>();
    jdbc.sql("select status, count(*) as n from " + table + " group by status order by status")
        .query((rs, n) -> Map.entry(rs.getString("status"), rs.getLong("n"))).list()
        .forEach(e -> counts.put(e.getKey(), e.getValue()));
    return counts;
  }

  /** Pending rows that failed at least once (waiting for another attempt). */
  public long retrying() {
    return jdbc.sql("select count(*) from " + table + " where status = 'pending' and attempts > 0")
        .query(Long.class).single();
  }

  private boolean postgres() {
    Boolean known = postgres;
    if (known == null) {
      ResultSetExtractor<Boolean> product = rs -> rs.getStatement().getConnection().getMetaData()
          .getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
      known = jdbc.sql("select 1").query(product);
      postgres = known;
    }
    return known;
  }

  static String truncate(String error) {
    return error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
  }
}
