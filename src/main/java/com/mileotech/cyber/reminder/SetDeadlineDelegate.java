package com.mileotech.cyber.reminder;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Calculer l'échéance": computes a deadline from the moment its rule names and stores it on the
 * process. Inputs: {@code deadline} (variable prefix), {@code rule} (key under mileo.deadlines),
 * {@code from} (the starting moment, a date) and optionally {@code dueAt} (a due date given by a
 * person, e.g. a remediation deadline).
 */
@Component("setDeadline")
class SetDeadlineDelegate implements JavaDelegate {

  private final Deadlines deadlines;

  SetDeadlineDelegate(Deadlines deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String name = DeadlineInputs.require(execution, DeadlineVariables.DEADLINE_INPUT);
    String rule = DeadlineInputs.require(execution, DeadlineVariables.RULE_INPUT);
    Instant from = DeadlineInputs.instant(execution, DeadlineVariables.FROM_INPUT);
    if (from == null) {
      throw new IllegalStateException("Input parameter 'from' missing on " + execution.getCurrentActivityId());
    }
    Instant dueAt = DeadlineInputs.instant(execution, DeadlineVariables.DUE_AT_INPUT);
    if (dueAt != null) {
      deadlines.start(execution, name, rule, from, dueAt);
    } else {
      deadlines.start(execution, name, rule, from);
    }
  }
}
