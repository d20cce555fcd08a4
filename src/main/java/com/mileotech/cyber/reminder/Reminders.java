package com.mileotech.cyber.reminder;

import com.mileotech.cyber.system.Published;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The one mechanism through which every process tells people about its deadlines and events.
 * Process steps call it from within their transaction; an implementation must therefore only
 * record what is to be sent (e.g. in an outbox), never talk to the outside directly, and must
 * be idempotent: a retried job calls it again for the same thing.
 */
@Published
public interface Reminders {

  /**
   * A reminder of {@code deadline}, the one scheduled at {@code at}, to the people working on
   * the task the reminder timer is attached to ({@code taskDefinitionKey}).
   */
  void remind(DelegateExecution execution, Deadline deadline, java.time.Instant at, String taskDefinitionKey);

  /** {@code deadline} has passed with its work not done: tell the escalation groups and the people on the task. */
  void escalate(DelegateExecution execution, Deadline deadline, String taskDefinitionKey);

  /** A one-off message; {@code key} makes it idempotent within the process instance. */
  void inform(DelegateExecution execution, String key, Notice notice);
}
