package com.mileotech.cyber.update;

import java.util.List;
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

  static final String PROCESS_KEY = "hardening-reverification";

  private final RuntimeService runtimeService;
  private final ReverificationRegister register;

  StartHardeningReverificationsDelegate(RuntimeService runtimeService, ReverificationRegister register) {
    this.runtimeService = runtimeService;
    this.register = register;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void execute(DelegateExecution execution) {
    String incident = (String) execution.getVariable("reference");
    for (String target : (List<String>) execution.getVariable("reverificationTargets")) {
      String[] t = Reverifications.parts(target);
      if (register.processInstance(incident, t[0], t[1], t[2]) == null) {
        runtimeService.startProcessInstanceByKey(PROCESS_KEY, incident, Map.of("clientId", t[0], "siteId", t[1],
            "pointId", t[2], "incidentReference", incident, "reference", incident));
      }
    }
  }
}
