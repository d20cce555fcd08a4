package com.mileotech.cyber.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * Copies each entry of Camunda's user operation log (what a person did: completed a task,
 * changed a variable, created a user, deployed...) to the audit trail, beside the database copy
 * that Cockpit shows, once the transaction that made the change has committed: a completion the
 * procedure refused (rolled back) is not in the trail as done. The HTTP call itself, refused or
 * not, is there as {@code http.access} with its status.
 */
public class UserOperationAuditHandler implements HistoryEventHandler {

  @Override
  public void handleEvent(HistoryEvent historyEvent) {
    if (historyEvent instanceof UserOperationLogEntryEventEntity entry) {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("user", entry.getUserId());
      fields.put("operation", entry.getOperationType());
      fields.put("entityType", entry.getEntityType());
      fields.put("category", entry.getCategory());
      putIfPresent(fields, "property", entry.getProperty());
      // the value before too: a task given back (assignee to nothing) says whose it was
      putIfPresent(fields, "orgValue", entry.getOrgValue());
      putIfPresent(fields, "newValue", entry.getNewValue());
      putIfPresent(fields, "processDefinitionKey", entry.getProcessDefinitionKey());
      putIfPresent(fields, "processInstanceId", entry.getProcessInstanceId());
      putIfPresent(fields, "taskId", entry.getTaskId());
      putIfPresent(fields, "deploymentId", entry.getDeploymentId());
      putIfPresent(fields, "tenantId", entry.getTenantId());
      putIfPresent(fields, "operationId", entry.getOperationId());
      afterCommit(() -> AuditTrail.event("user.operation", fields));
    }
  }

  /** Runs when the command's transaction has committed; never when it rolls back. */
  static void afterCommit(Runnable write) {
    CommandContext context = Context.getCommandContext();
    if (context == null) {
      write.run();
      return;
    }
    context.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, committed -> write.run());
  }

  @Override
  public void handleEvents(List<HistoryEvent> historyEvents) {
    historyEvents.forEach(this::handleEvent);
  }

  private static void putIfPresent(Map<String, Object> fields, String key, Object value) {
    if (value != null) {
      fields.put(key, value);
    }
  }
}
