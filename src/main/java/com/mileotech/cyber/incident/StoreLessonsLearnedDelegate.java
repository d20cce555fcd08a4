package com.mileotech.cyber.incident;

import static com.mileotech.cyber.incident.SecurityIncidentVariables.*;

import com.mileotech.cyber.reminder.Deadlines;
import com.mileotech.cyber.system.Moments;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Archiver le retour d'expérience": records the approval on the register and whether the 15-day
 * deadline was met. The report itself becomes part of the incident file (PDF, feature casefile),
 * generated when the report is shared.
 */
@Component("storeLessonsLearned")
class StoreLessonsLearnedDelegate implements JavaDelegate {

  private final SecurityIncidentRepository repository;
  private final Deadlines deadlines;
  private final Moments moments;

  StoreLessonsLearnedDelegate(SecurityIncidentRepository repository, Deadlines deadlines, Moments moments) {
    this.repository = repository;
    this.deadlines = deadlines;
    this.moments = moments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    repository.storeLessonsLearnedApproval(REFERENCE.get(execution), LESSONS_LEARNED_APPROVED_AT.instant(execution),
        LESSONS_LEARNED_APPROVED_BY.get(execution));
    // done when approved: « Lancer les actions d'amélioration » (asynchronous) may run before this step
    Instant approvedAt = LESSONS_LEARNED_APPROVED_AT.instant(execution);
    deadlines.recordOutcome(execution, "lessonsLearned", approvedAt != null ? approvedAt : moments.now());
  }
}
