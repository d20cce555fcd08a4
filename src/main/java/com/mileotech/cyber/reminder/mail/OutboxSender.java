package com.mileotech.cyber.reminder.mail;

import com.mileotech.cyber.reminder.Notice;
import com.mileotech.cyber.reminder.mail.OutboxMail.Kind;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import com.mileotech.cyber.system.outbox.Retry;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox: claims a batch of due mails with one statement (so of several nodes exactly
 * one sends each; system/outbox/OutboxQueue), sends it over SMTP outside any process transaction, and marks it sent; on
 * failure retries it with exponential backoff, then marks it failed (ERROR in the log, DOWN in
 * the health endpoint). A reminder whose task is done by then, or whose deadline has passed, is
 * skipped. Without an SMTP server each waiting mail is shown once in the log instead.
 *
 * <p>Several rounds run at once on a node ({@code mileo.mail.sender.workers}, OutboxSchedule), each
 * with its own batch and its own SMTP connection. Each mail is marked sent as soon as the SMTP
 * server accepted it, before the same worker's next one goes. Delivery is at least once in one case
 * only: a node that dies between the server's answer and that mark leaves the mail claimed until
 * its lease ends (or the node restarts under the same id), then it is sent again; at most one mail
 * per worker sending at the crash.
 */
@Component
public class OutboxSender {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
  static final String OUTBOX_ID_HEADER = "X-Mileo-Outbox-Id";

  private final Outbox outbox;
  private final OpenTasks openTasks;
  private final OutboxProperties properties;

  public OutboxSender(Outbox outbox, OpenTasks openTasks, OutboxProperties properties) {
    this.outbox = outbox;
    this.openTasks = openTasks;
    this.properties = properties;
  }

  /**
   * One delivery round through {@code mailSender}, or, when it is null (no SMTP server
   * configured), the waiting mails shown in the log. Returns how many mails were sent.
   */
  public int sendDue(JavaMailSender mailSender) {
    return round(mailSender, () -> false).sent();
  }

  /**
   * One round of one delivery worker (OutboxSchedule runs several at once, each with its batch and
   * its SMTP connection); returns how many mails it claimed. Once {@code stopping}, no mail is
   * claimed or tried any more and the rest of the batch is freed at once.
   */
  int deliverRound(JavaMailSender mailSender, BooleanSupplier stopping) {
    return round(mailSender, stopping).claimed();
  }

  private record Round(int claimed, int sent) {}

  private Round round(JavaMailSender mailSender, BooleanSupplier stopping) {
    Instant now = now();
    if (stopping.getAsBoolean()) {
      return new Round(0, 0);
    }
    if (mailSender == null) {
      logWaiting(now);
      return new Round(0, 0);
    }
    // one statement claims the whole batch (FOR UPDATE SKIP LOCKED: nodes and workers claiming
    // at once take different mails), two read it with its attachments, one asks which of its
    // tasks are open
    List<OutboxMail> claimed = outbox.claimDue(properties.nodeId(), now, now.plus(properties.sender().lease()),
        properties.sender().batchSize());
    Set<String> open = openTasks.openOf(claimed.stream()
        .filter(mail -> mail.kind() == Kind.REMINDER && mail.taskId() != null).map(OutboxMail::taskId)
        .collect(Collectors.toSet()));
    List<OutboxMail> round = new ArrayList<>();
    for (OutboxMail mail : claimed) {
      String skip = skipReason(mail, now, open);
      if (skip != null) {
        LOG.info("Mail {} \"{}\" ({}) not sent: {}", mail.id(), mail.subject(), mail.reference(), skip);
        outbox.markSkipped(mail.id(), properties.nodeId(), skip);
        continue;
      }
      round.add(mail);
    }
    if (round.isEmpty()) {
      return new Round(claimed.size(), 0);
    }
    // the round's mails over one SMTP connection (one connection per mail made a deadline storm
    // wait on handshakes), one mail at a time, each marked sent as soon as the server accepted
    // it: a crash leaves at most the mail on the wire in doubt, never the rest of the round
    SmtpConnection connection;
    try {
      connection = SmtpConnection.open(mailSender);
    } catch (MessagingException | RuntimeException e) {
      round.forEach(mail -> failed(mail, e, now));
      return new Round(claimed.size(), 0);
    }
    int sent = 0;
    try (connection) {
      for (int i = 0; i < round.size(); i++) {
        if (stopping.getAsBoolean()) {
          // the node stops: the mails not tried are free at once (for another node, or this one
          // restarted), no attempt counted
          round.subList(i, round.size()).forEach(rest -> outbox.release(rest.id(), properties.nodeId()));
          break;
        }
        OutboxMail mail = round.get(i);
        try {
          connection.send(message(mailSender, mail));
        } catch (MessagingException | RuntimeException e) {
          failed(mail, e, now);
          if (!connection.usable()) {
            // the server is gone: the mails not tried wait for the next round, no attempt counted
            round.subList(i + 1, round.size()).forEach(rest -> outbox.release(rest.id(), properties.nodeId()));
            break;
          }
          continue;
        }
        outbox.markSent(mail.id(), properties.nodeId(), now());
        LOG.info("Mail {} \"{}\" ({}) sent to {}", mail.id(), mail.subject(), mail.reference(),
            String.join(", ", mail.recipients()));
        sent++;
      }
    }
    return new Round(claimed.size(), sent);
  }

  /**
   * At this node's start: the mails it had claimed when it last stopped (a crash mid-round) are
   * due again at once rather than after their lease; returns how many.
   */
  int resumeAfterRestart() {
    int freed = outbox.releaseClaimsOf(properties.nodeId());
    if (freed > 0) {
      LOG.warn("{} mail(s) claimed by this node ({}) before it stopped are due again; at most one of them may "
          + "already have reached its recipients (a crash between the server's answer and the \"sent\" mark)",
          freed, properties.nodeId());
    }
    return freed;
  }

  /** Why a due mail should not go out any more, or null. */
  private String skipReason(OutboxMail mail, Instant now, Set<String> open) {
    if (mail.kind() != Kind.REMINDER) {
      return null;
    }
    if (mail.taskId() != null && !open.contains(mail.taskId())) {
      return "Tâche déjà terminée : rappel sans objet";
    }
    if (mail.dueAt() != null && now.isAfter(mail.dueAt())) {
      return "Échéance passée avant l'envoi : remplacé par l'escalade";
    }
    return null;
  }

  private MimeMessage message(JavaMailSender mailSender, OutboxMail mail) throws MessagingException {
    MimeMessage message = mailSender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
    helper.setFrom(properties.from());
    helper.setTo(mail.recipients().toArray(String[]::new));
    helper.setSubject(mail.subject());
    helper.setText(mail.bodyText(), mail.bodyHtml());
    for (Notice.Attachment attachment : mail.attachments()) {
      helper.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()), attachment.contentType());
    }
    message.setHeader(OUTBOX_ID_HEADER, mail.id());
    // RFC 3834: no out-of-office answers to a machine
    message.setHeader("Auto-Submitted", "auto-generated");
    return message;
  }

  private void failed(OutboxMail mail, Exception e, Instant now) {
    Retry.Outcome outcome = properties.retry().afterFailure(mail.attempts(), now);
    String error = describe(e);
    outbox.markAttemptFailed(mail.id(), properties.nodeId(), error, outcome);
    if (outcome.giveUp()) {
      LOG.error("Mail {} \"{}\" ({}) to {} FAILED after {} attempts, last error: {}. "
              + "Re-arm failed mails with POST /api/outbox/retry-failed once SMTP works.",
          mail.id(), mail.subject(), mail.reference(), String.join(", ", mail.recipients()), outcome.attempts(), error);
    } else {
      LOG.warn("Mail {} \"{}\" ({}) not sent (attempt {}/{}): {}; next attempt in {}", mail.id(), mail.subject(),
          mail.reference(), outcome.attempts(), properties.retry().maxAttempts(), error, outcome.delay());
    }
  }

  /** Without SMTP: each waiting mail once in the log, by one node only. */
  private void logWaiting(Instant now) {
    for (String id : outbox.unloggedPendingIds(properties.sender().batchSize())) {
      if (outbox.markLogged(id, now)) {
        outbox.find(id).ifPresent(mail -> LOG.info(
            "No SMTP server configured (spring.mail.host): mail {} kept in the outbox, to {}: \"{}\" ({})",
            mail.id(), String.join(", ", mail.recipients()), mail.subject(), mail.reference()));
      }
    }
  }

  private static String describe(Throwable e) {
    StringBuilder text = new StringBuilder(e.getClass().getSimpleName() + ": " + e.getMessage());
    Throwable cause = e.getCause();
    for (int depth = 0; cause != null && depth < 3; depth++, cause = cause.getCause()) {
      text.append(" <- ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
    }
    return text.toString();
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
