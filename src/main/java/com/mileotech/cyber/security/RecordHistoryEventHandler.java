package com.mileotech.cyber.security;

import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.core.variable.mapping.IoMapping;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;

/**
 * Camunda's history at level FULL, the audit trail and the chronology of every case, written to
 * the database as Camunda writes it, except one row kind that only repeats another: the "form
 * property" detail. A form submitted through {@code FormService} (Tasklist, {@code submit-form})
 * sets each of its fields as a variable, and the variable's update is already a history detail
 * (ACT_HI_DETAIL, type VariableUpdate: the value, when, in which activity instance, i.e. which
 * task) beside the variable's own history (ACT_HI_VARINST) and the user operation log entry of the
 * completion (who). Camunda then writes each submitted field a second time, as a FormProperty
 * detail with the same value and time, which nothing here reads: not the chronology, the incident
 * file, the audit trail, Cockpit (community edition) nor any test (docs/bench.md, "Lifecycle
 * overhead"). Not writing it halves the detail rows of every submission.
 *
 * <p>Nor a detail row for a variable's <em>removal</em>. Our "Enregistrer …" steps remove the
 * fields of a form once they are checked and recorded (in a typed fact or a register table), in the
 * transaction of the task's completion; nothing else may remove a variable (the submission guard
 * refuses it through the API). Camunda writes that removal as a second detail repeating the value
 * the field was created with, at the time of the step that removed it. What a person submitted
 * stays: the field's creation detail (its value, time and task's activity instance) and its
 * variable history, marked DELETED; when it was removed is the recording step's own activity
 * history (docs/bench.md, "Lifecycle: the variables an incident keeps"). Updates still write their
 * detail: the history of changes of a value is every value it held.
 *
 * <p>Nor any history of a service task's input parameters ({@code camunda:inputParameter}: the
 * deadline's name, rule and start of "Calculer l'échéance …", a reminder's deadline). They are
 * the step's configuration, written in the model or copied from a variable whose own history holds
 * the value, local to the step and gone when it ends; the step's activity history says it ran, and
 * what it computed is recorded in process variables (each deadline's rule, start and due date).
 * Camunda wrote each as a variable history row and a detail, on every run of the step.
 */
class RecordHistoryEventHandler extends DbHistoryEventHandler {

  @Override
  public void handleEvent(HistoryEvent historyEvent) {
    if (historyEvent instanceof HistoricFormPropertyEventEntity) {
      return;
    }
    if (historyEvent instanceof HistoricVariableUpdateEventEntity variable && isServiceTaskInput(variable)) {
      return;
    }
    super.handleEvent(historyEvent);
  }

  /** Whether the variable is an input parameter of the service task whose own execution holds it. */
  static boolean isServiceTaskInput(HistoricVariableUpdateEventEntity event) {
    String executionId = event.getExecutionId();
    CommandContext context = Context.getCommandContext();
    if (executionId == null || executionId.equals(event.getProcessInstanceId()) || event.getTaskId() != null
        || context == null) {
      return false;
    }
    // the step's execution is in the command's cache while its mapping runs; never read from the database here
    ExecutionEntity execution = context.getDbEntityManager().getCachedEntity(ExecutionEntity.class, executionId);
    ActivityImpl activity = execution == null ? null : execution.getActivity();
    if (activity == null || !"serviceTask".equals(activity.getProperty("type"))) {
      return false;
    }
    IoMapping mapping = activity.getIoMapping();
    return mapping != null && mapping.getInputParameters().stream()
        .anyMatch(parameter -> parameter.getName().equals(event.getVariableName()));
  }

  @Override
  protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity historyEvent) {
    return !historyEvent.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_DELETE)
        && super.shouldWriteHistoricDetail(historyEvent);
  }
}
