package com.mileotech.cyber.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.db.TenantCheck;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.Test;

/**
 * The state a kept count is found by (QueryFingerprint, TaskCountCache): every field of Camunda's
 * task query and of its permission and tenant checks is part of it, found by reflection, so a
 * criterion cannot be left out (one added by an upgrade included); equal queries give equal text;
 * anything it cannot write exactly gives none (the SQL is then built as before).
 */
class QueryFingerprintTest {

  @Test
  void everyFieldOfTheTaskQueryAndItsChecksIsPartOfIt() throws Exception {
    List<String> checked = new ArrayList<>();
    for (Field field : fieldsOf(TaskQueryImpl.class)) {
      TaskQueryImpl query = base();
      String before = QueryFingerprint.of(query);
      assertThat(before).isNotNull();
      field.set(query, other(field, field.get(query)));
      assertThat(QueryFingerprint.of(query)).as(field.getName()).isNotNull().isNotEqualTo(before);
      checked.add(field.getName());
    }
    for (Field field : fieldsOf(AuthorizationCheck.class)) {
      TaskQueryImpl query = base();
      String before = QueryFingerprint.of(query);
      field.set(query.getAuthCheck(), other(field, field.get(query.getAuthCheck())));
      assertThat(QueryFingerprint.of(query)).as("authCheck." + field.getName()).isNotEqualTo(before);
      checked.add("authCheck." + field.getName());
    }
    for (Field field : fieldsOf(TenantCheck.class)) {
      TaskQueryImpl query = base();
      String before = QueryFingerprint.of(query);
      field.set(query.getTenantCheck(), other(field, field.get(query.getTenantCheck())));
      assertThat(QueryFingerprint.of(query)).as("tenantCheck." + field.getName()).isNotEqualTo(before);
      checked.add("tenantCheck." + field.getName());
    }
    for (Field field : fieldsOf(PermissionCheck.class)) {
      TaskQueryImpl query = base();
      PermissionCheck permission = query.getAuthCheck().getPermissionChecks().getAtomicChecks().get(0);
      String before = QueryFingerprint.of(query);
      field.set(permission, other(field, field.get(permission)));
      assertThat(QueryFingerprint.of(query)).as("permission." + field.getName()).isNotEqualTo(before);
      checked.add("permission." + field.getName());
    }
    // the criteria Tasklist's filters and searches use are among them
    assertThat(checked).contains("candidateGroups", "assignee", "includeAssignedTasks", "processDefinitionKey",
        "variables", "orderingProperties", "queries", "expressions", "tenantIds", "authCheck.authGroupIds",
        "tenantCheck.authTenantIds", "permission.resourceId", "maxResults", "firstResult");
  }

  @Test
  void theSameQueryGivesTheSameTextAndAnotherSearchAnother() {
    assertThat(QueryFingerprint.of(base())).isEqualTo(QueryFingerprint.of(base()));
    TaskQuery searched = base().processVariableValueEquals("reference", "INC-2026-0042");
    TaskQuery other = base().processVariableValueEquals("reference", "INC-2026-0043");
    assertThat(QueryFingerprint.of(searched)).isNotNull().isNotEqualTo(QueryFingerprint.of(other))
        .isNotEqualTo(QueryFingerprint.of(base()));
    TaskQuery either = base().or().taskAssignee("tech.demo").endOr();
    TaskQuery another = base().or().taskAssignee("cdp.demo").endOr();
    assertThat(QueryFingerprint.of(either)).isNotNull().isNotEqualTo(QueryFingerprint.of(another));
  }

  @Test
  void aStateItCannotWriteExactlyGivesNone() {
    TaskQueryImpl query = base();
    query.setParameter(new StringBuilder("not a value"));
    assertThat(QueryFingerprint.of(query)).isNull();
  }

  /** A task query as a filter extended by a search leaves it: criteria, a permission check, a tenant check. */
  private static TaskQueryImpl base() {
    TaskQueryImpl query = new TaskQueryImpl();
    query.taskCandidateGroupIn(List.of("technicians")).includeAssignedTasks().processDefinitionKey("security-incident")
        .orderByTaskCreateTime().desc();
    AuthorizationCheck check = query.getAuthCheck();
    check.setAuthorizationCheckEnabled(true);
    check.setAuthUserId("tech.demo");
    check.setAuthGroupIds(new ArrayList<>(List.of("technicians")));
    PermissionCheck read = new PermissionCheck();
    read.setResourceId("RES.ID_");
    read.setResource(org.camunda.bpm.engine.authorization.Resources.TASK);
    read.setPermission(org.camunda.bpm.engine.authorization.Permissions.READ);
    CompositePermissionCheck checks = new CompositePermissionCheck();
    checks.setAtomicChecks(new ArrayList<>(List.of(read)));
    check.setPermissionChecks(checks);
    TenantCheck tenants = query.getTenantCheck();
    tenants.setTenantCheckEnabled(true);
    tenants.setAuthTenantIds(new ArrayList<>(List.of("client-0001")));
    return query;
  }

  private static List<Field> fieldsOf(Class<?> type) {
    List<Field> fields = new ArrayList<>();
    for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()
            && field.getType() != CommandExecutor.class) {
          field.setAccessible(true);
          fields.add(field);
        }
      }
    }
    return fields;
  }

  /** A value of the field's type other than the one it holds. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object other(Field field, Object current) throws Exception {
    Class<?> type = field.getType();
    if (type == String.class) {
      return "other-" + current;
    }
    if (type == String[].class) {
      return new String[] {"other"};
    }
    if (type == boolean.class || type == Boolean.class) {
      return current == null || !((Boolean) current);
    }
    if (type == int.class || type == Integer.class) {
      return current == null ? 7 : (Integer) current + 7;
    }
    if (type == long.class || type == Long.class) {
      return current == null ? 7L : (Long) current + 7;
    }
    if (type == Date.class) {
      return new Date(current == null ? 1_234_567L : ((Date) current).getTime() + 1);
    }
    if (type.isEnum()) {
      Object[] constants = type.getEnumConstants();
      return constants[0] == current ? constants[1] : constants[0];
    }
    if (type == List.class) {
      List list = current == null ? new ArrayList<>() : new ArrayList<>((List) current);
      list.add("other");
      return list;
    }
    if (type == Set.class) {
      Set set = current == null ? new HashSet<>() : new HashSet<>((Set) current);
      set.add("other");
      return set;
    }
    if (type == Map.class) {
      Map map = current == null ? new HashMap<>() : new HashMap<>((Map) current);
      map.put("other", "value");
      return map;
    }
    if (type == Object.class) {
      return "other";
    }
    if (type.getName().startsWith("org.camunda.bpm.engine.") && !type.isInterface()) {
      // an object of Camunda's (a check, a resource): another one, or none instead of one
      if (current != null) {
        return null;
      }
      Object made = type.getDeclaredConstructor().newInstance();
      return made;
    }
    if (type.isInterface() && current == null) {
      // a constant the interface holds (SuspensionState.ACTIVE), or Camunda's Permission / Resource enums
      for (Field constant : type.getFields()) {
        if (Modifier.isStatic(constant.getModifiers()) && type.isAssignableFrom(constant.getType())) {
          return constant.get(null);
        }
      }
      for (Class<?> impl : List.of(org.camunda.bpm.engine.authorization.Permissions.class,
          org.camunda.bpm.engine.authorization.Resources.class)) {
        if (type.isAssignableFrom(impl)) {
          return impl.getEnumConstants()[1];
        }
      }
    }
    if (type.isInterface() && current != null) {
      return null;
    }
    throw new AssertionError("no other value written for " + field + " (" + type + "): extend the test");
  }
}
