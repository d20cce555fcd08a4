package com.mileotech.cyber.reminder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Records what the processes asked of the reminder mechanism, for scenario tests, and passes
 * each call on. Get it with {@code (RecordingReminders) applicationContext.getBean(Reminders.class)}
 * or by autowiring {@link Reminders} and casting; {@link #clear()} it before each test.
 */
public class RecordingReminders implements Reminders {

  /** One recorded call: kind is remind, escalate or inform; name is the deadline name or the notice key. */
  public record Call(String kind, String processInstanceId, String businessKey, String name, Instant at,
      String taskDefinitionKey, Notice notice) {}

  private final Reminders delegate;
  private final List<Call> calls = new ArrayList<>();

  public RecordingReminders(Reminders delegate) {
    this.delegate = delegate;
  }

  @Override
  public void remind(DelegateExecution execution, Deadline deadline, Instant at, String taskDefinitionKey) {
    record(new Call("remind", execution.getProcessInstanceId(), execution.getProcessBusinessKey(), deadline.name(), at,
        taskDefinitionKey, null));
    delegate.remind(execution, deadline, at, taskDefinitionKey);
  }

  @Override
  public void escalate(DelegateExecution execution, Deadline deadline, String taskDefinitionKey) {
    record(new Call("escalate", execution.getProcessInstanceId(), execution.getProcessBusinessKey(), deadline.name(),
        deadline.dueAt(), taskDefinitionKey, null));
    delegate.escalate(execution, deadline, taskDefinitionKey);
  }

  @Override
  public void inform(DelegateExecution execution, String key, Notice notice) {
    record(new Call("inform", execution.getProcessInstanceId(), execution.getProcessBusinessKey(), key, null, null, notice));
    delegate.inform(execution, key, notice);
  }

  private synchronized void record(Call call) {
    calls.add(call);
  }

  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  public synchronized List<Call> calls(String processInstanceId) {
    return calls.stream().filter(c -> processInstanceId.equals(c.processInstanceId())).toList();
  }

  public synchronized void clear() {
    calls.clear();
  }

  public Reminders delegate() {
    return delegate;
  }
}
