package com.mileotech.cyber.events;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * {@code mileo.webhooks}: the outbound events (docs/events.md).
 *
 * @param source the base of each event's CloudEvents {@code source} (a URI reference)
 * @param allowHttp whether subscribers may use plain http:// (tests, a receiver on the same host);
 *     otherwise https:// only, so that events and signatures do not cross a network in clear
 * @param nodeId this node's name in delivery claims (default: host name and process id)
 * @param sender the delivery loop
 * @param retry the backoff after a failed delivery
 */
@ConfigurationProperties("mileo.webhooks")
public record WebhookProperties(String source, boolean allowHttp, String nodeId, Sender sender, Retry retry) {

  public WebhookProperties {
    source = StringUtils.hasText(source) ? source : "urn:mileotech:cyber";
    nodeId = StringUtils.hasText(nodeId) ? nodeId : defaultNodeId();
    sender = sender == null ? new Sender(true, null, 0, null, null) : sender;
    retry = retry == null ? new Retry(null, 0, null, 0) : retry;
  }

  /**
   * @param enabled whether this node delivers (every node may: claims keep each delivery to one)
   * @param interval pause between two delivery rounds
   * @param batchSize deliveries claimed per round at most
   * @param lease how long a claim keeps other nodes off a delivery
   * @param timeout connection and answer timeout of one HTTP call
   */
  public record Sender(boolean enabled, Duration interval, int batchSize, Duration lease, Duration timeout) {
    public Sender {
      interval = interval == null ? Duration.ofSeconds(10) : interval;
      batchSize = batchSize <= 0 ? 50 : batchSize;
      lease = lease == null ? Duration.ofMinutes(5) : lease;
      timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }
  }

  /**
   * Attempt n waits {@code initialInterval * multiplier^(n-1)}, at most {@code maxInterval}; after
   * {@code maxAttempts} the delivery is marked failed (re-armed by an administrator).
   */
  public record Retry(Duration initialInterval, double multiplier, Duration maxInterval, int maxAttempts) {
    public Retry {
      initialInterval = initialInterval == null ? Duration.ofMinutes(1) : initialInterval;
      multiplier = multiplier < 1 ? 2 : multiplier;
      maxInterval = maxInterval == null ? Duration.ofHours(6) : maxInterval;
      maxAttempts = maxAttempts <= 0 ? 15 : maxAttempts;
    }

    /** The wait after the {@code attempts}-th failed attempt. */
    public Duration backoff(int attempts) {
      double millis = initialInterval.toMillis() * Math.pow(multiplier, Math.max(0, attempts - 1));
      return millis >= maxInterval.toMillis() ? maxInterval : Duration.ofMillis((long) millis);
    }
  }

  private static String defaultNodeId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "node";
    }
    return host + "-" + ProcessHandle.current().pid();
  }
}
