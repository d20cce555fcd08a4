package com.mileotech.cyber.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestClients;
import com.mileotech.cyber.TestUsers;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.client.ClientService;
import com.mileotech.cyber.security.Groups;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A kept count refreshed from the tasks a change touched (TaskCountCache, CommittedWrites): after
 * a claim, an unclaim, a completion (a task gone, the next one created), a candidate group added,
 * a grant on one task given and revoked, a new process instance, the next count runs the statement
 * restricted to those tasks only and equals Camunda's own task query; a change not attributable
 * to tasks (a membership, a grant on the process definition, a filter saved), max-age since the
 * last full count, and counts above the caps are counted in full.
 */
@IntegrationTest
class TaskCountRefreshTest {

  private static final String PROCESS = "count-refresh-check";
  private static final String TECH = "tech.refresh";
  private static final String OTHER_TECH = "tech2.refresh";
  private static final Set<String> DEPLOYED = ConcurrentHashMap.newKeySet();

  @Autowired TaskCountCache cache;
  @Autowired FilterService filterService;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired ClientRepository clients;
  @Autowired ClientService clientService;
  @Autowired JdbcTemplate jdbc;

  private final List<String> techTasks = new ArrayList<>();
  private final List<String> pmTasks = new ArrayList<>();
  private FilterCounting counting;
  private final List<String> grants = new ArrayList<>();
  private CountCacheProperties settings;
  private String team;
  private String open;
  private String visible;

  @BeforeEach
  void tasks() {
    settings = cache.settings();
    counting = new FilterCounting(cache, filterService, identityService, authorizationService);
    TestClients.ensure(identityService, clients, clientService);
    TestUsers.ensure(identityService, TECH, Groups.TECHNICIANS);
    TestUsers.ensure(identityService, OTHER_TECH, Groups.TECHNICIANS);
    if (DEPLOYED.add(PROCESS)) {
      // two tasks in a row: completing the first creates the second
      repositoryService.createDeployment().addModelInstance(PROCESS + ".bpmn",
          Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1).startEvent()
              .userTask("Task_First").name("Compter").camundaCandidateGroups("${group}")
              .userTask("Task_Second").name("Recompter").camundaCandidateGroups("${group}").endEvent().done())
          .deploy();
    }
    for (int i = 0; i < 4; i++) {
      techTasks.add(start(Groups.TECHNICIANS.id()));
      pmTasks.add(start(Groups.PROJECT_MANAGERS.id()));
    }
    team = counting.filter("refresh: équipe", taskService.createTaskQuery().processDefinitionKey(PROCESS)
        .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
    open = counting.filter("refresh: à prendre", taskService.createTaskQuery().processDefinitionKey(PROCESS)
        .taskCandidateGroupInExpression("${currentUserGroups()}"));
    visible = counting.filter("refresh: visibles", taskService.createTaskQuery().processDefinitionKey(PROCESS));
  }

  @AfterEach
  void clear() {
    identityService.clearAuthentication();
    ClockUtil.reset();
    cache.settings(settings);
    counting.deleteFilters();
    grants.forEach(authorizationService::deleteAuthorization);
    authorizationService.createAuthorizationQuery().resourceType(Resources.TASK).userIdIn(TECH).list()
        .forEach(a -> authorizationService.deleteAuthorization(a.getId()));
    identityService.deleteMembership(OTHER_TECH, Groups.PROJECT_MANAGERS.id());
    runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS).list()
        .forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "test", true, true));
  }

  @Test
  void aChangeToSomeTasksIsCountedFromThoseTasksOnly() {
    counting.login(TECH);
    long all = techTasks.size();
    assertThat(counting.computedCount(team)).isEqualTo(all);
    assertThat(counting.computedCount(open)).isEqualTo(all);
    long visibleBefore = counting.computedCount(visible);

    // another technician takes a task, then gives it back
    counting.asEngine(() -> taskService.claim(techTasks.get(0), OTHER_TECH));
    assertRefreshed(open, this::openQuery, all - 1);
    assertRefreshed(team, this::teamQuery, all);
    counting.asEngine(() -> taskService.setAssignee(techTasks.get(0), null));
    assertRefreshed(open, this::openQuery, all);
    assertRefreshed(team, this::teamQuery, all);
    // the user takes one and gives it back themself (security/TaskGiveBack): as attributable
    taskService.claim(techTasks.get(2), TECH);
    assertRefreshed(open, this::openQuery, all - 1);
    taskService.setAssignee(techTasks.get(2), null);
    assertRefreshed(open, this::openQuery, all);
    assertRefreshed(team, this::teamQuery, all);

    // completed: the task is gone, the next one of its process is offered to the same group
    counting.asEngine(() -> taskService.complete(techTasks.get(1)));
    assertRefreshed(team, this::teamQuery, all);
    assertRefreshed(open, this::openQuery, all);
    assertThat(taskService.createTaskQuery().processDefinitionKey(PROCESS).taskDefinitionKey("Task_Second").count())
        .isEqualTo(1);

    // a project managers' task offered to the technicians too
    counting.asEngine(() -> taskService.addCandidateGroup(pmTasks.get(0), Groups.TECHNICIANS.id()));
    assertRefreshed(team, this::teamQuery, all + 1);
    assertRefreshed(open, this::openQuery, all + 1);

    // a grant on one task given, then revoked
    long withCandidate = assertRefreshed(visible, this::visibleQuery, -1);
    assertThat(withCandidate).isEqualTo(visibleBefore + 1);
    Authorization saved = counting.asEngine(() -> grantOnTask(pmTasks.get(1)));
    assertRefreshed(visible, this::visibleQuery, withCandidate + 1);
    counting.asEngine(() -> authorizationService.deleteAuthorization(saved.getId()));
    assertRefreshed(visible, this::visibleQuery, withCandidate);

    // a new process instance, its task offered to the technicians
    counting.asEngine(() -> start(Groups.TECHNICIANS.id()));
    assertRefreshed(team, this::teamQuery, all + 2);
    assertRefreshed(open, this::openQuery, all + 2);

    // nothing changed since: kept as is
    assertThat(counting.reusedCount(team)).isEqualTo(all + 2);
  }

  @Test
  void aChangeNotAttributableToTasksIsCountedInFull() {
    counting.login(TECH);
    long all = techTasks.size();
    counting.computedCount(team);
    counting.computedCount(visible);

    // a membership (of someone else: the user's own key is unchanged)
    counting.asEngine(() -> identityService.createMembership(OTHER_TECH, Groups.PROJECT_MANAGERS.id()));
    assertComputed(team, this::teamQuery, all);

    // a grant on the process definition: every task of it at once
    long visibleBefore = counting.computedCount(visible);
    counting.asEngine(() -> {
      Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      grant.setUserId(TECH);
      grant.setResource(Resources.PROCESS_DEFINITION);
      grant.setResourceId(PROCESS);
      grant.addPermission(Permissions.READ_TASK);
      grants.add(authorizationService.saveAuthorization(grant).getId());
    });
    assertComputed(visible, this::visibleQuery, techTasks.size() + pmTasks.size());
    assertThat(visibleBefore).isLessThan(techTasks.size() + pmTasks.size());

    // a filter saved
    counting.asEngine(() -> counting.filter("refresh: autre", taskService.createTaskQuery().taskAssignee(TECH)));
    assertComputed(team, this::teamQuery, all);

    // a task-only change still refreshes, but max-age since the last full count counts in full
    // (no full count in the background here: TaskCountCacheTest proves that one)
    CountCacheProperties now = cache.settings();
    cache.settings(new CountCacheProperties(true, now.maxAge(), now.maxEntries(), now.maxTasksPerCount(),
        now.maxTasks(), 0.0));
    Date start = new Date();
    ClockUtil.setCurrentTime(start);
    counting.computedCount(open);
    counting.asEngine(() -> taskService.claim(techTasks.get(0), OTHER_TECH));
    ClockUtil.setCurrentTime(new Date(start.getTime() + cache.settings().maxAge().toMillis() - 1000));
    assertRefreshed(open, this::openQuery, all - 1);
    counting.asEngine(() -> taskService.setAssignee(techTasks.get(0), null));
    ClockUtil.setCurrentTime(new Date(start.getTime() + cache.settings().maxAge().toMillis()));
    assertComputed(open, this::openQuery, all);
  }

  @Test
  void aCountAboveTheCapsKeepsItsNumberOnly() {
    // at most 2 tasks per count: the team's 4 are kept as a number, counted in full after a change
    cache.settings(new CountCacheProperties(true, Duration.ofSeconds(15), 100, 2, null, null));
    counting.login(TECH);
    long all = techTasks.size();
    counting.computedCount(team);
    assertThat(counting.reusedCount(team)).isEqualTo(all);
    counting.asEngine(() -> taskService.claim(techTasks.get(0), OTHER_TECH));
    assertComputed(open, this::openQuery, all - 1);
    assertComputed(team, this::teamQuery, all);
    assertThat(counting.reusedCount(team)).isEqualTo(all);

    // at most 5 tasks in all: the first count keeps its ids, the second its number only
    cache.settings(new CountCacheProperties(true, Duration.ofSeconds(15), 100, null, 5, null));
    counting.computedCount(team);
    counting.computedCount(open);
    counting.asEngine(() -> taskService.setAssignee(techTasks.get(0), null));
    assertRefreshed(team, this::teamQuery, all);
    assertComputed(open, this::openQuery, all);
  }

  @Test
  void theRestrictedStatementLooksTasksUpByTheirPrimaryKey() {
    counting.login(TECH);
    counting.computedCount(open);
    counting.asEngine(() -> taskService.claim(techTasks.get(0), OTHER_TECH));
    assertRefreshed(open, this::openQuery, techTasks.size() - 1);
    TaskCountCache.Refresh refresh = cache.lastRefresh();
    assertThat(refresh.sql()).startsWith("select distinct RES.ID_")
        .contains("from (select * from ACT_RU_TASK where ID_ in (?)) RES");
    String plan = jdbc.queryForObject("explain " + refresh.sql(), String.class, refresh.values().toArray());
    assertThat(plan).as(plan).containsPattern("FROM PUBLIC\\.ACT_RU_TASK\\s*/\\*\\s*PUBLIC\\.PRIMARY_KEY_\\w*: ID_ (=|IN)");
  }

  @Test
  void onlyTheCountsShapeIsRestricted() {
    Configuration mybatis = new Configuration();
    ParameterMapping one = new ParameterMapping.Builder(mybatis, "a", String.class).build();
    ParameterMapping two = new ParameterMapping.Builder(mybatis, "b", String.class).build();
    BoundSql count = new BoundSql(mybatis, "select count(distinct RES.ID_ )\n  from ACT_RU_TASK RES left join "
        + "ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_ WHERE RES.ASSIGNEE_ = ? and I.GROUP_ID_ = ?",
        List.of(one, two), null);
    TaskCountCache.IdsSql shape = TaskCountCache.IdsSql.of(count);
    assertThat(shape).isNotNull();
    assertThat(shape.parametersBefore()).isZero();
    assertThat(shape.restricted(2)).isEqualTo("select distinct RES.ID_\n  from (select * from ACT_RU_TASK where ID_ in "
        + "(?, ?)) RES left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_ WHERE RES.ASSIGNEE_ = ? and I.GROUP_ID_ = ?");
    // PostgreSQL's head: a count of a distinct sub-select
    TaskCountCache.IdsSql postgres = TaskCountCache.IdsSql.of(new BoundSql(mybatis, "SELECT COUNT(*) FROM (SELECT DISTINCT "
        + "RES.ID_ \n from ACT_RU_TASK RES WHERE RES.ASSIGNEE_ = ? ) countDistinct", List.of(one), null));
    assertThat(postgres.restricted(1)).isEqualTo("select distinct RES.ID_ \n from (select * from ACT_RU_TASK where ID_ in "
        + "(?)) RES WHERE RES.ASSIGNEE_ = ? ");
    // the task table read twice, another head, placeholders not the mappings': not restricted
    assertThat(TaskCountCache.IdsSql.of(new BoundSql(mybatis, "select count(distinct RES.ID_ ) from ACT_RU_TASK RES "
        + "where exists (select 1 from ACT_RU_TASK P where P.ID_ = RES.PARENT_TASK_ID_)", List.of(), null))).isNull();
    assertThat(TaskCountCache.IdsSql.of(new BoundSql(mybatis, "select count(*) from (select distinct RES.ID_, RES.NAME_ "
        + "from ACT_RU_TASK RES) countDistinct", List.of(), null))).isNull();
    assertThat(TaskCountCache.IdsSql.of(new BoundSql(mybatis, "select count(distinct RES.ID_ ) from ACT_RU_TASK RES "
        + "where RES.NAME_ = ?", List.of(), null))).isNull();
    // a table whose name only starts with the task table's is another table
    assertThat(TaskCountCache.IdsSql.of(new BoundSql(mybatis, "select count(distinct RES.ID_ ) from ACT_RU_TASK RES "
        + "where not exists (select 1 from ACT_RU_TASK_METER_LOG M)", List.of(), null))).isNotNull();
  }

  // ---------------------------------------------------------------------------------------------

  private String start(String group) {
    String pi = runtimeService.startProcessInstanceByKey(PROCESS,
        Map.of("group", group, "clientId", TestClients.OIV, "reference", "CNT")).getId();
    return taskService.createTaskQuery().processInstanceId(pi).singleResult().getId();
  }

  private Authorization grantOnTask(String taskId) {
    Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setUserId(TECH);
    grant.setResource(Resources.TASK);
    grant.setResourceId(taskId);
    grant.addPermission(Permissions.READ);
    return authorizationService.saveAuthorization(grant);
  }

  private TaskQuery teamQuery() {
    return taskService.createTaskQuery().processDefinitionKey(PROCESS).taskCandidateGroupIn(currentGroups())
        .includeAssignedTasks();
  }

  private TaskQuery openQuery() {
    return taskService.createTaskQuery().processDefinitionKey(PROCESS).taskCandidateGroupIn(currentGroups());
  }

  private TaskQuery visibleQuery() {
    return taskService.createTaskQuery().processDefinitionKey(PROCESS);
  }

  private List<String> currentGroups() {
    return identityService.getCurrentAuthentication().getGroupIds();
  }

  /**
   * The count runs the statement restricted to the tasks changed, and no full count; it equals
   * Camunda's own task query for the same user, and the expected number (unless -1).
   */
  private long assertRefreshed(String filterId, Supplier<TaskQuery> same, long expected) {
    long computed = cache.computed();
    long refreshed = cache.refreshed();
    long counted = filterService.count(filterId);
    assertThat(cache.computed()).as("no full count").isEqualTo(computed);
    assertThat(cache.refreshed()).as("one restricted statement").isEqualTo(refreshed + 1);
    assertThat(counted).isEqualTo(same.get().count());
    if (expected >= 0) {
      assertThat(counted).isEqualTo(expected);
    }
    return counted;
  }

  /** The count runs in full (no refresh), equals Camunda's own task query and the expected number. */
  private long assertComputed(String filterId, Supplier<TaskQuery> same, long expected) {
    long refreshed = cache.refreshed();
    long counted = counting.computedCount(filterId);
    assertThat(cache.refreshed()).as("no restricted statement").isEqualTo(refreshed);
    assertThat(counted).isEqualTo(same.get().count()).isEqualTo(expected);
    return counted;
  }
}
