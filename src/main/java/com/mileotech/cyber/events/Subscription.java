package com.mileotech.cyber.events;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A subscriber: where its events go, whose events (one client's, or every client's when
 * {@code clientId} is null) and which types (every type when empty). Its secret is not here: it is
 * read only to sign a delivery.
 */
record Subscription(String id, String name, String url, String clientId, List<EventType> eventTypes,
    Instant createdAt, String createdBy) {

  static List<EventType> types(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return Arrays.stream(text.split(",")).map(String::trim).map(EventType::find)
        .flatMap(java.util.Optional::stream).toList();
  }

  static String typesText(List<EventType> types) {
    return types == null || types.isEmpty() ? null
        : types.stream().map(EventType::code).collect(Collectors.joining(","));
  }
}
