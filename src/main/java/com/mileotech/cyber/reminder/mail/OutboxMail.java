package com.mileotech.cyber.reminder.mail;

import com.mileotech.cyber.reminder.Notice;
import java.time.Instant;
import java.util.List;

/**
 * One mail of the outbox, complete: whom to, what, about which process and task, and where its
 * delivery stands.
 */
public record OutboxMail(
    String id,
    String idempotencyKey,
    Kind kind,
    String template,
    String processInstanceId,
    String businessKey,
    String reference,
    String clientId,
    String taskId,
    String deadlineName,
    Instant dueAt,
    Instant reminderAt,
    List<String> recipients,
    List<String> unreachable,
    String subject,
    String bodyText,
    String bodyHtml,
    List<Notice.Attachment> attachments,
    Status status,
    int attempts,
    Instant nextAttemptAt,
    String lastError,
    String skipReason,
    Instant createdAt,
    Instant sentAt,
    String claimedBy) {

  public OutboxMail {
    recipients = recipients == null ? List.of() : List.copyOf(recipients);
    unreachable = unreachable == null ? List.of() : List.copyOf(unreachable);
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }

  /** What a mail is about. */
  public enum Kind { REMINDER, ESCALATION, NOTICE }

  /** Where its delivery stands. */
  public enum Status { PENDING, SENT, FAILED, SKIPPED }

  /** A new mail, pending from {@code now}. */
  static OutboxMail pending(String id, String key, Kind kind, String template, ProcessFacts facts, String taskId,
      String deadlineName, Instant dueAt, Instant reminderAt, Recipients recipients, RenderedMail mail,
      List<Notice.Attachment> attachments, Instant now) {
    return new OutboxMail(id, key, kind, template, facts.processInstanceId(), facts.businessKey(), facts.reference(),
        facts.clientId(), taskId, deadlineName, dueAt, reminderAt, recipients.addresses(), recipients.unreachable(),
        mail.subject(), mail.text(), mail.html(), attachments, Status.PENDING, 0, now, null, null, now, null, null);
  }

  OutboxMail withAttachments(List<Notice.Attachment> files) {
    return new OutboxMail(id, idempotencyKey, kind, template, processInstanceId, businessKey, reference, clientId,
        taskId, deadlineName, dueAt, reminderAt, recipients, unreachable, subject, bodyText, bodyHtml, files, status,
        attempts, nextAttemptAt, lastError, skipReason, createdAt, sentAt, claimedBy);
  }

  /** The same mail, not to be sent, and why. */
  OutboxMail skipped(String reason) {
    return new OutboxMail(id, idempotencyKey, kind, template, processInstanceId, businessKey, reference, clientId,
        taskId, deadlineName, dueAt, reminderAt, recipients, unreachable, subject, bodyText, bodyHtml, attachments,
        Status.SKIPPED, attempts, nextAttemptAt, lastError, reason, createdAt, sentAt, claimedBy);
  }
}
