package com.mileotech.cyber.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestClients;
import com.mileotech.cyber.TestUsers;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.client.ClientService;
import com.mileotech.cyber.security.Groups;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A page of tasks reads the candidate groups as an EXISTS instead of Camunda's join with the
 * identity links and {@code select distinct} (the patched Task.xml, docs/bench.md "The first page
 * on PostgreSQL"), when one query of the list reads the links and not for the involved user. Every
 * shape of query here is listed (the page's SQL) and counted (Camunda's join, unchanged): the
 * same tasks, each once, the ones the rules say; including a task offered to two of the user's
 * groups (the join gives it twice, the DISTINCT once), the shapes that keep the join (the involved
 * user, two queries reading the links, an ordering by a variable) and the filters Tasklist shows.
 */
@IntegrationTest
class TaskPageSqlTest {

  private static final String PROCESS = "page-sql-check";

  @Autowired FilterService filterService;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;
  @Autowired ClientRepository clients;
  @Autowired ClientService clientService;

  private CandidateTasks tasks;
  private final List<String> tech = new ArrayList<>();
  private final List<String> pm = new ArrayList<>();
  private String techAndPm;
  private String techAssignedToOther;
  private String pmAssignedToTech;
  private String techWithCandidateUser;

  @BeforeEach
  void tasks() {
    TestClients.ensure(identityService, clients, clientService);
    TestUsers.ensure(identityService, "tech.page", Groups.TECHNICIANS);
    if (identityService.createUserQuery().userId("tech.page").memberOfGroup(Groups.PROJECT_MANAGERS.id()).count() == 0) {
      identityService.createMembership("tech.page", Groups.PROJECT_MANAGERS.id());
    }
    tasks = new CandidateTasks(PROCESS, repositoryService, runtimeService, taskService);
    for (int i = 0; i < 3; i++) {
      tech.add(tasks.start(Groups.TECHNICIANS.id(), TestClients.PLAIN));
      pm.add(tasks.start(Groups.PROJECT_MANAGERS.id(), TestClients.OIV));
    }
    // offered to both of the user's groups: two identity links the join would match
    techAndPm = tasks.start(Groups.TECHNICIANS.id(), TestClients.PLAIN);
    taskService.addCandidateGroup(techAndPm, Groups.PROJECT_MANAGERS.id());
    techAssignedToOther = tasks.start(Groups.TECHNICIANS.id(), TestClients.PLAIN);
    taskService.setAssignee(techAssignedToOther, "someone.else");
    // one of the user's tasks through the assignee only (not a candidate of their groups)
    pmAssignedToTech = tasks.start(Groups.CLIENT_RSSI.id(), TestClients.PLAIN);
    taskService.setAssignee(pmAssignedToTech, "tech.page");
    techWithCandidateUser = tasks.start(Groups.TECHNICIANS.id(), TestClients.OIV);
    taskService.addCandidateUser(techWithCandidateUser, "tech.page");
    taskService.setVariable(techAndPm, "rank", 1);
    identityService.setAuthentication("tech.page", List.of(Groups.TECHNICIANS.id(), Groups.PROJECT_MANAGERS.id()),
        List.of(TestClients.OIV, TestClients.PLAIN));
  }

  @AfterEach
  void clear() {
    identityService.clearAuthentication();
    tasks.deleteAll();
  }

  @Test
  void candidateGroupsAssignedOrNot() {
    List<String> groups = List.of(Groups.TECHNICIANS.id(), Groups.PROJECT_MANAGERS.id());
    assertPage(query().taskCandidateGroupIn(groups).includeAssignedTasks(),
        concat(tech, pm, List.of(techAndPm, techAssignedToOther, techWithCandidateUser)));
    assertPage(query().taskCandidateGroupIn(groups),
        concat(tech, pm, List.of(techAndPm, techWithCandidateUser)));
    assertPage(query().taskCandidateGroup(Groups.PROJECT_MANAGERS.id()), concat(pm, List.of(techAndPm)));
  }

  @Test
  void theOtherCandidateCriteria() {
    // a candidate user also finds the tasks of their groups (Camunda's own expansion)
    assertPage(query().taskCandidateUser("tech.page"), concat(tech, pm, List.of(techAndPm, techWithCandidateUser)));
    assertPage(query().taskCandidateUser("tech.page").includeAssignedTasks(),
        concat(tech, pm, List.of(techAndPm, techWithCandidateUser, techAssignedToOther)));
    assertPage(query().taskCandidateGroupLike("project%"), concat(pm, List.of(techAndPm)));
    assertPage(query().withCandidateGroups().includeAssignedTasks(),
        concat(tech, pm, List.of(techAndPm, techAssignedToOther, techWithCandidateUser, pmAssignedToTech)));
    assertPage(query().withCandidateUsers(), List.of(techWithCandidateUser));
    assertPage(query().withoutCandidateUsers().includeAssignedTasks(),
        concat(tech, pm, List.of(techAndPm, techAssignedToOther, pmAssignedToTech)));
  }

  @Test
  void mineOrMyGroupsAsTheDueDateFiltersAsk() {
    TaskQuery mineOrGroups = query().or().taskAssignee("tech.page")
        .taskCandidateGroupIn(List.of(Groups.PROJECT_MANAGERS.id())).includeAssignedTasks().endOr();
    assertPage(mineOrGroups, concat(pm, List.of(techAndPm, pmAssignedToTech)));
  }

  @Test
  void theShapesThatKeepCamundasJoin() {
    // the involved user, read on the same identity link row as the candidate criteria
    assertPage(query().taskInvolvedUser("tech.page"), List.of(techWithCandidateUser, pmAssignedToTech));
    assertPage(query().taskInvolvedUser("tech.page").taskCandidateGroup(Groups.TECHNICIANS.id()).includeAssignedTasks(),
        List.of());
    // two queries reading the links: one link row must satisfy both
    TaskQuery twoQueries = query().taskCandidateGroup(Groups.TECHNICIANS.id()).includeAssignedTasks()
        .or().taskCandidateGroup(Groups.PROJECT_MANAGERS.id()).taskAssignee("nobody").endOr();
    assertPage(twoQueries, List.of());
    // an ordering by a variable joins the variables
    List<String> mine = concat(tech, pm, List.of(techAndPm, techAssignedToOther, techWithCandidateUser));
    assertPage(query().taskCandidateGroupIn(List.of(Groups.TECHNICIANS.id(), Groups.PROJECT_MANAGERS.id()))
        .includeAssignedTasks().orderByTaskVariable("rank", ValueType.INTEGER).asc(), mine);
  }

  @Test
  void tasklistsFiltersWithItsSearchAndOrder() {
    for (String name : List.of("Tâches de mon équipe", "Échéance sous 24 h", "En retard", "Mes tâches")) {
      Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
      TaskQuery search = taskService.createTaskQuery().processDefinitionKey(PROCESS).active().orderByTaskCreateTime().desc();
      List<Task> page = filterService.listPage(filter.getId(), search, 0, 15);
      List<Task> all = filterService.list(filter.getId(), search);
      // fewer than 15 tasks here: the page is the whole list (its order among equal creation times is free)
      assertThat(page.stream().map(Task::getId)).as(name).doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(all.stream().map(Task::getId).toList());
      assertThat(all.stream().map(Task::getId)).as(name).doesNotHaveDuplicates();
      assertThat((long) all.size()).as(name).isEqualTo(filterService.count(filter.getId(), search));
    }
    Filter team = filterService.createFilterQuery().filterName("Tâches de mon équipe").singleResult();
    TaskQuery search = taskService.createTaskQuery().processDefinitionKey(PROCESS);
    assertThat(filterService.list(team.getId(), search).stream().map(Task::getId))
        .containsExactlyInAnyOrderElementsOf(concat(tech, pm, List.of(techAndPm, techAssignedToOther, techWithCandidateUser)));
  }

  private TaskQuery query() {
    return taskService.createTaskQuery().processDefinitionKey(PROCESS);
  }

  /** The page (newest first) and the list hold the expected tasks once each; the count agrees. */
  private void assertPage(TaskQuery query, List<String> expected) {
    List<String> listed = query.list().stream().map(Task::getId).toList();
    assertThat(listed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    assertThat(query.count()).isEqualTo(expected.size());
    if (((TaskQueryImpl) query).getOrderingProperties().isEmpty()) {
      query.orderByTaskCreateTime().desc();
    }
    List<String> page = query.listPage(0, 100).stream().map(Task::getId).toList();
    assertThat(page).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
  }

  @SafeVarargs
  private static List<String> concat(List<String>... lists) {
    List<String> all = new ArrayList<>();
    for (List<String> list : lists) {
      all.addAll(list);
    }
    return all;
  }
}
