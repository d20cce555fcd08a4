package com.mileotech.cyber.reminder;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * The small process the deadline and mail tests run: the CNIL deadline (rule cnil-notification,
 * from the {@code awarenessAt} variable) on the user task Task_Notify, with its reminder timer and
 * its escalation, wired as every process of the product wires them.
 */
public final class DeadlineTestProcess {

  private DeadlineTestProcess() {}

  /** {@code candidateGroups} may be an expression, e.g. {@code ${candidateGroup}}. */
  public static BpmnModelInstance model(String processId, String candidateGroups) {
    return Bpmn.createExecutableProcess(processId)
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .serviceTask("Task_SetDeadline").camundaDelegateExpression("${setDeadline}")
          .camundaInputParameter("deadline", "cnil")
          .camundaInputParameter("rule", "cnil-notification")
          .camundaInputParameter("from", "${awarenessAt}")
        .userTask("Task_Notify").name("Notifier la CNIL").camundaCandidateGroups(candidateGroups)
          .camundaDueDate("${cnilDueAt}")
        .boundaryEvent("Event_Reminder").cancelActivity(false)
          .timerWithCycle("${deadlines.reminderCycle(execution, 'cnil')}")
          .serviceTask("Task_SendReminder").camundaDelegateExpression("${sendReminder}")
            .camundaInputParameter("deadline", "cnil")
          .endEvent()
        .moveToActivity("Task_Notify")
        .boundaryEvent("Event_DeadlinePassed").cancelActivity(false).timerWithDate("${cnilDueAt}")
          .serviceTask("Task_Escalate").camundaDelegateExpression("${escalateDeadline}")
            .camundaInputParameter("deadline", "cnil")
          .endEvent()
        .moveToActivity("Task_Notify")
        .endEvent()
        .done();
  }
}
