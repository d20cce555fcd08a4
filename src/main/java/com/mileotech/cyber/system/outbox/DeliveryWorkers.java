package com.mileotech.cyber.system.outbox;

import com.mileotech.cyber.system.Published;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery workers of one outbox on this node. Each worker runs delivery rounds of its own,
 * one after the other while they find rows due (a deadline storm), at most {@code maxRounds} per
 * start; each round claims its own batch (OutboxQueue's claims are disjoint between the workers
 * of a node as between nodes) and sends it over its own connection, so that the waits of one row
 * (the server's answer, the commit of its "done" mark) overlap those of the others instead of
 * adding up.
 *
 * <p>{@link #tick} (the schedule's) starts the idle workers and returns at once: the scheduler's
 * thread, shared by every schedule, never waits for a storm. A worker whose round came full starts
 * the idle ones too, so a storm is spread over every worker as soon as it is seen; and a row
 * written while every worker is idle starts one at once ({@link #wake}, through {@link Wakeup}). At the node's
 * first tick its claims from before it stopped are freed. A failure (the database briefly
 * unreachable) is logged and ends that worker's run; the next tick starts it again.
 *
 * <p>{@link #stop}: no worker starts a round any more, each running round stops after the row on
 * the wire (it sees {@code stopping}) and frees the rows it claimed and did not try; the workers
 * are awaited up to a grace period. A worker still stuck then (a server not answering) leaves its
 * rows claimed until the lease ends or the node restarts, as a crash would.
 */
@Published
public final class DeliveryWorkers {

  private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorkers.class);

  /**
   * One delivery round of one worker: claims a batch, delivers it, and returns how many rows it
   * claimed. {@code stopping} turns true when the node stops: the round then tries no further row
   * and frees the ones it holds.
   */
  @FunctionalInterface
  public interface Round {
    int deliver(BooleanSupplier stopping);
  }

  private final String name;
  private final int batchSize;
  private final int maxRounds;
  private final Runnable resume;
  private final Round round;
  private final AtomicBoolean[] busy;
  private final ExecutorService pool;
  private volatile boolean stopping;
  private volatile boolean resumed;

  /**
   * @param name what delivers, for the log and the threads' names ("Mail outbox")
   * @param workers how many rounds may run at once on this node (at least 1)
   * @param batchSize rows a round claims at most: a round that claimed as many starts the idle workers
   * @param maxRounds rounds at most per worker and start, so that a run always ends
   * @param resume frees this node's claims from before it stopped
   * @param round one delivery round
   */
  public DeliveryWorkers(String name, int workers, int batchSize, int maxRounds, Runnable resume, Round round) {
    this.name = name;
    this.batchSize = batchSize;
    this.maxRounds = maxRounds;
    this.resume = resume;
    this.round = round;
    int count = Math.max(1, workers);
    this.busy = new AtomicBoolean[count];
    for (int i = 0; i < count; i++) {
      busy[i] = new AtomicBoolean();
    }
    this.pool = Executors.newFixedThreadPool(count, threads(name));
  }

  /** Whether {@link #stop} was called. */
  public boolean stopping() {
    return stopping;
  }

  /** How many workers are running a round now. */
  int busyWorkers() {
    int n = 0;
    for (AtomicBoolean worker : busy) {
      n += worker.get() ? 1 : 0;
    }
    return n;
  }

  /** How many workers this node runs. */
  public int workers() {
    return busy.length;
  }

  /**
   * One tick of the schedule: frees this node's old claims at the first one, then starts every idle
   * worker. Returns when the workers it started have ended (tests wait for it; the schedule does not).
   */
  public CompletableFuture<Void> tick() {
    if (stopping) {
      return CompletableFuture.completedFuture(null);
    }
    synchronized (this) {
      if (!resumed) {
        try {
          resume.run();
          resumed = true;
        } catch (RuntimeException e) {
          LOG.error("{}: freeing this node's earlier claims failed; next tick tries again", name, e);
          return CompletableFuture.completedFuture(null);
        }
      }
    }
    return startIdle(busy.length);
  }

  /**
   * Rows were written (Wakeup, after their commit): when no worker is running, one starts at once
   * instead of at the next tick; it brings the others in if it finds a full batch. While a worker
   * runs, it will find the rows itself. Not before the node's first tick (its old claims freed).
   * Returns when the worker it started has ended (tests wait for it).
   */
  public CompletableFuture<Void> wake() {
    if (resumed && !stopping && busyWorkers() == 0) {
      return startIdle(1);
    }
    return CompletableFuture.completedFuture(null);
  }

  private CompletableFuture<Void> startIdle(int atMost) {
    List<CompletableFuture<Void>> started = new ArrayList<>();
    for (int i = 0; i < busy.length && started.size() < atMost && !stopping; i++) {
      if (busy[i].compareAndSet(false, true)) {
        int worker = i;
        try {
          started.add(CompletableFuture.supplyAsync(() -> work(worker), pool).thenCompose(woken -> woken));
        } catch (RejectedExecutionException stopped) {
          busy[worker].set(false);
        }
      }
    }
    return CompletableFuture.allOf(started.toArray(CompletableFuture[]::new));
  }

  /** One worker's run; returns what ends with the runs of the workers it started. */
  private CompletableFuture<Void> work(int worker) {
    List<CompletableFuture<Void>> woken = new ArrayList<>();
    try {
      for (int i = 0; i < maxRounds && !stopping; i++) {
        int claimed = round.deliver(() -> stopping);
        if (claimed >= batchSize) {
          woken.add(startIdle(busy.length)); // more is probably due: the other workers take their share
        }
        if (claimed == 0) {
          break;
        }
      }
    } catch (RuntimeException e) {
      LOG.error("{} delivery round failed (worker {})", name, worker + 1, e);
    } finally {
      busy[worker].set(false);
    }
    // the run ends once the workers it started have ended too (what tick() returns); never waited
    // for on a worker's thread
    return CompletableFuture.allOf(woken.toArray(CompletableFuture[]::new));
  }

  /**
   * Stops the workers: no new round, running ones stop after the row on the wire and free the rest
   * of their batch. Waits up to {@code grace}; true when every worker had ended by then.
   */
  public boolean stop(Duration grace) {
    stopping = true;
    pool.shutdown();
    try {
      if (pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        return true;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LOG.warn("{}: a worker was still delivering {} after the stop; its rows stay claimed until their lease ends"
        + " or this node restarts", name, grace);
    pool.shutdownNow();
    return false;
  }

  private static ThreadFactory threads(String name) {
    String prefix = name.toLowerCase(java.util.Locale.ROOT).replace(' ', '-') + "-";
    AtomicInteger number = new AtomicInteger();
    // the application's class loader, whichever thread made the pool start a thread (a job's, the
    // scheduler's, a web request's): libraries that find their implementation through the thread's
    // class loader (Jakarta Mail, with the look-up pinned by system/ProviderLookups) find it
    ClassLoader application = DeliveryWorkers.class.getClassLoader();
    return task -> {
      Thread thread = new Thread(task, prefix + number.incrementAndGet());
      thread.setDaemon(true);
      thread.setContextClassLoader(application);
      return thread;
    };
  }
}
