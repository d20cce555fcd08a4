package com.mileotech.cyber.reminder;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Escalader le dépassement": the deadline's timer fired with its work not done. Input:
 * {@code deadline} (variable prefix). Right after its timer, no async boundary: the timer's job
 * is the transaction (see {@link SendReminderDelegate}).
 */
@Component("escalateDeadline")
class EscalateDeadlineDelegate implements JavaDelegate {

  private final Deadlines deadlines;
  private final Reminders reminders;

  EscalateDeadlineDelegate(Deadlines deadlines, Reminders reminders) {
    this.deadlines = deadlines;
    this.reminders = reminders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Deadline deadline = deadlines.get(execution, DeadlineInputs.require(execution, DeadlineVariables.DEADLINE_INPUT));
    reminders.escalate(execution, deadline, DeadlineInputs.attachedTask(execution));
  }
}
