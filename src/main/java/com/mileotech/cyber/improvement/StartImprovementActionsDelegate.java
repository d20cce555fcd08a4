package com.mileotech.cyber.improvement;

import static com.mileotech.cyber.improvement.ImprovementActionVariables.PROCESS_KEY;

import com.mileotech.cyber.improvement.ImprovementActionRegister.Planned;
import com.mileotech.cyber.incident.SecurityIncidentVariables;
import com.mileotech.cyber.system.Moments;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Lancer les actions d'amélioration" (security-incident, once the lessons-learned report is
 * approved): each action the report planned becomes a row of improvement_action and an
 * improvement-action process, in the incident's client's tenant, business key the incident's
 * reference. Asynchronous; a retried job creates and starts only what is not there yet.
 */
@Component("startImprovementActions")
class StartImprovementActionsDelegate implements JavaDelegate {

  private final ImprovementActionRegister register;
  private final RuntimeService runtimeService;
  private final Moments moments;

  StartImprovementActionsDelegate(ImprovementActionRegister register, RuntimeService runtimeService, Moments moments) {
    this.register = register;
    this.runtimeService = runtimeService;
    this.moments = moments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = SecurityIncidentVariables.REFERENCE.require(execution);
    String clientId = SecurityIncidentVariables.CLIENT_ID.require(execution);
    boolean exercise = Boolean.TRUE.equals(SecurityIncidentVariables.EXERCISE.get(execution));
    String approvedBy = SecurityIncidentVariables.LESSONS_LEARNED_APPROVED_BY.get(execution);
    for (Map<String, Object> planned : SecurityIncidentVariables.IMPROVEMENT_ACTIONS.objects(execution)) {
      ImprovementAction action = register.createOnce(new Planned(reference,
          ((Number) planned.get("position")).intValue(), clientId, exercise, planned.get("label").toString(),
          planned.get("owner").toString(), planned.get("ownerName").toString(),
          Instant.parse(planned.get("dueAt").toString()), approvedBy, moments.now()));
      if (alreadyStarted(action)) {
        continue;
      }
      Map<String, Object> variables = new HashMap<>();
      ImprovementActionVariables.REFERENCE.put(variables, reference);
      ImprovementActionVariables.CLIENT_ID.put(variables, clientId);
      ImprovementActionVariables.CLIENT_NAME.put(variables, SecurityIncidentVariables.CLIENT_NAME.get(execution));
      ImprovementActionVariables.EXERCISE.put(variables, exercise);
      ImprovementActionVariables.ACTION_ID.put(variables, action.id());
      ImprovementActionVariables.LABEL.put(variables, action.label());
      ImprovementActionVariables.OWNER.put(variables, action.owner());
      ImprovementActionVariables.OWNER_NAME.put(variables, action.ownerName());
      ImprovementActionVariables.PLANNED_DUE_AT.put(variables, action.dueAt());
      String started = runtimeService.startProcessInstanceByKey(PROCESS_KEY, reference, variables).getId();
      register.started(action.id(), started);
    }
  }

  private boolean alreadyStarted(ImprovementAction action) {
    return register.processInstance(action.id()) != null;
  }
}
