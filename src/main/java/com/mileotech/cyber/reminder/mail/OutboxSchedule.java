package com.mileotech.cyber.reminder.mail;

import com.mileotech.cyber.system.outbox.DeliveryRounds;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs delivery rounds every {@code mileo.mail.sender.interval} on every node where
 * {@code mileo.mail.sender.enabled} (default true; the tests run rounds themselves): while rounds
 * come full, the next one at once, at most {@value #MAX_ROUNDS_AT_ONCE} (e.g. 200 x 50 mails).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "mileo.mail.sender.enabled", havingValue = "true", matchIfMissing = true)
class OutboxSchedule {

  static final int MAX_ROUNDS_AT_ONCE = 200;

  private final DeliveryRounds rounds;

  OutboxSchedule(OutboxSender sender, SmtpServer smtp) {
    this.rounds = new DeliveryRounds("Mail outbox", MAX_ROUNDS_AT_ONCE, sender::resumeAfterRestart, () -> {
      sender.sendDue(smtp.mailSender().orElse(null));
      return sender.lastRoundFull();
    });
  }

  @Scheduled(initialDelayString = "${mileo.mail.sender.initial-delay:PT10S}",
      fixedDelayString = "${mileo.mail.sender.interval:PT30S}")
  void deliver() {
    rounds.tick();
  }
}
