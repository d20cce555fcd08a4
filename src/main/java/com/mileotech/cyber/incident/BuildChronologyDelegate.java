package com.mileotech.cyber.incident;

import com.mileotech.cyber.system.FormValues;
import static com.mileotech.cyber.incident.SecurityIncidentVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Générer la chronologie": the chronology the lessons-learned forms show, built afresh from the
 * history each time the report is (re)written, and the staff its improvement actions may be given
 * to. Asynchronous, so that the history of the step
 * before it is in the database.
 */
@Component("buildChronology")
class BuildChronologyDelegate implements JavaDelegate {


  private final Chronology chronology;
  private final ImprovementActionRows improvementActions;

  BuildChronologyDelegate(Chronology chronology, ImprovementActionRows improvementActions) {
    this.chronology = chronology;
    this.improvementActions = improvementActions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = REFERENCE.get(execution);
    LESSONS_LEARNED_CHRONOLOGY.set(execution, FormValues.json(Chronology.asVariable(chronology.of(reference))));
    improvementActions.offerOwners(execution); // the owners the report's action rows offer, as they are now
  }
}
