package com.mileotech.cyber.reminder.mail;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** Open tasks as the engine knows them (the sender runs unauthenticated: no check filters them). */
@Component
class EngineOpenTasks implements OpenTasks {

  private final TaskService taskService;

  EngineOpenTasks(TaskService taskService) {
    this.taskService = taskService;
  }

  @Override
  public boolean isOpen(String taskId) {
    return taskService.createTaskQuery().taskId(taskId).count() > 0;
  }

  /** One task query for a delivery round's reminders (a storm's 50 mails: one query, not 50). */
  @Override
  public Set<String> openOf(Collection<String> taskIds) {
    if (taskIds.isEmpty()) {
      return Set.of();
    }
    return taskService.createTaskQuery().taskIdIn(taskIds.toArray(String[]::new)).list().stream()
        .map(Task::getId).collect(Collectors.toSet());
  }
}
