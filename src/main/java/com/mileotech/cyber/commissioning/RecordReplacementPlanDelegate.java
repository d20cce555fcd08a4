package com.mileotech.cyber.commissioning;

import com.mileotech.cyber.system.Refusal;
import com.mileotech.cyber.system.ZoneProperties;
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

  private final ZoneProperties time;

  RecordReplacementPlanDelegate(ZoneProperties time) {
    this.time = time;
  }

  @Override
  public void execute(DelegateExecution execution) {
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
