package com.mileotech.cyber.browser;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/** What a scenario does beside the browsers: find a task, run the jobs the job executor (off in tests) would. */
final class EngineSteps {

  private EngineSteps() {}

  static Task activeTask(TaskService taskService, String processInstanceId, String key) {
    return taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).singleResult();
  }

  /**
   * The open task {@code key} of the case {@code businessKey}, in its own instance or in one it
   * called (each report to an authority runs in regulatory-report, under the notification's key).
   */
  static Task caseTask(TaskService taskService, String businessKey, String key) {
    return taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(key).singleResult();
  }

  static void runDueJobs(ManagementService managementService, String processInstanceId) {
    for (int i = 0; i < 10; i++) {
      var jobs = managementService.createJobQuery().processInstanceId(processInstanceId).executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
  }
}
