package com.mileotech.cyber.security;

import com.mileotech.cyber.system.StartupStep;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * Tasklist shows no task at all until a filter exists: the filters of every role are created
 * here, once each (found again by name, so an administrator's later changes are kept), and each
 * is granted to the groups it is for. What a filter lists is still cut down by the user's task
 * permissions and tenants: the same "Tâches de mon équipe" shows each client RSSI only their own
 * client's tasks.
 */
@Component
class TasklistFiltersStep implements StartupStep {

  /** The columns Tasklist shows under each task. */
  static final List<Map<String, String>> VARIABLES = List.of(
      Map.of("name", "reference", "label", "Référence"),
      Map.of("name", "clientName", "label", "Client"),
      Map.of("name", "siteName", "label", "Site"),
      Map.of("name", "severityLabel", "label", "Gravité"));

  /** The columns of the first release (the severity's code): replaced where an administrator kept them. */
  static final List<Map<String, String>> FIRST_VARIABLES = List.of(
      Map.of("name", "reference", "label", "Référence"),
      Map.of("name", "clientName", "label", "Client"),
      Map.of("name", "siteName", "label", "Site"),
      Map.of("name", "severity", "label", "Gravité"));

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationService authorizationService;

  TasklistFiltersStep(FilterService filterService, TaskService taskService, AuthorizationService authorizationService) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizationService = authorizationService;
  }

  @Override
  public int order() {
    return 50;
  }

  @Override
  public void run() {
    List<Groups> tasklistUsers = List.of(Groups.TECHNICIANS, Groups.PROJECT_MANAGERS, Groups.CYBER_REFERENT,
        Groups.CLIENT_RSSI, Groups.ADMINISTRATORS);
    // a client's RSSI lands on their own client's open tasks (the engine's tenant checks keep it to their client)
    ensure("Tâches de mon client", "Les tâches ouvertes de mon client : les prendre, puis remplir le formulaire", -20,
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks().orderByDueDate().asc(),
        List.of(Groups.CLIENT_RSSI));
    ensure("Mes tâches", "Les tâches qui me sont assignées", -10,
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc(),
        tasklistUsers);
    ensure("Tâches de mon équipe", "Les tâches proposées à mes groupes, assignées ou non", -5,
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks().orderByDueDate().asc(),
        tasklistUsers);
    ensure("Échéance sous 24 h", "Mes tâches et celles de mes groupes qui arrivent à échéance dans les 24 heures", 0,
        mineOrMyGroups().dueAfterExpression("${now()}").dueBeforeExpression("${dateTime().plusHours(24)}")
            .orderByDueDate().asc(),
        tasklistUsers);
    ensure("En retard", "Mes tâches et celles de mes groupes dont l'échéance est passée", 5,
        mineOrMyGroups().dueBeforeExpression("${now()}").orderByDueDate().asc(),
        tasklistUsers);
    // each report to the CNIL or the ANSSI runs in its own called instance of regulatory-report
    TaskQuery notifications = taskService.createTaskQuery()
        .processDefinitionKeyIn("cnil-notification", "anssi-notification", "regulatory-report").orderByDueDate().asc();
    ensure("Notifications réglementaires ouvertes", "CNIL et ANSSI : toutes les notifications en cours, par échéance", 10,
        notifications, List.of(Groups.CYBER_REFERENT));
    includeReports("Notifications réglementaires ouvertes", notifications);
  }

  /** A filter saved before the reports had their own process (issue 17) lists them too. */
  private void includeReports(String name, TaskQuery query) {
    Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
    String[] keys = ((TaskQueryImpl) filter.getQuery()).getProcessDefinitionKeys();
    if (keys != null && !Arrays.asList(keys).contains("regulatory-report")) {
      filter.setQuery(query);
      filterService.saveFilter(filter);
    }
  }

  /** Tasks assigned to me or offered to one of my groups (assigned or not). */
  private TaskQuery mineOrMyGroups() {
    return taskService.createTaskQuery().or()
        .taskAssigneeExpression("${currentUser()}")
        .taskCandidateGroupInExpression("${currentUserGroups()}")
        .includeAssignedTasks()
        .endOr();
  }

  private void ensure(String name, String description, int priority, TaskQuery query, List<Groups> readers) {
    Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filterService.newTaskFilter(name);
      filter.setQuery(query);
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("description", description);
      properties.put("priority", priority);
      properties.put("refresh", true);
      properties.put("variables", VARIABLES);
      filter.setProperties(properties);
      filterService.saveFilter(filter);
    } else if (FIRST_VARIABLES.equals(filter.getProperties().get("variables"))) {
      Map<String, Object> properties = new LinkedHashMap<>(filter.getProperties());
      properties.put("variables", VARIABLES);
      filter.setProperties(properties);
      filterService.saveFilter(filter);
    }
    for (Groups group : readers) {
      boolean granted = authorizationService.createAuthorizationQuery()
          .resourceType(Resources.FILTER).resourceId(filter.getId()).groupIdIn(group.id()).count() > 0;
      if (!granted) {
        Authorization read = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        read.setGroupId(group.id());
        read.setResource(Resources.FILTER);
        read.setResourceId(filter.getId());
        read.addPermission(Permissions.READ);
        authorizationService.saveAuthorization(read);
      }
    }
  }
}
