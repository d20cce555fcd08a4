package com.mileotech.cyber.reminder;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Envoyer le rappel": after a reminder timer fired, hands the reminder that is due now to
 * {@link Reminders}. Input: {@code deadline} (variable prefix). Place it right after its timer,
 * without an async boundary: the timer's job is the transaction, and the outbox insert is
 * transactional (one job per reminder; docs/reminders.md).
 */
@Component("sendReminder")
class SendReminderDelegate implements JavaDelegate {

  private final Deadlines deadlines;
  private final Reminders reminders;

  SendReminderDelegate(Deadlines deadlines, Reminders reminders) {
    this.deadlines = deadlines;
    this.reminders = reminders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Deadline deadline = deadlines.get(execution, DeadlineInputs.require(execution, DeadlineVariables.DEADLINE_INPUT));
    String task = DeadlineInputs.attachedTask(execution);
    deadlines.reminderDueNow(deadline).ifPresent(at -> reminders.remind(execution, deadline, at, task));
  }
}
