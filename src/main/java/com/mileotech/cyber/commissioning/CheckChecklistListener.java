package com.mileotech.cyber.commissioning;

import com.mileotech.cyber.reminder.DeadlineProperties;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * On completing "Renseigner la checklist": refuses an incomplete or inconsistent checklist
 * (naming each offending point; nothing is saved), otherwise stores it normalised against the
 * catalogue with the overview the signature form shows.
 */
@Component("checkChecklist")
class CheckChecklistListener implements TaskListener {

  private final Catalogues catalogues;
  private final DeadlineProperties time;

  CheckChecklistListener(Catalogues catalogues, DeadlineProperties time) {
    this.catalogues = catalogues;
    this.time = time;
  }

  @Override
  public void notify(DelegateTask task) {
    var execution = task.getExecution();
    Catalogue catalogue = ChecklistState.catalogue(execution, catalogues);
    List<PointEntry> submitted = ChecklistState.points(task);
    LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), time.zone());
    List<PointEntry> checked = ChecklistCheck.check(catalogue, submitted, submitted,
        ChecklistState.equipment(execution), today);
    ChecklistState.writePoints(execution, checked);
    SignedContent content = ChecklistState.content(execution);
    execution.setVariable("checklistSummary", content.summary());
    execution.setVariable("checklistOverview", overview(content));
  }

  /** One line per point, as the technician signs it. */
  static String overview(SignedContent content) {
    StringBuilder text = new StringBuilder();
    for (PointEntry p : content.points()) {
      Status status = p.statusValue();
      text.append(p.id).append(" — ").append(status == null ? "?" : status.label());
      if (status == Status.NON_CONFORME) {
        text.append(" (remédiation avant le ")
            .append(ChecklistCheck.FRENCH_DATE.format(LocalDate.parse(p.remediationDeadline))).append(")");
      }
      text.append('\n');
    }
    return text.toString().stripTrailing();
  }
}
