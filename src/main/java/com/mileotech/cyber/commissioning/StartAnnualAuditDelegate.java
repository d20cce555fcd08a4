package com.mileotech.cyber.commissioning;

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

  static final String PROCESS = "vms-commissioning";

  private final RuntimeService runtimeService;
  private final HistoryService historyService;

  StartAnnualAuditDelegate(@Lazy RuntimeService runtimeService, @Lazy HistoryService historyService) {
    this.runtimeService = runtimeService;
    this.historyService = historyService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = (String) execution.getVariable("reference");
    boolean started = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS)
        .variableValueEquals("previousReference", reference).count() > 0;
    if (started) {
      return;
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put("clientId", execution.getVariable("clientId"));
    variables.put("siteId", execution.getVariable("siteId"));
    variables.put("vmsProduct", execution.getVariable("vmsProduct"));
    variables.put("vmsVersion", execution.getVariable("vmsVersion"));
    variables.put("projectManagerReview", execution.getVariable("projectManagerReview"));
    variables.put("previousReference", reference);
    runtimeService.startProcessInstanceByKey(PROCESS, variables);
  }
}
