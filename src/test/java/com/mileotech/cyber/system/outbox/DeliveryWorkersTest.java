package com.mileotech.cyber.system.outbox;

import static com.mileotech.cyber.Waits.await;
import static com.mileotech.cyber.Waits.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The shared kernel's delivery workers, without a database: rounds of several workers run at
 * once, a full round brings the idle workers in, a worker whose round fails does not stop the
 * others, a row written while every worker is idle starts one once its transaction has committed,
 * and a stop is seen by the rounds running and starts no other. Every wait here is on
 * something the test makes happen (latches, barriers); the timeouts only bound a failing test.
 */
class DeliveryWorkersTest {

  private static final int BATCH = 10;
  private static final Duration GRACE = Duration.ofMinutes(2);

  @Test
  void theWorkersRunTheirRoundsAtOnceAfterTheNodesOldClaimsAreFreed() throws Exception {
    AtomicInteger resumed = new AtomicInteger();
    CyclicBarrier allFour = new CyclicBarrier(4);
    AtomicInteger rounds = new AtomicInteger();
    DeliveryWorkers workers = new DeliveryWorkers("Test", 4, BATCH, 100, resumed::incrementAndGet, stopping -> {
      assertThat(resumed.get()).as("old claims freed before any round").isEqualTo(1);
      if (rounds.incrementAndGet() <= 4) {
        together(allFour); // passes only when four rounds are in progress at the same time
        return 3;
      }
      return 0;
    });
    try {
      workers.tick().get(2, TimeUnit.MINUTES);
      assertThat(rounds.get()).isEqualTo(8); // each worker: a round of 3 rows, then one finding none
      workers.tick().get(2, TimeUnit.MINUTES);
      assertThat(resumed.get()).as("once per node start").isEqualTo(1);
    } finally {
      workers.stop(GRACE);
    }
  }

  @Test
  void roundsRunWithTheApplicationsClassLoaderWhicheverThreadStartedThem() throws Exception {
    // a thread whose context class loader cannot see the application's libraries (in the packaged
    // jar: the JVM's system class loader) must not hand it on to the workers: with its look-up
    // pinned (system/ProviderLookups), Jakarta Mail loads its stream provider through it
    List<ClassLoader> seen = new CopyOnWriteArrayList<>();
    DeliveryWorkers workers = new DeliveryWorkers("Test", 2, BATCH, 100, () -> { }, stopping -> {
      seen.add(Thread.currentThread().getContextClassLoader());
      return 0;
    });
    Thread caller = Thread.currentThread();
    ClassLoader original = caller.getContextClassLoader();
    caller.setContextClassLoader(new ClassLoader(null) { });
    try {
      workers.tick().get(2, TimeUnit.MINUTES);
    } finally {
      caller.setContextClassLoader(original);
      workers.stop(GRACE);
    }
    assertThat(seen).hasSize(2).containsOnly(DeliveryWorkers.class.getClassLoader());
  }

  @Test
  void aFullRoundBringsTheIdleWorkersInWithoutWaitingForTheNextTick() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    AtomicReference<DeliveryWorkers> holder = new AtomicReference<>();
    DeliveryWorkers workers = new DeliveryWorkers("Test", 3, BATCH, 100, () -> { }, stopping -> {
      if (calls.incrementAndGet() == 1) {
        // the two other workers found nothing due and went idle; then this round comes full
        // (both having run their round: the tick may not have started the third one yet)
        waitUntil(() -> calls.get() == 3 && holder.get().busyWorkers() == 1, "the other workers never went idle");
        return BATCH;
      }
      return 0;
    });
    holder.set(workers);
    try {
      workers.tick().get(2, TimeUnit.MINUTES); // one tick only
      // the tick's three rounds, then the full one's worker again and both idle workers woken by it
      assertThat(calls.get()).isEqualTo(6);
    } finally {
      workers.stop(GRACE);
    }
  }

  @Test
  void aRowWrittenWhileEveryWorkerIsIdleStartsOneOnceItsTransactionHasCommitted() throws Exception {
    AtomicInteger rounds = new AtomicInteger();
    DeliveryWorkers workers = new DeliveryWorkers("Test", 3, BATCH, 100, () -> { }, stopping -> {
      rounds.incrementAndGet();
      return 0;
    });
    AtomicReference<CompletableFuture<Void>> woken = new AtomicReference<>();
    Wakeup wakeup = new Wakeup();
    wakeup.listen(() -> woken.set(workers.wake()));
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:wakeup;DB_CLOSE_DELAY=-1");
    TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(h2));
    try {
      wakeup.written();
      assertThat(woken.get()).isCompleted(); // before the node's first tick (its old claims not yet freed)
      assertThat(rounds.get()).isZero();
      workers.tick().get(2, TimeUnit.MINUTES);
      assertThat(rounds.get()).isEqualTo(3);

      woken.set(null);
      transaction.executeWithoutResult(status -> {
        wakeup.written();
        assertThat(woken.get()).as("not before the commit: the row would not be visible").isNull();
      });
      woken.get().get(2, TimeUnit.MINUTES);
      assertThat(rounds.get()).as("one worker, at once").isEqualTo(4);

      woken.set(null);
      transaction.executeWithoutResult(status -> {
        wakeup.written();
        status.setRollbackOnly();
      });
      assertThat(woken.get()).as("a rolled back row is nothing to deliver").isNull();

      wakeup.written(); // no transaction: at once
      woken.get().get(2, TimeUnit.MINUTES);
      assertThat(rounds.get()).isEqualTo(5);
    } finally {
      workers.stop(GRACE);
    }
  }

  @Test
  void aWorkerWhoseRoundFailsDoesNotStopTheOthers() throws Exception {
    CyclicBarrier allThree = new CyclicBarrier(3);
    AtomicInteger delivered = new AtomicInteger();
    AtomicInteger calls = new AtomicInteger();
    DeliveryWorkers workers = new DeliveryWorkers("Test", 3, BATCH, 100, () -> { }, stopping -> {
      int call = calls.incrementAndGet();
      if (call <= 3) {
        together(allThree);
        if (call == 1) {
          throw new IllegalStateException("the database went away for this worker");
        }
      }
      if (call <= 7) {
        delivered.incrementAndGet();
        return 1;
      }
      return 0;
    });
    try {
      workers.tick().get(2, TimeUnit.MINUTES);
      // the two others went on until nothing was due: 6 rounds delivered (calls 2 to 7)
      assertThat(delivered.get()).isEqualTo(6);
      // the failed worker is idle again: the next tick starts it
      calls.set(100);
      workers.tick().get(2, TimeUnit.MINUTES);
      assertThat(calls.get()).isEqualTo(103);
    } finally {
      workers.stop(GRACE);
    }
  }

  @Test
  void aStopIsSeenByTheRunningRoundsAndStartsNoOther() throws Exception {
    CountDownLatch bothInRound = new CountDownLatch(2);
    CountDownLatch stopRequested = new CountDownLatch(1);
    List<Boolean> seenAtTheEnd = new CopyOnWriteArrayList<>();
    AtomicInteger rounds = new AtomicInteger();
    DeliveryWorkers workers = new DeliveryWorkers("Test", 2, BATCH, 100, () -> { }, stopping -> {
      rounds.incrementAndGet();
      bothInRound.countDown();
      await(stopRequested);
      seenAtTheEnd.add(stopping.getAsBoolean());
      return BATCH; // full: without the stop, the worker would go on
    });
    workers.tick();
    assertThat(bothInRound.await(2, TimeUnit.MINUTES)).isTrue();
    Thread stopper = new Thread(() -> workers.stop(GRACE));
    stopper.start();
    waitUntil(workers::stopping, "stop never called");
    stopRequested.countDown();
    stopper.join(TimeUnit.MINUTES.toMillis(2));
    assertThat(stopper.isAlive()).isFalse();
    assertThat(seenAtTheEnd).containsExactly(true, true);
    assertThat(rounds.get()).as("no round after the stop").isEqualTo(2);
    assertThat(workers.tick()).isCompleted();
    assertThat(rounds.get()).isEqualTo(2);
  }

  private static void together(CyclicBarrier barrier) {
    try {
      barrier.await(2, TimeUnit.MINUTES);
    } catch (Exception e) {
      throw new AssertionError("the other rounds never ran at the same time", e);
    }
  }
}
