package com.mileotech.cyber.commissioning;

import java.util.List;
import org.camunda.bpm.engine.impl.core.variable.CoreVariableInstance;
import org.camunda.bpm.engine.impl.core.variable.scope.AbstractVariableScope;
import org.camunda.bpm.engine.impl.core.variable.scope.SimpleVariableInstance.SimpleVariableInstanceFactory;
import org.camunda.bpm.engine.impl.core.variable.scope.VariableInstanceFactory;
import org.camunda.bpm.engine.impl.core.variable.scope.VariableInstanceLifecycleListener;
import org.camunda.bpm.engine.impl.core.variable.scope.VariableStore;

/** Variables read from the engine as a scope, to reuse ChecklistState in assertions. */
@SuppressWarnings({"unchecked", "rawtypes"})
class VariablesScope extends AbstractVariableScope {

  private final VariableStore<CoreVariableInstance> store = new VariableStore<>();

  VariablesScope(java.util.Map<String, Object> variables) {
    variables.forEach(this::setVariable);
  }

  @Override
  protected VariableStore<CoreVariableInstance> getVariableStore() {
    return store;
  }

  @Override
  protected VariableInstanceFactory<CoreVariableInstance> getVariableInstanceFactory() {
    return (VariableInstanceFactory) SimpleVariableInstanceFactory.INSTANCE;
  }

  @Override
  protected List<VariableInstanceLifecycleListener<CoreVariableInstance>> getVariableInstanceLifecycleListeners() {
    return List.of();
  }

  @Override
  public AbstractVariableScope getParentVariableScope() {
    return null;
  }

  @Override
  public String getVariableScopeKey() {
    return "map";
  }
}
