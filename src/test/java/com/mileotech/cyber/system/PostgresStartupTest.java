package com.mileotech.cyber.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.mileotech.cyber.TestClients;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.client.ClientService;
import com.mileotech.cyber.tasklist.TaskCountProbe;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same application on PostgreSQL (the production database), with the server shipped as a
 * Maven artifact: context starts, migrations run, models deploy, a process runs in a tenant.
 */
// its own engine name (no hyphen: the starter ignores such a name and would fall back to "default",
// the shared context's engine, whose registration would be replaced, then removed on close)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"camunda.bpm.process-engine-name=postgrescheck", "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles({"test", "postgres"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@Tag("own-engine")
class PostgresStartupTest {

  private static EmbeddedPostgres postgres;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) throws IOException {
    postgres = EmbeddedPostgres.builder().start();
    // stopped with the JVM, after the context (which still needs it while it closes)
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        postgres.close();
      } catch (IOException ignored) {
        // the JVM is going away
      }
    }));
    registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "postgres");
  }

  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identityService;
  @Autowired ClientRepository clients;
  @Autowired ClientService clientService;
  @Autowired References references;
  @Autowired ApplicationContext context;

  @Test
  void theApplicationRunsOnPostgres() {
    assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseType())
        .isEqualTo("postgres");
    assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success", Integer.class))
        .isGreaterThanOrEqualTo(2);
    assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isPositive();
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().count()).isPositive();
    assertThat(engine.getIdentityService().createGroupQuery().groupId("cyber-referent").count()).isEqualTo(1);

    TestClients.ensure(identityService, clients, clientService);
    assertThat(clients.find(TestClients.OIV).orElseThrow().sites()).hasSize(2);
    assertThat(identityService.createTenantQuery().tenantId(TestClients.OIV).count()).isEqualTo(1);

    engine.getRepositoryService().createDeployment().addModelInstance("postgres-check.bpmn",
        Bpmn.createExecutableProcess("postgres-check").camundaHistoryTimeToLive(1)
            .startEvent().userTask("Task_Check").camundaCandidateGroups("technicians").endEvent().done()).deploy();
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("postgres-check",
        Map.of("clientId", TestClients.OIV));
    assertThat(pi.getTenantId()).isEqualTo(TestClients.OIV);
    String task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();
    // the patched task query on PostgreSQL (docs/bench.md, "Task lists (issue 20)"): a count and a
    // page check permissions with different SQL and agree; V92's index is there
    identityService.setAuthentication("tech.pgcheck", List.of("technicians"), List.of(TestClients.OIV));
    try {
      assertThat(engine.getTaskService().createTaskQuery().processDefinitionKey("postgres-check").count()).isEqualTo(1);
      assertThat(engine.getTaskService().createTaskQuery().processDefinitionKey("postgres-check")
          .orderByDueDate().asc().orderByTaskCreateTime().desc().listPage(0, 15)).extracting("id").containsExactly(task);
    } finally {
      identityService.clearAuthentication();
    }
    // a page by candidate groups (docs/bench.md, "The first page on PostgreSQL"): an EXISTS, no
    // DISTINCT; a task offered to two of the user's groups is listed once
    engine.getTaskService().addCandidateGroup(task, "project-managers");
    identityService.setAuthentication("tech.pgcheck", List.of("technicians", "project-managers"), List.of(TestClients.OIV));
    try {
      assertThat(engine.getTaskService().createTaskQuery().processDefinitionKey("postgres-check")
          .taskCandidateGroupIn(List.of("technicians", "project-managers")).includeAssignedTasks()
          .orderByDueDate().asc().orderByTaskCreateTime().desc().listPage(0, 15)).extracting("id").containsExactly(task);
      assertThat(engine.getTaskService().createTaskQuery().processDefinitionKey("postgres-check")
          .taskCandidateGroupIn(List.of("technicians", "project-managers")).count()).isEqualTo(1);
    } finally {
      identityService.clearAuthentication();
    }
    identityService.setAuthentication("rssi.pgcheck", List.of("client-rssi"), List.of(TestClients.OIV));
    try {
      assertThat(engine.getTaskService().createTaskQuery().processDefinitionKey("postgres-check").count()).isZero();
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(jdbc.queryForObject("select indexdef from pg_indexes where indexname = 'mileo_idx_task_due_created'",
        String.class)).contains("(due_date_, create_time_ DESC)");
    candidateProbeReadFromTheIndexOnly(task);
    tasklistCountRefreshedFromTheTaskAChangeTouched(task);
    engine.getTaskService().complete(task);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(pi.getId())
        .singleResult().getEndTime()).isNotNull();

    String first = references.next("PGT");
    assertThat(references.next("PGT")).isNotEqualTo(first).endsWith("-0002");
  }

  /**
   * A restart on PostgreSQL (docs/bench.md, "Start-up, profiled again"): the start-up steps read
   * the policy's grants, the tenants' members and the registry with their own SQL, write nothing
   * on a database in step, and give back a narrowed grant.
   */
  @Test
  void aRestartOnPostgresWritesNothingAndBringsBackANarrowedGrant(@Autowired List<StartupStep> steps) {
    TestClients.ensure(identityService, clients, clientService);
    StartupStepsTest.EngineStatements.install(engine);
    List<StartupStep> ordered = steps.stream().sorted(Comparator.comparingInt(StartupStep::order)).toList();
    ordered.forEach(StartupStep::run);
    assertThat(StartupStepsTest.EngineStatements.of(() -> ordered.forEach(StartupStep::run)))
        .isNotEmpty().noneMatch(StartupStepsTest.EngineStatements::writes)
        .hasSizeLessThanOrEqualTo(12); // 10 on H2: the steps' own reads work on PostgreSQL too

    var authorizations = engine.getAuthorizationService();
    Authorization row = authorizations.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn("cyber-referent").resourceType(Resources.PROCESS_DEFINITION)
        .resourceId("security-incident").singleResult();
    row.removePermission(Permissions.READ_HISTORY);
    authorizations.saveAuthorization(row);
    ordered.forEach(StartupStep::run);
    assertThat(authorizations.createAuthorizationQuery().authorizationId(row.getId()).singleResult()
        .isPermissionGranted(Permissions.READ_HISTORY)).isTrue();
  }

  /**
   * V122 (docs/bench.md, "The referent's page: the candidate probe from the index"): the page's
   * probe of a task's candidate groups is answered from the index alone, without reading the link
   * rows. Sequential scans are off for the plan, as for the table's size in service; the visibility
   * map is up to date, as autovacuum keeps it.
   */
  private void candidateProbeReadFromTheIndexOnly(String task) {
    assertThat(jdbc.queryForObject("select indexdef from pg_indexes where indexname = 'mileo_idx_idlink_task_type_group'",
        String.class)).contains("(task_id_, type_, group_id_)");
    jdbc.execute("vacuum analyze ACT_RU_IDENTITYLINK");
    String plan = jdbc.execute((java.sql.Connection connection) -> {
      try (java.sql.Statement statement = connection.createStatement()) {
        statement.execute("set enable_seqscan = off");
        StringBuilder text = new StringBuilder();
        try (java.sql.ResultSet rows = statement.executeQuery("explain select 1 from ACT_RU_IDENTITYLINK I"
            + " where I.TASK_ID_ = '" + task + "' and I.TYPE_ = 'candidate' and I.GROUP_ID_ in ('technicians', 'cyber-referent')")) {
          while (rows.next()) {
            text.append(rows.getString(1)).append('\n');
          }
        } finally {
          statement.execute("reset enable_seqscan");
        }
        return text.toString();
      }
    });
    assertThat(plan).contains("Index Only Scan using mileo_idx_idlink_task_type_group");
  }

  /**
   * Tasklist's kept count (tasklist/TaskCountCache) on PostgreSQL: counted in full once, then,
   * after another technician claims the task, refreshed by the statement restricted to that task,
   * which PostgreSQL can answer through the task table's primary key.
   */
  private void tasklistCountRefreshedFromTheTaskAChangeTouched(String task) {
    Filter filter = engine.getFilterService().newTaskFilter("pg: à prendre");
    filter.setQuery(engine.getTaskService().createTaskQuery().processDefinitionKey("postgres-check")
        .taskCandidateGroup("technicians"));
    String filterId = engine.getFilterService().saveFilter(filter).getId();
    Authorization read = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
    read.setResource(Resources.FILTER);
    read.setResourceId(filterId);
    read.addPermission(Permissions.READ);
    engine.getAuthorizationService().saveAuthorization(read);
    // the technicians' grants on other tasks, as every open task has: a count of one task must not read them all
    jdbc.batchUpdate("insert into ACT_RU_AUTHORIZATION (ID_, REV_, TYPE_, GROUP_ID_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_)"
        + " values (?, 1, 1, 'technicians', 7, ?, 2)", java.util.stream.IntStream.range(0, 20_000)
        .mapToObj(i -> new Object[] {"pg-grant-" + i, "pg-other-task-" + i}).toList());
    // the statistics autovacuum keeps in production: PostgreSQL plans for the table as it is
    jdbc.execute("analyze ACT_RU_AUTHORIZATION");
    TaskCountProbe counts = new TaskCountProbe(context);
    // the engine's clock stands still: the kept count's age is what the test sets, not the machine's speed
    ClockUtil.setCurrentTime(new Date());
    long computed = counts.computed();
    identityService.setAuthentication("tech.pgcheck", List.of("technicians"), List.of(TestClients.OIV));
    try {
      long same = engine.getTaskService().createTaskQuery().processDefinitionKey("postgres-check")
          .taskCandidateGroup("technicians").count();
      assertThat(engine.getFilterService().count(filterId)).isEqualTo(same).isEqualTo(1);
      assertThat(counts.computed()).isEqualTo(computed + 1);
      identityService.clearAuthentication();
      engine.getTaskService().claim(task, "tech2.pgcheck");
      identityService.setAuthentication("tech.pgcheck", List.of("technicians"), List.of(TestClients.OIV));
      long refreshed = counts.refreshed();
      assertThat(engine.getFilterService().count(filterId)).isZero();
      // PostgreSQL's count head (a count of a distinct sub-select) is recognised: refreshed, not counted
      assertThat(counts.refreshed()).isEqualTo(refreshed + 1);
      assertThat(counts.computed()).isEqualTo(computed + 1);
      // late in its max-age, still in use: counted in full again in the background, on PostgreSQL too
      long recounted = counts.recounted();
      ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 14_000));
      assertThat(engine.getFilterService().count(filterId)).isZero();
      counts.awaitRecounts();
      assertThat(counts.recounted()).isEqualTo(recounted + 1);
      assertThat(engine.getFilterService().count(filterId)).isZero();
      assertThat(counts.computed()).isEqualTo(computed + 1);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      ClockUtil.reset();
      identityService.clearAuthentication();
      engine.getTaskService().setAssignee(task, null);
    }
    String plan = jdbc.execute((ConnectionCallback<String>) connection -> {
      try (Statement settings = connection.createStatement()) {
        // a handful of rows: a sequential scan is cheapest; what is checked is that the key can serve
        settings.execute("set enable_seqscan = off");
        try {
          return explain(connection, "explain ", counts);
        } finally {
          settings.execute("reset enable_seqscan");
        }
      }
    });
    assertThat(plan).as(plan).contains("act_ru_task_pkey");
    // each permission on its own resource (Task.xml.patch): the grants on process definitions are
    // read for the definition's key, the task's own grant by the task's id; the 20,000 grants on
    // other tasks are not read (Camunda's condition hashed them all, for one task)
    String analyzed = jdbc.execute((ConnectionCallback<String>) connection -> explain(connection, "explain analyze ", counts));
    java.util.regex.Matcher grantsRead = java.util.regex.Pattern
        .compile("on act_ru_authorization .*actual time=[0-9.]+\\.\\.[0-9.]+ rows=(\\d+)").matcher(analyzed);
    int nodes = 0;
    while (grantsRead.find()) {
      nodes++;
      assertThat(Integer.parseInt(grantsRead.group(1))).as(analyzed).isLessThanOrEqualTo(2);
    }
    assertThat(nodes).as(analyzed).isPositive();
    jdbc.update("delete from ACT_RU_AUTHORIZATION where ID_ like 'pg-grant-%'");
    engine.getFilterService().deleteFilter(filterId);
  }

  /** The plan of the last refresh statement, its values bound. */
  private static String explain(java.sql.Connection connection, String explain, TaskCountProbe counts)
      throws java.sql.SQLException {
    try (PreparedStatement statement = connection.prepareStatement(explain + counts.lastRefreshSql())) {
      List<Object> values = counts.lastRefreshValues();
      for (int i = 0; i < values.size(); i++) {
        statement.setObject(i + 1, values.get(i));
      }
      StringBuilder lines = new StringBuilder();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          lines.append(rows.getString(1)).append('\n');
        }
      }
      return lines.toString();
    }
  }
}
