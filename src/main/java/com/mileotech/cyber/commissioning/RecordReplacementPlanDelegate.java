package com.mileotech.cyber.commissioning;

import static com.mileotech.cyber.commissioning.CommissioningVariables.*;

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

  private final Moments moments;

  RecordReplacementPlanDelegate(Moments moments) {
    this.moments = moments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> problems = new ArrayList<>();
    if (REPLACEMENT_PLAN.text(execution) == null) {
      problems.add("Plan de remplacement : obligatoire");
    }
    LocalDate target = null;
    try {
      target = REPLACEMENT_TARGET_DATE.day(execution, moments);
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
    REPLACEMENT_TARGET_DAY.set(execution, target.atStartOfDay(moments.zone()).toInstant());
    REPLACEMENT_TARGET_LABEL.set(execution, moments.words(target));
  }
}
