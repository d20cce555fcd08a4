package com.mileotech.cyber.incident;

import static com.mileotech.cyber.incident.SecurityIncidentVariables.*;

import com.mileotech.cyber.system.Moments;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer le confinement" (PROC-CYB-005 §03): who contained the incident and when. The
 * measures themselves are the playbook's actions for the incident's nature and equipment, checked
 * and recorded by the playbook feature when this step publishes {@link ResponseActionsSubmitted}
 * (docs/incident.md, "Playbooks").
 */
@Component("recordContainment")
class RecordContainmentDelegate implements JavaDelegate {

  private final Actors actors;
  private final Moments moments;
  private final ApplicationEventPublisher events;

  RecordContainmentDelegate(Actors actors, Moments moments, ApplicationEventPublisher events) {
    this.actors = actors;
    this.moments = moments;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    events.publishEvent(new ResponseActionsSubmitted(ResponseStep.CONTAINMENT, execution, 1));
    CONTAINED_AT.set(execution, Moments.date(moments.now()));
    CONTAINED_BY.set(execution, actors.current());
  }
}
