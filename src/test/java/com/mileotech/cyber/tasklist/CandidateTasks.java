package com.mileotech.cyber.tasklist;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;

/**
 * Tasks to count: a process of one user task offered to the group given at its start, in the
 * tenant of the client given (deployed once per key in the shared context).
 */
final class CandidateTasks {

  private static final Set<String> DEPLOYED = ConcurrentHashMap.newKeySet();

  private final String key;
  private final RuntimeService runtimeService;
  private final TaskService taskService;

  CandidateTasks(String key, RepositoryService repositoryService, RuntimeService runtimeService,
      TaskService taskService) {
    this.key = key;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    if (DEPLOYED.add(key)) {
      repositoryService.createDeployment().addModelInstance(key + ".bpmn",
          Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent()
              .userTask("Task_Work").name("Compter").camundaCandidateGroups("${group}").endEvent().done()).deploy();
    }
  }

  /** A new task offered to the group, in the client's tenant: its id. */
  String start(String group, String clientId) {
    String pi = runtimeService.startProcessInstanceByKey(key,
        Map.of("group", group, "clientId", clientId, "reference", "CNT")).getId();
    return taskService.createTaskQuery().processInstanceId(pi).singleResult().getId();
  }

  /** Every instance started, gone. */
  void deleteAll() {
    runtimeService.createProcessInstanceQuery().processDefinitionKey(key).list()
        .forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "test", true, true));
  }
}
