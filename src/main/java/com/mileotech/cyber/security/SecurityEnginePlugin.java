package com.mileotech.cyber.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.springframework.stereotype.Component;

/**
 * Engine settings that application.yaml cannot express: our password policy, audited and throttled logins (LoginThrottle),
 * the history written without its duplicate form-field rows (RecordHistoryEventHandler), the user operation log copied to the audit trail, a cheaper lookup of the user's groups
 * before permission checks (GroupLookupAuthorizationManager), what a REST call may write
 * (SubmissionGuard), another client's entities not found by id (TenantScopedEntityManager), and
 * start forms for those who may start (StartFormsForStarters), and a task given back by its assignee
 * (TaskGiveBack).
 */
@Component
class SecurityEnginePlugin extends AbstractProcessEnginePlugin {

  private final LoginThrottle throttle;

  SecurityEnginePlugin(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setAuthorizationEnabled(true);
    configuration.setEnablePasswordPolicy(true);
    configuration.setPasswordPolicy(new MileoPasswordPolicy());
    configuration.setIdentityProviderSessionFactory(new GenericManagerFactory(AuditedIdentityProvider.class) {
      @Override
      public Session openSession() {
        return new AuditedIdentityProvider(throttle);
      }
    });

    // the history in the database: Camunda's own handler but for the duplicate form-field rows
    // (RecordHistoryEventHandler); then the copy of the user operation log to the audit trail
    List<HistoryEventHandler> handlers = new ArrayList<>();
    handlers.add(new RecordHistoryEventHandler());
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    handlers.add(new UserOperationAuditHandler());
    configuration.setCustomHistoryEventHandlers(handlers);
    configuration.setEnableDefaultDbHistoryEventHandler(false);

    List<SessionFactory> sessionFactories = new ArrayList<>();
    if (configuration.getCustomSessionFactories() != null) {
      sessionFactories.addAll(configuration.getCustomSessionFactories());
    }
    sessionFactories.add(new GroupLookupAuthorizationManager.Factory());
    sessionFactories.add(new TenantScopedEntityManager.Factory());
    configuration.setCustomSessionFactories(sessionFactories);
    configuration.setFormService(new StartFormsForStarters());
    configuration.setTaskService(new TaskGiveBack());

    List<CommandInterceptor> before = new ArrayList<>();
    if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
      before.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
    }
    before.add(new SubmissionGuard(configuration));
    configuration.setCustomPreCommandInterceptorsTxRequired(before);
  }
}
