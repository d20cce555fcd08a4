package com.mileotech.cyber.events;

import com.mileotech.cyber.system.outbox.DeliveryWorkers;
import java.time.Duration;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the webhook delivery workers ({@code mileo.webhooks.sender.workers},
 * system/outbox/DeliveryWorkers) every {@code mileo.webhooks.sender.interval} where
 * {@code mileo.webhooks.sender.enabled} (default true; the tests run rounds themselves): each
 * worker runs rounds while they find deliveries due, at most {@value #MAX_ROUNDS_AT_ONCE} per tick;
 * an event written while every worker is idle starts one at once, after its step's commit.
 * When the node stops, the workers finish the call on the wire and free the rest of their batch.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "mileo.webhooks.sender.enabled", havingValue = "true", matchIfMissing = true)
class WebhookSchedule implements DisposableBean {

  static final int MAX_ROUNDS_AT_ONCE = 100;

  private final DeliveryWorkers workers;
  private final Duration grace;

  WebhookSchedule(WebhookSender sender, WebhookProperties properties, WebhookOutbox outbox) {
    this.workers = new DeliveryWorkers("Webhook", properties.sender().workers(), properties.sender().batchSize(),
        MAX_ROUNDS_AT_ONCE, sender::resumeAfterRestart, sender::deliverRound);
    // an event written while every worker is idle is delivered at once, not at the next tick
    outbox.written().listen(workers::wake);
    // one call's timeout and then some: a stopping worker finishes the call on the wire
    this.grace = properties.sender().timeout().multipliedBy(2).plusSeconds(5);
  }

  @Scheduled(initialDelayString = "${mileo.webhooks.sender.initial-delay:PT15S}",
      fixedDelayString = "${mileo.webhooks.sender.interval:PT10S}")
  void deliver() {
    workers.tick();
  }

  @Override
  public void destroy() {
    workers.stop(grace);
  }
}
