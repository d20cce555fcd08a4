package com.mileotech.cyber.events;

import com.mileotech.cyber.system.outbox.NodeId;
import com.mileotech.cyber.system.outbox.Retry;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
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

  /** Retries when nothing is configured: 1, 2, 4... minutes, at most 6 h, 15 attempts. */
  static final Retry DEFAULT_RETRY = new Retry(Duration.ofMinutes(1), 2, Duration.ofHours(6), 15);

  public WebhookProperties {
    source = StringUtils.hasText(source) ? source : "urn:mileotech:cyber";
    nodeId = StringUtils.hasText(nodeId) ? nodeId : NodeId.ofThisProcess();
    sender = sender == null ? new Sender(true, null, 0, null, null, 0) : sender;
    retry = retry == null ? DEFAULT_RETRY : retry.or(DEFAULT_RETRY);
  }

  /**
   * @param enabled whether this node delivers (every node may: claims keep each delivery to one)
   * @param interval pause between two delivery rounds
   * @param batchSize deliveries claimed per round at most
   * @param lease how long a claim keeps other nodes off a delivery
   * @param timeout connection and answer timeout of one HTTP call
   * @param workers delivery rounds running at once on this node, each with its own batch
   *     (default {@value #DEFAULT_WORKERS}; docs/production.md, "Mail and webhook senders")
   */
  public record Sender(boolean enabled, Duration interval, int batchSize, Duration lease, Duration timeout,
      int workers) {

    /**
     * Events are a few per step, not storms; two workers keep one slow subscriber (up to the
     * timeout per call) from holding every other subscriber's deliveries behind it.
     */
    static final int DEFAULT_WORKERS = 2;

    @ConstructorBinding
    public Sender {
      workers = workers <= 0 ? DEFAULT_WORKERS : workers;
      interval = interval == null ? Duration.ofSeconds(10) : interval;
      batchSize = batchSize <= 0 ? 50 : batchSize;
      lease = lease == null ? Duration.ofMinutes(5) : lease;
      timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }

    /** With the default number of workers. */
    public Sender(boolean enabled, Duration interval, int batchSize, Duration lease, Duration timeout) {
      this(enabled, interval, batchSize, lease, timeout, 0);
    }
  }
}
