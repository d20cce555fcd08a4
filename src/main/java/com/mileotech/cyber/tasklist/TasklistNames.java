package com.mileotech.cyber.tasklist;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * A user task of a process that several callers share (bpmn/regulatory-report.bpmn: one block for
 * every report to the CNIL or the ANSSI) is named in its diagram for what it always is ("Rédiger le
 * rapport"), and in Tasklist for what it is in this call ("Rédiger l'alerte précoce"): the extension
 * property {@value #PROPERTY} holds the expression of the Tasklist name, e.g. {@code ${draftTaskName}},
 * a parameter of the call. Cockpit and the Modeler keep showing the diagram's French name, never an
 * expression. {@link TaskNamingPlugin} then adds the reference and client as for every task.
 */
@Component
public class TasklistNames extends AbstractProcessEnginePlugin {

  static final String PROPERTY = "tasklistName";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = new ArrayList<>();
    if (configuration.getCustomPreBPMNParseListeners() != null) {
      listeners.addAll(configuration.getCustomPreBPMNParseListeners());
    }
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        String name = tasklistName(userTaskElement);
        if (name != null) {
          ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
              .setNameExpression(Context.getProcessEngineConfiguration().getExpressionManager().createExpression(name));
        }
      }
    });
    configuration.setCustomPreBPMNParseListeners(listeners);
  }

  /** The value of the task's {@code camunda:property name="tasklistName"}, or null. */
  static String tasklistName(Element userTask) {
    Element extensions = userTask.element("extensionElements");
    Element properties = extensions == null ? null : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
    if (properties == null) {
      return null;
    }
    for (Element property : properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
      if (PROPERTY.equals(property.attribute("name"))) {
        return property.attribute("value");
      }
    }
    return null;
  }
}
