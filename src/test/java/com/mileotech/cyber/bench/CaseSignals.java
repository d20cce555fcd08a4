package com.mileotech.cyber.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.spring.boot.starter.event.ExecutionEvent;
import org.camunda.bpm.spring.boot.starter.event.TaskEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;

/**
 * Wakes the incident driver when its case has something new to do, instead of polling the task
 * list: a task of the case created, or the case ended, signalled once the engine's transaction has
 * committed (before that the driver's query could not see it). Polling every few milliseconds
 * while a job of the case ran was a fifth to a quarter of the incident's CPU in the node (JFR,
 * docs/bench.md "Lifecycle: where the CPU goes"): work the bare process's driver never does and a
 * person in Tasklist does not cause. A signal lost in a race only costs the driver its fallback
 * wait.
 */
final class CaseSignals implements ApplicationListener<ApplicationEvent> {

  private final Map<String, AtomicLong> versions = new ConcurrentHashMap<>();

  /** Starts following a case; its signals before this call are not seen (the driver reads first). */
  void follow(String processInstanceId) {
    versions.putIfAbsent(processInstanceId, new AtomicLong());
  }

  void forget(String processInstanceId) {
    versions.remove(processInstanceId);
  }

  /** The case's signal count, read before the driver looks at the case. */
  long version(String processInstanceId) {
    AtomicLong v = versions.get(processInstanceId);
    return v == null ? 0 : v.get();
  }

  /** Waits until the case signals after {@code seen}, or {@code fallbackMs} passed. */
  void await(String processInstanceId, long seen, long fallbackMs) throws InterruptedException {
    AtomicLong v = versions.get(processInstanceId);
    if (v == null) {
      Thread.sleep(fallbackMs);
      return;
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(fallbackMs);
    synchronized (v) {
      long left;
      while (v.get() == seen && (left = deadline - System.nanoTime()) > 0) {
        TimeUnit.NANOSECONDS.timedWait(v, left);
      }
    }
  }

  @Override
  public void onApplicationEvent(ApplicationEvent event) {
    if (!(event instanceof PayloadApplicationEvent<?> payload)) {
      return;
    }
    String processInstanceId = null;
    if (payload.getPayload() instanceof TaskEvent task && "create".equals(task.getEventName())) {
      processInstanceId = task.getProcessInstanceId();
    } else if (payload.getPayload() instanceof ExecutionEvent execution && "end".equals(execution.getEventName())
        && execution.getId() != null && execution.getId().equals(execution.getProcessInstanceId())) {
      processInstanceId = execution.getProcessInstanceId();
    }
    if (processInstanceId == null || !versions.containsKey(processInstanceId)) {
      return;
    }
    String id = processInstanceId;
    CommandContext command = Context.getCommandContext();
    if (command == null) {
      signal(id);
    } else {
      command.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, committed -> signal(id));
    }
  }

  private void signal(String processInstanceId) {
    AtomicLong v = versions.get(processInstanceId);
    if (v != null) {
      synchronized (v) {
        v.incrementAndGet();
        v.notifyAll();
      }
    }
  }
}
