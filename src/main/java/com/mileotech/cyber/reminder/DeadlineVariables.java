package com.mileotech.cyber.reminder;

import com.mileotech.cyber.system.DateVariable;
import com.mileotech.cyber.system.ProcessVariable;
import com.mileotech.cyber.system.Published;

/**
 * The contract of a deadline: the variables {@link Deadlines} keeps on a process for the deadline
 * {@code name} ({@code <name>DueAt} and its family, which BPMN timers and forms read), and the
 * input parameters of the deadline steps (setDeadline, sendReminder, escalateDeadline).
 */
@Published
public record DeadlineVariables(String name) {

  // input parameters of the deadline steps
  /** The deadline's name ("cnil", "clientInformation"…). */
  public static final ProcessVariable<String> DEADLINE_INPUT = ProcessVariable.text("deadline");
  /** The key of its rule under mileo.deadlines. */
  public static final ProcessVariable<String> RULE_INPUT = ProcessVariable.text("rule");
  /** The moment it counts from: a Date expression or an ISO 8601 text. */
  public static final ProcessVariable<Object> FROM_INPUT = ProcessVariable.any("from");
  /** A due date chosen by a person, instead of the rule's span: a Date or an ISO 8601 text. */
  public static final ProcessVariable<Object> DUE_AT_INPUT = ProcessVariable.any("dueAt");
  /** The user task the deadline is about, when no boundary timer says it. */
  public static final ProcessVariable<String> TASK_INPUT = ProcessVariable.text("task");

  /** When it started counting. */
  public DateVariable startedAt() {
    return ProcessVariable.date(name + "StartedAt");
  }

  /** When it is due: what the BPMN timers wait for. */
  public DateVariable dueAt() {
    return ProcessVariable.date(name + "DueAt");
  }

  /** The due date in words, what forms show. */
  public ProcessVariable<String> dueText() {
    return ProcessVariable.text(name + "DueText");
  }

  /** The key of its rule. */
  public ProcessVariable<String> rule() {
    return ProcessVariable.text(name + "Rule");
  }

  /** When the work it asked for was done. */
  public DateVariable doneAt() {
    return ProcessVariable.date(name + "DoneAt");
  }

  /** Whether that was in time. */
  public ProcessVariable<Boolean> met() {
    return ProcessVariable.bool(name + "Met");
  }

  /** The latest lawful time, beside an internal deadline counted from an earlier moment. */
  public DateVariable legalDueAt() {
    return ProcessVariable.date(name + "LegalDueAt");
  }

  /** That latest lawful time in words. */
  public ProcessVariable<String> legalDueText() {
    return ProcessVariable.text(name + "LegalDueText");
  }

  /** Whether the lawful time was kept. */
  public ProcessVariable<Boolean> legallyMet() {
    return ProcessVariable.bool(name + "LegallyMet");
  }
}
