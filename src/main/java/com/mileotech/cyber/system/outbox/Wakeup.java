package com.mileotech.cyber.system.outbox;

import com.mileotech.cyber.system.Published;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells an outbox's delivery workers that a row was written, once it is visible: after the commit
 * of the writing transaction (a process step's), at once without one, never after a rollback. The
 * workers then deliver it without waiting for the schedule's next tick. Nothing is told while no
 * workers listen (tests that run rounds themselves, a node whose sender is off).
 */
@Published
public final class Wakeup {

  private volatile Runnable listener;

  /** The workers to tell (DeliveryWorkers::wake). */
  public void listen(Runnable workers) {
    this.listener = workers;
  }

  /** A row was written in the current transaction, if any. */
  public void written() {
    Runnable workers = listener;
    if (workers == null) {
      return;
    }
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      workers.run();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        workers.run();
      }
    });
  }
}
