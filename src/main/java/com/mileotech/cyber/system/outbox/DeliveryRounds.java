package com.mileotech.cyber.system.outbox;

import com.mileotech.cyber.system.Published;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an outbox's schedule runs at each tick: at the node's first tick, its claims from before it
 * stopped are freed; then delivery rounds one after the other while they come full (many rows due
 * at once, e.g. a deadline storm), bounded so that a tick always ends. A failure (the database
 * briefly unreachable) is logged and the next tick tries again.
 */
@Published
public final class DeliveryRounds {

  private static final Logger LOG = LoggerFactory.getLogger(DeliveryRounds.class);

  private final String name;
  private final int maxRounds;
  private final Runnable resume;
  private final BooleanSupplier round;
  private boolean resumed;

  /**
   * @param name what delivers, for the log ("Mail outbox")
   * @param maxRounds rounds at most per tick
   * @param resume frees this node's claims from before it stopped
   * @param round one delivery round; true when it came full (more rows are probably due)
   */
  public DeliveryRounds(String name, int maxRounds, Runnable resume, BooleanSupplier round) {
    this.name = name;
    this.maxRounds = maxRounds;
    this.resume = resume;
    this.round = round;
  }

  /** One tick of the schedule. */
  public synchronized void tick() {
    try {
      if (!resumed) {
        resume.run();
        resumed = true;
      }
      for (int i = 0; i < maxRounds; i++) {
        if (!round.getAsBoolean()) {
          break;
        }
      }
    } catch (RuntimeException e) {
      LOG.error("{} delivery round failed", name, e);
    }
  }
}
