package com.mileotech.cyber.events;

import com.mileotech.cyber.evidence.EvidenceAdded;
import com.mileotech.cyber.evidence.EvidenceVerificationFailed;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The evidence feature's steps as webhook events (docs/events.md). Listened to here, not
 * implemented there: the incident feature builds on evidence, and events on the incident, so
 * evidence must not build on events. Synchronous listeners: the outbox row is written in the
 * transaction of the ledger entry. Codes and hashes only, no person's name.
 */
@Component
class EvidenceEvents {

  /** The case the evidence belongs to (the common field {@code process}; no BPMN step: {@code step} is absent). */
  private static final String PROCESS = "security-incident";

  private final WebhookOutbox outbox;

  EvidenceEvents(WebhookOutbox outbox) {
    this.outbox = outbox;
  }

  @EventListener
  void on(EvidenceAdded added) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("reference", added.reference());
    data.put("clientId", added.clientId());
    data.put("process", PROCESS);
    data.put("evidenceId", added.itemId());
    data.put("kind", added.kind());
    data.put("sha256", added.sha256());
    data.put("stored", added.stored());
    data.put("capturedAt", added.capturedAt().toString());
    outbox.record(new CaseEvent(EventType.EVIDENCE_ADDED, added.clientId(), added.reference(), "evidence",
        "evidence-added:" + added.itemId(), data), now());
  }

  /** One event per item and altered content, like the referent's alert. */
  @EventListener
  void on(EvidenceVerificationFailed failed) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("reference", failed.reference());
    data.put("clientId", failed.clientId());
    data.put("process", PROCESS);
    data.put("evidenceId", failed.itemId());
    data.put("expectedSha256", failed.expectedSha256());
    data.put("observedSha256", failed.observedSha256());
    data.put("verifiedAt", failed.verifiedAt().toString());
    outbox.record(new CaseEvent(EventType.EVIDENCE_VERIFICATION_FAILED, failed.clientId(), failed.reference(),
        "evidence", "evidence-mismatch:" + failed.itemId() + ":" + failed.observedSha256(), data), now());
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
