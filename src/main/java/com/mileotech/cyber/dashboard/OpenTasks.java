package com.mileotech.cyber.dashboard;

import com.mileotech.cyber.dashboard.Dashboard.OpenItem;
import com.mileotech.cyber.dashboard.Dashboard.OpenItems;
import com.mileotech.cyber.security.Groups;
import com.mileotech.cyber.system.CommonVariables;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The open tasks of the clients in scope, as the engine holds them now: overdue first (the most
 * overdue on top), then by due date, then those without one by age. Staff see every open task;
 * a client RSSI the tasks offered to them (their client's, candidate group client-rssi or assigned
 * to them), as Tasklist shows them. Runs without the caller's engine authorization: the caller's
 * scope is decided by the dashboard.
 */
@Component
class OpenTasks {

  /** Tasklist's link to a task. */
  static final String TASK_LINK = "/camunda/app/tasklist/default/#/?task=";

  /**
   * Standing options rather than work due: "Requalifier l'incident" stays open in the referent's
   * Tasklist for the whole life of an incident, in case new facts come.
   */
  static final Set<String> STANDING_TASKS = Set.of("Task_RequalifyIncident");

  /** The block every report to an authority runs in, called by the notification it belongs to. */
  static final String REPORT_PROCESS = "regulatory-report";

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final RepositoryService repositoryService;

  OpenTasks(TaskService taskService, RuntimeService runtimeService, RepositoryService repositoryService) {
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.repositoryService = repositoryService;
  }

  /** @param rssiUser the client RSSI asking, or null for staff */
  OpenItems of(List<String> clients, String rssiUser, Map<String, String> clientNames, Instant now) {
    if (clients.isEmpty()) {
      return new OpenItems(0, 0, List.of());
    }
    Map<String, Task> tasks = new LinkedHashMap<>();
    if (rssiUser == null) {
      query(clients).list().forEach(t -> tasks.put(t.getId(), t));
    } else {
      query(clients).taskCandidateGroup(Groups.CLIENT_RSSI.id()).includeAssignedTasks().list()
          .forEach(t -> tasks.put(t.getId(), t));
      query(clients).taskAssignee(rssiUser).list().forEach(t -> tasks.put(t.getId(), t));
    }
    Set<String> exercises = exercises(tasks.values());
    List<Task> open = tasks.values().stream()
        .filter(t -> !STANDING_TASKS.contains(t.getTaskDefinitionKey()))
        .filter(t -> !exercises.contains(t.getProcessInstanceId()))
        .sorted(order(now))
        .toList();
    long overdue = open.stream().filter(t -> overdue(t, now)).count();
    List<Task> shown = open.stream().limit(OpenItems.LIMIT).toList();

    Map<String, String> businessKeys = businessKeys(shown);
    Map<String, String> processes = new HashMap<>();
    List<OpenItem> items = shown.stream().map(t -> {
      String process = processes.computeIfAbsent(labelledDefinition(t), id -> {
        ProcessDefinition definition = repositoryService.getProcessDefinition(id);
        return Labels.PROCESSES.getOrDefault(definition.getKey(),
            Objects.requireNonNullElse(definition.getName(), definition.getKey()));
      });
      boolean late = overdue(t, now);
      return new OpenItem(t.getId(), t.getName(), process,
          businessKeys.get(t.getProcessInstanceId()), t.getTenantId(),
          clientNames.getOrDefault(t.getTenantId(), t.getTenantId()), instant(t.getCreateTime()),
          instant(t.getDueDate()), late, late ? Duration.between(t.getDueDate().toInstant(), now).toMinutes() : null,
          t.getAssignee(), candidateGroups(t), TASK_LINK + t.getId());
    }).toList();
    return new OpenItems(open.size(), overdue, items);
  }

  /**
   * The process a task is shown under: its own, but a report's task (regulatory-report, the block
   * each report of a notification runs in) is the notification's, "Notification CNIL" or "ANSSI".
   */
  private String labelledDefinition(Task task) {
    if (!repositoryService.getProcessDefinition(task.getProcessDefinitionId()).getKey().equals(REPORT_PROCESS)) {
      return task.getProcessDefinitionId();
    }
    ProcessInstance notification = runtimeService.createProcessInstanceQuery()
        .subProcessInstanceId(task.getProcessInstanceId()).singleResult();
    return notification == null ? task.getProcessDefinitionId() : notification.getProcessDefinitionId();
  }

  private TaskQuery query(List<String> clients) {
    return taskService.createTaskQuery().active().tenantIdIn(clients.toArray(String[]::new));
  }

  static Comparator<Task> order(Instant now) {
    Function<Task, Integer> rank = t -> t.getDueDate() == null ? 2 : overdue(t, now) ? 0 : 1;
    return Comparator.comparing(rank)
        .thenComparing(t -> t.getDueDate() == null ? t.getCreateTime() : t.getDueDate())
        .thenComparing(Task::getId);
  }

  static boolean overdue(Task task, Instant now) {
    return task.getDueDate() != null && task.getDueDate().toInstant().isBefore(now);
  }

  /**
   * The process instances of these tasks that belong to an exercise (issue 18): their work is done
   * in Tasklist, marked, but counts in no figure here.
   */
  private Set<String> exercises(java.util.Collection<Task> tasks) {
    Set<String> ids = tasks.stream().map(Task::getProcessInstanceId).filter(Objects::nonNull)
        .collect(java.util.stream.Collectors.toSet());
    if (ids.isEmpty()) {
      return Set.of();
    }
    return runtimeService.createProcessInstanceQuery().processInstanceIds(ids)
        .variableValueEquals(CommonVariables.EXERCISE.name(), true).list().stream()
        .map(ProcessInstance::getId).collect(java.util.stream.Collectors.toSet());
  }

  private Map<String, String> businessKeys(List<Task> tasks) {
    Set<String> ids = tasks.stream().map(Task::getProcessInstanceId).filter(Objects::nonNull)
        .collect(Collectors.toSet());
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<String, String> keys = new HashMap<>();
    for (ProcessInstance pi : runtimeService.createProcessInstanceQuery().processInstanceIds(ids).list()) {
      if (pi.getBusinessKey() != null) {
        keys.put(pi.getId(), pi.getBusinessKey());
      }
    }
    return keys;
  }

  private List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(IdentityLink::getGroupId).sorted().toList();
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
