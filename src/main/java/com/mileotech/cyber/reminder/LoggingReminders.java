package com.mileotech.cyber.reminder;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Placeholder until the mail outbox exists: writes what would be sent to the log. */
@Component
class LoggingReminders implements Reminders {

  private static final Logger LOG = LoggerFactory.getLogger(LoggingReminders.class);

  @Override
  public void remind(DelegateExecution execution, Deadline deadline, Instant at, String taskDefinitionKey) {
    LOG.info("Reminder {} ({}) at {} for {} on {}", deadline.name(), deadline.label(), at, execution.getProcessBusinessKey(), taskDefinitionKey);
  }

  @Override
  public void escalate(DelegateExecution execution, Deadline deadline, String taskDefinitionKey) {
    LOG.info("Escalation {} ({}) due {} for {} on {}", deadline.name(), deadline.label(), deadline.dueAt(), execution.getProcessBusinessKey(), taskDefinitionKey);
  }

  @Override
  public void inform(DelegateExecution execution, String key, Notice notice) {
    LOG.info("Notice {} ({}) to {} for {}", key, notice.template(), notice.audience(), execution.getProcessBusinessKey());
  }
}
