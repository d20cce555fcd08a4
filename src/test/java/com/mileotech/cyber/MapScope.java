package com.mileotech.cyber;

import java.util.List;
import org.camunda.bpm.engine.impl.core.variable.CoreVariableInstance;
import org.camunda.bpm.engine.impl.core.variable.scope.AbstractVariableScope;
import org.camunda.bpm.engine.impl.core.variable.scope.SimpleVariableInstance.SimpleVariableInstanceFactory;
import org.camunda.bpm.engine.impl.core.variable.scope.VariableInstanceFactory;
import org.camunda.bpm.engine.impl.core.variable.scope.VariableInstanceLifecycleListener;
import org.camunda.bpm.engine.impl.core.variable.scope.VariableStore;

/** A variable scope outside any process: deadline arithmetic, or engine variables read back in assertions. */
@SuppressWarnings({"unchecked", "rawtypes"})
public class MapScope extends AbstractVariableScope {

  private final VariableStore<CoreVariableInstance> store = new VariableStore<>();

  public MapScope() {}

  public MapScope(java.util.Map<String, Object> variables) {
    variables.forEach(this::setVariable);
  }

  public Object get(String name) {
    return getVariable(name);
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
