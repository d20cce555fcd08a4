package com.mileotech.cyber.reminder.mail;

import com.mileotech.cyber.system.Limits;
import com.mileotech.cyber.system.Refusal;
import com.mileotech.cyber.reminder.Notice;
import com.mileotech.cyber.reminder.mail.OutboxMail.Status;
import com.mileotech.cyber.security.CurrentUser;
import com.mileotech.cyber.security.Groups;
import com.mileotech.cyber.system.ApiException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The outbox for audits: who was told what, and when, about one incident or checklist. Staff see
 * every mail; a client RSSI only those of their own client; integrations nothing. Administrators
 * put failed mails back in the queue once SMTP works again.
 */
@RestController
@RequestMapping("/api/outbox")
class OutboxController {

  private static final int STATUS_LIMIT = 500;

  private final Outbox outbox;
  private final CurrentUser currentUser;

  OutboxController(Outbox outbox, CurrentUser currentUser) {
    this.outbox = outbox;
    this.currentUser = currentUser;
  }

  /** GET /api/outbox?reference=INC-2026-0001, or ?status=failed (the oldest 500). */
  @GetMapping
  List<Entry> list(@RequestParam(required = false) String reference, @RequestParam(required = false) String status) {
    currentUser.require(Groups.TECHNICIANS, Groups.PROJECT_MANAGERS, Groups.CYBER_REFERENT, Groups.ADMINISTRATORS,
        Groups.CLIENT_RSSI);
    boolean byReference = reference != null && !reference.isBlank();
    boolean byStatus = status != null && !status.isBlank();
    if (!byReference && !byStatus) {
      throw Refusal.field("reference", "obligatoire (ex. INC-2026-0001), ou bien status");
    }
    if (byReference && Limits.idProblem(reference) != null) {
      throw Refusal.field("reference", Limits.idProblem(reference));
    }
    if (byStatus && Limits.idProblem(status) != null) {
      throw Refusal.field("status", Limits.idProblem(status));
    }
    Status wanted = byStatus ? status(status) : null;
    List<OutboxMail> mails = byReference ? outbox.findByReference(reference.trim())
        : outbox.findByStatus(wanted, STATUS_LIMIT);
    return mails.stream()
        .filter(m -> wanted == null || m.status() == wanted)
        .filter(m -> m.clientId() == null ? isStaff() : currentUser.canSeeClient(m.clientId()))
        .map(Entry::of)
        .toList();
  }

  /** POST /api/outbox/retry-failed: every failed mail pending again, with a fresh set of attempts. */
  @PostMapping("/retry-failed")
  Map<String, Integer> retryFailed() {
    currentUser.require(Groups.ADMINISTRATORS);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    return Map.of("rearmed", outbox.rearmFailed(now));
  }

  private boolean isStaff() {
    return currentUser.isMemberOfAny(Groups.TECHNICIANS, Groups.PROJECT_MANAGERS, Groups.CYBER_REFERENT,
        Groups.ADMINISTRATORS);
  }

  private static Status status(String text) {
    try {
      return Status.valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw Refusal.field("status", "valeur inconnue " + Limits.quote(text) + " ; valeurs admises : "
          + Arrays.stream(Status.values()).map(Outbox::code).collect(Collectors.joining(", ")));
    }
  }

  /** One mail as the audit sees it (the attachments by name only). */
  record Entry(String id, String kind, String template, String reference, String clientId, String processInstanceId,
      String taskId, String deadline, Instant dueAt, Instant reminderAt, List<String> recipients,
      List<String> unreachable, String subject, String bodyText, List<String> attachments, String status, int attempts,
      Instant nextAttemptAt, String lastError, String skipReason, Instant createdAt, Instant sentAt) {

    static Entry of(OutboxMail m) {
      return new Entry(m.id(), Outbox.code(m.kind()), m.template(), m.reference(), m.clientId(), m.processInstanceId(),
          m.taskId(), m.deadlineName(), m.dueAt(), m.reminderAt(), m.recipients(), m.unreachable(), m.subject(),
          m.bodyText(), m.attachments().stream().map(Notice.Attachment::fileName).toList(), Outbox.code(m.status()),
          m.attempts(), m.status() == Status.PENDING ? m.nextAttemptAt() : null, m.lastError(), m.skipReason(),
          m.createdAt(), m.sentAt());
    }
  }
}
