package com.mileotech.cyber.tasklist;

import com.mileotech.cyber.system.CommonVariables;
import com.mileotech.cyber.system.Published;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Task names say what and for which case: every user task of every process is named, when it is
 * created, "<its BPMN name> <reference> — <client>" ("Qualifier l'incident INC-2026-0042 — Hexa
 * Énergie"), with ", <site>" for the processes about one site and " (EXERCICE)" for an exercise's, from the process's {@code reference} and {@code clientName} variables, so a Tasklist
 * list or a reminder subject is readable on its own. The diagrams keep their short names.
 */
@Published
@Component
public class TaskNamingPlugin extends AbstractProcessEnginePlugin {

  static final TaskListener NAME_WITH_REFERENCE = TaskNamingPlugin::nameWithReference;

  /**
   * Processes about one site of a client, whose tasks also name it: one re-verification per site
   * and point, one checklist per site ("Revérifier le point CAM-03 MAJ-2026-0007 — Hexa Énergie,
   * Poste Lyon Est"). An incident may touch several sites: its title keeps the client only.
   */
  static final List<String> ONE_SITE_PROCESSES = List.of("hardening-reverification", "vms-commissioning",
      "equipment-replacement");

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = new ArrayList<>();
    if (configuration.getCustomPostBPMNParseListeners() != null) {
      listeners.addAll(configuration.getCustomPostBPMNParseListeners());
    }
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, NAME_WITH_REFERENCE);
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  /** The BPMN name of a task named by this plugin (e.g. for a chronology inside the case itself). */
  public static String withoutReference(String taskName, String reference) {
    if (taskName == null || reference == null) {
      return taskName;
    }
    int at = taskName.indexOf(" " + reference);
    return at < 0 ? taskName : taskName.substring(0, at);
  }

  static void nameWithReference(DelegateTask task) {
    String reference = CommonVariables.REFERENCE.get(task);
    String name = task.getName();
    if (reference == null || name == null || name.contains(reference)) {
      return;
    }
    String client = CommonVariables.CLIENT_NAME.get(task);
    String site = CommonVariables.SITE_NAME.get(task);
    boolean oneSite = site != null && task.getProcessDefinitionId() != null
        && ONE_SITE_PROCESSES.stream().anyMatch(key -> task.getProcessDefinitionId().startsWith(key + ":"));
    // an exercise's tasks say so in Tasklist, as its mails do (issue 18)
    boolean exercise = Boolean.TRUE.equals(CommonVariables.EXERCISE.get(task));
    task.setName(name + " " + reference + (client == null ? "" : " — " + client) + (oneSite ? ", " + site : "")
        + (exercise ? " (EXERCICE)" : ""));
  }
}
