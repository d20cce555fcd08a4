package com.mileotech.cyber.reminder.mail;

import org.camunda.bpm.engine.TaskService;
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
}
