package com.mileotech.cyber.system;

import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates something identified by a natural key (an external alert id, an advisory) at most once,
 * even when the same request arrives twice at the same instant: the existing one is answered,
 * else it is created in its own transaction; when a concurrent call wins the race (the database's
 * unique key refuses the second), the winner's is answered.
 */
@Published
@Component
public class CreateOnce {

  private static final int WINNER_LOOKUPS = 10;

  private final TransactionTemplate transaction;

  CreateOnce(PlatformTransactionManager transactionManager) {
    this.transaction = new TransactionTemplate(transactionManager);
  }

  /** What a call got: the reference, and whether this call created it. */
  public record Outcome(String reference, boolean created) {}

  /**
   * @param existing the reference already created for the key, if any (null when there is no key:
   *     then nothing is looked up and nothing can race)
   * @param create creates it and returns its reference, in the transaction this opens
   */
  public Outcome findOrCreate(Supplier<Optional<String>> existing, Supplier<String> create) {
    if (existing != null) {
      Optional<String> found = existing.get();
      if (found.isPresent()) {
        return new Outcome(found.get(), false);
      }
    }
    try {
      return new Outcome(transaction.execute(status -> create.get()), true);
    } catch (RuntimeException e) {
      if (existing == null || !isDatabaseRefusal(e)) {
        throw e;
      }
      for (int i = 0; i < WINNER_LOOKUPS; i++) {
        Optional<String> winner = existing.get();
        if (winner.isPresent()) {
          return new Outcome(winner.get(), false);
        }
        sleep();
      }
      throw e;
    }
  }

  private static boolean isDatabaseRefusal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DataAccessException || t instanceof SQLException) {
        return true;
      }
    }
    return false;
  }

  private static void sleep() {
    try {
      Thread.sleep(100); // the winner's transaction is about to commit
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
