package com.mileotech.cyber.reminder.mail;

import com.mileotech.cyber.system.outbox.NodeId;
import com.mileotech.cyber.system.outbox.Retry;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.util.StringUtils;

/**
 * {@code mileo.mail}: the sender address, the delivery schedule and the retry policy of the mail
 * outbox. The SMTP server itself is Spring Boot's {@code spring.mail.*}.
 *
 * @param from the sender address of every mail
 * @param nodeId this node's name in the outbox claims (default: host name and process id)
 * @param sender the delivery loop
 * @param retry what happens when SMTP refuses or is down
 * @param stuckAfter a pending mail not delivered this long after its time makes the health DOWN
 */
@ConfigurationProperties("mileo.mail")
public record OutboxProperties(String from, String nodeId, Sender sender, Retry retry, Duration stuckAfter) {

  /** Retries when nothing is configured: 1, 2, 4... minutes, at most 1 h, 10 attempts. */
  static final Retry DEFAULT_RETRY = new Retry(Duration.ofMinutes(1), 2, Duration.ofHours(1), 10);

  public OutboxProperties {
    from = StringUtils.hasText(from) ? from : "cyber@mileotech.example";
    nodeId = StringUtils.hasText(nodeId) ? nodeId : NodeId.ofThisProcess();
    sender = sender == null ? new Sender(true, null, 0, null, 0) : sender;
    retry = retry == null ? DEFAULT_RETRY : retry.or(DEFAULT_RETRY);
    stuckAfter = stuckAfter == null ? Duration.ofHours(1) : stuckAfter;
  }

  /**
   * @param enabled whether this node delivers (every node may: claims keep each mail to one)
   * @param interval pause between two delivery rounds
   * @param batchSize mails claimed per round at most
   * @param lease how long a claim keeps other nodes off a mail (a node that dies mid-send frees it then)
   * @param workers delivery rounds running at once on this node, each with its own batch and SMTP
   *     connection (default {@value #DEFAULT_WORKERS}; docs/production.md, "Mail and webhook senders")
   */
  public record Sender(boolean enabled, Duration interval, int batchSize, Duration lease, int workers) {

    /**
     * A mail's time is waits (the SMTP server's answer, the commit of its "sent" mark), not CPU:
     * 4 workers overlap them on 2 cores; each holds a pool connection only for one statement.
     */
    static final int DEFAULT_WORKERS = 4;

    @ConstructorBinding
    public Sender {
      interval = interval == null ? Duration.ofSeconds(30) : interval;
      batchSize = batchSize <= 0 ? 50 : batchSize;
      lease = lease == null ? Duration.ofMinutes(5) : lease;
      workers = workers <= 0 ? DEFAULT_WORKERS : workers;
    }

    /** With the default number of workers. */
    public Sender(boolean enabled, Duration interval, int batchSize, Duration lease) {
      this(enabled, interval, batchSize, lease, 0);
    }
  }

  /** A copy with another node id (tests run two nodes in one JVM). */
  public OutboxProperties withNodeId(String id) {
    return new OutboxProperties(from, id, sender, retry, stuckAfter);
  }
}
