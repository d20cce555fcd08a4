package com.mileotech.cyber.commissioning;

import com.mileotech.cyber.system.Refusal;
import com.mileotech.cyber.reminder.DeadlineProperties;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** On leaving "Établir le plan de remplacement" (end listener): a plan and a target date to come. */
@Component("recordReplacementPlan")
class RecordReplacementPlanListener implements ExecutionListener {

  private final DeadlineProperties time;

  RecordReplacementPlanListener(DeadlineProperties time) {
    this.time = time;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    List<String> problems = new ArrayList<>();
    Object plan = execution.getVariable("replacementPlan");
    if (plan == null || plan.toString().isBlank()) {
      problems.add("replacementPlan : plan de remplacement obligatoire");
    }
    LocalDate target = ChecklistCheck.date((String) execution.getVariable("replacementTargetDate"));
    LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), time.zone());
    if (target == null) {
      problems.add("replacementTargetDate : date cible obligatoire");
    } else if (!target.isAfter(today)) {
      problems.add("replacementTargetDate : la date cible doit être à venir");
    }
    if (!problems.isEmpty()) {
      throw Refusal.of("Plan de remplacement refusé", problems);
    }
  }
}
