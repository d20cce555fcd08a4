package com.mileotech.cyber.reminder.mail;

import com.mileotech.cyber.reminder.Notice;
import com.mileotech.cyber.reminder.mail.OutboxMail.Kind;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox: claims each due mail with one atomic UPDATE (so of several nodes exactly
 * one sends it), sends it over SMTP outside any process transaction, and marks it sent; on
 * failure retries it with exponential backoff, then marks it failed (ERROR in the log, DOWN in
 * the health endpoint). A reminder whose task is done by then, or whose deadline has passed, is
 * skipped. Without an SMTP server each waiting mail is shown once in the log instead.
 *
 * <p>Delivery is at least once: a node that dies between the SMTP answer and the "sent" mark
 * leaves the mail claimed until its lease ends, then another node sends it again.
 */
@Component
public class OutboxSender {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
  static final String OUTBOX_ID_HEADER = "X-Mileo-Outbox-Id";

  private final Outbox outbox;
  private final OpenTasks openTasks;
  private final OutboxProperties properties;
  /** Whether the last round found a full batch due, i.e. more mails are probably waiting. */
  private volatile boolean lastRoundFull;

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
    Instant now = now();
    if (mailSender == null) {
      lastRoundFull = false;
      logWaiting(now);
      return 0;
    }
    List<String> due = outbox.dueIds(now, properties.sender().batchSize());
    lastRoundFull = due.size() >= properties.sender().batchSize();
    Map<MimeMessage, OutboxMail> batch = new LinkedHashMap<>();
    for (String id : due) {
      if (!outbox.claim(id, properties.nodeId(), now, now.plus(properties.sender().lease()))) {
        continue; // another node took it
      }
      OutboxMail mail = outbox.find(id).orElseThrow();
      String skip = skipReason(mail, now);
      if (skip != null) {
        LOG.info("Mail {} \"{}\" ({}) not sent: {}", id, mail.subject(), mail.reference(), skip);
        outbox.markSkipped(id, properties.nodeId(), skip);
        continue;
      }
      try {
        batch.put(message(mailSender, mail), mail);
      } catch (MessagingException e) {
        failed(mail, e, now);
      }
    }
    if (batch.isEmpty()) {
      return 0;
    }
    // the round's mails over one SMTP connection (one connection per mail made a deadline storm
    // wait on handshakes); the server's answer is still per mail
    Map<Object, Exception> failures = Map.of();
    try {
      mailSender.send(batch.keySet().toArray(MimeMessage[]::new));
    } catch (MailSendException e) {
      failures = e.getFailedMessages(); // the connection failing fails them all
    } catch (MailException e) {
      Map<Object, Exception> all = new HashMap<>();
      batch.keySet().forEach(message -> all.put(message, e));
      failures = all;
    }
    int sent = 0;
    for (Map.Entry<MimeMessage, OutboxMail> entry : batch.entrySet()) {
      OutboxMail mail = entry.getValue();
      Exception failure = failures.get(entry.getKey());
      if (failure != null) {
        failed(mail, failure, now);
        continue;
      }
      outbox.markSent(mail.id(), properties.nodeId(), now());
      LOG.info("Mail {} \"{}\" ({}) sent to {}", mail.id(), mail.subject(), mail.reference(),
          String.join(", ", mail.recipients()));
      sent++;
    }
    return sent;
  }

  /** Whether the last round took a full batch: more mails are probably due (e.g. many deadlines at once). */
  boolean lastRoundFull() {
    return lastRoundFull;
  }

  /** Why a due mail should not go out any more, or null. */
  private String skipReason(OutboxMail mail, Instant now) {
    if (mail.kind() != Kind.REMINDER) {
      return null;
    }
    if (mail.taskId() != null && !openTasks.isOpen(mail.taskId())) {
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
    int attempts = mail.attempts() + 1;
    boolean giveUp = attempts >= properties.retry().maxAttempts();
    Duration wait = properties.retry().backoff(attempts);
    String error = describe(e);
    outbox.markAttemptFailed(mail.id(), properties.nodeId(), error, now.plus(wait), giveUp);
    if (giveUp) {
      LOG.error("Mail {} \"{}\" ({}) to {} FAILED after {} attempts, last error: {}. "
              + "Re-arm failed mails with POST /api/outbox/retry-failed once SMTP works.",
          mail.id(), mail.subject(), mail.reference(), String.join(", ", mail.recipients()), attempts, error);
    } else {
      LOG.warn("Mail {} \"{}\" ({}) not sent (attempt {}/{}): {}; next attempt in {}", mail.id(), mail.subject(),
          mail.reference(), attempts, properties.retry().maxAttempts(), error, wait);
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
