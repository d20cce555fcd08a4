package com.mileotech.cyber.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.junit.jupiter.api.Test;

/** The mapping table names steps that exist: a renamed element would silently stop its event. */
class ProcessStepsTest {

  @Test
  void everyMappedStepExistsInItsModelAndEveryDeadlineStepIsAnEvent() {
    Map<String, BpmnModelInstance> models = new HashMap<>();
    for (File file : new File("bpmn").listFiles((dir, name) -> name.endsWith(".bpmn"))) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file);
      model.getModelElementsByType(Process.class).forEach(p -> models.put(p.getId(), model));
    }
    for (String mapped : ProcessSteps.mappedElements()) {
      String[] parts = mapped.split("/");
      assertThat(models).as(mapped).containsKey(parts[0]);
      assertThat(models.get(parts[0]).<FlowNode>getModelElementById(parts[1])).as(mapped).isNotNull();
    }
    int deadlineSteps = 0;
    for (Map.Entry<String, BpmnModelInstance> model : models.entrySet()) {
      for (ServiceTask task : model.getValue().getModelElementsByType(ServiceTask.class)) {
        String delegate = task.getCamundaDelegateExpression();
        if (ProcessSteps.SEND_REMINDER.equals(delegate)) {
          assertThat(ProcessSteps.of(model.getKey(), task.getId(), delegate)).contains(EventType.DEADLINE_NEAR);
          deadlineSteps++;
        } else if (ProcessSteps.ESCALATE_DEADLINE.equals(delegate)) {
          assertThat(ProcessSteps.of(model.getKey(), task.getId(), delegate)).contains(EventType.DEADLINE_MISSED);
          deadlineSteps++;
        }
      }
    }
    assertThat(deadlineSteps).isGreaterThan(5);
    assertThat(ProcessSteps.of("security-incident", "Task_QualifyIncident", null)).isEmpty();
  }
}
