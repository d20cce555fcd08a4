package com.mileotech.cyber.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestClients;
import com.mileotech.cyber.TestUsers;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.client.ClientService;
import com.mileotech.cyber.security.Groups;
import com.mileotech.cyber.system.CommittedWrites;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tasklist's counts kept between pages (TaskCountCache): a count asked again with nothing changed
 * runs no statement and gives the same number; after every kind of change this node makes the
 * very next count is computed again and equals Camunda's own uncached task query; a kept count
 * older than max-age is computed again (what another node changed, unseen here, shows then);
 * users never get each other's count; switched off, every count is computed.
 */
@IntegrationTest
class TaskCountCacheTest {

  private static final String PROCESS = "count-cache-check";
  private static final String TECH = "tech.cache";
  private static final String OTHER_TECH = "tech2.cache";
  private static final String PM = "pm.cache";
  private static final String RSSI = "rssi.cache";

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
  @Autowired PlatformTransactionManager transactions;
  @LocalServerPort int port;

  private CandidateTasks tasks;
  private final List<String> techOiv = new ArrayList<>();
  private final List<String> techPlain = new ArrayList<>();
  private final List<String> pmOiv = new ArrayList<>();
  private final List<String> rssiOiv = new ArrayList<>();
  private final List<String> rssiPlain = new ArrayList<>();
  private FilterCounting counting;
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
    TestUsers.ensure(identityService, PM, Groups.PROJECT_MANAGERS);
    TestUsers.ensure(identityService, RSSI, Groups.CLIENT_RSSI);
    if (identityService.createTenantQuery().userMember(RSSI).tenantId(TestClients.OIV).count() == 0) {
      identityService.createTenantUserMembership(TestClients.OIV, RSSI);
    }
    tasks = new CandidateTasks(PROCESS, repositoryService, runtimeService, taskService);
    for (int i = 0; i < 3; i++) {
      techOiv.add(tasks.start(Groups.TECHNICIANS.id(), TestClients.OIV));
      pmOiv.add(tasks.start(Groups.PROJECT_MANAGERS.id(), TestClients.OIV));
      rssiOiv.add(tasks.start(Groups.CLIENT_RSSI.id(), TestClients.OIV));
    }
    techPlain.add(tasks.start(Groups.TECHNICIANS.id(), TestClients.PLAIN));
    rssiPlain.add(tasks.start(Groups.CLIENT_RSSI.id(), TestClients.PLAIN));
    team = counting.filter("cache: équipe", taskService.createTaskQuery().processDefinitionKey(PROCESS)
        .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
    open = counting.filter("cache: à prendre", taskService.createTaskQuery().processDefinitionKey(PROCESS)
        .taskCandidateGroupInExpression("${currentUserGroups()}"));
    visible = counting.filter("cache: visibles", taskService.createTaskQuery().processDefinitionKey(PROCESS));
  }

  @AfterEach
  void clear() {
    identityService.clearAuthentication();
    ClockUtil.reset();
    cache.settings(settings);
    counting.deleteFilters();
    authorizationService.createAuthorizationQuery().resourceType(Resources.TASK).userIdIn(TECH).list()
        .forEach(a -> authorizationService.deleteAuthorization(a.getId()));
    identityService.deleteMembership(TECH, Groups.PROJECT_MANAGERS.id());
    identityService.deleteTenantUserMembership(TestClients.PLAIN, RSSI);
    tasks.deleteAll();
  }

  @Test
  void aCountAskedAgainWithNothingChangedRunsNoStatement() {
    counting.login(TECH);
    long first = counting.computedCount(team);
    assertThat(first).isEqualTo(techOiv.size() + techPlain.size());
    long built = cache.sqlBuilt();
    assertThat(counting.reusedCount(team)).isEqualTo(first);
    assertThat(counting.reusedCount(team)).isEqualTo(first);
    // found by the query's state: its SQL not even built
    assertThat(cache.sqlBuilt()).isEqualTo(built);

    // Tasklist's search is part of the count: the same search is kept, another one is counted
    Supplier<TaskQuery> inPlain = () -> taskService.createTaskQuery().tenantIdIn(TestClients.PLAIN);
    long before = cache.computed();
    assertThat(filterService.count(team, inPlain.get())).isEqualTo(techPlain.size());
    assertThat(filterService.count(team, inPlain.get())).isEqualTo(techPlain.size());
    assertThat(filterService.count(team, taskService.createTaskQuery().tenantIdIn(TestClients.OIV)))
        .isEqualTo(techOiv.size());
    assertThat(cache.computed()).isEqualTo(before + 2);
  }

  @Test
  void everyChangeOfThisNodeIsCountedAtOnce() {
    counting.login(TECH);
    warm(team, open, visible);

    counting.asEngine(() -> taskService.complete(techOiv.remove(0)));
    assertExact(team, () -> teamQuery(), techOiv.size() + techPlain.size());
    assertExact(open, () -> openQuery(), techOiv.size() + techPlain.size());

    counting.asEngine(() -> taskService.claim(techOiv.get(0), OTHER_TECH));
    assertExact(open, () -> openQuery(), techOiv.size() + techPlain.size() - 1);
    assertExact(team, () -> teamQuery(), techOiv.size() + techPlain.size());

    counting.asEngine(() -> taskService.addCandidateGroup(pmOiv.get(0), Groups.TECHNICIANS.id()));
    assertExact(team, () -> teamQuery(), techOiv.size() + techPlain.size() + 1);
    warm(visible);

    Authorization saved = counting.asEngine(() -> {
      Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      grant.setUserId(TECH);
      grant.setResource(Resources.TASK);
      grant.setResourceId(rssiOiv.get(0));
      grant.addPermission(Permissions.READ);
      return authorizationService.saveAuthorization(grant);
    });
    long withGrant = assertExact(visible, () -> taskService.createTaskQuery().processDefinitionKey(PROCESS), -1);
    counting.asEngine(() -> authorizationService.deleteAuthorization(saved.getId()));
    assertExact(visible, () -> taskService.createTaskQuery().processDefinitionKey(PROCESS), withGrant - 1);
  }

  @Test
  void aNewMembershipIsCountedAtTheNextLogin() {
    counting.login(TECH);
    long before = counting.computedCount(team);
    counting.reusedCount(team);
    counting.asEngine(() -> identityService.createMembership(TECH, Groups.PROJECT_MANAGERS.id()));
    counting.login(TECH);
    assertExact(team, () -> teamQuery(), before + pmOiv.size());
  }

  @Test
  void aNewTenantMembershipIsCountedAtTheNextLogin() {
    counting.login(RSSI);
    assertThat(counting.computedCount(team)).isEqualTo(rssiOiv.size());
    counting.reusedCount(team);
    counting.asEngine(() -> identityService.createTenantUserMembership(TestClients.PLAIN, RSSI));
    counting.login(RSSI);
    assertExact(team, () -> teamQuery(), rssiOiv.size() + rssiPlain.size());
  }

  @Test
  void aCountOlderThanMaxAgeIsComputedAgain() {
    Date start = new Date();
    Duration maxAge = cache.settings().maxAge();
    // no full count in the background (below): the request reaching max-age counts in full
    cache.settings(withRefreshAhead(0.0));
    ClockUtil.setCurrentTime(start);
    counting.login(TECH);
    long unassigned = counting.computedCount(open);
    ClockUtil.setCurrentTime(new Date(start.getTime() + maxAge.toMillis() - 1000));
    counting.reusedCount(open);

    // another node takes a task: this node does not see the write, its kept count is stale...
    jdbc.update("update ACT_RU_TASK set ASSIGNEE_ = ? where ID_ = ?", "ailleurs", techOiv.get(0));
    assertThat(counting.reusedCount(open)).isEqualTo(unassigned);
    // ...until max-age has passed since it was counted
    ClockUtil.setCurrentTime(new Date(start.getTime() + maxAge.toMillis()));
    assertThat(counting.computedCount(open)).as("counted in full").isEqualTo(openQuery().count()).isEqualTo(unassigned - 1);
  }

  @Test
  void aCountStillInUseLateInItsMaxAgeIsCountedAgainInTheBackground() throws Exception {
    Date start = new Date();
    long maxAge = cache.settings().maxAge().toMillis();
    cache.settings(withRefreshAhead(0.5));
    cache.awaitRecounts();
    long recounted = cache.recounted();
    ClockUtil.setCurrentTime(start);
    counting.login(TECH);
    long unassigned = counting.computedCount(open);

    // before half of max-age: served, nothing more
    ClockUtil.setCurrentTime(new Date(start.getTime() + maxAge / 2 - 1000));
    assertThat(counting.reusedCount(open)).isEqualTo(unassigned);
    cache.awaitRecounts();
    assertThat(cache.recounted()).isEqualTo(recounted);

    // another node takes a task: unseen here...
    jdbc.update("update ACT_RU_TASK set ASSIGNEE_ = ? where ID_ = ?", "ailleurs", techOiv.get(0));
    // ...past half of max-age the kept count is still served at once, and counted in full behind
    Date late = new Date(start.getTime() + maxAge / 2 + 1000);
    ClockUtil.setCurrentTime(late);
    assertThat(counting.reusedCount(open)).isEqualTo(unassigned);
    cache.awaitRecounts();
    assertThat(cache.recounted()).isEqualTo(recounted + 1);
    assertThat(counting.reusedCount(open)).as("the full count of the background")
        .isEqualTo(openQuery().count()).isEqualTo(unassigned - 1);

    // where max-age would have run out, the count of the background is young: nobody waits
    ClockUtil.setCurrentTime(new Date(start.getTime() + maxAge));
    assertThat(counting.reusedCount(open)).isEqualTo(unassigned - 1);
    // and it still runs from its own full count
    ClockUtil.setCurrentTime(new Date(late.getTime() + maxAge));
    cache.awaitRecounts();
    assertThat(counting.computedCount(open)).isEqualTo(unassigned - 1);

    // a change of this node after it is still counted at once (refreshed or in full)
    counting.asEngine(() -> taskService.claim(techOiv.get(1), OTHER_TECH));
    assertThat(filterService.count(open)).isEqualTo(openQuery().count()).isEqualTo(unassigned - 2);
  }

  private CountCacheProperties withRefreshAhead(double fraction) {
    CountCacheProperties now = cache.settings();
    return new CountCacheProperties(true, now.maxAge(), now.maxEntries(), now.maxTasksPerCount(), now.maxTasks(),
        fraction);
  }

  @Test
  void usersNeverGetEachOthersCount() {
    // same groups, same tenants, same filter: still counted for each
    counting.login(TECH);
    long tech = counting.computedCount(team);
    counting.login(OTHER_TECH);
    assertThat(counting.computedCount(team)).isEqualTo(tech);

    counting.login(TestClients.OIV_RSSI);
    assertThat(counting.computedCount(team)).isEqualTo(rssiOiv.size());
    counting.login(TestClients.PLAIN_RSSI);
    assertThat(counting.computedCount(team)).isEqualTo(rssiPlain.size());
    counting.login(PM);
    assertThat(counting.computedCount(team)).isEqualTo(pmOiv.size());

    counting.login(TestClients.OIV_RSSI);
    assertThat(counting.reusedCount(team)).isEqualTo(rssiOiv.size());
    counting.login(TestClients.PLAIN_RSSI);
    assertThat(counting.reusedCount(team)).isEqualTo(rssiPlain.size());
    counting.login(TECH);
    assertThat(counting.reusedCount(team)).isEqualTo(tech);
  }

  @Test
  void switchedOffEveryCountIsComputed() {
    cache.settings(new CountCacheProperties(false, Duration.ofMinutes(5), 100, null, null, null));
    counting.login(TECH);
    long first = counting.computedCount(team);
    assertThat(counting.computedCount(team)).isEqualTo(first);
    assertThat(counting.computedCount(team)).isEqualTo(first);
  }

  @Test
  void aCountInsideACallersTransactionSeesItsOwnWrites() {
    counting.login(TECH);
    long unassigned = counting.computedCount(open);
    counting.reusedCount(open);
    long inside = new TransactionTemplate(transactions).execute(status -> {
      counting.asEngine(() -> taskService.claim(techOiv.get(0), TECH));
      long counted = filterService.count(open);
      status.setRollbackOnly();
      return counted;
    });
    assertThat(inside).isEqualTo(unassigned - 1);
    // rolled back: nothing changed, the kept count is right again
    assertThat(counting.reusedCount(open)).isEqualTo(unassigned);
  }

  @Test
  void tasklistsRequestsUseTheKeptCounts() throws Exception {
    // the sidebar's count, then the page (its HAL total) with Tasklist's search, each asked twice
    String count = "/engine-rest/filter/" + team + "/count";
    String page = "/engine-rest/filter/" + team + "/list?firstResult=0&maxResults=15";
    String search = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
        + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}";
    long before = cache.computed();
    assertThat(http(count, null)).contains("\"count\":" + (techOiv.size() + techPlain.size()));
    assertThat(http(page, search)).contains("\"count\":" + (techOiv.size() + techPlain.size()));
    assertThat(cache.computed()).isEqualTo(before + 2);
    long reused = cache.reused();
    assertThat(http(count, null)).contains("\"count\":" + (techOiv.size() + techPlain.size()));
    assertThat(http(page, search)).contains("\"count\":" + (techOiv.size() + techPlain.size()));
    assertThat(cache.computed()).isEqualTo(before + 2);
    assertThat(cache.reused()).isEqualTo(reused + 2);
  }

  @Test
  void theTablesOfAStatementAreReadFromItsSql() {
    assertThat(CommittedWrites.tablesOf("update ACT_RU_TASK set ASSIGNEE_ = ? where ID_ = ? and exists (select 1 from "
        + "camunda.act_ru_identitylink I where I.ACT_ID_ = ?); insert into ACT_RU_TASK_METER_LOG (ID_) values (?)"))
        .containsExactly("ACT_RU_IDENTITYLINK", "ACT_RU_TASK", "ACT_RU_TASK_METER_LOG");
  }

  // ---------------------------------------------------------------------------------------------

  /** As the technician, HTTP Basic: GET, or POST of a JSON body asking for HAL (as Tasklist). */
  private String http(String path, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((TECH + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)));
    request = body == null ? request.header("Accept", "application/json").GET()
        : request.header("Accept", "application/hal+json").header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  private TaskQuery teamQuery() {
    return taskService.createTaskQuery().processDefinitionKey(PROCESS).taskCandidateGroupIn(currentGroups())
        .includeAssignedTasks();
  }

  private TaskQuery openQuery() {
    return taskService.createTaskQuery().processDefinitionKey(PROCESS).taskCandidateGroupIn(currentGroups());
  }

  private List<String> currentGroups() {
    return identityService.getCurrentAuthentication().getGroupIds();
  }

  /**
   * The filter's count is computed again (a statement runs: the full count, or the count refreshed
   * from the tasks a change touched, TaskCountRefreshTest), equals Camunda's own task query with
   * the same criteria for the same user, and the expected number (unless -1).
   */
  private long assertExact(String filterId, Supplier<TaskQuery> same, long expected) {
    long before = cache.computed() + cache.refreshed();
    long counted = filterService.count(filterId);
    assertThat(cache.computed() + cache.refreshed()).as("a statement counted the filter").isEqualTo(before + 1);
    assertThat(counted).isEqualTo(same.get().count());
    if (expected >= 0) {
      assertThat(counted).isEqualTo(expected);
    }
    return counted;
  }



  private void warm(String... filterIds) {
    for (String filterId : filterIds) {
      long counted = filterService.count(filterId);
      assertThat(counting.reusedCount(filterId)).isEqualTo(counted);
    }
  }
}
