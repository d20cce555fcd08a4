package com.mileotech.cyber.reminder.mail;

import com.mileotech.cyber.reminder.Audience;
import com.mileotech.cyber.reminder.Notice;
import com.mileotech.cyber.reminder.Reminders;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * A process step that writes a notice and then fails the first time it runs, like a step whose
 * later work hits a transient error: its job is retried, the notice must be written once.
 */
public class InformThenFailOnce implements JavaDelegate {

  static volatile Reminders reminders;
  static final AtomicInteger RUNS = new AtomicInteger();

  @Override
  public void execute(DelegateExecution execution) {
    reminders.inform(execution, "retried-step", Notice.of("notice", Audience.CLIENT_RSSI)
        .with("title", "Étape rejouée").with("body", "Une seule fois, même rejouée."));
    if (RUNS.incrementAndGet() == 1) {
      throw new IllegalStateException("transient failure after the notice was written");
    }
  }
}
