package com.mileotech.cyber.reminder;

import com.mileotech.cyber.system.Published;
import com.mileotech.cyber.system.Moments;
import com.mileotech.cyber.system.ZoneProperties;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Computes deadlines from the moment their rule names, stores them on the process, and answers
 * the BPMN timers: {@code timeDate="${<name>DueAt}"} for the deadline itself, and
 * {@code timeCycle="${deadlines.reminderCycle(execution, '<name>')}"} for its reminders.
 *
 * <p>How the reminder timer works: it is a non-interrupting boundary timer whose cycle is the
 * next reminder only ({@code R1/<instant>/PT1M}). The engine re-evaluates the expression each
 * time the timer fires (reevaluate-time-cycle-when-due), so the timer re-arms itself for the
 * following reminder of the configured schedule. Reminder times that have already passed when
 * the task starts are skipped (the task's creation is announced anyway). When no reminder is
 * left, the expression returns a cycle parked in the far future: the engine refuses a timer
 * without a due date, and a parked timer is never acquired; it goes with the task.
 */
@Published
@Component("deadlines")
public class Deadlines {

  /** No reminder left: a timer parked where it never fires. */
  static final String NO_FURTHER_REMINDER = "R1/9999-12-31T00:00:00Z/PT1M";
  /** Where a timer without a deadline is parked. */
  static final Instant PARKED = Instant.parse("9999-12-31T00:00:00Z");

  private final DeadlineProperties properties;
  private final ZoneId zone;

  public Deadlines(DeadlineProperties properties, ZoneProperties zone) {
    this.properties = properties;
    this.zone = zone.zone();
  }

  /** Starts the deadline {@code name} under rule {@code ruleKey}, due {@code within} after {@code from}. */
  public Deadline start(VariableScope scope, String name, String ruleKey, Instant from) {
    DeadlineRule rule = properties.rule(ruleKey);
    if (rule.within() == null) {
      throw new IllegalArgumentException("mileo.deadlines." + ruleKey + " has no 'within': give the due date");
    }
    return start(scope, name, ruleKey, from, rule.within().after(from, zone));
  }

  /**
   * When rule {@code ruleKey} falls due if counted from {@code from}, without starting anything:
   * e.g. the latest lawful time beside an internal deadline counted from an earlier moment.
   */
  public Instant dueAfter(String ruleKey, Instant from) {
    DeadlineRule rule = properties.rule(ruleKey);
    if (rule.within() == null) {
      throw new IllegalArgumentException("mileo.deadlines." + ruleKey + " has no 'within': give the due date");
    }
    return rule.within().after(from, zone);
  }

  /** Starts a deadline whose due date is given (e.g. chosen by a person), with the rule's reminders. */
  public Deadline start(VariableScope scope, String name, String ruleKey, Instant from, Instant dueAt) {
    properties.rule(ruleKey);
    DeadlineVariables variables = new DeadlineVariables(name);
    variables.startedAt().set(scope, from);
    variables.dueAt().set(scope, dueAt);
    variables.dueText().set(scope, inWords(dueAt)); // what forms show
    variables.rule().set(scope, ruleKey);
    return get(scope, name);
  }

  /** The deadline {@code name} as stored on the process. */
  public Deadline get(VariableScope scope, String name) {
    DeadlineVariables variables = new DeadlineVariables(name);
    Date startedAt = variables.startedAt().get(scope);
    Date dueAt = variables.dueAt().get(scope);
    String ruleKey = variables.rule().get(scope);
    if (startedAt == null || dueAt == null || ruleKey == null) {
      throw new IllegalStateException("Deadline '" + name + "' has not been started on this process");
    }
    DeadlineRule rule = properties.rule(ruleKey);
    return new Deadline(name, ruleKey, rule, startedAt.toInstant(), dueAt.toInstant(),
        reminders(rule, startedAt.toInstant(), dueAt.toInstant()));
  }

  /**
   * For the reminder boundary timer's timeCycle. A blank {@code name} is work without a deadline
   * (e.g. a report the authority asks for, in the shared block of regulatory-report): no reminder.
   */
  public String reminderCycle(VariableScope scope, String name) {
    if (none(name)) {
      return NO_FURTHER_REMINDER;
    }
    return nextReminder(get(scope, name), now())
        .map(next -> "R1/" + next + "/PT1M")
        .orElse(NO_FURTHER_REMINDER);
  }

  /** For a user task's follow-up date: when its next reminder goes out, or null (also without a deadline). */
  public Date nextReminderAt(VariableScope scope, String name) {
    if (none(name)) {
      return null;
    }
    return nextReminder(get(scope, name), now()).map(Date::from).orElse(null);
  }

  /**
   * For a user task's due date when the deadline is a parameter ({@code dueDate="${deadlines.dueAt(execution,
   * reportDeadline)}"}): the deadline {@code name}'s due date, or null when there is none (blank name).
   */
  public Date dueAt(VariableScope scope, String name) {
    return none(name) ? null : Date.from(get(scope, name).dueAt());
  }

  /**
   * For the deadline's boundary timer when the deadline is a parameter: its due date, or, without a
   * deadline, a date parked where the timer never fires (as {@link #NO_FURTHER_REMINDER}).
   */
  public Date timerDate(VariableScope scope, String name) {
    return none(name) ? Date.from(PARKED) : Date.from(get(scope, name).dueAt());
  }

  /**
   * The latest lawful time of the deadline {@code name} as a deadline of its own, when one is
   * recorded ({@link DeadlineVariables#legalDueAt()}) and falls after the deadline itself: an
   * internal deadline counted from an earlier awareness (Mileo's) than the one the law counts from
   * (the client's). Its label says it is the legal time; it has no reminders of its own (the
   * deadline's went out before it). Empty when the two coincide: one escalation is enough.
   */
  public Optional<Deadline> legal(VariableScope scope, String name) {
    if (none(name)) {
      return Optional.empty();
    }
    Deadline deadline = get(scope, name);
    Date legalDueAt = new DeadlineVariables(name).legalDueAt().get(scope);
    if (legalDueAt == null || !legalDueAt.toInstant().isAfter(deadline.dueAt())) {
      return Optional.empty();
    }
    DeadlineRule rule = deadline.rule();
    DeadlineRule legalRule = new DeadlineRule(rule.label() + " : délai légal", rule.within(), List.of(), List.of(),
        rule.escalateTo());
    return Optional.of(new Deadline(name, deadline.ruleKey(), legalRule, deadline.startedAt(), legalDueAt.toInstant(),
        List.of()));
  }

  /** For the legal time's boundary timer: that time, or parked when there is none beyond the deadline (see {@link #legal}). */
  public Date legalTimerDate(VariableScope scope, String name) {
    return Date.from(legal(scope, name).map(Deadline::dueAt).orElse(PARKED));
  }

  /** The reminder that is due now: the latest one whose time has come, if any. */
  public Optional<Instant> reminderDueNow(Deadline deadline) {
    Instant now = now();
    Instant due = null;
    for (Instant reminder : deadline.reminders()) {
      if (!reminder.isAfter(now)) {
        due = reminder;
      }
    }
    return Optional.ofNullable(due);
  }

  /** Records when the work the deadline asked for was done, and whether that was in time. */
  public boolean recordOutcome(VariableScope scope, String name) {
    return recordOutcome(scope, name, now());
  }

  /**
   * Records that the work was done at {@code done} (a step recording it later, behind an async
   * boundary, gives the moment of the decision itself), and whether that was in time.
   */
  public boolean recordOutcome(VariableScope scope, String name, Instant done) {
    Deadline deadline = get(scope, name);
    boolean met = !done.isAfter(deadline.dueAt());
    DeadlineVariables variables = new DeadlineVariables(name);
    variables.doneAt().set(scope, done);
    variables.met().set(scope, met);
    return met;
  }

  /**
   * "vendredi 6 mars 2026 à 14 h 30 (heure de Paris)": a moment as the users read it ("(heure de
   * Paris, heure d'hiver)" in the hour that happens twice when the clocks turn back).
   */
  public String inWords(Instant instant) {
    return Moments.weekdayWords(instant, zone);
  }

  Optional<Instant> nextReminder(Deadline deadline, Instant now) {
    return deadline.reminders().stream().filter(r -> r.isAfter(now)).findFirst();
  }

  private List<Instant> reminders(DeadlineRule rule, Instant startedAt, Instant dueAt) {
    TreeSet<Instant> times = new TreeSet<>();
    rule.remindersAfterStart().forEach(span -> times.add(span.after(startedAt, zone)));
    rule.remindersBeforeDue().forEach(span -> times.add(span.before(dueAt, zone)));
    return new ArrayList<>(times.headSet(dueAt, false).tailSet(startedAt, false));
  }

  private static boolean none(String name) {
    return name == null || name.isBlank();
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
