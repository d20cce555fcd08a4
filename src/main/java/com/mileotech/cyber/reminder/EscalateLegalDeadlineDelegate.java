package com.mileotech.cyber.reminder;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Escalader le dépassement du délai légal": the latest lawful time of a deadline passed with its
 * work still not done, after the deadline itself had already been escalated. The same people are
 * told again (escalation groups and the task's people, the client's RSSI among them for a filing),
 * by a mail of its own (its own outbox key: the legal time differs from the due date). Input:
 * {@code deadline} (variable prefix). Right after its timer: the timer's job is the transaction.
 */
@Component("escalateLegalDeadline")
class EscalateLegalDeadlineDelegate implements JavaDelegate {

  private final Deadlines deadlines;
  private final Reminders reminders;

  EscalateLegalDeadlineDelegate(Deadlines deadlines, Reminders reminders) {
    this.deadlines = deadlines;
    this.reminders = reminders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String name = DeadlineInputs.require(execution, DeadlineVariables.DEADLINE_INPUT);
    // empty only if the legal time was moved onto the deadline after the timer was armed: nothing more to say
    deadlines.legal(execution, name)
        .ifPresent(legal -> reminders.escalate(execution, legal, DeadlineInputs.attachedTask(execution)));
  }
}
