package com.mileotech.cyber.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.springframework.stereotype.Component;

/**
 * Engine settings that application.yaml cannot express: our password policy, audited logins,
 * and the user operation log copied to the audit trail.
 */
@Component
class SecurityEnginePlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setAuthorizationEnabled(true);
    configuration.setEnablePasswordPolicy(true);
    configuration.setPasswordPolicy(new MileoPasswordPolicy());
    configuration.setIdentityProviderSessionFactory(new GenericManagerFactory(AuditedIdentityProvider.class));

    List<HistoryEventHandler> handlers = new ArrayList<>();
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    handlers.add(new UserOperationAuditHandler());
    configuration.setCustomHistoryEventHandlers(handlers);
    configuration.setEnableDefaultDbHistoryEventHandler(true);
  }
}
