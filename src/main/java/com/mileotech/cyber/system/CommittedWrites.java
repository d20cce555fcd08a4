package com.mileotech.cyber.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
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
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
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
 *
 * <p>Each committed transaction is also logged (the last {@value #LOG_SIZE}), with the tasks it
 * wrote when every write it made to a table can be attributed to tasks: a task row inserted,
 * updated or deleted, a task's identity link, a grant on one task (resource type Task, one
 * resource id) or on a resource type no task query checks (none). Any other write (bulk statements, grants on anything else or on every task,
 * memberships, filters, process definitions, executions, variables...) leaves its table
 * "unattributed". {@link #tasksWrittenSince} answers, for a snapshot's tables, which tasks were
 * written since, or that it cannot say (tasklist/TaskCountCache then counts in full).
 */
@Published
@Component
public class CommittedWrites extends AbstractProcessEnginePlugin {

  /** A table name in Camunda's SQL; column names also start with ACT_ but end with '_' (ACT_ID_). */
  private static final Pattern NAME = Pattern.compile("ACT_[A-Z0-9_]+", Pattern.CASE_INSENSITIVE);

  /** How many committed transactions the log keeps: a snapshot older than that is refreshed in full. */
  public static final int LOG_SIZE = 10_000;

  private final ConcurrentHashMap<String, AtomicLong> epochs = new ConcurrentHashMap<>();

  /** The committed transactions that wrote, oldest first; guarded by itself. */
  private final ArrayDeque<Change> log = new ArrayDeque<>();

  /** The sequence number of the last logged transaction; written under the log's lock. */
  private volatile long sequence;

  /** The tables written by the command context this thread flushes now, until its transaction ends. */
  private final ThreadLocal<Pending> pending = new ThreadLocal<>();

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // the engine opens a new MyBatis executor per command: every later command goes through this
    configuration.getSqlSessionFactory().getConfiguration().addInterceptor(new WriteListener());
  }

  /** The epochs of these tables now, to compare later with {@link #unchangedSince}. */
  public Snapshot snapshot(Collection<String> tables) {
    // the sequence first: a transaction logged after it is always reported by tasksWrittenSince
    long at = sequence;
    String[] names = tables.toArray(String[]::new);
    long[] values = new long[names.length];
    for (int i = 0; i < names.length; i++) {
      values[i] = epoch(names[i]);
    }
    return new Snapshot(names, values, at);
  }

  /**
   * The tasks that the transactions of this node committed since the snapshot was taken wrote in
   * the snapshot's tables, or null when that cannot be said exactly: one of them made a write to
   * those tables not attributable to tasks, or the log no longer reaches back to the snapshot. A
   * transaction logged since may also have committed before the snapshot (its tasks are then
   * reported once more: harmless); one committed after it is always reported.
   */
  public Set<String> tasksWrittenSince(Snapshot snapshot) {
    Set<String> tasks = new HashSet<>();
    synchronized (log) {
      if (sequence == snapshot.sequence) {
        return tasks;
      }
      Change oldest = log.peekFirst();
      if (oldest == null || oldest.sequence > snapshot.sequence + 1) {
        return null;
      }
      Iterator<Change> newestFirst = log.descendingIterator();
      while (newestFirst.hasNext()) {
        Change change = newestFirst.next();
        if (change.sequence <= snapshot.sequence) {
          break;
        }
        for (String table : snapshot.tables) {
          if (change.unattributed.contains(table)) {
            return null;
          }
          if (change.tables.contains(table)) {
            tasks.addAll(change.tasks);
          }
        }
      }
    }
    return tasks;
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

  /** Epochs read at one moment, with the log's sequence number then. */
  public static final class Snapshot {
    private final String[] tables;
    private final long[] epochs;
    private final long sequence;

    private Snapshot(String[] tables, long[] epochs, long sequence) {
      this.tables = tables;
      this.epochs = epochs;
      this.sequence = sequence;
    }
  }

  /** One committed transaction: the tables it wrote, those of them not attributable to tasks, its tasks. */
  private record Change(long sequence, Set<String> tables, Set<String> unattributed, Set<String> tasks) {}

  private void raise(Set<String> tables, Set<String> unattributed, Set<String> tasks) {
    synchronized (log) {
      // logged before the epochs move: whoever sees a raised epoch finds the transaction in the log
      log.addLast(new Change(sequence + 1, Set.copyOf(tables), Set.copyOf(unattributed), Set.copyOf(tasks)));
      sequence = sequence + 1;
      if (log.size() > LOG_SIZE) {
        log.removeFirst();
      }
    }
    for (String table : tables) {
      epochs.computeIfAbsent(table, t -> new AtomicLong()).incrementAndGet();
    }
  }

  /** Tables written within one command context, raised once when its transaction has ended. */
  private final class Pending {
    final CommandContext context;
    final Set<String> tables = ConcurrentHashMap.newKeySet();
    final Set<String> unattributed = ConcurrentHashMap.newKeySet();
    final Set<String> tasks = ConcurrentHashMap.newKeySet();

    void add(Set<String> written, Set<String> writtenTasks) {
      tables.addAll(written);
      if (writtenTasks == null) {
        unattributed.addAll(written);
      } else {
        tasks.addAll(writtenTasks);
      }
    }

    Pending(CommandContext context) {
      this.context = context;
    }

    void ended(boolean committed) {
      if (committed) {
        raise(tables, unattributed, tasks);
      }
      if (pending.get() == this) {
        pending.remove();
      }
    }
  }

  private void written(Set<String> tables, Set<String> tasks) {
    CommandContext context = Context.getCommandContext();
    Pending current = pending.get();
    if (current != null && context != null && current.context == context) {
      current.add(tables, tasks);
      return;
    }
    Pending next = new Pending(context);
    next.add(tables, tasks);
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
      raise(next.tables, next.unattributed, next.tasks);
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
      Object parameter = invocation.getArgs()[1];
      Set<String> tables = tablesOf(statement.getBoundSql(parameter).getSql());
      if (!tables.isEmpty()) {
        // before the write runs: if it fails half-way, the transaction rolls back anyway
        written(tables, tasksOf(statement, parameter, (Executor) invocation.getTarget()));
      }
      return invocation.proceed();
    }
  }

  /**
   * The tasks whose rows in ACT_RU_TASK, ACT_RU_IDENTITYLINK or ACT_RU_AUTHORIZATION this write
   * changes, when it changes nothing else; null when it cannot be said (the write's tables are then
   * "unattributed"). Camunda's task query reads an identity link only through its TASK_ID_ and a
   * grant of resource type Task only through its RESOURCE_ID_ (Task.xml and its MILEO PATCH):
   * such a row can change whether its own task is counted, and no other. Which grants a user's
   * groups hold at all is read before the query and bound as its parameters (a count's key).
   */
  static Set<String> tasksOf(MappedStatement statement, Object parameter, Executor executor) throws SQLException {
    String id = statement.getId().substring(statement.getId().lastIndexOf('.') + 1);
    switch (id) {
      case "insertTask", "updateTask", "deleteTask" -> {
        return parameter instanceof TaskEntity task && task.getId() != null ? Set.of(task.getId()) : null;
      }
      case "insertIdentityLink", "deleteIdentityLink" -> {
        // Camunda deletes an entity with the entity as parameter; a link of a process definition
        // (candidate starter) is not a task's
        return parameter instanceof IdentityLinkEntity link && link.getTaskId() != null ? Set.of(link.getTaskId()) : null;
      }
      case "insertAuthorization", "deleteAuthorization" -> {
        return parameter instanceof AuthorizationEntity grant ? taskOf(grant.getResourceType(), grant.getResourceId()) : null;
      }
      case "updateAuthorization" -> {
        // the row may move from one resource to another: the tasks of both, the old read first
        if (!(parameter instanceof AuthorizationEntity grant) || grant.getId() == null) {
          return null;
        }
        Set<String> after = taskOf(grant.getResourceType(), grant.getResourceId());
        Set<String> before = after == null ? null : resourceBefore(statement, parameter, grant.getId(), executor);
        if (before == null) {
          return null;
        }
        Set<String> both = new HashSet<>(after);
        both.addAll(before);
        return both;
      }
      case "deleteAuthorizationsForResourceId", "deleteAuthorizationsForResourceIdAndUserId",
          "deleteAuthorizationsForResourceIdAndGroupId" -> {
        return parameter instanceof Map<?, ?> where && where.get("resourceType") instanceof Integer type
            && where.get("resourceId") instanceof String resource ? taskOf(type, resource) : null;
      }
      default -> {
        // Camunda's removal-time updates set REMOVAL_TIME_ only, a column no task count reads
        return id.startsWith("updateAuthorizationsByRootProcessInstanceId")
            || id.startsWith("updateAuthorizationsByProcessInstanceId") ? Set.of() : null;
      }
    }
  }

  /**
   * The tasks a grant row can make visible or not: its one task (resource type Task); none for a
   * resource type the task query never checks (it checks Task on RES.ID_ and ProcessDefinition on
   * the definition's key only: AuthorizationManager.configureTaskQuery); null (not attributable)
   * for a grant on every task, on a process definition (all its tasks) or of no type.
   */
  private static Set<String> taskOf(Integer resourceType, String resourceId) {
    if (resourceType == null || resourceType == Resources.PROCESS_DEFINITION.resourceType()) {
      return null;
    }
    if (resourceType != Resources.TASK.resourceType()) {
      return Set.of();
    }
    return resourceId != null && !Authorization.ANY.equals(resourceId) ? Set.of(resourceId) : null;
  }

  /** The task a grant row is on before this update changes it (the same transaction's connection), or null. */
  private static Set<String> resourceBefore(MappedStatement statement, Object parameter, String id, Executor executor)
      throws SQLException {
    Matcher table = Pattern.compile("update\\s+(\\S*ACT_RU_AUTHORIZATION)\\s+set", Pattern.CASE_INSENSITIVE)
        .matcher(statement.getBoundSql(parameter).getSql());
    if (!table.find()) {
      return null;
    }
    Connection connection = executor.getTransaction().getConnection();
    try (PreparedStatement read = connection.prepareStatement(
        "select RESOURCE_TYPE_, RESOURCE_ID_ from " + table.group(1) + " where ID_ = ?")) {
      read.setString(1, id);
      try (ResultSet row = read.executeQuery()) {
        if (!row.next()) {
          return Set.of();
        }
        int type = row.getInt(1);
        return row.wasNull() ? null : taskOf(type, row.getString(2));
      }
    }
  }
}
