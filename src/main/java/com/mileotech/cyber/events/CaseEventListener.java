package com.mileotech.cyber.events;

import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Other features' steps that are not BPMN steps (e.g. evidence added, a verification that failed):
 * a {@link CaseEvent}, or any application event implementing {@link CaseEventSource}, published in
 * the step's transaction is written to the outbox in that transaction (synchronous listener).
 */
@Component
class CaseEventListener {

  private final WebhookOutbox outbox;

  CaseEventListener(WebhookOutbox outbox) {
    this.outbox = outbox;
  }

  @EventListener
  void on(CaseEvent event) {
    outbox.record(event, now());
  }

  @EventListener
  void on(CaseEventSource source) {
    outbox.record(source.caseEvent(), now());
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
