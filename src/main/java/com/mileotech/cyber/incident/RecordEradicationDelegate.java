package com.mileotech.cyber.incident;

import static com.mileotech.cyber.incident.SecurityIncidentVariables.*;

import com.mileotech.cyber.system.Moments;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer l'éradication": the removal of the cause (PROC-CYB-005 §04); counts the rounds (an
 * integrity check that fails sends the work back). The actions are the playbook's, checked and
 * recorded by the playbook feature on {@link ResponseActionsSubmitted} (docs/incident.md, "Playbooks").
 */
@Component("recordEradication")
class RecordEradicationDelegate implements JavaDelegate {

  private final Actors actors;
  private final Moments moments;
  private final ApplicationEventPublisher events;

  RecordEradicationDelegate(Actors actors, Moments moments, ApplicationEventPublisher events) {
    this.actors = actors;
    this.moments = moments;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Integer previous = ERADICATION_ROUND.get(execution);
    int round = previous == null ? 1 : previous + 1;
    events.publishEvent(new ResponseActionsSubmitted(ResponseStep.ERADICATION, execution, round));
    ERADICATION_ROUND.set(execution, round);
    ERADICATED_AT.set(execution, Moments.date(moments.now()));
    ERADICATED_BY.set(execution, actors.current());
  }
}
