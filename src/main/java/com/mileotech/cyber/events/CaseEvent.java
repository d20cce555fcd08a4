package com.mileotech.cyber.events;

import com.mileotech.cyber.system.Published;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A step of a case, for the subscribers: publish it as a Spring application event in the
 * transaction of the step (or publish any event implementing {@link CaseEventSource}) and the
 * events feature writes it to the webhook outbox in that same transaction.
 *
 * @param type what happened
 * @param clientId the client whose case it is (null: no client's, only Mileo-wide subscribers get it)
 * @param reference the case's reference (INC-2026-0001, MES-…): the CloudEvents {@code subject}
 * @param source what told it, e.g. {@code security-incident} (joined to the configured source base)
 * @param occurrenceKey unique per occurrence of the step: a second event with the same key is not
 *     written (a retried job, a listener called twice)
 * @param data what the subscriber reads: only what that client's own RSSI may see
 */
@Published
public record CaseEvent(EventType type, String clientId, String reference, String source, String occurrenceKey,
    Map<String, Object> data) {

  public CaseEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(occurrenceKey, "occurrenceKey");
    source = source == null || source.isBlank() ? "cyber" : source;
    data = data == null ? Map.of() : new LinkedHashMap<>(data);
  }
}
