package com.mileotech.cyber.security;

import com.mileotech.cyber.system.StartupStep;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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
 * client's tasks. On an unchanged database a run reads the filters and their grants (two
 * queries) and writes nothing.
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

  /** The filters by name and the groups granted each filter, read once per run (two queries). */
  private Map<String, List<Filter>> filters;
  private Map<String, Set<String>> readersOfFilter;

  @Override
  public void run() {
    filters = filterService.createFilterQuery().list().stream()
        .collect(Collectors.groupingBy(Filter::getName, HashMap::new, Collectors.toList()));
    readersOfFilter = new HashMap<>();
    authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER).list().stream()
        .filter(a -> a.getGroupId() != null)
        .forEach(a -> readersOfFilter.computeIfAbsent(a.getResourceId(), k -> new HashSet<>()).add(a.getGroupId()));
    try {
      ensureAll();
    } finally {
      filters = null;
      readersOfFilter = null;
    }
  }

  private void ensureAll() {
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
    Filter filter = named(name);
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

  /** The filter of that name, as read at the start of the run (or saved since). */
  private Filter named(String name) {
    List<Filter> found = filters.getOrDefault(name, List.of());
    // two of one name: the engine's query refuses it, as before this step read the filters at once
    return found.size() > 1 ? filterService.createFilterQuery().filterName(name).singleResult()
        : found.isEmpty() ? null : found.get(0);
  }

  private void ensure(String name, String description, int priority, TaskQuery query, List<Groups> readers) {
    Filter filter = named(name);
    if (filter == null) {
      filter = filterService.newTaskFilter(name);
      filter.setQuery(query);
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("description", description);
      properties.put("priority", priority);
      properties.put("refresh", true);
      properties.put("variables", VARIABLES);
      filter.setProperties(properties);
      filter = filterService.saveFilter(filter);
      filters.put(name, List.of(filter));
    } else if (FIRST_VARIABLES.equals(filter.getProperties().get("variables"))) {
      Map<String, Object> properties = new LinkedHashMap<>(filter.getProperties());
      properties.put("variables", VARIABLES);
      filter.setProperties(properties);
      filterService.saveFilter(filter);
    }
    Set<String> granted = readersOfFilter.getOrDefault(filter.getId(), Set.of());
    for (Groups group : readers) {
      // any row of the group on this filter counts, as before (the one query per group and filter)
      if (!granted.contains(group.id())) {
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
