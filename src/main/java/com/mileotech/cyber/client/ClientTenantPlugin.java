package com.mileotech.cyber.client;

import com.mileotech.cyber.system.CommonVariables;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.springframework.stereotype.Component;

/**
 * Process definitions are shared by all clients; each instance belongs to the tenant of its
 * client, read from the {@value #CLIENT_VARIABLE} start variable (or inherited from the calling
 * instance), so Camunda's tenant checks apply to every task, instance and history row.
 */
@Component
class ClientTenantPlugin extends AbstractProcessEnginePlugin implements TenantIdProvider {

  static final String CLIENT_VARIABLE = CommonVariables.CLIENT_ID.name();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setTenantIdProvider(this);
  }

  @Override
  public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
    Object clientId = ctx.getVariables() == null ? null : ctx.getVariables().get(CLIENT_VARIABLE);
    if (clientId != null) {
      return clientId.toString();
    }
    return ctx.getSuperExecution() != null ? ctx.getSuperExecution().getTenantId() : null;
  }

  @Override
  public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
    return ctx.getExecution() != null ? ctx.getExecution().getTenantId() : null;
  }

  @Override
  public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
    return null;
  }
}
