package com.mileotech.cyber.security;

import com.mileotech.cyber.system.Refusal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.SetAnnotationForOperationLog;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractDeleteProcessDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractDeleteProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobsRetriesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractUpdateProcessInstancesSuspendStateCmd;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteJobCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricCaseInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricCaseInstancesBulkCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByIdsCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentContentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.RecalculateJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobRetriesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskOwnerCmd;
import org.camunda.bpm.engine.impl.cmd.SuspendJobCmd;
import org.camunda.bpm.engine.impl.cmd.SuspendJobDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.SuspendProcessDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.SuspendProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateDecisionDefinitionHistoryTimeToLiveCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateProcessDefinitionHistoryTimeToLiveCmd;
import org.camunda.bpm.engine.impl.batch.DeleteBatchCmd;
import org.camunda.bpm.engine.impl.batch.history.DeleteHistoricBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.DeleteProcessInstanceBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.removaltime.SetRemovalTimeToHistoricBatchesCmd;
import org.camunda.bpm.engine.impl.cmd.batch.removaltime.SetRemovalTimeToHistoricDecisionInstancesCmd;
import org.camunda.bpm.engine.impl.migration.MigrateProcessInstanceCmd;
import org.camunda.bpm.engine.impl.migration.batch.MigrateProcessInstanceBatchCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteExternalTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricTaskInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricVariableInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricVariableInstancesByProcessInstanceIdCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserOperationLogEntryCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.HandleExternalTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationBatchCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationCmd;
import org.camunda.bpm.engine.impl.cmd.RestartProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskDueDateCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskFollowUpDateCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.DeleteHistoricProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.removaltime.SetRemovalTimeToHistoricProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.batch.RestartProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cmmn.cmd.CaseExecutionVariableCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.dmn.cmd.DeleteHistoricDecisionInstanceByDefinitionIdCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.DeleteHistoricDecisionInstanceByInstanceIdCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.DeleteHistoricDecisionInstancesBatchCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.DeleteHistoricDecisionInstancesBulkCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * The legal record is written by the procedure, not by whoever calls the engine's REST API
 * (docs/access-rules.md, "What a submission may write"). For every command a person or service
 * account issues directly through /engine-rest or the webapps' API ({@link EngineApiCalls}):
 * <ul>
 *   <li>completing a task (complete, submit-form, resolve) may set only the input fields of that
 *       task's deployed form, each with a value of its type and size ({@link FormContract});</li>
 *   <li>starting a process may set only the input fields of its start form, and only at its start
 *       event;</li>
 *   <li>what no form of a person may do is refused outright: writing or removing variables (set,
 *       patch, delete, batch), moving a case between steps (modification, restart, start at
 *       activities), messages, signals and conditions (our API sends those), moving a deadline (task due or
 *       follow-up date, timer due date), deleting history (the audit trail and chronology).</li>
 * </ul>
 * Each refusal is a {@link Refusal} naming the fields, before anything runs. Commands issued by our
 * own code (delegates, jobs, /api controllers, nested commands) are not checked: they compute and
 * record the facts. A task or definition the caller cannot see is left to the engine, so the answer
 * is the engine's own, exactly as for an unknown id.
 */
final class SubmissionGuard extends CommandInterceptor {

  static final String VARIABLES = "Modification refusée : les données d'un dossier ne s'écrivent que par les formulaires "
      + "de ses tâches";
  static final String STEPS = "Modification refusée : un dossier suit sa procédure, il ne passe pas d'une étape à une "
      + "autre à la main";
  static final String MESSAGES = "Envoi refusé : les messages et signaux des procédures sont envoyés par l'application "
      + "elle-même (par exemple une demande de rapport intermédiaire de l'ANSSI : POST /api/security-incidents/{référence}"
      + "/notifications/anssi/intermediate-report-requests)";
  static final String DEADLINES = "Modification refusée : les échéances sont calculées par le serveur à partir des faits "
      + "et ne se modifient pas à la main";
  static final String HISTORY = "Suppression refusée : l'historique est le journal d'audit et la chronologie des dossiers ; "
      + "seul le nettoyage planifié le supprime, à la fin de sa durée de conservation";

  static final String TASK_HOLDERS = "Modification refusée : une tâche va à l'une des personnes que la procédure désigne "
      + "(ses groupes candidats, et pour une tâche d'un client, une personne de ce client) ; ni délégation, ni autre "
      + "candidat, ni propriétaire";
  static final String TASK_FIELDS = "Modification refusée : le nom, la description, le client et l'état d'une tâche sont "
      + "ceux de la procédure";
  static final String TASK_CREATION = "Création refusée : les tâches sont celles des procédures ; aucune ne se crée à "
      + "la main";
  static final String COMMENTS = "Commentaire refusé : un commentaire est écrit par une personne qui peut traiter la "
      + "tâche, et ne se modifie ni ne se supprime ensuite";
  static final String ATTACHMENTS = "Pièce jointe refusée : les fichiers d'un dossier passent par le registre des preuves "
      + "(empreinte, chaîne de conservation), pas par les pièces jointes des tâches";
  static final String RUNNING = "Modification refusée : un dossier en cours suit sa procédure jusqu'au bout ; il ne se "
      + "supprime ni ne se suspend, et ses délais ne s'arrêtent pas";
  static final String JOBS = "Modification refusée : un délai ne se déclenche pas avant son échéance et ne se désactive "
      + "pas (un nombre d'essais supérieur à 0 relance un travail en échec)";
  static final String RETENTION = "Modification refusée : la durée de conservation de l'historique ne se raccourcit pas "
      + "(elle se rallonge ; la raccourcir passe par une nouvelle version du modèle)";

  private static final List<Class<?>> VARIABLE_WRITES = List.of(AbstractSetVariableCmd.class,
      AbstractRemoveVariableCmd.class, AbstractPatchVariablesCmd.class, SetVariablesToProcessInstancesBatchCmd.class,
      CompleteExternalTaskCmd.class, HandleExternalTaskBpmnErrorCmd.class, CaseExecutionVariableCmd.class);
  private static final List<Class<?>> STEP_CHANGES = List.of(ModifyProcessInstanceCmd.class,
      ModifyProcessInstanceAsyncCmd.class, ProcessInstanceModificationCmd.class, ProcessInstanceModificationBatchCmd.class,
      RestartProcessInstancesCmd.class, RestartProcessInstancesBatchCmd.class, StartProcessInstanceAtActivitiesCmd.class,
      MigrateProcessInstanceCmd.class, MigrateProcessInstanceBatchCmd.class);
  private static final List<Class<?>> MESSAGE_SENDS = List.of(AbstractCorrelateMessageCmd.class,
      CorrelateAllMessageBatchCmd.class, MessageEventReceivedCmd.class, SignalCmd.class, SignalEventReceivedCmd.class,
      EvaluateStartConditionCmd.class);
  private static final List<Class<?>> DEADLINE_CHANGES = List.of(SetTaskDueDateCmd.class, SetTaskFollowUpDateCmd.class,
      SetJobDuedateCmd.class, RecalculateJobDuedateCmd.class);
  /** Who holds a task besides its assignee: the procedure's candidates only; no delegation, no owner. */
  private static final List<Class<?>> HOLDER_CHANGES = List.of(DelegateTaskCmd.class, ResolveTaskCmd.class,
      SetTaskOwnerCmd.class, DeleteIdentityLinkCmd.class);
  private static final List<Class<?>> COMMENT_CHANGES = List.of(UpdateCommentCmd.class, DeleteTaskCommentCmd.class,
      DeleteProcessInstanceCommentCmd.class);
  private static final List<Class<?>> ATTACHMENT_CHANGES = List.of(CreateAttachmentCmd.class, SaveAttachmentCmd.class,
      DeleteAttachmentCmd.class);
  /** Ending, suspending or cutting short a running case, or the models it runs on (activation stays allowed). */
  private static final List<Class<?>> RUNNING_CHANGES = List.of(AbstractDeleteProcessInstanceCmd.class,
      DeleteProcessInstanceBatchCmd.class, AbstractDeleteProcessDefinitionCmd.class,
      DeleteProcessDefinitionsByIdsCmd.class, DeleteDeploymentCmd.class, DeleteTaskCmd.class,
      DeleteJobCmd.class, DeleteJobsCmd.class, SuspendJobCmd.class, SuspendJobDefinitionCmd.class,
      SuspendProcessInstanceCmd.class, SuspendProcessDefinitionCmd.class, HandleTaskBpmnErrorCmd.class,
      HandleTaskEscalationCmd.class);
  private static final List<Class<?>> HISTORY_DELETIONS = List.of(DeleteHistoricProcessInstancesCmd.class,
      DeleteHistoricProcessInstancesBatchCmd.class, DeleteHistoricTaskInstanceCmd.class,
      DeleteHistoricVariableInstanceCmd.class, DeleteHistoricVariableInstancesByProcessInstanceIdCmd.class,
      DeleteUserOperationLogEntryCmd.class, DeleteHistoricDecisionInstanceByDefinitionIdCmd.class,
      DeleteHistoricDecisionInstanceByInstanceIdCmd.class, DeleteHistoricDecisionInstancesBatchCmd.class,
      DeleteHistoricDecisionInstancesBulkCmd.class, SetRemovalTimeToHistoricProcessInstancesCmd.class,
      SetRemovalTimeToHistoricDecisionInstancesCmd.class, SetRemovalTimeToHistoricBatchesCmd.class,
      DeleteHistoricBatchCmd.class, DeleteHistoricCaseInstanceCmd.class, DeleteHistoricCaseInstancesBulkCmd.class,
      SetAnnotationForOperationLog.class);

  /** Reads of one comment or attachment of a task, by the task's id and the item's. */
  private static final List<Class<?>> TASK_ITEM_READS = List.of(GetTaskCommentCmd.class, GetTaskAttachmentCmd.class,
      GetTaskAttachmentContentCmd.class);

  private final ProcessEngineConfigurationImpl engine;
  /** Parsed forms by the SHA-256 of their deployed content (a redeployed form is a new entry). */
  private final Map<String, FormContract> contracts = new ConcurrentHashMap<>();

  SubmissionGuard(ProcessEngineConfigurationImpl engine) {
    this.engine = engine;
  }

  @Override
  public <T> T execute(Command<T> command) {
    // only the outermost command of a REST call: what it runs inside (delegates, listeners) is ours
    if (Context.getCommandContext() == null && EngineApiCalls.inProgress()) {
      if (isAny(command, TASK_ITEM_READS) && !visibleTask(field(command, "taskId"))) {
        // a comment or attachment read by its id with the id of a task the caller cannot see (another
        // client's): nothing, exactly as an unknown id (Camunda looked the item up without the task)
        return null;
      }
      check(command);
    }
    return next.execute(command);
  }

  private void check(Command<?> command) {
    if (isAny(command, HOLDER_CHANGES)) {
      throw Refusal.of(TASK_HOLDERS, List.of());
    } else if (command instanceof SubmitTaskFormCmd) {
      taskSubmission(field(command, "taskId"), field(command, "properties"));
    } else if (command instanceof CompleteTaskCmd) {
      taskSubmission(field(command, "taskId"), field(command, "variables"));
    } else if (command instanceof SubmitStartFormCmd) {
      startSubmission(field(command, "processDefinitionId"), null, null, field(command, "variables"));
    } else if (command instanceof StartProcessInstanceCmd) {
      ProcessInstantiationBuilderImpl start = field(command, "instantiationBuilder");
      if (start.getCaseInstanceId() != null) {
        throw Refusal.of(STEPS, List.of("caseInstanceId : ne s'écrit pas")); // a link to a case of another engine
      }
      startSubmission(start.getProcessDefinitionId(), start.getProcessDefinitionKey(),
          start.getProcessDefinitionTenantId(), start.getVariables());
    } else if (isAny(command, VARIABLE_WRITES)) {
      throw Refusal.of(VARIABLES, variableNames(command));
    } else if (isAny(command, STEP_CHANGES)) {
      throw Refusal.of(STEPS, List.of());
    } else if (isAny(command, MESSAGE_SENDS)) {
      throw Refusal.of(MESSAGES, List.of());
    } else if (isAny(command, DEADLINE_CHANGES)) {
      throw Refusal.of(DEADLINES, List.of());
    } else if (isAny(command, HISTORY_DELETIONS)) {
      throw Refusal.of(HISTORY, List.of());
    } else if (command instanceof SaveTaskCmd) {
      taskUpdate(field(command, "task"));
    } else if (isAny(command, COMMENT_CHANGES) || isAny(command, ATTACHMENT_CHANGES)) {
      throw Refusal.of(isAny(command, COMMENT_CHANGES) ? COMMENTS : ATTACHMENTS, List.of());
    } else if (isAny(command, RUNNING_CHANGES)) {
      throw Refusal.of(RUNNING, List.of());
    } else if (command instanceof AbstractUpdateProcessInstancesSuspendStateCmd<?>
        && Boolean.TRUE.equals(optionalField(command, "suspending"))) {
      throw Refusal.of(RUNNING, List.of());
    } else if (command instanceof ClaimTaskCmd || command instanceof AssignTaskCmd) {
      assignment(field(command, "taskId"), field(command, "userId"));
    } else if (command instanceof AbstractAddIdentityLinkCmd) {
      throw Refusal.of(TASK_HOLDERS, List.of()); // a candidate, an owner or an assignee through /identity-links
    } else if (command instanceof AddCommentCmd) {
      comment(field(command, "taskId"), field(command, "processInstanceId"));
    } else if (command instanceof SetJobRetriesCmd || command instanceof AbstractSetJobsRetriesBatchCmd) {
      if (Boolean.TRUE.equals(optionalField(command, "isDueDateSet"))) {
        throw Refusal.of(DEADLINES, List.of());
      }
      if (((Number) optionalField(command, "retries")).intValue() <= 0) {
        throw Refusal.of(JOBS, List.of("nombre d'essais : supérieur à 0 attendu"));
      }
    } else if (command instanceof DeleteBatchCmd && Boolean.TRUE.equals(optionalField(command, "cascadeToHistory"))) {
      throw Refusal.of(HISTORY, List.of());
    } else if (command instanceof UpdateProcessDefinitionHistoryTimeToLiveCmd) {
      String id = field(command, "processDefinitionId");
      ProcessDefinition definition = id == null ? null
          : engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionId(id).singleResult();
      retention(definition == null ? null : definition.getHistoryTimeToLive(), field(command, "historyTimeToLive"));
    } else if (command instanceof UpdateDecisionDefinitionHistoryTimeToLiveCmd) {
      String id = field(command, "decisionDefinitionId");
      DecisionDefinition definition = id == null ? null
          : engine.getRepositoryService().createDecisionDefinitionQuery().decisionDefinitionId(id).singleResult();
      retention(definition == null ? null : definition.getHistoryTimeToLive(), field(command, "historyTimeToLive"));
    }
  }

  /**
   * A task is claimed by, or assigned to, one of its candidates: a member of one of its candidate
   * groups (or a candidate user) and, for a client's task, of that client. Giving a task back
   * (no user) stays open. A task the caller cannot see is left to the engine (unknown id).
   */
  private void assignment(String taskId, String userId) {
    if (taskId == null || userId == null) {
      return;
    }
    Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
    if (task == null) {
      return;
    }
    if (!isCandidate(task, userId)) {
      throw Refusal.of(TASK_HOLDERS, List.of("« " + userId + " » n'est pas candidat à la tâche « " + task.getName() + " »"));
    }
  }

  /** A comment on a task, by someone who may work it (a candidate or its assignee); none on a whole case. */
  private void comment(String taskId, String processInstanceId) {
    if (taskId == null) {
      throw Refusal.of(COMMENTS, List.of());
    }
    Authentication caller = engine.getIdentityService().getCurrentAuthentication();
    if (caller == null) {
      return;
    }
    // a task the caller cannot see (unknown, another client's) is refused alike: the same answer
    Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
    if (task == null || (processInstanceId != null && !processInstanceId.equals(task.getProcessInstanceId()))
        || (!caller.getUserId().equals(task.getAssignee()) && !isCandidate(task, caller.getUserId()))) {
      throw Refusal.of(COMMENTS, List.of());
    }
  }

  private static void retention(Integer current, Integer requested) {
    if (current != null && requested != null && requested < current) {
      throw Refusal.of(RETENTION, List.of("durée de conservation : " + current + " jours au moins"));
    }
  }

  /** Whether the caller sees the task: as a task they may work, or in the history of their client's cases. */
  private boolean visibleTask(String taskId) {
    return taskId == null || engine.getTaskService().createTaskQuery().taskId(taskId).count() > 0
        || engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).count() > 0;
  }

  private boolean isCandidate(Task task, String userId) {
    return withoutChecks(context -> {
      List<IdentityLink> links = engine.getTaskService().getIdentityLinksForTask(task.getId());
      List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(userId).list().stream()
          .map(org.camunda.bpm.engine.identity.Group::getId).toList();
      boolean candidate = links.stream().filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
          .anyMatch(link -> userId.equals(link.getUserId()) || (link.getGroupId() != null && groups.contains(link.getGroupId())));
      if (!candidate || task.getTenantId() == null) {
        return candidate;
      }
      return engine.getIdentityService().createTenantQuery().userMember(userId).includingGroupsOfUser(true)
          .tenantId(task.getTenantId()).count() > 0;
    });
  }

  /** A task's completion: only its form's input fields, only when the caller may see the task at all. */
  private void taskSubmission(String taskId, Map<String, Object> variables) {
    if (taskId == null) {
      return;
    }
    Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
    if (task == null) {
      return; // the engine answers, exactly as for an unknown task
    }
    if (task.getDelegationState() == DelegationState.PENDING) {
      throw Refusal.of(TASK_HOLDERS, List.of()); // a delegate's submission would skip the decision's owner
    }
    FormContract form = contract(context -> new GetDeployedTaskFormCmd(taskId).execute(context));
    // a submission with nothing in it still leaves no required field of its form empty
    form.check(variables == null ? new java.util.HashMap<>() : variables, "Formulaire « " + task.getName() + " » refusé",
        name -> withoutChecks(context -> engine.getTaskService().getVariableTyped(taskId, name, false)));
  }

  /** A start: only the start form's input fields, only for someone who may start that process. */
  private void startSubmission(String definitionId, String key, String tenantId, Map<String, Object> variables) {
    ProcessDefinition definition = withoutChecks(context -> {
      var query = engine.getRepositoryService().createProcessDefinitionQuery();
      if (definitionId != null) {
        query.processDefinitionId(definitionId);
      } else if (key != null) {
        query.processDefinitionKey(key).latestVersion();
        if (tenantId != null) {
          query.tenantIdIn(tenantId);
        }
      } else {
        return null;
      }
      List<ProcessDefinition> found = query.list();
      return found.size() == 1 ? found.get(0) : null;
    });
    if (definition == null || !mayStart(definition)) {
      return; // the engine answers: unknown definition, or not allowed to start it
    }
    FormContract form = contract(context -> new GetDeployedStartFormCmd(definition.getId()).execute(context));
    form.check(variables == null ? new java.util.HashMap<>() : variables, "Formulaire de démarrage « " + Objects.requireNonNullElse(definition.getName(), definition.getKey())
        + " » refusé");
  }

  /**
   * PUT /task/{id}: its priority may change (by an administrator); its deadlines, name, description,
   * client, owner, delegation and parent are the procedure's, and its assignee one of its candidates.
   * A new standalone task (no id) is left to the engine (Camunda refuses it: standalone tasks are off).
   */
  private void taskUpdate(TaskEntity changed) {
    if (changed == null) {
      return;
    }
    if (changed.getId() == null || changed.getRevision() == 0) {
      throw Refusal.of(TASK_CREATION, List.of()); // POST /task/create: a task outside any procedure
    }
    Task stored = engine.getTaskService().createTaskQuery().taskId(changed.getId()).singleResult();
    if (stored == null) {
      return; // unknown, or not the caller's to see: the engine answers
    }
    if (!Objects.equals(time(stored.getDueDate()), time(changed.getDueDate()))
        || !Objects.equals(time(stored.getFollowUpDate()), time(changed.getFollowUpDate()))) {
      throw Refusal.of(DEADLINES, List.of());
    }
    List<String> fields = new ArrayList<>();
    if (!Objects.equals(stored.getName(), changed.getName())) {
      fields.add("name");
    }
    if (!Objects.equals(stored.getDescription(), changed.getDescription())) {
      fields.add("description");
    }
    if (!Objects.equals(stored.getTenantId(), changed.getTenantId())) {
      fields.add("tenantId");
    }
    if (!Objects.equals(stored.getOwner(), changed.getOwner())) {
      fields.add("owner");
    }
    if (!Objects.equals(stored.getDelegationState(), changed.getDelegationState())) {
      fields.add("delegationState");
    }
    if (!Objects.equals(stored.getParentTaskId(), changed.getParentTaskId())) {
      fields.add("parentTaskId");
    }
    if (!fields.isEmpty()) {
      throw Refusal.of(TASK_FIELDS, List.of("champs " + String.join(", ", fields)));
    }
    if (!Objects.equals(stored.getAssignee(), changed.getAssignee())) {
      assignment(stored.getId(), changed.getAssignee());
    }
  }

  private boolean mayStart(ProcessDefinition definition) {
    Authentication caller = engine.getIdentityService().getCurrentAuthentication();
    if (caller == null) {
      return true;
    }
    return withoutChecks(context -> engine.getAuthorizationService().isUserAuthorized(caller.getUserId(),
        caller.getGroupIds(), Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, definition.getKey()));
  }

  /** The contract of a deployed Camunda Form, or "nothing may be written" when there is none. */
  private FormContract contract(Command<InputStream> deployedForm) {
    byte[] content = withoutChecks(context -> {
      try (InputStream in = deployedForm.execute(context)) {
        return in.readAllBytes();
      } catch (ProcessEngineException e) {
        return null; // no Camunda Form on this task or start event
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    if (content == null) {
      return FormContract.none();
    }
    return contracts.computeIfAbsent(sha256(content), hash -> {
      try {
        return FormContract.parse(new ByteArrayInputStream(content));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** Reads what the guard needs itself, whatever the caller may see (the caller's visibility is checked before). */
  private <T> T withoutChecks(Command<T> read) {
    return engine.getCommandExecutorTxRequired().execute((CommandContext context) -> {
      context.disableAuthorizationCheck();
      context.disableTenantCheck();
      return read.execute(context);
    });
  }

  private static List<String> variableNames(Command<?> command) {
    TreeSet<String> names = new TreeSet<>();
    for (String field : List.of("variables", "variableNames", "deletions")) {
      Object value = optionalField(command, field);
      if (value instanceof Map<?, ?> map) {
        map.keySet().forEach(k -> names.add(String.valueOf(k)));
      } else if (value instanceof Collection<?> list) {
        list.forEach(k -> names.add(String.valueOf(k)));
      }
    }
    return names.isEmpty() ? List.of() : List.of("variables " + String.join(", ", names));
  }

  private static boolean isAny(Command<?> command, List<Class<?>> types) {
    return types.stream().anyMatch(type -> type.isInstance(command));
  }

  private static Long time(java.util.Date date) {
    return date == null ? null : date.getTime();
  }

  @SuppressWarnings("unchecked")
  private static <T> T field(Object target, String name) {
    Object value = optionalField(target, name);
    return (T) value;
  }

  /** A field of an engine command (they keep their input in protected fields, without getters). */
  private static Object optionalField(Object target, String name) {
    for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(target);
      } catch (NoSuchFieldException e) {
        // look in the superclass
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
    return null;
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every engine command type the guard knows, for the test that checks they still exist in this engine version. */
  static List<Class<?>> knownCommands() {
    List<Class<?>> all = new ArrayList<>(List.of(SubmitTaskFormCmd.class, CompleteTaskCmd.class, SubmitStartFormCmd.class,
        StartProcessInstanceCmd.class, SaveTaskCmd.class));
    all.addAll(VARIABLE_WRITES);
    all.addAll(STEP_CHANGES);
    all.addAll(MESSAGE_SENDS);
    all.addAll(DEADLINE_CHANGES);
    all.addAll(HISTORY_DELETIONS);
    all.addAll(HOLDER_CHANGES);
    all.addAll(COMMENT_CHANGES);
    all.addAll(ATTACHMENT_CHANGES);
    all.addAll(RUNNING_CHANGES);
    all.addAll(List.of(AbstractUpdateProcessInstancesSuspendStateCmd.class, ClaimTaskCmd.class, AssignTaskCmd.class,
        AbstractAddIdentityLinkCmd.class, AddCommentCmd.class, DeleteBatchCmd.class, GetTaskCommentCmd.class,
        GetTaskAttachmentCmd.class, GetTaskAttachmentContentCmd.class, SetJobRetriesCmd.class, AbstractSetJobsRetriesBatchCmd.class,
        UpdateProcessDefinitionHistoryTimeToLiveCmd.class,
        UpdateDecisionDefinitionHistoryTimeToLiveCmd.class));
    return all;
  }
}
