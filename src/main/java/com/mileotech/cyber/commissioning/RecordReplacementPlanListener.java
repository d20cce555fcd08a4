package com.mileotech.cyber.commissioning;

import com.mileotech.cyber.reminder.DeadlineProperties;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** On completing "Établir le plan de remplacement": a plan and a target date to come. */
@Component("recordReplacementPlan")
class RecordReplacementPlanListener implements TaskListener {

  private final DeadlineProperties time;

  RecordReplacementPlanListener(DeadlineProperties time) {
    this.time = time;
  }

  @Override
  public void notify(DelegateTask task) {
    List<String> problems = new ArrayList<>();
    Object plan = task.getVariable("replacementPlan");
    if (plan == null || plan.toString().isBlank()) {
      problems.add("replacementPlan : plan de remplacement obligatoire");
    }
    LocalDate target = ChecklistCheck.date((String) task.getVariable("replacementTargetDate"));
    LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), time.zone());
    if (target == null) {
      problems.add("replacementTargetDate : date cible obligatoire");
    } else if (!target.isAfter(today)) {
      problems.add("replacementTargetDate : la date cible doit être à venir");
    }
    if (!problems.isEmpty()) {
      throw new ChecklistRefused("Plan de remplacement refusé", problems);
    }
  }
}
