package com.mileotech.cyber.incident;

import static com.mileotech.cyber.incident.SecurityIncidentVariables.*;

import com.mileotech.cyber.system.Moments;
import java.time.Instant;
import com.mileotech.cyber.reminder.Deadlines;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Archiver le retour d'expérience": keeps the approved report on the incident (the register: it
 * may be longer than a process variable holds) and records whether the 15-day deadline was met.
 */
@Component("storeLessonsLearned")
class StoreLessonsLearnedDelegate implements JavaDelegate {

  private final LessonsLearnedReport report;
  private final SecurityIncidentRepository repository;
  private final Deadlines deadlines;
  private final Moments moments;

  StoreLessonsLearnedDelegate(LessonsLearnedReport report, SecurityIncidentRepository repository, Deadlines deadlines,
      Moments moments) {
    this.report = report;
    this.repository = repository;
    this.deadlines = deadlines;
    this.moments = moments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String text = report.compose(execution);
    repository.storeLessonsLearned(REFERENCE.get(execution), text,
        LESSONS_LEARNED_APPROVED_AT.instant(execution),
        LESSONS_LEARNED_APPROVED_BY.get(execution));
    // done when approved: « Lancer les actions d'amélioration » (asynchronous) may run before this step
    Instant approvedAt = LESSONS_LEARNED_APPROVED_AT.instant(execution);
    deadlines.recordOutcome(execution, "lessonsLearned", approvedAt != null ? approvedAt : moments.now());
  }
}
