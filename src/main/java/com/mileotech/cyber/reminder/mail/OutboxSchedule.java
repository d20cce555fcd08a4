package com.mileotech.cyber.reminder.mail;

import com.mileotech.cyber.system.outbox.DeliveryWorkers;
import java.time.Duration;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the mail delivery workers ({@code mileo.mail.sender.workers}, system/outbox/DeliveryWorkers)
 * every {@code mileo.mail.sender.interval} on every node where {@code mileo.mail.sender.enabled}
 * (default true; the tests run rounds themselves): each worker runs rounds while they find mails
 * due, at most {@value #MAX_ROUNDS_AT_ONCE} per tick (e.g. 200 x 50 mails); a mail written while
 * every worker is idle starts one at once, after its step's commit. When the node stops,
 * the workers finish the mail on the wire and free the rest of their batch
 * ({@value #STOP_GRACE_SECONDS} s at most: longer than one SMTP exchange's timeouts).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "mileo.mail.sender.enabled", havingValue = "true", matchIfMissing = true)
class OutboxSchedule implements DisposableBean {

  static final int MAX_ROUNDS_AT_ONCE = 200;
  static final int STOP_GRACE_SECONDS = 30;

  private final DeliveryWorkers workers;

  OutboxSchedule(OutboxSender sender, SmtpServer smtp, OutboxProperties properties, Outbox outbox) {
    this.workers = new DeliveryWorkers("Mail outbox", properties.sender().workers(), properties.sender().batchSize(),
        MAX_ROUNDS_AT_ONCE, sender::resumeAfterRestart,
        stopping -> sender.deliverRound(smtp.mailSender().orElse(null), stopping));
    // a mail written while every worker is idle goes out at once, not at the next tick
    outbox.written().listen(workers::wake);
  }

  @Scheduled(initialDelayString = "${mileo.mail.sender.initial-delay:PT10S}",
      fixedDelayString = "${mileo.mail.sender.interval:PT30S}")
  void deliver() {
    workers.tick();
  }

  @Override
  public void destroy() {
    workers.stop(Duration.ofSeconds(STOP_GRACE_SECONDS));
  }
}
