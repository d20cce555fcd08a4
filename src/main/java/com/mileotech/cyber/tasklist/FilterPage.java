package com.mileotech.cyber.tasklist;

import java.util.List;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterListPageCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.query.Query;

/**
 * Camunda's page of a filter, with two differences inside a filter request ({@link FilterRequests}):
 *
 * <ul>
 *   <li>the filter the REST layer has just loaded for the same user is extended rather than read
 *       again (with its READ check): one read of the filter per page instead of three;
 *   <li>on Tasklist's page (the HAL list asked of the webapps' copy of the API), no task's Camunda
 *       Form reference is evaluated. Camunda initializes every listed task's form key and form
 *       reference, evaluating each {@code camunda:formRef} expression against the task: ours are
 *       {@code ${commissioning.fillForm(execution)}} and {@code ${playbookSteps.form(execution,
 *       ...)}}, each resolved through the task's variables, its execution and the execution's
 *       variables (three statements per task: 45 of the technician's 63 per page, docs/bench.md).
 *       Tasklist never reads a listed task's form: it asks {@code GET /task/{id}/form} when the
 *       task is opened ({@code TasklistBundleTest} keeps that true across Camunda upgrades). So
 *       there the listed tasks carry no {@code camundaFormRef}; a {@code camunda:formKey} (none of
 *       our BPMN has one) is still initialized. The /engine-rest copy, the JSON list and any other
 *       caller keep Camunda's answer, form references included.
 * </ul>
 */
final class FilterPage extends ExecuteFilterListPageCmd {

  private static final long serialVersionUID = 1L;

  FilterPage(String filterId, Query<?, ?> extendingQuery, int firstResult, int maxResults) {
    super(filterId, extendingQuery, firstResult, maxResults);
  }

  @Override
  protected Filter getFilter(CommandContext commandContext) {
    Filter loaded = FilterRequests.extendLoaded(filterId, extendingQuery, commandContext.getAuthentication());
    return loaded != null ? loaded : super.getFilter(commandContext);
  }

  @Override
  protected Query<?, ?> getFilterQuery(CommandContext commandContext) {
    if (!FilterRequests.tasklistPage()) {
      return super.getFilterQuery(commandContext);
    }
    return getFilter(commandContext).getQuery();
  }

  @Override
  public List<?> execute(CommandContext commandContext) {
    List<?> page = super.execute(commandContext);
    if (FilterRequests.tasklistPage()) {
      for (Object row : page) {
        if (row instanceof TaskEntity task && hasFormKey(task)) {
          task.initializeFormKey();
        }
      }
    }
    return page;
  }

  /** Whether the task's BPMN gives it a form key (rather than a Camunda Form reference). */
  static boolean hasFormKey(TaskEntity task) {
    if (task.getTaskDefinitionKey() == null) {
      return false;
    }
    TaskDefinition definition = task.getTaskDefinition();
    return definition != null && definition.getFormKey() != null;
  }
}
