package com.mileotech.cyber.reminder;

import com.mileotech.cyber.system.ProcessVariable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;

/** Reading the input parameters of the deadline delegates. */
final class DeadlineInputs {

  private DeadlineInputs() {}

  /** An input parameter the step cannot do without. */
  static String require(DelegateExecution execution, ProcessVariable<String> input) {
    String value = input.getLocal(execution);
    if (value == null) {
      throw new IllegalStateException("Input parameter '" + input.name() + "' missing on " + execution.getCurrentActivityId());
    }
    return value;
  }

  static Instant instant(DelegateExecution execution, ProcessVariable<Object> input) {
    Object value = input.getLocal(execution);
    if (value instanceof Date date) {
      return date.toInstant();
    }
    if (value instanceof String text && !text.isBlank()) {
      return OffsetDateTime.parse(text).toInstant();
    }
    return null;
  }

  /**
   * The user task whose deadline this is: the activity that the boundary timer leading to this
   * step is attached to, or the {@code task} input parameter.
   */
  static String attachedTask(DelegateExecution execution) {
    Object explicit = DeadlineVariables.TASK_INPUT.getLocal(execution);
    if (explicit != null) {
      return explicit.toString();
    }
    FlowElement element = execution.getBpmnModelElementInstance();
    if (element instanceof FlowNode node) {
      // the flows themselves, not node.getIncoming(): that reads <incoming> child elements, which
      // Camunda Modeler writes but a hand-written BPMN file may leave out
      for (SequenceFlow flow : node.getModelInstance().getModelElementsByType(SequenceFlow.class)) {
        if (flow.getTarget().getId().equals(node.getId()) && flow.getSource() instanceof BoundaryEvent boundary) {
          return boundary.getAttachedTo().getId();
        }
      }
    }
    return null;
  }
}
