package com.mileotech.cyber.reminder.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs a delivery round every {@code mileo.mail.sender.interval} on every node where
 * {@code mileo.mail.sender.enabled} (default true; the tests run rounds themselves).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "mileo.mail.sender.enabled", havingValue = "true", matchIfMissing = true)
class OutboxSchedule {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxSchedule.class);

  /** At most this many batches one after the other (e.g. 200 x 50 mails), then the interval. */
  static final int MAX_ROUNDS_AT_ONCE = 200;

  private final OutboxSender sender;
  private final SmtpServer smtp;
  private boolean resumed;

  OutboxSchedule(OutboxSender sender, SmtpServer smtp) {
    this.sender = sender;
    this.smtp = smtp;
  }

  @Scheduled(initialDelayString = "${mileo.mail.sender.initial-delay:PT10S}",
      fixedDelayString = "${mileo.mail.sender.interval:PT30S}")
  void deliver() {
    try {
      if (!resumed) {
        sender.resumeAfterRestart();
        resumed = true;
      }
      // a full batch means more are waiting (many deadlines falling due at once): go on at once
      // rather than one batch per interval; bounded, so that a round always ends
      for (int round = 0; round < MAX_ROUNDS_AT_ONCE; round++) {
        sender.sendDue(smtp.mailSender().orElse(null));
        if (!sender.lastRoundFull()) {
          break;
        }
      }
    } catch (RuntimeException e) {
      // e.g. the database briefly unreachable: the next round tries again
      LOG.error("Mail outbox delivery round failed", e);
    }
  }
}
