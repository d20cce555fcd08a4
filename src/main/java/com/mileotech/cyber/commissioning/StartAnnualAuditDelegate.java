package com.mileotech.cyber.commissioning;

import static com.mileotech.cyber.commissioning.CommissioningVariables.*;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * "Lancer l'audit annuel": a new checklist for the same client and site, as its own instance of
 * vms-commissioning linked by {@code previousReference} (each year's checklist has its own
 * reference, signature and document in Cockpit), pre-filled from this one. Idempotent: a
 * retried job does not start a second audit.
 */
@Component("startAnnualAudit")
class StartAnnualAuditDelegate implements JavaDelegate {


  private final RuntimeService runtimeService;
  private final HistoryService historyService;

  StartAnnualAuditDelegate(@Lazy RuntimeService runtimeService, @Lazy HistoryService historyService) {
    this.runtimeService = runtimeService;
    this.historyService = historyService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = REFERENCE.get(execution);
    boolean started = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
        .variableValueEquals(PREVIOUS_REFERENCE.name(), reference).count() > 0;
    if (started) {
      return;
    }
    Map<String, Object> variables = new HashMap<>();
    CLIENT_ID.put(variables, CLIENT_ID.get(execution));
    SITE_ID.put(variables, SITE_ID.get(execution));
    VMS_PRODUCT.put(variables, VMS_PRODUCT.get(execution));
    VMS_VERSION.put(variables, VMS_VERSION.get(execution));
    PROJECT_MANAGER_REVIEW.put(variables, PROJECT_MANAGER_REVIEW.get(execution));
    PREVIOUS_REFERENCE.put(variables, reference);
    runtimeService.startProcessInstanceByKey(PROCESS_KEY, variables);
  }
}
