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
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Counts and pages check permissions with different SQL (the patched Task.xml, docs/bench.md "Task
 * lists"): a page looks up each row's grants as it goes, a count reads the grants on '*' and on
 * process definitions once and looks up each task's own grant. Both must admit exactly the same
 * tasks, through each of the three ways a grant reaches a task (on the task itself, on its process
 * definition, on every task), within the user's tenants only: here every count equals the size of
 * the list it counts, and both are the tasks the rules say.
 */
@IntegrationTest
class TaskCountsMatchListsTest {

  private static final String PROCESS = "counts-check";

  @Autowired FilterService filterService;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired ClientRepository clients;
  @Autowired ClientService clientService;

  private CandidateTasks tasks;
  private final List<String> techOiv = new ArrayList<>();
  private final List<String> techPlain = new ArrayList<>();
  private final List<String> pmOiv = new ArrayList<>();
  private final List<String> rssiOiv = new ArrayList<>();
  private final List<String> rssiPlain = new ArrayList<>();
  private String assignedToPmInPlain;
  private Authorization extraGrant;

  @BeforeEach
  void tasks() {
    TestClients.ensure(identityService, clients, clientService);
    TestUsers.ensure(identityService, "tech.counts", Groups.TECHNICIANS);
    TestUsers.ensure(identityService, "pm.counts", Groups.PROJECT_MANAGERS);
    tasks = new CandidateTasks(PROCESS, repositoryService, runtimeService, taskService);
    for (int i = 0; i < 3; i++) {
      techOiv.add(tasks.start(Groups.TECHNICIANS.id(), TestClients.OIV));
      techPlain.add(tasks.start(Groups.TECHNICIANS.id(), TestClients.PLAIN));
      pmOiv.add(tasks.start(Groups.PROJECT_MANAGERS.id(), TestClients.OIV));
      rssiOiv.add(tasks.start(Groups.CLIENT_RSSI.id(), TestClients.OIV));
      rssiPlain.add(tasks.start(Groups.CLIENT_RSSI.id(), TestClients.PLAIN));
    }
    // a grant to one user on one task (the assignee's), on a task none of their groups is a candidate for
    assignedToPmInPlain = tasks.start(Groups.CLIENT_RSSI.id(), TestClients.PLAIN);
    taskService.setAssignee(assignedToPmInPlain, "pm.counts");
  }

  @AfterEach
  void clear() {
    identityService.clearAuthentication();
    if (extraGrant != null) {
      authorizationService.deleteAuthorization(extraGrant.getId());
      extraGrant = null;
    }
    tasks.deleteAll();
  }

  @Test
  void grantsOnTheTaskItself() {
    identityService.setAuthentication("tech.counts", List.of(Groups.TECHNICIANS.id()),
        List.of(TestClients.OIV, TestClients.PLAIN));
    assertCountsMatchLists(concat(techOiv, techPlain));
  }

  @Test
  void aGrantToOneUserOnOneTask() {
    identityService.setAuthentication("pm.counts", List.of(Groups.PROJECT_MANAGERS.id()),
        List.of(TestClients.OIV, TestClients.PLAIN));
    List<String> expected = concat(pmOiv, List.of(assignedToPmInPlain));
    assertCountsMatchLists(expected);
    assertThat(taskService.createTaskQuery().processDefinitionKey(PROCESS).taskAssignee("pm.counts").count()).isEqualTo(1);
  }

  @Test
  void aGrantOnTheProcessDefinition() {
    extraGrant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    extraGrant.setGroupId(Groups.PROJECT_MANAGERS.id());
    extraGrant.setResource(Resources.PROCESS_DEFINITION);
    extraGrant.setResourceId(PROCESS);
    extraGrant.addPermission(Permissions.READ_TASK);
    extraGrant = authorizationService.saveAuthorization(extraGrant);
    // every task of the process, but only in the user's tenants
    identityService.setAuthentication("pm.counts", List.of(Groups.PROJECT_MANAGERS.id()), List.of(TestClients.OIV));
    assertCountsMatchLists(concat(techOiv, pmOiv, rssiOiv));
  }

  @Test
  void eachPermissionIsCheckedOnItsOwnResource() {
    // a Task grant naming the process definition's key is a grant on a task of that id: none here.
    // Camunda's condition (any grant's resource among task id, definition key, '*') read it as a
    // grant on the definition; the patched check (Task.xml.patch) does not, in lists and counts alike
    extraGrant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    extraGrant.setUserId("misnamed.counts");
    extraGrant.setResource(Resources.TASK);
    extraGrant.setResourceId(PROCESS);
    extraGrant.addPermission(Permissions.READ);
    extraGrant = authorizationService.saveAuthorization(extraGrant);
    identityService.setAuthentication("misnamed.counts", List.of(), List.of(TestClients.OIV, TestClients.PLAIN));
    assertCountsMatchLists(List.of());
    // the same user given READ_TASK on the definition sees its tasks in their tenants
    identityService.clearAuthentication();
    Authorization onDefinition = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    onDefinition.setUserId("misnamed.counts");
    onDefinition.setResource(Resources.PROCESS_DEFINITION);
    onDefinition.setResourceId(PROCESS);
    onDefinition.addPermission(Permissions.READ_TASK);
    onDefinition = authorizationService.saveAuthorization(onDefinition);
    try {
      identityService.setAuthentication("misnamed.counts", List.of(), List.of(TestClients.OIV, TestClients.PLAIN));
      assertCountsMatchLists(concat(techOiv, techPlain, pmOiv, rssiOiv, rssiPlain, List.of(assignedToPmInPlain)));
    } finally {
      identityService.clearAuthentication();
      authorizationService.deleteAuthorization(onDefinition.getId());
    }
  }

  @Test
  void aGrantOnEveryTask() {
    // not an administrator (the engine checks nothing for those): a user granted READ on every task
    Authorization everyTask = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    everyTask.setUserId("wide.counts");
    everyTask.setResource(Resources.TASK);
    everyTask.setResourceId("*");
    everyTask.addPermission(Permissions.READ);
    extraGrant = authorizationService.saveAuthorization(everyTask);
    identityService.setAuthentication("wide.counts", List.of(), List.of(TestClients.OIV, TestClients.PLAIN));
    assertCountsMatchLists(concat(techOiv, techPlain, pmOiv, rssiOiv, rssiPlain, List.of(assignedToPmInPlain)));
    identityService.setAuthentication("wide.counts", List.of(), List.of(TestClients.PLAIN));
    assertCountsMatchLists(concat(techPlain, rssiPlain, List.of(assignedToPmInPlain)));
  }

  @Test
  void aClientRssiCountsOnlyTheirOwnClientsTasks() {
    identityService.setAuthentication(TestClients.OIV_RSSI, List.of(Groups.CLIENT_RSSI.id()), List.of(TestClients.OIV));
    assertCountsMatchLists(rssiOiv);
    identityService.setAuthentication(TestClients.PLAIN_RSSI, List.of(Groups.CLIENT_RSSI.id()), List.of(TestClients.PLAIN));
    assertCountsMatchLists(concat(rssiPlain, List.of(assignedToPmInPlain)));
  }

  @Test
  void theTeamFilterCountsWhatItLists() {
    identityService.setAuthentication("tech.counts", List.of(Groups.TECHNICIANS.id()),
        List.of(TestClients.OIV, TestClients.PLAIN));
    Filter team = filterService.createFilterQuery().filterName("Tâches de mon équipe").singleResult();
    List<Task> listed = filterService.list(team.getId());
    assertThat(filterService.count(team.getId())).isEqualTo(listed.size());
    assertThat(listed.stream().map(Task::getId)).containsAll(concat(techOiv, techPlain))
        .doesNotContainAnyElementsOf(concat(pmOiv, rssiOiv, rssiPlain));
  }

  /** The checked query of this process's tasks: its count, its list and the expected tasks agree. */
  private void assertCountsMatchLists(List<String> expected) {
    TaskQuery query = taskService.createTaskQuery().processDefinitionKey(PROCESS);
    List<String> listed = query.list().stream().map(Task::getId).toList();
    assertThat(listed).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(taskService.createTaskQuery().processDefinitionKey(PROCESS).count()).isEqualTo(expected.size());
    // a page (the row-by-row check) of the same tasks
    assertThat(taskService.createTaskQuery().processDefinitionKey(PROCESS).orderByTaskCreateTime().desc()
        .listPage(0, 100)).hasSize(expected.size());
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
