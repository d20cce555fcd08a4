package com.mileotech.cyber.security;

import java.io.InputStream;
import java.util.Collection;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.form.StartFormData;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * Camunda's form service, except that a process's start form is read only by those who may start
 * the process (CREATE_INSTANCE on its definition). Camunda lets anyone who may read the definition
 * read its start form; ours carry data meant for the starters only (the start form of
 * security-incident lists every client of the registry and their sites), and a client's RSSI, who
 * reads the definitions to work their tasks, starts nothing. Everyone else gets Camunda's usual
 * refusal (an AuthorizationException, 403 over REST), through /engine-rest and the webapps alike.
 */
class StartFormsForStarters extends FormServiceImpl {

  @Override
  public StartFormData getStartFormData(String processDefinitionId) {
    requireStarter(processDefinitionId);
    return super.getStartFormData(processDefinitionId);
  }

  @Override
  public String getStartFormKey(String processDefinitionId) {
    requireStarter(processDefinitionId);
    return super.getStartFormKey(processDefinitionId);
  }

  @Override
  public Object getRenderedStartForm(String processDefinitionId) {
    requireStarter(processDefinitionId);
    return super.getRenderedStartForm(processDefinitionId);
  }

  @Override
  public Object getRenderedStartForm(String processDefinitionId, String engineName) {
    requireStarter(processDefinitionId);
    return super.getRenderedStartForm(processDefinitionId, engineName);
  }

  @Override
  public VariableMap getStartFormVariables(String processDefinitionId) {
    requireStarter(processDefinitionId);
    return super.getStartFormVariables(processDefinitionId);
  }

  @Override
  public VariableMap getStartFormVariables(String processDefinitionId, Collection<String> formVariables,
      boolean deserializeObjectValues) {
    requireStarter(processDefinitionId);
    return super.getStartFormVariables(processDefinitionId, formVariables, deserializeObjectValues);
  }

  @Override
  public InputStream getDeployedStartForm(String processDefinitionId) {
    requireStarter(processDefinitionId);
    return super.getDeployedStartForm(processDefinitionId);
  }

  /** An unknown definition is left to Camunda's own command, which answers as it always does. */
  private void requireStarter(String processDefinitionId) {
    commandExecutor.execute(context -> {
      ProcessDefinitionEntity definition = processDefinitionId == null ? null
          : context.getProcessDefinitionManager().findLatestProcessDefinitionById(processDefinitionId);
      if (definition != null) {
        context.getAuthorizationManager().checkAuthorization(ProcessDefinitionPermissions.CREATE_INSTANCE,
            Resources.PROCESS_DEFINITION, definition.getKey());
      }
      return null;
    });
  }
}
