package com.mileotech.cyber.reminder;

import java.util.List;

/**
 * One kind of deadline as configured under {@code mileo.deadlines.<key>}: how long after its
 * starting moment it falls due, when reminders go out, and who hears of it when it is missed.
 *
 * @param label what is due, in French, as mails and tasks say it
 * @param within time allowed from the starting moment (absent when the due date is given, e.g. a
 *     remediation deadline chosen by the technician)
 * @param remindersAfterStart reminders counted from the starting moment (CNIL: PT24H, PT48H, PT66H)
 * @param remindersBeforeDue reminders counted back from the due date (monitoring: P2D)
 * @param escalateTo groups told when the deadline passes
 */
public record DeadlineRule(
    String label,
    Span within,
    List<Span> remindersAfterStart,
    List<Span> remindersBeforeDue,
    List<String> escalateTo) {

  public DeadlineRule {
    remindersAfterStart = remindersAfterStart == null ? List.of() : List.copyOf(remindersAfterStart);
    remindersBeforeDue = remindersBeforeDue == null ? List.of() : List.copyOf(remindersBeforeDue);
    escalateTo = escalateTo == null ? List.of() : List.copyOf(escalateTo);
  }
}
