package com.mileotech.cyber;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Waits of concurrency tests on something the test itself makes happen (a latch, a condition it
 * sets up): the two-minute bound only ends a failing test, it never decides a passing one.
 */
public final class Waits {

  private static final long BOUND_MINUTES = 2;

  private Waits() {}

  /** Until {@code condition} holds, polled; an AssertionError saying {@code never} after the bound. */
  public static void waitUntil(BooleanSupplier condition, String never) {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(BOUND_MINUTES);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(never);
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** Until {@code latch} is released; an AssertionError after the bound. */
  public static void await(CountDownLatch latch) {
    try {
      if (!latch.await(BOUND_MINUTES, TimeUnit.MINUTES)) {
        throw new AssertionError("never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
