package com.mileotech.cyber.reminder.mail;

import com.mileotech.cyber.reminder.Notice;
import com.mileotech.cyber.reminder.mail.OutboxMail.Kind;
import com.mileotech.cyber.reminder.mail.OutboxMail.Status;
import com.mileotech.cyber.system.outbox.OutboxQueue;
import com.mileotech.cyber.system.outbox.Retry;
import com.mileotech.cyber.system.outbox.Wakeup;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The mail outbox table (db/migration V20). Rows are written in the caller's transaction (the
 * process step's); the delivery statements each run on their own, so a claim is visible to every
 * node at once: claims, leases, retries and dead letters are the shared outbox kernel's
 * (system/outbox/OutboxQueue), the same as the webhook outbox's. Plain SQL that runs on H2 and
 * PostgreSQL alike.
 */
@Repository
public class Outbox {

  private final JdbcClient jdbc;
  private final TransactionTemplate savepoint;
  private final OutboxQueue queue;
  private final Wakeup written = new Wakeup();

  public Outbox(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.queue = new OutboxQueue(jdbc, "mail_outbox", "id");
    this.savepoint = new TransactionTemplate(transactionManager);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /** Tells the delivery workers (OutboxSchedule) of each pending mail written, after its commit. */
  Wakeup written() {
    return written;
  }

  /** The key of the reminder of {@code deadline} scheduled at {@code at}. */
  public static String reminderKey(String processInstanceId, String deadline, Instant at) {
    return String.join(":", "reminder", processInstanceId, deadline, at.toString());
  }

  /** The key of the escalation of {@code deadline} due at {@code dueAt} (a restarted deadline escalates again). */
  public static String escalationKey(String processInstanceId, String deadline, Instant dueAt) {
    return String.join(":", "escalation", processInstanceId, deadline, dueAt.toString());
  }

  /** The key of the notice {@code key} of a process instance, e.g. to find when the client RSSI was told. */
  public static String noticeKey(String processInstanceId, String key) {
    return String.join(":", "notice", processInstanceId, key);
  }

  public boolean exists(String idempotencyKey) {
    return jdbc.sql("select count(*) from mail_outbox where idempotency_key = ?").param(idempotencyKey)
        .query(Long.class).single() > 0;
  }

  /**
   * Writes the mail unless one with its idempotency key exists; false when it did. The unique
   * constraint on the key decides, not a lookup first: every caller has already asked
   * {@link #exists} in its transaction before rendering the mail (a second lookup here was one
   * statement per reminder of a deadline storm for nothing; docs/bench.md, "One reminder job,
   * profiled"). The insert runs under a savepoint: when a row with the same key is there (another
   * transaction wrote it in between, or a caller that did not ask), the constraint refuses it and
   * only the savepoint is rolled back, not the caller's transaction (PostgreSQL would otherwise
   * refuse every further statement of the process step).
   */
  public boolean insertIfAbsent(OutboxMail mail) {
    try {
      boolean inserted = Boolean.TRUE.equals(savepoint.execute(status -> {
        insert(mail);
        return true;
      }));
      if (inserted && mail.status() == Status.PENDING) {
        written.written(); // the sender's workers, once the step's transaction has committed
      }
      return inserted;
    } catch (DuplicateKeyException writtenMeanwhile) {
      return false;
    }
  }

  private void insert(OutboxMail mail) {
    jdbc.sql("""
        insert into mail_outbox (id, idempotency_key, kind, template, process_instance_id, business_key, reference,
          client_id, task_id, deadline_name, due_at, reminder_at, recipients, unreachable, subject, body_text, body_html,
          status, attempts, next_attempt_at, last_error, skip_reason, created_at)
        values (:id, :key, :kind, :template, :pi, :businessKey, :reference, :clientId, :taskId, :deadline, :dueAt,
          :reminderAt, :recipients, :unreachable, :subject, :text, :html, :status, :attempts, :next, :error, :skip, :created)
        """)
        .param("id", mail.id())
        .param("key", mail.idempotencyKey())
        .param("kind", code(mail.kind()))
        .param("template", mail.template())
        .param("pi", mail.processInstanceId())
        .param("businessKey", mail.businessKey())
        .param("reference", mail.reference())
        .param("clientId", mail.clientId())
        .param("taskId", mail.taskId())
        .param("deadline", mail.deadlineName())
        .param("dueAt", time(mail.dueAt()))
        .param("reminderAt", time(mail.reminderAt()))
        .param("recipients", String.join(", ", mail.recipients()))
        .param("unreachable", mail.unreachable().isEmpty() ? null : String.join("; ", mail.unreachable()))
        .param("subject", mail.subject())
        .param("text", mail.bodyText())
        .param("html", mail.bodyHtml())
        .param("status", code(mail.status()))
        .param("attempts", mail.attempts())
        .param("next", time(mail.nextAttemptAt()))
        .param("error", mail.lastError())
        .param("skip", mail.skipReason())
        .param("created", time(mail.createdAt()))
        .update();
    for (int i = 0; i < mail.attachments().size(); i++) {
      Notice.Attachment a = mail.attachments().get(i);
      jdbc.sql("insert into mail_outbox_attachment (mail_id, position, file_name, content_type, content) values (?, ?, ?, ?, ?)")
          .params(mail.id(), i, a.fileName(), a.contentType(), a.content())
          .update();
    }
  }

  public Optional<OutboxMail> find(String id) {
    return jdbc.sql("select * from mail_outbox where id = ?").param(id).query(this::row).optional()
        .map(this::withAttachments);
  }

  public Optional<OutboxMail> findByKey(String idempotencyKey) {
    return jdbc.sql("select * from mail_outbox where idempotency_key = ?").param(idempotencyKey).query(this::row)
        .optional().map(this::withAttachments);
  }

  /** Every mail about a process reference (INC-2026-0001...) or business key, oldest first. */
  public List<OutboxMail> findByReference(String reference) {
    return jdbc.sql("select * from mail_outbox where reference = ? or business_key = ? order by created_at, id")
        .params(reference, reference).query(this::row).list().stream().map(this::withAttachments).toList();
  }

  public List<OutboxMail> findByProcessInstance(String processInstanceId) {
    return jdbc.sql("select * from mail_outbox where process_instance_id = ? order by created_at, id")
        .param(processInstanceId).query(this::row).list().stream().map(this::withAttachments).toList();
  }

  public List<OutboxMail> findByStatus(Status status, int limit) {
    return jdbc.sql("select * from mail_outbox where status = ? order by created_at, id limit ?")
        .params(code(status), limit).query(this::row).list().stream().map(this::withAttachments).toList();
  }

  /** Ids of pending mails due now and claimed by nobody, the oldest first. */
  List<String> dueIds(Instant now, int limit) {
    return queue.dueIds(now, limit);
  }

  /**
   * Claims up to {@code limit} due mails for {@code node} until {@code until} in one statement
   * (system/outbox/OutboxQueue: of several nodes exactly one takes each mail) and reads them with
   * their attachments, the oldest first.
   */
  List<OutboxMail> claimDue(String node, Instant now, Instant until, int limit) {
    List<String> ids = queue.claimDue(node, now, until, limit);
    return ids.isEmpty() ? List.of() : findAll(ids);
  }

  /** Takes one mail for {@code node} until {@code until} if it is still pending, due and free. */
  boolean claim(String id, String node, Instant now, Instant until) {
    return queue.claim(id, node, now, until);
  }

  /** The mails of these ids with their attachments, the oldest first: two statements whatever their number. */
  List<OutboxMail> findAll(List<String> ids) {
    List<OutboxMail> mails = jdbc.sql("select * from mail_outbox where id in (:ids) order by next_attempt_at, id")
        .param("ids", ids).query(this::row).list();
    Map<String, List<Notice.Attachment>> attachments = new java.util.HashMap<>();
    jdbc.sql("""
            select mail_id, file_name, content_type, content from mail_outbox_attachment
            where mail_id in (:ids) order by mail_id, position""")
        .param("ids", ids)
        .query((rs, n) -> Map.entry(rs.getString("mail_id"), new Notice.Attachment(rs.getString("file_name"),
            rs.getString("content_type"), rs.getBytes("content"))))
        .list()
        .forEach(e -> attachments.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>()).add(e.getValue()));
    return mails.stream()
        .map(mail -> attachments.containsKey(mail.id()) ? mail.withAttachments(attachments.get(mail.id())) : mail)
        .toList();
  }

  /** Sent: claimed_by stays, naming the node that sent it. */
  void markSent(String id, String node, Instant now) {
    jdbc.sql("""
        update mail_outbox set status = 'sent', sent_at = ?, attempts = attempts + 1, last_error = null,
          claimed_until = null
        where id = ? and claimed_by = ?""")
        .params(time(now), id, node).update();
  }

  /** A claimed mail this node did not try after all (its SMTP connection broke first): due again at once. */
  void release(String id, String node) {
    queue.release(id, node);
  }

  /**
   * At a node's start: what it had claimed before it stopped is free again (a node that died mid-round
   * would otherwise keep its mails until the lease ends). Node ids are unique among running nodes.
   */
  int releaseClaimsOf(String node) {
    return queue.releaseClaimsOf(node);
  }

  void markSkipped(String id, String node, String reason) {
    jdbc.sql("""
        update mail_outbox set status = 'skipped', skip_reason = ?, claimed_by = null, claimed_until = null
        where id = ? and claimed_by = ?""")
        .params(reason, id, node).update();
  }

  /** A failed attempt: retried when the outcome says, or marked failed when it gives up. */
  void markAttemptFailed(String id, String node, String error, Retry.Outcome outcome) {
    queue.attemptFailed(id, node, outcome, error, Map.of());
  }

  /** Marks the mail as shown in the log; true only for the first caller. */
  boolean markLogged(String id, Instant now) {
    return jdbc.sql("update mail_outbox set logged_at = ? where id = ? and logged_at is null")
        .params(time(now), id).update() == 1;
  }

  /** Pending mails not yet shown in the log (while no SMTP server is configured). */
  List<String> unloggedPendingIds(int limit) {
    return jdbc.sql("select id from mail_outbox where status = 'pending' and logged_at is null order by created_at, id limit ?")
        .param(limit).query(String.class).list();
  }

  /** Puts failed mails back in the queue with a fresh set of attempts; returns how many. */
  public int rearmFailed(Instant now) {
    return queue.rearmFailed(now);
  }

  /**
   * How many mails per status, how many pending ones are overdue by more than {@code stuckAfter},
   * how many wait for another attempt after a failed one, since when the oldest pending mail waits,
   * and the error of the latest failed attempt among pending mails.
   */
  Counts counts(Instant stuckBefore) {
    Map<String, Long> byStatus = queue.countsByStatus();
    long stuck = jdbc.sql("select count(*) from mail_outbox where status = 'pending' and next_attempt_at < ?")
        .param(time(stuckBefore)).query(Long.class).single();
    long retrying = queue.retrying();
    Instant oldestPending = jdbc.sql("select min(created_at) as oldest from mail_outbox where status = 'pending'")
        .query((rs, n) -> Optional.ofNullable(instant(rs, "oldest"))).single().orElse(null);
    String lastError = jdbc.sql("""
        select last_error from mail_outbox where status = 'pending' and attempts > 0 and last_error is not null
        order by next_attempt_at desc, id limit 1""")
        .query(String.class).optional().orElse(null);
    return new Counts(byStatus.getOrDefault("pending", 0L), byStatus.getOrDefault("failed", 0L), stuck, retrying,
        oldestPending, lastError);
  }

  /** The outbox at a glance, for the health endpoint; {@code oldestPending} is null when nothing waits. */
  record Counts(long pending, long failed, long stuck, long retrying, Instant oldestPending, String lastError) {}

  private OutboxMail row(ResultSet rs, int n) throws SQLException {
    return new OutboxMail(rs.getString("id"), rs.getString("idempotency_key"), kind(rs.getString("kind")),
        rs.getString("template"), rs.getString("process_instance_id"), rs.getString("business_key"),
        rs.getString("reference"), rs.getString("client_id"), rs.getString("task_id"), rs.getString("deadline_name"),
        instant(rs, "due_at"), instant(rs, "reminder_at"), split(rs.getString("recipients"), ","),
        split(rs.getString("unreachable"), ";"), rs.getString("subject"), rs.getString("body_text"),
        rs.getString("body_html"), List.of(), status(rs.getString("status")), rs.getInt("attempts"),
        instant(rs, "next_attempt_at"), rs.getString("last_error"), rs.getString("skip_reason"),
        instant(rs, "created_at"), instant(rs, "sent_at"), rs.getString("claimed_by"));
  }

  private OutboxMail withAttachments(OutboxMail mail) {
    List<Notice.Attachment> attachments = jdbc.sql(
            "select file_name, content_type, content from mail_outbox_attachment where mail_id = ? order by position")
        .param(mail.id())
        .query((rs, n) -> new Notice.Attachment(rs.getString("file_name"), rs.getString("content_type"),
            rs.getBytes("content")))
        .list();
    return attachments.isEmpty() ? mail : mail.withAttachments(attachments);
  }

  private static List<String> split(String joined, String separator) {
    if (joined == null || joined.isBlank()) {
      return List.of();
    }
    return Arrays.stream(joined.split(separator)).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static OffsetDateTime time(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  static String code(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  private static Kind kind(String code) {
    return Kind.valueOf(code.toUpperCase(Locale.ROOT));
  }

  private static Status status(String code) {
    return Status.valueOf(code.toUpperCase(Locale.ROOT));
  }
}
