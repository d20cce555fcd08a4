package com.mileotech.cyber.reminder;

import com.mileotech.cyber.system.Published;
import java.time.Instant;
import java.util.List;

/**
 * A deadline running on a process instance, as stored in its variables by {@link Deadlines}:
 * {@code <name>StartedAt}, {@code <name>DueAt} (the date BPMN timers act on) and {@code <name>Rule}.
 *
 * @param name the variable prefix, e.g. {@code lessonsLearned}
 * @param ruleKey the configuration key under mileo.deadlines, e.g. {@code lessons-learned}
 * @param rule the configured rule
 * @param startedAt the moment the procedure counts from (awareness, closure, return to service...)
 * @param dueAt when it falls due
 * @param reminders when reminders go out, in order, all before {@code dueAt}
 */
@Published
public record Deadline(String name, String ruleKey, DeadlineRule rule, Instant startedAt, Instant dueAt,
    List<Instant> reminders) {

  public String label() {
    return rule.label();
  }
}
