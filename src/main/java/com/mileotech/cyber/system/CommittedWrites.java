package com.mileotech.cyber.system;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Which of Camunda's tables this node has changed: a counter per table (its "epoch"), raised
 * after each commit that wrote to the table. A cache of something computed from those tables
 * (Tasklist's counts, tasklist/TaskCountCache) reads the epochs of the tables it depends on before
 * computing, and keeps its value only while they stay the same.
 *
 * <p>The writes are seen by a MyBatis interceptor on every insert, update and delete the engine
 * sends, whatever command, API or job made them (entity flushes, bulk statements, deletes by
 * query): Camunda writes only through its MyBatis mappings, so no write of this node is missed.
 * The tables come from the SQL text of each statement (a statement that also reads a table in a
 * sub-select raises that table too: one recount more, never one less). The epochs move only
 * after the commit: a value computed while a write commits was read with the old epoch and is
 * dropped. Writes of another node, or past Camunda's MyBatis (this application makes none), are
 * not seen here: a cache must also bound the age of what it keeps.
 */
@Published
@Component
public class CommittedWrites extends AbstractProcessEnginePlugin {

  /** A table name in Camunda's SQL; column names also start with ACT_ but end with '_' (ACT_ID_). */
  private static final Pattern NAME = Pattern.compile("ACT_[A-Z0-9_]+", Pattern.CASE_INSENSITIVE);

  private final ConcurrentHashMap<String, AtomicLong> epochs = new ConcurrentHashMap<>();

  /** The tables written by the command context this thread flushes now, until its transaction ends. */
  private final ThreadLocal<Pending> pending = new ThreadLocal<>();

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // the engine opens a new MyBatis executor per command: every later command goes through this
    configuration.getSqlSessionFactory().getConfiguration().addInterceptor(new WriteListener());
  }

  /** The epochs of these tables now, to compare later with {@link #unchangedSince}. */
  public Snapshot snapshot(Collection<String> tables) {
    String[] names = tables.toArray(String[]::new);
    long[] values = new long[names.length];
    for (int i = 0; i < names.length; i++) {
      values[i] = epoch(names[i]);
    }
    return new Snapshot(names, values);
  }

  /** Whether no commit of this node has written to the snapshot's tables since it was taken. */
  public boolean unchangedSince(Snapshot snapshot) {
    for (int i = 0; i < snapshot.tables.length; i++) {
      if (epoch(snapshot.tables[i]) != snapshot.epochs[i]) {
        return false;
      }
    }
    return true;
  }

  /** How many committed transactions of this node have written to this table. */
  public long epoch(String table) {
    AtomicLong epoch = epochs.get(table.toUpperCase(Locale.ROOT));
    return epoch == null ? 0 : epoch.get();
  }

  /** The Camunda tables an SQL text names (upper case, without the schema prefix). */
  public static Set<String> tablesOf(String sql) {
    Set<String> tables = new TreeSet<>();
    Matcher matcher = NAME.matcher(sql);
    while (matcher.find()) {
      String name = matcher.group();
      if (!name.endsWith("_")) {
        tables.add(name.toUpperCase(Locale.ROOT));
      }
    }
    return tables;
  }

  /** Epochs read at one moment. */
  public static final class Snapshot {
    private final String[] tables;
    private final long[] epochs;

    private Snapshot(String[] tables, long[] epochs) {
      this.tables = tables;
      this.epochs = epochs;
    }
  }

  private void raise(Set<String> tables) {
    for (String table : tables) {
      epochs.computeIfAbsent(table, t -> new AtomicLong()).incrementAndGet();
    }
  }

  /** Tables written within one command context, raised once when its transaction has ended. */
  private final class Pending {
    final CommandContext context;
    final Set<String> tables = ConcurrentHashMap.newKeySet();

    Pending(CommandContext context) {
      this.context = context;
    }

    void ended(boolean committed) {
      if (committed) {
        raise(tables);
      }
      if (pending.get() == this) {
        pending.remove();
      }
    }
  }

  private void written(Set<String> tables) {
    CommandContext context = Context.getCommandContext();
    Pending current = pending.get();
    if (current != null && context != null && current.context == context) {
      current.tables.addAll(tables);
      return;
    }
    Pending next = new Pending(context);
    next.tables.addAll(tables);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      // Spring's transaction (the engine's own, or a caller's it joined): after it ends, whatever
      // the outcome Spring reports; "unknown" counts as committed
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          next.ended(status != STATUS_ROLLED_BACK);
        }
      });
    } else if (context != null) {
      context.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, c -> next.ended(true));
      context.getTransactionContext().addTransactionListener(TransactionState.ROLLED_BACK, c -> next.ended(false));
    } else {
      raise(tables);
      return;
    }
    if (context != null) {
      pending.set(next);
    }
  }

  @Intercepts(@Signature(type = Executor.class, method = "update", args = {MappedStatement.class, Object.class}))
  private final class WriteListener implements Interceptor {
    @Override
    public Object intercept(Invocation invocation) throws Throwable {
      MappedStatement statement = (MappedStatement) invocation.getArgs()[0];
      Set<String> tables = tablesOf(statement.getBoundSql(invocation.getArgs()[1]).getSql());
      if (!tables.isEmpty()) {
        // before the write runs: if it fails half-way, the transaction rolls back anyway
        written(tables);
      }
      return invocation.proceed();
    }
  }
}
