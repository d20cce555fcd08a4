package com.mileotech.cyber.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.junit.jupiter.api.Test;

/** The task a reminder step is about: found from the boundary timer that leads to it. */
class DeadlineInputsTest {

  /** Written by hand: no <incoming>/<outgoing> children, which Camunda Modeler would add. */
  private static final String HAND_WRITTEN = """
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="http://mileo/test">
        <process id="p" isExecutable="true">
          <startEvent id="Start"/>
          <sequenceFlow id="f1" sourceRef="Start" targetRef="Task_Review"/>
          <userTask id="Task_Review"/>
          <boundaryEvent id="Event_Reminder" attachedToRef="Task_Review" cancelActivity="false">
            <timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition>
          </boundaryEvent>
          <sequenceFlow id="f2" sourceRef="Event_Reminder" targetRef="Task_SendReminder"/>
          <serviceTask id="Task_SendReminder"/>
          <sequenceFlow id="f3" sourceRef="Task_Review" targetRef="Task_Other"/>
          <serviceTask id="Task_Other"/>
        </process>
      </definitions>
      """;

  @Test
  void theAttachedTaskIsFoundEvenWithoutIncomingElements() {
    BpmnModelInstance model = Bpmn.readModelFromStream(
        new ByteArrayInputStream(HAND_WRITTEN.getBytes(StandardCharsets.UTF_8)));
    assertThat(DeadlineInputs.attachedTask(executionAt(model, "Task_SendReminder"))).isEqualTo("Task_Review");
    assertThat(DeadlineInputs.attachedTask(executionAt(model, "Task_Other"))).isNull();
  }

  @Test
  void anExplicitTaskInputWins() {
    DelegateExecution execution = mock(DelegateExecution.class);
    when(execution.getVariableLocal("task")).thenReturn("Task_Explicit");
    assertThat(DeadlineInputs.attachedTask(execution)).isEqualTo("Task_Explicit");
  }

  private static DelegateExecution executionAt(BpmnModelInstance model, String activityId) {
    DelegateExecution execution = mock(DelegateExecution.class);
    when(execution.getBpmnModelElementInstance()).thenReturn((FlowElement) model.getModelElementById(activityId));
    return execution;
  }
}
