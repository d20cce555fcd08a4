package com.mileotech.cyber.security;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.HistoricEntity;
import org.camunda.bpm.engine.impl.db.ListQueryParameterObject;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.operation.DbBulkOperation;
import org.camunda.bpm.engine.impl.db.entitymanager.operation.DbOperationType;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSession;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.ActivityStatisticsImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AttachmentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.CommentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.EventSubscriptionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExternalTaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IncidentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;

/**
 * Camunda's entity manager, except that the entities of a client (tenant) the authenticated user
 * does not belong to do not exist for them: another client's task, execution, job, variable,
 * external task, incident, event subscription or history row is, for every command and so for
 * every REST endpoint (/engine-rest and the webapps' /camunda/api/engine alike), exactly an unknown
 * id. Camunda's own tenant check finds the entity first and then refuses it with its own error
 * (ENGINE-13034, mostly a 500), which tells a client's RSSI that the id exists.
 *
 * <p>Every way a command loads entities goes through here: by id, one by a statement, or a list
 * (a command may find the entity it is asked about through a list, e.g. an activity instance tree
 * through the executions of the instance). Queries the user runs are already cut down to their
 * tenants in SQL: for them this changes nothing. What is not visible is not cached either, so no
 * later lookup in the same command finds it.
 *
 * <p>Hiding an entity also hides it from Camunda's own checks: a command that finds nothing to
 * check skips its permission and tenant checks, as it does for an unknown id. Reads are safe (the
 * command finds nothing) and so are writes of loaded entities (nothing is loaded), but a few
 * commands write by id in bulk SQL without loading anything (suspending an instance or a job,
 * e.g.): a bulk write naming the id of an entity hidden from the user is therefore dropped, and
 * changes nothing, exactly like the same write naming an unknown id.
 *
 * <p>The rule is Camunda's own: it applies only when the engine checks tenants in this command
 * (an authenticated user who is not an administrator, tenant checks not suspended). The job
 * executor (no user), administrators, staff (members of every tenant) and the application's
 * privileged steps (PrivilegedCall, the mail outbox) see everything, as before. An entity this very
 * command created is always visible.
 */
class TenantScopedEntityManager extends DbEntityManager {

  /** Registered by SecurityEnginePlugin in place of Camunda's factory of DbEntityManager. */
  static class Factory implements SessionFactory {
    @Override
    public Class<?> getSessionType() {
      return DbEntityManager.class;
    }

    @Override
    public Session openSession() {
      return new TenantScopedEntityManager(Context.getProcessEngineConfiguration().getIdGenerator(),
          Context.getCommandContext().getSession(PersistenceSession.class));
    }
  }

  /**
   * A client's case: the runtime entities reached by id through the REST API, and every history
   * row. Models, deployments, identity data and byte arrays (reached only through an entity
   * checked here) are not: loading them must not depend on the current user. (Some of Camunda's
   * queries fill the tenant of a model wrongly, e.g. a form definition's with its version.)
   */
  private static final List<Class<?>> SCOPED = List.of(ExecutionEntity.class, TaskEntity.class, JobEntity.class,
      ExternalTaskEntity.class, IncidentEntity.class, VariableInstanceEntity.class, EventSubscriptionEntity.class,
      IdentityLinkEntity.class, AttachmentEntity.class, CommentEntity.class, HistoricEntity.class);

  /** getTenantId() of each scoped entity class (null for any other class). */
  private static final ClassValue<Method> TENANT_ID = new ClassValue<>() {
    @Override
    protected Method computeValue(Class<?> type) {
      if (SCOPED.stream().noneMatch(c -> c.isAssignableFrom(type))) {
        return null;
      }
      try {
        Method getter = type.getMethod("getTenantId");
        return getter.getReturnType() == String.class ? getter : null;
      } catch (NoSuchMethodException e) {
        return null;
      }
    }
  };

  /** Where a bulk write's id may point: the rows a user reaches by id through the REST API. */
  private static final List<String> TABLES_BY_ID = List.of("ACT_RU_EXECUTION", "ACT_RU_TASK", "ACT_RU_JOB",
      "ACT_RU_EXT_TASK", "ACT_RU_INCIDENT", "ACT_RU_VARIABLE", "ACT_HI_PROCINST", "ACT_HI_TASKINST");

  private Authentication tenantsOf;
  private Set<String> tenants;

  TenantScopedEntityManager(IdGenerator idGenerator, PersistenceSession persistenceSession) {
    super(idGenerator, persistenceSession);
  }

  @Override
  public <T extends DbEntity> T selectById(Class<T> entityClass, String id) {
    T entity = super.selectById(entityClass, id);
    return entity == null || isVisible(entity, visibleTenants()) ? entity : null;
  }

  @Override
  public Object selectOne(String statement, Object parameter) {
    if (isUnscopedStatistics(statement)) {
      return 0L;
    }
    Object result = super.selectOne(statement, parameter);
    return result == null || isVisible(result, visibleTenants()) ? result : null;
  }

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  public List selectListWithRawParameter(String statement, Object parameter, int firstResult, int maxResults) {
    if (isUnscopedStatistics(statement)) {
      return new ArrayList();
    }
    List loaded = super.selectListWithRawParameter(statement, parameter, firstResult, maxResults);
    Set<String> visible = visibleTenants();
    if (visible == null || loaded.isEmpty()) {
      return loaded;
    }
    List kept = new ArrayList(loaded.size());
    for (Object entity : loaded) {
      if (isVisible(entity, visible)) {
        kept.add(entity);
      }
    }
    return kept.size() == loaded.size() ? loaded : kept;
  }

  @Override
  protected DbBulkOperation performBulkOperation(Class<? extends DbEntity> entityType, String statement,
      Object parameter, DbOperationType operationType) {
    return namesHiddenEntity(parameter) ? new DbBulkOperation(operationType, entityType, statement, parameter)
        : super.performBulkOperation(entityType, statement, parameter, operationType);
  }

  @Override
  protected DbBulkOperation performBulkOperationPreserveOrder(Class<? extends DbEntity> entityType, String statement,
      Object parameter, DbOperationType operationType) {
    return namesHiddenEntity(parameter) ? new DbBulkOperation(operationType, entityType, statement, parameter)
        : super.performBulkOperationPreserveOrder(entityType, statement, parameter, operationType);
  }

  @Override
  public void onEntityLoaded(DbEntity entity) {
    if (isVisible(entity, visibleTenants())) {
      super.onEntityLoaded(entity);
    }
  }

  /**
   * Camunda's historic activity statistics (GET /history/process-definition/{id}/statistics) count
   * every client's instances and incidents: no tenant check in their SQL. Someone who does not see
   * every client gets nothing from them (Cockpit's own views use the runtime statistics).
   */
  private boolean isUnscopedStatistics(String statement) {
    if (!statement.startsWith("selectHistoricActivityStatistics")
        && !statement.startsWith("selectHistoricCaseActivityStatistics")) {
      return false;
    }
    Set<String> visible = visibleTenants();
    return visible != null && !visible.containsAll(allTenants());
  }

  private List<String> allTenants() {
    String table = Context.getProcessEngineConfiguration().getDatabaseTablePrefix() + "ACT_ID_TENANT";
    try (PreparedStatement query = connection().prepareStatement("SELECT ID_ FROM " + table);
        ResultSet rows = query.executeQuery()) {
      List<String> tenantIds = new ArrayList<>();
      while (rows.next()) {
        tenantIds.add(rows.getString(1));
      }
      return tenantIds;
    } catch (SQLException e) {
      throw new ProcessEngineException("Cannot read the tenants", e);
    }
  }

  /** The command's own connection and transaction, past this manager's filter and cache. */
  private Connection connection() {
    return ((DbSqlSession) persistenceSession).getSqlSession().getConnection();
  }

  /** The tenants the user may see in this command, or null when the engine does not check tenants now. */
  private Set<String> visibleTenants() {
    CommandContext context = Context.getCommandContext();
    if (context == null || !context.getTenantManager().isTenantCheckEnabled()) {
      return null;
    }
    Authentication authentication = context.getAuthentication();
    if (authentication != tenantsOf) {
      tenantsOf = authentication;
      tenants = authentication.getTenantIds() == null ? Set.of() : new HashSet<>(authentication.getTenantIds());
    }
    return tenants;
  }

  private boolean isVisible(Object entity, Set<String> visible) {
    if (visible == null) {
      return true;
    }
    if (entity instanceof ActivityStatisticsImpl activity) {
      // Camunda's activity statistics collect the activities of failed jobs and incidents without
      // the tenant check its counts have: a row counting nothing is another client's failure
      return activity.getInstances() > 0 || activity.getFailedJobs() > 0
          || activity.getIncidentStatistics().stream().anyMatch(i -> i.getIncidentCount() > 0);
    }
    String tenantId = tenantOf(entity);
    return tenantId == null || visible.contains(tenantId) || dbEntityCache.isTransient((DbEntity) entity);
  }

  /** Whether a bulk write's parameters name a task, execution, job... of a tenant hidden from the user. */
  private boolean namesHiddenEntity(Object parameter) {
    Set<String> visible = visibleTenants();
    if (visible == null) {
      return false;
    }
    Set<String> ids = new HashSet<>();
    collectIds(parameter, ids, 0);
    for (String id : ids) {
      for (String tenantId : tenantsOfId(id)) {
        if (tenantId != null && !visible.contains(tenantId)) {
          return true;
        }
      }
    }
    return false;
  }

  private static void collectIds(Object value, Set<String> ids, int depth) {
    if (value == null || depth > 3) {
      return;
    }
    if (value instanceof String id) {
      ids.add(id);
    } else if (value instanceof ListQueryParameterObject query) {
      collectIds(query.getParameter(), ids, depth + 1);
    } else if (value instanceof Map<?, ?> map) {
      map.values().forEach(v -> collectIds(v, ids, depth + 1));
    } else if (value instanceof Collection<?> collection) {
      collection.forEach(v -> collectIds(v, ids, depth + 1));
    } else if (value instanceof Object[] array) {
      Arrays.stream(array).forEach(v -> collectIds(v, ids, depth + 1));
    }
  }

  /**
   * The tenants of whatever client-owned rows have this id, read past this manager's filter and
   * cache (the command's own connection). Only asked for bulk writes of a user whose tenants are
   * checked (a client's RSSI): a handful of primary-key lookups.
   */
  private List<String> tenantsOfId(String id) {
    String prefix = Context.getProcessEngineConfiguration().getDatabaseTablePrefix();
    StringBuilder sql = new StringBuilder();
    for (String table : TABLES_BY_ID) {
      sql.append(sql.isEmpty() ? "" : " UNION ALL ").append("SELECT TENANT_ID_ FROM ").append(prefix).append(table)
          .append(" WHERE ID_ = ?");
    }
    try (PreparedStatement query = connection().prepareStatement(sql.toString())) {
      for (int i = 1; i <= TABLES_BY_ID.size(); i++) {
        query.setString(i, id);
      }
      List<String> tenantIds = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          tenantIds.add(rows.getString(1));
        }
      }
      return tenantIds;
    } catch (SQLException e) {
      throw new ProcessEngineException("Cannot read the tenant of " + id, e);
    }
  }

  /** The tenant of a client-owned entity; null for anything else (rows of a count, ids, shared entities). */
  static String tenantOf(Object entity) {
    Method getter = TENANT_ID.get(entity.getClass());
    if (getter == null) {
      return null;
    }
    try {
      return (String) getter.invoke(entity);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new ProcessEngineException("Cannot read the tenant of " + entity.getClass().getSimpleName(), e);
    }
  }
}
