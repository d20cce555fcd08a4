package com.mileotech.cyber.events;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a delivery: HMAC-SHA256, keyed with the subscriber's secret, over
 * {@code <timestamp>.<body>} (the timestamp header, a dot, the exact body bytes), in hex, sent as
 * {@code X-Mileo-Signature: sha256=<hex>}. The timestamp inside the signed text lets a receiver
 * refuse a replayed delivery (docs/events.md).
 */
final class WebhookSignature {

  static final String SIGNATURE_HEADER = "X-Mileo-Signature";
  static final String TIMESTAMP_HEADER = "X-Mileo-Timestamp";
  static final String DELIVERY_HEADER = "X-Mileo-Delivery";
  static final String PREFIX = "sha256=";

  private WebhookSignature() {}

  /** The header value for {@code body} sent at {@code timestamp} (Unix seconds). */
  static String sign(String secret, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return PREFIX + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
