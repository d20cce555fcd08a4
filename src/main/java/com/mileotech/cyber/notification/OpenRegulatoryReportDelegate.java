package com.mileotech.cyber.notification;

import com.mileotech.cyber.reminder.Deadline;
import com.mileotech.cyber.reminder.Deadlines;
import com.mileotech.cyber.system.Moments;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Calculer l'échéance ...": starts the clock of a report owed to an authority. Inputs:
 * {@code report} (kind), {@code deadline} (variable prefix), {@code rule} (mileo.deadlines key),
 * {@code from} (the moment the regulation counts from). The due date goes on the process, for the
 * timers, and in the register.
 */
@Component("openRegulatoryReport")
class OpenRegulatoryReportDelegate implements JavaDelegate {

  private final Deadlines deadlines;
  private final NotificationRegister register;
  private final Moments moments;

  OpenRegulatoryReportDelegate(Deadlines deadlines, NotificationRegister register, Moments moments) {
    this.deadlines = deadlines;
    this.register = register;
    this.moments = moments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ReportKind kind = ReportKind.of((String) execution.getVariableLocal("report"));
    Deadline deadline = deadlines.start(execution, (String) execution.getVariableLocal("deadline"),
        (String) execution.getVariableLocal("rule"), moments.instant(execution.getVariableLocal("from")));
    register.openReport((String) execution.getVariable("notificationId"), kind, deadline.dueAt());
  }
}
