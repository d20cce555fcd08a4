package com.mileotech.cyber.events;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs a delivery round every {@code mileo.webhooks.sender.interval} where
 * {@code mileo.webhooks.sender.enabled} (default true; the tests run rounds themselves).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "mileo.webhooks.sender.enabled", havingValue = "true", matchIfMissing = true)
class WebhookSchedule {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookSchedule.class);
  static final int MAX_ROUNDS_AT_ONCE = 100;

  private final WebhookSender sender;
  private final WebhookProperties properties;
  private boolean resumed;

  WebhookSchedule(WebhookSender sender, WebhookProperties properties) {
    this.sender = sender;
    this.properties = properties;
  }

  @Scheduled(initialDelayString = "${mileo.webhooks.sender.initial-delay:PT15S}",
      fixedDelayString = "${mileo.webhooks.sender.interval:PT10S}")
  void deliver() {
    try {
      if (!resumed) {
        sender.resumeAfterRestart();
        resumed = true;
      }
      // a full batch delivered: more are probably waiting, go on (bounded, so a round always ends)
      for (int round = 0; round < MAX_ROUNDS_AT_ONCE; round++) {
        if (sender.deliverDue() < properties.sender().batchSize()) {
          break;
        }
      }
    } catch (RuntimeException e) {
      LOG.error("Webhook delivery round failed", e);
    }
  }
}
