package com.mileotech.cyber.tasklist;

import com.mileotech.cyber.system.CommittedWrites;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ibatis.cache.CacheKey;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.mapping.ParameterMode;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.reflection.MetaObject;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
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
 *
 * <p>So on one node a count is exact: the next count after any change of this node, committed,
 * is computed again. Changes made by another node are seen when the kept count is older than
 * {@code max-age} (docs/production.md). Not kept: a count inside a caller's own transaction
 * (it must see that transaction's uncommitted writes), and a count of a filter with expressions
 * other than the user's identity ({@code ${now()}}: its parameters change with the clock, it
 * would never be asked for again).
 */
@Component
class TaskCountCache extends AbstractProcessEnginePlugin {

  static final String COUNT_STATEMENT = ".selectTaskCountByQueryCriteria";

  /** What a count depends on besides the tables its SQL reads: who the user is and what they may see. */
  static final List<String> ALSO_DEPENDS_ON = List.of("ACT_RU_AUTHORIZATION", "ACT_ID_MEMBERSHIP",
      "ACT_ID_TENANT_MEMBER", "ACT_ID_GROUP", "ACT_ID_TENANT", "ACT_RU_FILTER");

  private static final Set<String> IDENTITY_EXPRESSIONS = Set.of("${currentUser()}", "${currentUserGroups()}",
      "#{currentUser()}", "#{currentUserGroups()}");

  private final CommittedWrites writes;
  private volatile CountCacheProperties settings;
  private ProcessEngineConfigurationImpl engine;

  /** Least recently used first; guarded by itself. */
  private final Map<String, Kept> kept = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
      return size() > settings.maxEntries();
    }
  };

  /** Set while a filter count of its own transaction runs: whether its value may be kept. */
  private final ThreadLocal<Boolean> counting = new ThreadLocal<>();

  private final AtomicLong computed = new AtomicLong();
  private final AtomicLong reused = new AtomicLong();

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

  CountCacheProperties settings() {
    return settings;
  }

  /** Tests: other settings from now on. */
  void settings(CountCacheProperties settings) {
    this.settings = settings;
    synchronized (kept) {
      kept.clear();
    }
  }

  private record Kept(long count, CommittedWrites.Snapshot epochs, long at) {}

  private final class CountingFilterService extends FilterServiceImpl {
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
    BoundSql sql = statement.getBoundSql(parameter);
    String key = key(statement, parameter, sql);
    // epochs and time read BEFORE counting: a write committing meanwhile raises an epoch after
    // this point, so what is counted now is never kept past that write
    CommittedWrites.Snapshot epochs = key == null ? null : writes.snapshot(dependencies(sql.getSql()));
    long at = ClockUtil.getCurrentTime().getTime();
    if (key != null) {
      Kept found;
      synchronized (kept) {
        found = kept.get(key);
      }
      long age = found == null ? -1 : at - found.at();
      if (found != null && age >= 0 && age < now.maxAge().toMillis() && writes.unchangedSince(found.epochs())) {
        reused.incrementAndGet();
        List<Object> result = new ArrayList<>(1);
        result.add(found.count());
        return result;
      }
    }
    computed.incrementAndGet();
    // what the executor's own query(4 arguments) does, with the SQL evaluated once
    Executor executor = (Executor) invocation.getTarget();
    CacheKey cacheKey = executor.createCacheKey(statement, parameter, rows, sql);
    List<Object> result = executor.query(statement, parameter, rows, (ResultHandler<?>) args[3], cacheKey, sql);
    if (key != null && keepable && result.size() == 1 && result.get(0) instanceof Long count) {
      synchronized (kept) {
        kept.put(key, new Kept(count, epochs, at));
      }
    }
    return result;
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
    CommandContext context = Context.getCommandContext();
    Authentication user = context.getAuthentication();
    StringBuilder text = new StringBuilder(sql.getSql().length() + 512);
    // the user, explicitly: never a count of another user, even where the SQL would be the same
    part(text, user == null ? "-" : "u" + user.getUserId());
    part(text, user == null ? "-" : String.valueOf(user.getGroupIds() == null ? null : new TreeSet<>(user.getGroupIds())));
    part(text, user == null ? "-" : String.valueOf(user.getTenantIds() == null ? null : new TreeSet<>(user.getTenantIds())));
    part(text, String.valueOf(engine.isAuthorizationEnabled() && context.isAuthorizationCheckEnabled()));
    part(text, String.valueOf(context.getTenantManager().isTenantCheckEnabled()));
    part(text, statement.getId());
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
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      return null;
    }
  }

  /** A parameter's value, typed, exactly; null for a type not handled here. */
  private static String written(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      return "s" + s;
    }
    if (value instanceof Date d) {
      // a JDBC timestamp keeps nanoseconds beyond getTime(), and its toInstant() has them; a JDBC
      // day has no instant (UnsupportedOperationException): its milliseconds say it exactly
      try {
        return "d" + d.getClass().getName() + ":" + d.toInstant();
      } catch (UnsupportedOperationException dayOnly) {
        return "d" + d.getClass().getName() + ":" + d.getTime();
      }
    }
    if (value instanceof Enum<?> e) {
      return "e" + e.getDeclaringClass().getName() + "." + e.name();
    }
    if ((value instanceof Number || value instanceof Boolean || value instanceof Character)
        && value.getClass().getName().startsWith("java.")) {
      return value.getClass().getName() + ":" + value;
    }
    return null;
  }

  /** Length-prefixed, so that no value can pass for two. */
  private static void part(StringBuilder text, String value) {
    text.append(value.length()).append(':').append(value);
  }
}
