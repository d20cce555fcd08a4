package com.mileotech.cyber.commissioning;

import static com.mileotech.cyber.commissioning.CommissioningVariables.*;

import com.mileotech.cyber.system.Refusal;
import com.mileotech.cyber.reminder.DeadlineProperties;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** "Enregistrer le plan de remplacement", right after "Établir le plan de remplacement": a plan and a target date to come. */
@Component("recordReplacementPlan")
class RecordReplacementPlanDelegate implements JavaDelegate {

  private final DeadlineProperties time;

  RecordReplacementPlanDelegate(DeadlineProperties time) {
    this.time = time;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> problems = new ArrayList<>();
    Object plan = REPLACEMENT_PLAN.get(execution);
    if (plan == null || plan.toString().isBlank()) {
      problems.add("replacementPlan : plan de remplacement obligatoire");
    }
    LocalDate target = ChecklistCheck.date(REPLACEMENT_TARGET_DATE.text(execution));
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
