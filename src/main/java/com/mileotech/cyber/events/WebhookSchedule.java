package com.mileotech.cyber.events;

import com.mileotech.cyber.system.outbox.DeliveryRounds;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs delivery rounds every {@code mileo.webhooks.sender.interval} where
 * {@code mileo.webhooks.sender.enabled} (default true; the tests run rounds themselves): while a
 * full batch was delivered, the next round at once, at most {@value #MAX_ROUNDS_AT_ONCE}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "mileo.webhooks.sender.enabled", havingValue = "true", matchIfMissing = true)
class WebhookSchedule {

  static final int MAX_ROUNDS_AT_ONCE = 100;

  private final DeliveryRounds rounds;

  WebhookSchedule(WebhookSender sender, WebhookProperties properties) {
    this.rounds = new DeliveryRounds("Webhook", MAX_ROUNDS_AT_ONCE, sender::resumeAfterRestart,
        () -> sender.deliverDue() >= properties.sender().batchSize());
  }

  @Scheduled(initialDelayString = "${mileo.webhooks.sender.initial-delay:PT15S}",
      fixedDelayString = "${mileo.webhooks.sender.interval:PT10S}")
  void deliver() {
    rounds.tick();
  }
}
