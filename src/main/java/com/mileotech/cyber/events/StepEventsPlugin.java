package com.mileotech.cyber.events;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Listens to the mapped steps ({@link ProcessSteps}) without touching their models: at deployment,
 * a parse listener adds an end listener to each, which records the event in the step's own
 * transaction (a step rolled back tells nothing).
 */
@Component
class StepEventsPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<StepEvents> stepEvents;

  StepEventsPlugin(ObjectProvider<StepEvents> stepEvents) {
    this.stepEvents = stepEvents;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = new ArrayList<>();
    if (configuration.getCustomPostBPMNParseListeners() != null) {
      listeners.addAll(configuration.getCustomPostBPMNParseListeners());
    }
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        listen(element, activity);
      }

      @Override
      public void parseEndEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
        listen(element, activity);
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  private void listen(Element element, ActivityImpl activity) {
    if (!(activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition)) {
      return;
    }
    String processKey = definition.getKey();
    String delegate = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "delegateExpression");
    ProcessSteps.of(processKey, activity.getId(), delegate).ifPresent(type ->
        activity.addListener(ExecutionListener.EVENTNAME_END,
            (ExecutionListener) execution -> stepEvents.getObject().ended(execution, processKey, type)));
  }
}
