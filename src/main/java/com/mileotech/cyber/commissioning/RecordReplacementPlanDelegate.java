package com.mileotech.cyber.commissioning;

import com.mileotech.cyber.system.Moments;
import com.mileotech.cyber.system.Refusal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer le plan de remplacement", right after "Établir le plan de remplacement": a plan and
 * a target date to come, typed day first ("31/01/2027"). The refusal names the fields by their
 * labels; the day is recorded as read ({@code replacementTargetDay}, start of that day in Paris,
 * and {@code replacementTargetLabel} in words), not only as the text typed.
 */
@Component("recordReplacementPlan")
class RecordReplacementPlanDelegate implements JavaDelegate {

  static final String TARGET_INPUT = "replacementTargetDate";

  private final Moments moments;

  RecordReplacementPlanDelegate(Moments moments) {
    this.moments = moments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> problems = new ArrayList<>();
    Object plan = execution.getVariable("replacementPlan");
    if (plan == null || plan.toString().isBlank()) {
      problems.add("Plan de remplacement : obligatoire");
    }
    LocalDate target = null;
    try {
      target = moments.day(execution.getVariable(TARGET_INPUT));
      if (target == null) {
        problems.add("Date cible du remplacement : obligatoire");
      } else if (!target.isAfter(moments.today())) {
        problems.add("Date cible du remplacement : le " + moments.words(target) + " n'est pas à venir");
      }
    } catch (IllegalArgumentException e) {
      problems.add("Date cible du remplacement : " + e.getMessage());
    }
    if (!problems.isEmpty()) {
      throw Refusal.of("Plan de remplacement refusé", problems);
    }
    execution.setVariable("replacementTargetDay", Moments.date(target.atStartOfDay(moments.zone()).toInstant()));
    execution.setVariable("replacementTargetLabel", moments.words(target));
  }
}
