package com.mileotech.cyber.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An H2 file database keeps its file close to the size of its data (docs/production.md, "The H2
 * file": the benchmark's database had grown to 11.4 GB for 0.34 GB of data).
 *
 * <p>H2 writes each change into a new chunk at the end of its file and frees a chunk only once none
 * of its pages is live; its background writer thread rewrites the live pages of mostly-dead chunks
 * and moves chunks down so that the file can be truncated. {@link DurableCommits} sets {@code
 * WRITE_DELAY} 0 so that every commit is on disk before it is acknowledged, and with a write delay
 * of 0 H2 runs no background thread at all (MVStore's {@code FileStore.setAutoCommitDelay}): nothing
 * compacted the file any more, it only grew, and every start and stop of the node paid for it.
 *
 * <p>This does that housekeeping in a thread of its own, with the write delay left at 0: the same
 * two public operations of the MVStore as H2's thread (rewrite chunks under a fill rate; move chunks
 * towards the start of the file, which truncates it), with its amounts per round, every 200 ms
 * (H2's thread: every 166 ms at its default write delay). Chunks
 * rewritten stay readable for H2's retention time (45 s), so a crash during a round loses nothing.
 */
@Component
class H2Housekeeping implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(H2Housekeeping.class);

  /** Below this share of live data (in its chunks, in the file), H2's own thread compacts (its default). */
  static final int FILL_RATE = 90;

  private final DataSource dataSource;
  private final Duration interval;
  private ScheduledExecutorService thread;

  H2Housekeeping(DataSource dataSource, @Value("${mileo.h2.housekeeping-interval:PT0.2S}") Duration interval) {
    this.dataSource = dataSource;
    this.interval = interval;
  }

  /** Once the application is ready (not competing with its start): only an H2 file database gets the thread. */
  @EventListener(ApplicationReadyEvent.class)
  void start() {
    MVStore store = fileStoreOf(dataSource);
    if (thread != null || store == null || interval.isZero() || interval.isNegative()) {
      return;
    }
    LOG.info("H2 file database: its file is compacted in the background every {} ms (live data {} % of the file, "
        + "{} MB)", interval.toMillis(), store.getFileStore().getFillRate(), store.getFileStore().size() / 1_000_000);
    thread = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "h2-housekeeping");
      t.setDaemon(true);
      t.setPriority(Thread.MIN_PRIORITY);
      return t;
    });
    thread.scheduleWithFixedDelay(() -> round(store), interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * One round of H2's background housekeeping: rewrite the live pages of chunks under the fill rate,
   * then, if the file has free space between chunks, move chunks down (the file shrinks at its end).
   * Returns whether anything was rewritten.
   */
  static boolean round(MVStore store) {
    try {
      if (store.isClosed()) {
        return false;
      }
      FileStore<?> file = store.getFileStore();
      // the amounts of H2's own thread on a busy store: a quarter of its write buffer rewritten
      // (about 5 MB), twice the buffer moved (an insignificant pause of the commits)
      int buffer = Math.max(store.getAutoCommitMemory(), 1024 * 1024);
      boolean rewritten = file.compact(FILL_RATE, buffer / 4);
      if (file instanceof RandomAccessStore randomAccess && file.getFillRate() < FILL_RATE) {
        randomAccess.compactMoveChunks(101, 2L * buffer, store);
      }
      return rewritten;
    } catch (RuntimeException e) {
      // the database is closing, or a round failed: H2 keeps its data as it was; the next round tries again
      LOG.debug("H2 housekeeping round skipped: {}", e.toString());
      return false;
    }
  }

  /** The MVStore of an H2 file database opened in this JVM, or null (PostgreSQL, in-memory, server mode). */
  static MVStore fileStoreOf(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      if (!"H2".equals(connection.getMetaData().getDatabaseProductName())
          || String.valueOf(connection.getMetaData().getURL()).toLowerCase(Locale.ROOT).startsWith("jdbc:h2:mem:")
          || !connection.isWrapperFor(JdbcConnection.class)) {
        return null;
      }
      if (connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session) {
        MVStore store = session.getDatabase().getStore().getMvStore();
        return store.getFileStore() == null || store.getFileStore().isReadOnly() ? null : store;
      }
      return null; // jdbc:h2:tcp: the server does its own housekeeping
    } catch (SQLException | RuntimeException | LinkageError e) {
      LOG.warn("H2 housekeeping not started: {}", e.toString());
      return null;
    }
  }

  @Override
  public void destroy() {
    if (thread != null) {
      thread.shutdownNow();
      try {
        thread.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
