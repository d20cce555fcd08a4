package com.mileotech.cyber.events;

import static com.mileotech.cyber.system.DbTime.instant;
import static com.mileotech.cyber.system.DbTime.utc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mileotech.cyber.system.outbox.OutboxQueue;
import com.mileotech.cyber.system.outbox.Retry;
import com.mileotech.cyber.system.outbox.Wakeup;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The webhook outbox (db/migration V82): events written in the caller's transaction (the process
 * step's) with one delivery per matching subscriber; the delivery statements each run on their own,
 * so a claim is visible to every node at once. Claims, leases, retries and dead letters are the shared
 * outbox kernel's (system/outbox/OutboxQueue), the same as the mail outbox's (docs/reminders.md).
 */
@Repository
class WebhookOutbox {

  static final String SPEC_VERSION = "1.0";
  static final String CONTENT_TYPE = "application/json";

  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final WebhookProperties properties;
  private final TransactionTemplate savepoint;
  private final OutboxQueue queue;
  private final Wakeup written = new Wakeup();

  WebhookOutbox(JdbcClient jdbc, ObjectMapper json, WebhookProperties properties,
      PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.json = json;
    this.properties = properties;
    this.queue = new OutboxQueue(jdbc, "webhook_delivery", "seq");
    this.savepoint = new TransactionTemplate(transactionManager);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /**
   * Writes the event and one pending delivery per active subscriber that may see it, unless an
   * event with its occurrence key exists or no subscriber may see it; returns the event id, empty
   * when nothing was written. The insert
   * runs under a savepoint, as in the mail outbox: a concurrent duplicate only rolls that back.
   */
  Optional<String> record(CaseEvent event, Instant now) {
    // the subscribers first: with none (most steps of most clients) the key need not be looked up,
    // one statement less per step (a reminder job of a deadline storm; docs/bench.md)
    List<String> subscribers = subscribersOf(event);
    if (subscribers.isEmpty()) {
      return Optional.empty(); // nobody to tell: the case's own history keeps the step
    }
    if (eventExists(event.occurrenceKey())) {
      return Optional.empty();
    }
    String id = UUID.randomUUID().toString();
    String body = envelope(id, event, now);
    try {
      Optional<String> recorded = Optional.ofNullable(savepoint.execute(status -> {
        jdbc.sql("""
            insert into webhook_event (id, idempotency_key, type, source, subject, client_id, occurred_at, body)
            values (?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(id, event.occurrenceKey(), event.type().type(), source(event), event.reference(), event.clientId(),
                utc(now), body)
            .update();
        for (String subscription : subscribers) {
          jdbc.sql("""
              insert into webhook_delivery (id, event_id, subscription_id, status, attempts, next_attempt_at, created_at)
              values (?, ?, ?, 'pending', 0, ?, ?)""")
              .params(UUID.randomUUID().toString(), id, subscription, utc(now), utc(now))
              .update();
        }
        return id;
      }));
      recorded.ifPresent(eventId -> written.written()); // the delivery workers, after the step's commit
      return recorded;
    } catch (DuplicateKeyException writtenMeanwhile) {
      return Optional.empty();
    }
  }

  /** Tells the delivery workers (WebhookSchedule) of each event written, after its commit. */
  Wakeup written() {
    return written;
  }

  private boolean eventExists(String key) {
    return jdbc.sql("select count(*) from webhook_event where idempotency_key = ?").param(key)
        .query(Long.class).single() > 0;
  }

  /**
   * The active subscriptions that get this event: those of its client and the Mileo-wide ones
   * (no client); an event of no client goes to the Mileo-wide ones only. Then the type filter.
   */
  private List<String> subscribersOf(CaseEvent event) {
    return jdbc.sql("""
        select id, event_types from webhook_subscription
        where active = true and deleted_at is null and (client_id is null or client_id = ?)
        order by created_at, id""")
        .param(event.clientId() == null ? "" : event.clientId())
        .query((rs, n) -> Map.entry(rs.getString("id"), Subscription.types(rs.getString("event_types"))))
        .list().stream()
        .filter(e -> e.getValue().isEmpty() || e.getValue().contains(event.type()))
        .map(Map.Entry::getKey)
        .toList();
  }

  private String source(CaseEvent event) {
    return properties.source() + "/" + event.source();
  }

  /** The CloudEvents 1.0 structured-mode JSON of the event: what is delivered and signed, byte for byte. */
  private String envelope(String id, CaseEvent event, Instant now) {
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("specversion", SPEC_VERSION);
    envelope.put("id", id);
    envelope.put("source", source(event));
    envelope.put("type", event.type().type());
    envelope.put("time", now.toString());
    if (event.reference() != null) {
      envelope.put("subject", event.reference());
    }
    envelope.put("datacontenttype", CONTENT_TYPE);
    envelope.put("data", event.data());
    try {
      return json.writeValueAsString(envelope);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Event " + event.type() + " not serializable", e);
    }
  }

  // ---------- delivery

  /** Ids of pending deliveries due now and claimed by nobody, the oldest first. */
  List<String> dueIds(Instant now, int limit) {
    return queue.dueIds(now, limit);
  }

  /** Takes one delivery for {@code node} until {@code until} if still pending, due and free: one UPDATE. */
  boolean claim(String id, String node, Instant now, Instant until) {
    return queue.claim(id, node, now, until);
  }

  /**
   * Claims up to {@code limit} due deliveries for {@code node} until {@code until} in one statement
   * (system/outbox/OutboxQueue: of several nodes exactly one takes each) and reads what they send,
   * in the order they are due.
   */
  List<Delivery> claimDue(String node, Instant now, Instant until, int limit) {
    List<String> ids = queue.claimDue(node, now, until, limit);
    return ids.isEmpty() ? List.of() : deliveries(ids);
  }

  /** What these deliveries send, where, and with which secret, in the order they are due: one statement. */
  private List<Delivery> deliveries(List<String> ids) {
    return jdbc.sql("""
        select d.id, d.event_id, d.attempts, e.body, e.type, e.subject, s.url, s.secret, s.id as subscription_id,
          s.active, s.deleted_at
        from webhook_delivery d join webhook_event e on e.id = d.event_id
          join webhook_subscription s on s.id = d.subscription_id
        where d.id in (:ids)
        order by d.next_attempt_at, d.seq""")
        .param("ids", ids)
        .query((rs, n) -> new Delivery(rs.getString("id"), rs.getString("event_id"), rs.getString("subscription_id"),
            rs.getString("type"), rs.getString("subject"), rs.getString("url"), rs.getString("secret"),
            rs.getString("body"), rs.getInt("attempts"),
            rs.getBoolean("active") && rs.getObject("deleted_at") == null))
        .list();
  }

  record Delivery(String id, String eventId, String subscriptionId, String type, String subject, String url,
      String secret, String body, int attempts, boolean subscriptionActive) {}

  void markDelivered(String id, String node, int httpStatus, Instant now) {
    jdbc.sql("""
        update webhook_delivery set status = 'delivered', delivered_at = ?, attempts = attempts + 1, last_status = ?,
          last_error = null, claimed_until = null
        where id = ? and claimed_by = ?""")
        .params(utc(now), httpStatus, id, node).update();
  }

  void markAttemptFailed(String id, String node, Integer httpStatus, String error, Retry.Outcome outcome) {
    Map<String, Object> lastStatus = new LinkedHashMap<>();
    lastStatus.put("last_status", httpStatus);
    queue.attemptFailed(id, node, outcome, error, lastStatus);
  }

  void markCancelled(String id, String node) {
    jdbc.sql("update webhook_delivery set status = 'cancelled', claimed_by = null, claimed_until = null "
        + "where id = ? and claimed_by = ?").params(id, node).update();
  }

  /** A claimed delivery this node did not try after all (it is stopping): due again at once. */
  void release(String id, String node) {
    queue.release(id, node);
  }

  /** At a node's start: its claims from before it stopped are free again. */
  int releaseClaimsOf(String node) {
    return queue.releaseClaimsOf(node);
  }

  /** Failed deliveries pending again with a fresh set of attempts; returns how many. */
  int rearmFailed(Instant now) {
    return queue.rearmFailed(now);
  }

  /** Deliveries per status, every subscription (the health endpoint). */
  Map<String, Long> deliveryCounts() {
    return queue.countsByStatus();
  }

  /** Pending deliveries that already failed at least once. */
  long retryingCount() {
    return queue.retrying();
  }

  /** Deliveries per status of one subscription, for its administrator. */
  Map<String, Long> deliveryCounts(String subscriptionId) {
    Map<String, Long> counts = new LinkedHashMap<>();
    jdbc.sql("select status, count(*) as n from webhook_delivery where subscription_id = ? group by status order by status")
        .param(subscriptionId)
        .query((rs, n) -> Map.entry(rs.getString("status"), rs.getLong("n"))).list()
        .forEach(e -> counts.put(e.getKey(), e.getValue()));
    return counts;
  }

  // ---------- subscriptions

  void insertSubscription(Subscription s, String secret) {
    jdbc.sql("""
        insert into webhook_subscription (id, name, url, client_id, event_types, secret, active, created_at, created_by)
        values (?, ?, ?, ?, ?, ?, true, ?, ?)""")
        .params(s.id(), s.name(), s.url(), s.clientId(), Subscription.typesText(s.eventTypes()), secret,
            utc(s.createdAt()), s.createdBy())
        .update();
  }

  List<Subscription> subscriptions() {
    return jdbc.sql("select * from webhook_subscription where deleted_at is null order by created_at, id")
        .query((rs, n) -> new Subscription(rs.getString("id"), rs.getString("name"), rs.getString("url"),
            rs.getString("client_id"), Subscription.types(rs.getString("event_types")), instant(rs, "created_at"),
            rs.getString("created_by")))
        .list();
  }

  Optional<Subscription> subscription(String id) {
    return subscriptions().stream().filter(s -> s.id().equals(id)).findFirst();
  }

  /** Deletes the subscription (kept for the audit, marked deleted) and cancels what it still owed. */
  boolean deleteSubscription(String id, String by, Instant now) {
    int changed = jdbc.sql("update webhook_subscription set active = false, deleted_at = ?, deleted_by = ? "
        + "where id = ? and deleted_at is null").params(utc(now), by, id).update();
    jdbc.sql("update webhook_delivery set status = 'cancelled' where subscription_id = ? and status in ('pending', 'failed')")
        .param(id).update();
    return changed == 1;
  }
}
