package com.mileotech.cyber.notification;

import static com.mileotech.cyber.notification.NotificationVariables.*;

import com.mileotech.cyber.reminder.Deadline;
import com.mileotech.cyber.reminder.DeadlineVariables;
import com.mileotech.cyber.reminder.Deadlines;
import com.mileotech.cyber.system.Moments;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Calculer l'échéance ...": starts the clock of a report owed to an authority. Inputs:
 * {@code report} (kind), {@code deadline} (variable prefix), {@code rule} (mileo.deadlines key),
 * {@code from} (the moment the clock counts from) and, optionally, {@code legalFrom}.
 *
 * <p>PROC-CYB-005 §05 counts the CNIL's 72 hours from the awareness of the incident: the clock
 * ({@code <deadline>DueAt}, which the timers enforce) runs from the earliest awareness known,
 * Mileo's or the client's. The regulation counts from the client's own awareness (GDPR art.
 * 33(1)-(2): the controller becomes aware when its processor tells it), which may be later:
 * {@code legalFrom} gives it, and the latest lawful filing time that follows is recorded beside
 * ({@code <deadline>LegalDueAt}), so that a filing between the two is "hors délai interne, dans
 * le délai légal". Without {@code legalFrom} (the final report) both are the same.
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
    ReportKind kind = ReportKind.of(REPORT_INPUT.getLocal(execution));
    String name = DeadlineVariables.DEADLINE_INPUT.getLocal(execution);
    String rule = DeadlineVariables.RULE_INPUT.getLocal(execution);
    Deadline deadline = deadlines.start(execution, name, rule, moments.instant(DeadlineVariables.FROM_INPUT.getLocal(execution)));
    Instant legalFrom = moments.instant(LEGAL_FROM_INPUT.getLocal(execution));
    Instant legalDueAt = legalFrom == null ? deadline.dueAt() : deadlines.dueAfter(rule, legalFrom);
    if (legalDueAt.isBefore(deadline.dueAt())) {
      legalDueAt = deadline.dueAt(); // never stricter than the clock: the clock starts at the earliest awareness
    }
    new DeadlineVariables(name).legalDueAt().set(execution, legalDueAt);
    new DeadlineVariables(name).legalDueText().set(execution, deadlines.inWords(legalDueAt));
    register.openReport(NOTIFICATION_ID.get(execution), kind, deadline.dueAt(), legalDueAt);
  }
}
