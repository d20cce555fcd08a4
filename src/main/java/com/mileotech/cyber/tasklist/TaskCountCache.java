package com.mileotech.cyber.tasklist;

import com.mileotech.cyber.system.CommittedWrites;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.ibatis.cache.CacheKey;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.mapping.ParameterMode;
import org.apache.ibatis.mapping.ResultMap;
import org.apache.ibatis.mapping.SqlCommandType;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.scripting.defaults.DefaultParameterHandler;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.reflection.MetaObject;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.FilterServiceImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterCountCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.query.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tasklist's counts, kept between pages. Every {@code POST /filter/{id}/list} (Tasklist's page:
 * Camunda's REST layer counts the whole filter for the HAL answer), every {@code GET
 * /filter/{id}/count} of the sidebar and every {@code GET /filter?itemCount=true} calls the
 * FilterService's count, which counts every task of the filter the user may see (19,000 for the
 * referent at the benchmark's size: most of a page's time, docs/bench.md).
 *
 * <p>Here the FilterService is Camunda's, except that its counts mark the count statement they
 * run; a MyBatis interceptor answers a marked statement from a kept count when the very same SQL,
 * with the very same parameters, was counted for the same user (their id, groups and tenants,
 * whether permission and tenant checks apply) while none of the tables the SQL reads, nor the
 * grants, memberships, groups, tenants and filters, has been written by this node since
 * (system/CommittedWrites), and not longer than {@code max-age} ago. The SQL and its parameters
 * are what the database would be asked: the filter's query, the search Tasklist adds to it, the
 * user's groups and tenants, the expressions evaluated, the permission check. Keying on them
 * rather than on a serialization of Camunda's query objects means no criterion can be forgotten.
 * To spare building that SQL when a count is kept, the key is first looked up by the query's whole
 * state (QueryFingerprint: every field, by reflection), which the SQL is a function of; the SQL is
 * built when no kept count answers for that state.
 *
 * <p>So on one node a count is exact: the next count after any change of this node, committed,
 * is computed again. Changes made by another node are seen when the kept count is older than
 * {@code max-age} (docs/production.md). Not kept: a count inside a caller's own transaction
 * (it must see that transaction's uncommitted writes), and a count of a filter with expressions
 * other than the user's identity ({@code ${now()}}: its parameters change with the clock, it
 * would never be asked for again).
 *
 * <p>After a change, a kept count is refreshed rather than counted again when it can be exactly:
 * a count of at most {@code max-tasks-per-count} tasks keeps their ids (the same SQL selecting
 * {@code distinct RES.ID_} instead of counting them), and when every transaction committed since
 * wrote only rows attributable to some tasks in the tables the count depends on
 * (CommittedWrites#tasksWrittenSince: task rows, their identity links, grants on one task), the
 * same SQL runs again with the task table restricted to those tasks ({@code from (select * from
 * ACT_RU_TASK where ID_ in (...)) RES}: whether a task is counted depends on its own row and rows
 * correlated with it, so the restricted SQL admits exactly the counted tasks among them), their
 * membership is replaced, and the count is the number of ids. Anything else (a membership, a
 * grant on a process definition or on every task, a filter, a deployment, a variable when the SQL
 * reads variables, more than {@value #MAX_REFRESHED} tasks, a log that no longer reaches back) and
 * {@code max-age} since the last full count still count in full.
 */
@Component
class TaskCountCache extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(TaskCountCache.class);

  static final String COUNT_STATEMENT = ".selectTaskCountByQueryCriteria";

  /** What a count depends on besides the tables its SQL reads: who the user is and what they may see. */
  static final List<String> ALSO_DEPENDS_ON = List.of("ACT_RU_AUTHORIZATION", "ACT_ID_MEMBERSHIP",
      "ACT_ID_TENANT_MEMBER", "ACT_ID_GROUP", "ACT_ID_TENANT", "ACT_RU_FILTER");

  /** The most tasks a refresh looks up in one statement; more: counted in full. */
  static final int MAX_REFRESHED = 500;

  /** Camunda's count head on H2 ({@code countDistinctBeforeStart} ... {@code BeforeEnd}). */
  private static final Pattern COUNT_HEAD = Pattern.compile("^\\s*select\\s+count\\s*\\(\\s*distinct\\s+RES\\.ID_\\s*\\)",
      Pattern.CASE_INSENSITIVE);
  /** The same on PostgreSQL: a count of a distinct sub-select, closed by {@code ) countDistinct}. */
  private static final Pattern SUBSELECT_HEAD = Pattern.compile(
      "^\\s*select\\s+count\\s*\\(\\s*\\*\\s*\\)\\s+from\\s*\\(\\s*select\\s+distinct\\s+RES\\.ID_(?=\\s+from\\s)",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern SUBSELECT_TAIL = Pattern.compile("\\)\\s*countDistinct\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern FROM_TASKS = Pattern.compile("\\bfrom\\s+([A-Za-z0-9_.]*ACT_RU_TASK)\\s+RES\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern TASK_TABLE = Pattern.compile("ACT_RU_TASK(?![A-Za-z0-9_])", Pattern.CASE_INSENSITIVE);

  private static final Set<String> IDENTITY_EXPRESSIONS = Set.of("${currentUser()}", "${currentUserGroups()}",
      "#{currentUser()}", "#{currentUserGroups()}");

  private final CommittedWrites writes;
  private volatile CountCacheProperties settings;
  private ProcessEngineConfigurationImpl engine;

  /** Least recently used first; guarded by itself. */
  private final Map<String, Kept> kept = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
      boolean remove = size() > settings.maxEntries();
      if (remove) {
        keptTasks -= eldest.getValue().size();
      }
      return remove;
    }
  };

  /** How many task ids the kept counts hold together; guarded by {@link #kept}. */
  private long keptTasks;

  /**
   * The key of a kept count by the state of the query asked (QueryFingerprint) and who asks: a count
   * asked again is found without building its SQL (most of a kept count's cost); least recently
   * used first, guarded by itself.
   */
  private final Map<String, String> keysByState = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
      return size() > settings.maxEntries();
    }
  };

  /** Per count statement, the same statement answering task ids. */
  private final Map<String, MappedStatement> idStatements = new ConcurrentHashMap<>();

  /** Set while a filter count of its own transaction runs: whether its value may be kept. */
  private final ThreadLocal<Boolean> counting = new ThreadLocal<>();

  private final AtomicLong computed = new AtomicLong();
  private final AtomicLong recounted = new AtomicLong();

  /** One background recount at a time, a few waiting at most: the database is not to be flooded by it. */
  private final ThreadPoolExecutor recounter = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
      new ArrayBlockingQueue<>(64), runnable -> {
        Thread thread = new Thread(runnable, "task-count-recount");
        thread.setDaemon(true);
        return thread;
      });
  /** Counts whose background recount is asked for or running. */
  private final Set<String> recounting = ConcurrentHashMap.newKeySet();
  /** The ids SQL of recounts, one string per text (many users share a filter's SQL). */
  private final Map<String, String> recountSql = new HashMap<>();
  private final AtomicLong sqlBuilt = new AtomicLong();
  private final AtomicLong reused = new AtomicLong();
  private final AtomicLong refreshed = new AtomicLong();
  private volatile Refresh lastRefresh;

  TaskCountCache(CommittedWrites writes, CountCacheProperties settings) {
    this.writes = writes;
    this.settings = settings;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    this.engine = configuration;
    configuration.setFilterService(new CountingFilterService());
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.getSqlSessionFactory().getConfiguration().addInterceptor(new CountStatement());
  }

  /** Filter counts that ran a statement in the database (kept or not, cache on or off). */
  long computed() {
    return computed.get();
  }

  /** Filter counts answered from a kept count. */
  long reused() {
    return reused.get();
  }

  /** Count statements whose SQL was built (a kept count found by its query's state builds none). */
  long sqlBuilt() {
    return sqlBuilt.get();
  }

  /** Filter counts answered from a kept count refreshed by the statement restricted to the tasks changed. */
  long refreshed() {
    return refreshed.get();
  }

  /** Tests: the statement of the last refresh, as the database was asked (plans). */
  Refresh lastRefresh() {
    return lastRefresh;
  }

  /** A statement with the values bound to its placeholders, in order. */
  record Refresh(String sql, List<Object> values) {}

  CountCacheProperties settings() {
    return settings;
  }

  /** Tests: other settings from now on. */
  void settings(CountCacheProperties settings) {
    this.settings = settings;
    synchronized (kept) {
      kept.clear();
      keptTasks = 0;
    }
    synchronized (keysByState) {
      keysByState.clear();
    }
  }

  /**
   * A kept count: the tasks it admitted (null: the number only), the epochs before it ran, when it
   * was counted in full, and how to count it in full again in the background (null: not done).
   */
  private record Kept(long count, Set<String> tasks, CommittedWrites.Snapshot epochs, long at, Recount recount) {
    long size() {
      return tasks == null ? 0 : tasks.size();
    }
  }

  /**
   * What a full count by ids needs to run again without the request that asked it: the ids SQL as
   * the database was asked, each placeholder's value with the type handler MyBatis bound it with,
   * and the tables the count depends on. The query's authorization and tenant checks are in the SQL
   * and its values: the same user's count, whoever runs it.
   */
  private record Recount(MappedStatement statement, String sql, List<ParameterMapping> mappings, List<Object> values,
      Set<String> tables) {}

  private final class CountingFilterService extends FilterServiceImpl {
    @Override
    public Filter getFilter(String filterId) {
      Filter filter = super.getFilter(filterId);
      // the REST layer's own load, READ checked: the page and the count of this request extend it
      FilterRequests.loaded(filter, engine.getIdentityService().getCurrentAuthentication());
      return filter;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T, Q extends Query<?, T>> List<T> listPage(String filterId, Q extendingQuery, int firstResult,
        int maxResults) {
      return (List<T>) commandExecutor.execute(new FilterPage(filterId, extendingQuery, firstResult, maxResults));
    }

    @Override
    public Long count(String filterId) {
      return count(filterId, null);
    }

    @Override
    public Long count(String filterId, Query<?, ?> extendingQuery) {
      // inside a caller's transaction the count must see its uncommitted writes: Camunda's as is
      boolean ownTransaction = !TransactionSynchronizationManager.isActualTransactionActive()
          && Context.getCommandContext() == null;
      return commandExecutor.execute(ownTransaction ? new MarkedCount(filterId, extendingQuery)
          : new ExecuteFilterCountCmd(filterId, extendingQuery));
    }
  }

  /** Camunda's filter count (the filter's READ check, the extension, the count) with its statement marked. */
  private final class MarkedCount extends ExecuteFilterCountCmd {
    private static final long serialVersionUID = 1L;

    MarkedCount(String filterId, Query<?, ?> extendingQuery) {
      super(filterId, extendingQuery);
    }

    @Override
    protected Filter getFilter(CommandContext commandContext) {
      Filter loaded = FilterRequests.extendLoaded(filterId, extendingQuery, commandContext.getAuthentication());
      return loaded != null ? loaded : super.getFilter(commandContext);
    }

    @Override
    public Long execute(CommandContext commandContext) {
      Query<?, ?> query = getFilter(commandContext).getQuery();
      counting.set(keepable(query));
      try {
        return query.count();
      } finally {
        counting.remove();
      }
    }
  }

  /** Whether a filter's query evaluates nothing but the user's identity (not the clock). */
  static boolean keepable(Query<?, ?> query) {
    if (!(query instanceof TaskQueryImpl task)) {
      return false;
    }
    List<TaskQueryImpl> parts = new ArrayList<>(task.getQueries());
    parts.add(task);
    for (TaskQueryImpl part : parts) {
      for (String expression : part.getExpressions().values()) {
        if (expression != null && !IDENTITY_EXPRESSIONS.contains(expression.replaceAll("\\s", ""))) {
          return false;
        }
      }
    }
    return true;
  }

  @Intercepts(@Signature(type = Executor.class, method = "query",
      args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}))
  private final class CountStatement implements Interceptor {
    @Override
    public Object intercept(Invocation invocation) throws Throwable {
      Boolean keepable = counting.get();
      MappedStatement statement = (MappedStatement) invocation.getArgs()[0];
      if (keepable == null || !statement.getId().endsWith(COUNT_STATEMENT)) {
        return invocation.proceed();
      }
      return count(invocation, statement, keepable);
    }
  }

  private Object count(Invocation invocation, MappedStatement statement, boolean keepable) throws Throwable {
    CountCacheProperties now = settings;
    if (!now.enabled()) {
      computed.incrementAndGet();
      return invocation.proceed();
    }
    Object[] args = invocation.getArgs();
    Object parameter = args[1];
    RowBounds rows = (RowBounds) args[2];
    // a count that may be kept is first looked for by its query's state, its SQL not built
    String state = keepable ? stateKey(statement, parameter) : null;
    if (state != null) {
      String known;
      synchronized (keysByState) {
        known = keysByState.get(state);
      }
      Kept found;
      synchronized (kept) {
        found = known == null ? null : kept.get(known);
      }
      long age = found == null ? -1 : ClockUtil.getCurrentTime().getTime() - found.at();
      if (found != null && age >= 0 && age < now.maxAge().toMillis() && writes.unchangedSince(found.epochs())) {
        reused.incrementAndGet();
        recountAhead(known, found, age, now);
        return single(found.count());
      }
    }
    BoundSql sql = statement.getBoundSql(parameter);
    sqlBuilt.incrementAndGet();
    String key = key(statement, parameter, sql);
    if (state != null && key != null) {
      synchronized (keysByState) {
        keysByState.put(state, key);
      }
    }
    // epochs and time read BEFORE counting: a write committing meanwhile raises an epoch after
    // this point, so what is counted now is never kept past that write
    Set<String> tables = key == null ? null : dependencies(sql.getSql());
    CommittedWrites.Snapshot epochs = key == null ? null : writes.snapshot(tables);
    long at = ClockUtil.getCurrentTime().getTime();
    Kept found = null;
    if (key != null) {
      synchronized (kept) {
        found = kept.get(key);
      }
      long age = found == null ? -1 : at - found.at();
      boolean young = found != null && age >= 0 && age < now.maxAge().toMillis();
      if (young && writes.unchangedSince(found.epochs())) {
        reused.incrementAndGet();
        recountAhead(key, found, age, now);
        return single(found.count());
      }
      if (young && keepable && found.tasks() != null) {
        Long count = refresh(invocation, statement, parameter, sql, key, found, epochs, now);
        if (count != null) {
          recountAhead(key, found, age, now);
          return single(count);
        }
      }
    }
    computed.incrementAndGet();
    Executor executor = (Executor) invocation.getTarget();
    IdsSql shape = key != null && keepable ? IdsSql.of(sql) : null;
    if (shape != null && now.maxTasksPerCount() > 0
        && (found == null || found.tasks() != null || found.count() <= now.maxTasksPerCount())) {
      // counted by their ids, kept to be refreshed later (a count known to be larger: by number)
      Set<String> tasks = new HashSet<>(ids(executor, statement, parameter, sql, shape, null));
      keep(key, new Kept(tasks.size(), tasks, epochs, at, recount(statement, parameter, sql, shape, tables)), now);
      return single(tasks.size());
    }
    // what the executor's own query(4 arguments) does, with the SQL evaluated once
    CacheKey cacheKey = executor.createCacheKey(statement, parameter, rows, sql);
    List<Object> result = executor.query(statement, parameter, rows, (ResultHandler<?>) args[3], cacheKey, sql);
    if (key != null && keepable && result.size() == 1 && result.get(0) instanceof Long count) {
      keep(key, new Kept(count, null, epochs, at, null), now);
    }
    return result;
  }

  /**
   * The kept count brought up to date by looking again at the tasks written since it was kept, or
   * null when that cannot be done exactly (the caller counts in full). The time of the last full
   * count stays: max-age still bounds what another node changed.
   */
  private Long refresh(Invocation invocation, MappedStatement statement, Object parameter, BoundSql sql, String key,
      Kept found, CommittedWrites.Snapshot epochs, CountCacheProperties now) throws Exception {
    Set<String> touched = writes.tasksWrittenSince(found.epochs());
    IdsSql shape = IdsSql.of(sql);
    if (touched == null || touched.size() > MAX_REFRESHED || shape == null) {
      return null;
    }
    Set<String> tasks = new HashSet<>(found.tasks());
    tasks.removeAll(touched);
    if (touched.isEmpty()) {
      reused.incrementAndGet();
    } else {
      refreshed.incrementAndGet();
      tasks.addAll(ids((Executor) invocation.getTarget(), statement, parameter, sql, shape, touched));
    }
    keep(key, new Kept(tasks.size(), tasks, epochs, found.at(), found.recount()), now);
    return (long) tasks.size();
  }

  /**
   * A count still in use late in its max-age is counted in full again in the background (one at a
   * time per count), so that the request reaching max-age finds a young count instead of waiting
   * for the whole filter. What is served meanwhile is what would be served anyway: a count younger
   * than max-age with nothing of this node changed since, or refreshed from the tasks changed.
   */
  private void recountAhead(String key, Kept found, long age, CountCacheProperties now) {
    if (found.recount() == null || now.refreshAhead() <= 0 || age < now.maxAge().toMillis() * now.refreshAhead()
        || !recounting.add(key)) {
      return;
    }
    try {
      recounter.execute(() -> {
        try {
          recount(key, found.recount());
        } catch (RuntimeException e) {
          // the count stays as it was: the request that reaches max-age counts it in full
          LOG.debug("Background recount of a kept task count failed", e);
        } finally {
          recounting.remove(key);
        }
      });
    } catch (RejectedExecutionException busy) {
      recounting.remove(key);
    }
  }

  /** The full count by ids again, kept when no newer full count took its place meanwhile. */
  private void recount(String key, Recount recount) {
    // epochs and time before counting, as for a count of a request
    CommittedWrites.Snapshot epochs = writes.snapshot(recount.tables());
    long at = ClockUtil.getCurrentTime().getTime();
    Set<String> tasks = engine.getCommandExecutorTxRequiresNew().execute(context -> {
      BoundSql bound = new BoundSql(recount.statement().getConfiguration(), recount.sql(), recount.mappings(),
          new HashMap<String, Object>());
      for (int i = 0; i < recount.values().size(); i++) {
        bound.setAdditionalParameter(recount.mappings().get(i).getProperty(), recount.values().get(i));
      }
      Set<String> ids = new HashSet<>();
      try (PreparedStatement statement = context.getDbSqlSession().getSqlSession().getConnection()
          .prepareStatement(recount.sql())) {
        new DefaultParameterHandler(recount.statement(), bound.getParameterObject(), bound).setParameters(statement);
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            ids.add(rows.getString(1));
          }
        }
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      return ids;
    });
    CountCacheProperties now = settings;
    synchronized (kept) {
      Kept current = kept.get(key);
      if (current != null && current.at() >= at) {
        return;
      }
    }
    keep(key, new Kept(tasks.size(), tasks, epochs, at, recount), now);
    recounted.incrementAndGet();
  }

  /** How to run a full count by ids again (null when its values cannot be bound again exactly). */
  private Recount recount(MappedStatement count, Object parameter, BoundSql sql, IdsSql shape, Set<String> tables) {
    Configuration mybatis = count.getConfiguration();
    List<Object> values = values(mybatis, parameter, sql);
    List<ParameterMapping> mappings = new ArrayList<>(values.size());
    for (int i = 0; i < sql.getParameterMappings().size(); i++) {
      ParameterMapping original = sql.getParameterMappings().get(i);
      if (original.getMode() != ParameterMode.IN && original.getMode() != null) {
        return null;
      }
      mappings.add(new ParameterMapping.Builder(mybatis, "mileoRecount" + i, original.getTypeHandler())
          .jdbcType(original.getJdbcType()).build());
    }
    String text;
    synchronized (recountSql) {
      if (recountSql.size() > 1_000) {
        recountSql.clear();
      }
      text = recountSql.computeIfAbsent(shape.sql(), t -> t);
    }
    return new Recount(count, text, List.copyOf(mappings), java.util.Collections.unmodifiableList(values), tables);
  }

  /** Tests: waits until every background recount asked for so far is done. */
  void awaitRecounts() throws Exception {
    recounter.submit(() -> { }).get();
  }

  /** Kept counts counted in full again in the background. */
  long recounted() {
    return recounted.get();
  }

  /** Keeps a count, with its tasks while the caps allow, else its number only. */
  private void keep(String key, Kept entry, CountCacheProperties now) {
    synchronized (kept) {
      Kept old = kept.remove(key);
      if (old != null) {
        keptTasks -= old.size();
      }
      if (entry.tasks() != null
          && (entry.size() > now.maxTasksPerCount() || keptTasks + entry.size() > now.maxTasks())) {
        entry = new Kept(entry.count(), null, entry.epochs(), entry.at(), null);
      }
      keptTasks += entry.size();
      kept.put(key, entry);
    }
  }

  private static List<Object> single(long count) {
    List<Object> result = new ArrayList<>(1);
    result.add(count);
    return result;
  }

  /**
   * The count statement's SQL answering the ids of the tasks it counts, and where the task table
   * is: Camunda's {@code select count(distinct RES.ID_ ) from ACT_RU_TASK RES ...} (H2), or
   * {@code SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_ from ACT_RU_TASK RES ...) countDistinct}
   * (PostgreSQL), as {@code select distinct RES.ID_ from ...}. Null for any other shape, or when the SQL reads
   * the task table a second time (a restriction of RES would then not be one of the tasks only).
   */
  record IdsSql(String sql, int from, int to, String table, int parametersBefore) {

    static IdsSql of(BoundSql count) {
      String text = count.getSql();
      Matcher head = COUNT_HEAD.matcher(text);
      Matcher subselect = SUBSELECT_HEAD.matcher(text);
      Matcher tail = SUBSELECT_TAIL.matcher(text);
      String ids;
      if (head.find()) {
        ids = "select distinct RES.ID_" + text.substring(head.end());
      } else if (subselect.find() && tail.find() && tail.start() > subselect.end()) {
        ids = "select distinct RES.ID_" + text.substring(subselect.end(), tail.start());
      } else {
        return null;
      }
      Matcher tasks = FROM_TASKS.matcher(ids);
      if (!tasks.find()) {
        return null;
      }
      IdsSql shape = new IdsSql(ids, tasks.start(), tasks.end(), tasks.group(1), marks(ids.substring(0, tasks.start())));
      Matcher table = TASK_TABLE.matcher(ids);
      int reads = 0;
      while (table.find()) {
        reads++;
      }
      return reads == 1 && marks(ids) == count.getParameterMappings().size() ? shape : null;
    }

    /** The same, its task table restricted to this many ids (placeholders). */
    String restricted(int tasks) {
      StringBuilder text = new StringBuilder(sql.length() + 64 + 2 * tasks);
      text.append(sql, 0, from).append("from (select * from ").append(table).append(" where ID_ in (");
      for (int i = 0; i < tasks; i++) {
        text.append(i == 0 ? "?" : ", ?");
      }
      return text.append(")) RES").append(sql, to, sql.length()).toString();
    }

    private static int marks(String text) {
      int marks = 0;
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == '?') {
          marks++;
        }
      }
      return marks;
    }
  }

  /** Runs the ids form of a count statement (restricted to some tasks unless null): the ids it admits. */
  private List<String> ids(Executor executor, MappedStatement count, Object parameter, BoundSql sql, IdsSql shape,
      Collection<String> only) throws Exception {
    Configuration mybatis = count.getConfiguration();
    List<ParameterMapping> mappings = new ArrayList<>(sql.getParameterMappings());
    String text = shape.sql();
    Map<String, Object> extra = new LinkedHashMap<>(sql.getAdditionalParameters());
    if (only != null) {
      text = shape.restricted(only.size());
      List<ParameterMapping> restriction = new ArrayList<>(only.size());
      int i = 0;
      for (String task : only) {
        String name = "mileoCountedTask" + i++;
        restriction.add(new ParameterMapping.Builder(mybatis, name, String.class).build());
        extra.put(name, task);
      }
      mappings.addAll(shape.parametersBefore(), restriction);
    }
    BoundSql bound = new BoundSql(mybatis, text, mappings, parameter);
    bound.getAdditionalParameters().putAll(extra);
    if (only != null) {
      lastRefresh = new Refresh(text, values(mybatis, parameter, bound));
    }
    MappedStatement statement = idStatements.computeIfAbsent(count.getId(), id -> new MappedStatement.Builder(mybatis,
        id + "-mileoTaskIds", count.getSqlSource(), SqlCommandType.SELECT)
        .resultMaps(List.of(new ResultMap.Builder(mybatis, id + "-mileoTaskIds-Inline", String.class, new ArrayList<>())
            .build()))
        .statementType(count.getStatementType()).timeout(count.getTimeout()).resource(count.getResource())
        .databaseId(count.getDatabaseId()).build());
    CacheKey cacheKey = executor.createCacheKey(statement, parameter, RowBounds.DEFAULT, bound);
    return executor.query(statement, parameter, RowBounds.DEFAULT, Executor.NO_RESULT_HANDLER, cacheKey, bound);
  }

  private static Set<String> dependencies(String sql) {
    Set<String> tables = new TreeSet<>(CommittedWrites.tablesOf(sql));
    tables.addAll(ALSO_DEPENDS_ON);
    return tables;
  }

  /**
   * A digest of the user, the checks that apply, the SQL and each parameter's value as MyBatis
   * binds it (DefaultParameterHandler's rules); null (not kept) when a value is of a type not
   * written here exactly.
   */
  private String key(MappedStatement statement, Object parameter, BoundSql sql) {
    StringBuilder text = new StringBuilder(sql.getSql().length() + 512);
    asker(text, statement);
    part(text, sql.getSql());
    Configuration mybatis = statement.getConfiguration();
    MetaObject meta = null;
    for (ParameterMapping mapping : sql.getParameterMappings()) {
      if (mapping.getMode() == ParameterMode.OUT) {
        continue;
      }
      String property = mapping.getProperty();
      Object value;
      if (sql.hasAdditionalParameter(property)) {
        value = sql.getAdditionalParameter(property);
      } else if (parameter == null) {
        value = null;
      } else if (mybatis.getTypeHandlerRegistry().hasTypeHandler(parameter.getClass())) {
        value = parameter;
      } else {
        meta = meta == null ? mybatis.newMetaObject(parameter) : meta;
        value = meta.getValue(property);
      }
      String written = written(value);
      if (written == null) {
        return null;
      }
      part(text, written);
    }
    return digest(text);
  }

  /**
   * The same asker and statement with the query's whole state instead of its SQL: equal states
   * build equal SQL with equal values, so this finds the key {@link #key} gave them; null when the
   * state cannot be written exactly.
   */
  private String stateKey(MappedStatement statement, Object parameter) {
    String state = QueryFingerprint.of(parameter);
    if (state == null) {
      return null;
    }
    StringBuilder text = new StringBuilder(state.length() + 512);
    asker(text, statement);
    part(text, state);
    return digest(text);
  }

  /** Who asks and what may apply to them, and the statement: never a count of another user, even where the SQL would be the same. */
  private void asker(StringBuilder text, MappedStatement statement) {
    CommandContext context = Context.getCommandContext();
    Authentication user = context.getAuthentication();
    part(text, user == null ? "-" : "u" + user.getUserId());
    part(text, user == null ? "-" : String.valueOf(user.getGroupIds() == null ? null : new TreeSet<>(user.getGroupIds())));
    part(text, user == null ? "-" : String.valueOf(user.getTenantIds() == null ? null : new TreeSet<>(user.getTenantIds())));
    part(text, String.valueOf(engine.isAuthorizationEnabled() && context.isAuthorizationCheckEnabled()));
    part(text, String.valueOf(context.getTenantManager().isTenantCheckEnabled()));
    part(text, statement.getId());
  }

  private static String digest(StringBuilder text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      return null;
    }
  }

  /** The values MyBatis binds to a statement's placeholders (DefaultParameterHandler's rules). */
  private static List<Object> values(Configuration mybatis, Object parameter, BoundSql sql) {
    List<Object> values = new ArrayList<>();
    MetaObject meta = null;
    for (ParameterMapping mapping : sql.getParameterMappings()) {
      String property = mapping.getProperty();
      if (sql.hasAdditionalParameter(property)) {
        values.add(sql.getAdditionalParameter(property));
      } else if (parameter == null) {
        values.add(null);
      } else if (mybatis.getTypeHandlerRegistry().hasTypeHandler(parameter.getClass())) {
        values.add(parameter);
      } else {
        meta = meta == null ? mybatis.newMetaObject(parameter) : meta;
        values.add(meta.getValue(property));
      }
    }
    return values;
  }

  /** A parameter's value, typed, exactly (as the query's state writes it); null for a type not handled here. */
  private static String written(Object value) {
    return value == null ? "null" : QueryFingerprint.scalar(value);
  }

  /** Length-prefixed, so that no value can pass for two. */
  private static void part(StringBuilder text, String value) {
    text.append(value.length()).append(':').append(value);
  }
}
