package com.mileotech.cyber.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestClients;
import com.mileotech.cyber.TestUsers;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.client.ClientService;
import com.mileotech.cyber.security.Groups;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The Tasklist filters of each role list what their French names promise, for the user who opens them. */
@IntegrationTest
class TasklistFiltersTest {

  private static final String PROCESS = "filters-check";

  @Autowired FilterService filterService;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired ClientRepository clients;
  @Autowired ClientService clientService;

  private static boolean deployed;
  private String mine;
  private String teamSoon;
  private String teamOverdue;
  private String teamLater;
  private String otherGroupOverdue;
  private String otherClientTeam;

  @BeforeEach
  void tasks() {
    TestClients.ensure(identityService, clients, clientService);
    TestUsers.ensure(identityService, "tech.filters", Groups.TECHNICIANS);
    if (!deployed) {
      repositoryService.createDeployment().addModelInstance(PROCESS + ".bpmn",
          Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1).startEvent()
              .userTask("Task_Work").name("Travailler").camundaCandidateGroups("${group}").camundaDueDate("${due}")
              .endEvent().done()).deploy();
      deployed = true;
    }
    Instant now = Instant.now();
    mine = start("project-managers", TestClients.OIV, now.plus(Duration.ofHours(2)));
    taskService.setAssignee(mine, "tech.filters");
    teamSoon = start("technicians", TestClients.OIV, now.plus(Duration.ofHours(20)));
    teamOverdue = start("technicians", TestClients.OIV, now.minus(Duration.ofHours(3)));
    teamLater = start("technicians", TestClients.OIV, now.plus(Duration.ofDays(5)));
    otherGroupOverdue = start("project-managers", TestClients.OIV, now.minus(Duration.ofHours(3)));
    otherClientTeam = start("client-rssi", TestClients.PLAIN, now.plus(Duration.ofHours(1)));
  }

  @AfterEach
  void clear() {
    identityService.clearAuthentication();
  }

  @Test
  void aTechniciansFilters() {
    identityService.setAuthentication("tech.filters", List.of("technicians"), List.of(TestClients.OIV, TestClients.PLAIN));
    assertThat(ids("Mes tâches")).contains(mine).doesNotContain(teamSoon, teamOverdue, otherGroupOverdue);
    assertThat(ids("Tâches de mon équipe")).contains(teamSoon, teamOverdue, teamLater)
        .doesNotContain(otherGroupOverdue, otherClientTeam);
    assertThat(ids("Échéance sous 24 h")).contains(mine, teamSoon).doesNotContain(teamOverdue, teamLater, otherGroupOverdue);
    assertThat(ids("En retard")).contains(teamOverdue).doesNotContain(mine, teamSoon, teamLater, otherGroupOverdue);
  }

  @Test
  void aClientRssiSeesOnlyTheirClientsTasksThroughTheSameFilters() {
    identityService.setAuthentication(TestClients.OIV_RSSI, List.of("client-rssi"), List.of(TestClients.OIV));
    assertThat(ids("Tâches de mon équipe")).doesNotContain(otherClientTeam, teamSoon);
    identityService.setAuthentication(TestClients.PLAIN_RSSI, List.of("client-rssi"), List.of(TestClients.PLAIN));
    assertThat(ids("Tâches de mon équipe")).contains(otherClientTeam);
    assertThat(ids("Échéance sous 24 h")).contains(otherClientTeam);
  }

  @Test
  void eachFilterExistsOnceAndIsGrantedToItsRoles() {
    for (String name : List.of("Mes tâches", "Tâches de mon équipe", "Échéance sous 24 h", "En retard")) {
      Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
      for (Groups group : List.of(Groups.TECHNICIANS, Groups.PROJECT_MANAGERS, Groups.CYBER_REFERENT, Groups.CLIENT_RSSI)) {
        assertThat(authorizationService.isUserAuthorized("nobody", List.of(group.id()), Permissions.READ,
            Resources.FILTER, filter.getId())).as(name + " for " + group).isTrue();
      }
      assertThat(authorizationService.isUserAuthorized("nobody", List.of(Groups.INTEGRATIONS.id()), Permissions.READ,
          Resources.FILTER, filter.getId())).as(name + " for integrations").isFalse();
    }
    Filter notifications = filterService.createFilterQuery().filterName("Notifications réglementaires ouvertes").singleResult();
    assertThat(authorizationService.isUserAuthorized("nobody", List.of(Groups.CYBER_REFERENT.id()), Permissions.READ,
        Resources.FILTER, notifications.getId())).isTrue();
    assertThat(authorizationService.isUserAuthorized("nobody", List.of(Groups.TECHNICIANS.id()), Permissions.READ,
        Resources.FILTER, notifications.getId())).isFalse();
    assertThat(notifications.getProperties()).containsKey("variables");
  }

  private String start(String group, String clientId, Instant due) {
    String pi = runtimeService.startProcessInstanceByKey(PROCESS,
        Map.of("group", group, "clientId", clientId, "due", Date.from(due), "reference", "FLT")).getId();
    return taskService.createTaskQuery().processInstanceId(pi).singleResult().getId();
  }

  private List<String> ids(String filterName) {
    Filter filter = filterService.createFilterQuery().filterName(filterName).singleResult();
    List<Task> tasks = filterService.list(filter.getId());
    return tasks.stream().map(Task::getId).toList();
  }
}
