package com.mileotech.cyber.update;

import static com.mileotech.cyber.update.SecurityUpdateVariables.*;

import com.mileotech.cyber.incident.SecurityIncidentVariables;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Lancer les revérifications de durcissement" (security-incident): one hardening-reverification
 * instance per target, each the tenant of its own client (a call activity would put another
 * client's site under the incident's client). Business key: the incident's reference.
 * Asynchronous; a retried job starts only those not started yet.
 */
@Component("startHardeningReverifications")
class StartHardeningReverificationsDelegate implements JavaDelegate {


  private final RuntimeService runtimeService;
  private final ReverificationRegister register;

  StartHardeningReverificationsDelegate(RuntimeService runtimeService, ReverificationRegister register) {
    this.runtimeService = runtimeService;
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String incident = REFERENCE.get(execution);
    for (String target : SecurityIncidentVariables.REVERIFICATION_TARGETS.get(execution)) {
      String[] t = Reverifications.parts(target);
      if (register.processInstance(incident, t[0], t[1], t[2]) == null) {
        Map<String, Object> variables = new HashMap<>();
        CLIENT_ID.put(variables, t[0]);
        SITE_ID.put(variables, t[1]);
        POINT_ID.put(variables, t[2]);
        INCIDENT_REFERENCE.put(variables, incident);
        REFERENCE.put(variables, incident);
        runtimeService.startProcessInstanceByKey(REVERIFICATION_PROCESS_KEY, incident, variables);
      }
    }
  }
}
