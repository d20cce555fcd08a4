package com.mileotech.cyber.security;

import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * Camunda's task service, except that the person a task is assigned to may give it back to its
 * candidates (assignee to nobody), which Camunda lets only those who may assign the task do
 * (TASK_ASSIGN or UPDATE): candidates get TASK_WORK only (AccessPolicy), so Tasklist's « Libérer »
 * ({@code POST /task/{id}/unclaim}) answered 403 to everyone but administrators.
 *
 * <p>A give-back ({@code setAssignee(id, null)}: /unclaim, /assignee with a null user, Tasklist's
 * « Libérer » and its reset of the assignee) is checked as a claim is (TASK_WORK on the task, and
 * the tenant) when the authenticated user is the task's assignee and the task has candidates to
 * go back to; the command, its user operation log entry (Assign, assignee to nothing, the user's
 * id) and its writes are Camunda's own. Anything else is Camunda's unchanged check: unassigning
 * someone else, assigning to anyone, a task with no candidate (it would belong to nobody).
 *
 * <p>Camunda's claim, which it checks with TASK_WORK only, is narrowed to what a claim means:
 * claiming for oneself, or giving back one's own task ({@code claim(id, null)}). Claiming for
 * someone else, or clearing another's claim, is an assignment and checked as one: otherwise a
 * candidate could clear another's claim ({@code POST /task/{id}/claim} with a null user) and an
 * assignee hand their task to anyone (give back, then claim for them).
 *
 * <p>Engine-level, as Camunda's check is: every path that reaches the task service (/engine-rest,
 * the webapps' /camunda/api/engine, our own code) follows the same rule. Without an authenticated
 * user (jobs, the application's own steps) nothing changes. Another client's task is not found
 * before any check (TenantScopedEntityManager), as for an unknown id.
 */
class TaskGiveBack extends TaskServiceImpl {

  @Override
  public void setAssignee(String taskId, String userId) {
    commandExecutor.execute(userId == null ? new GiveBackCmd(taskId) : new AssignTaskCmd(taskId, userId));
  }

  @Override
  public void claim(String taskId, String userId) {
    commandExecutor.execute(new ClaimCmd(taskId, userId));
  }

  /** Whether the authenticated user is giving back their own task to its candidates. */
  static boolean isGiveBack(TaskEntity task, CommandContext context) {
    String user = context.getAuthenticatedUserId();
    return user != null && user.equals(task.getAssignee()) && !task.getCandidates().isEmpty();
  }

  private static void checkWork(TaskEntity task, CommandContext context) {
    for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
      checker.checkTaskWork(task);
    }
  }

  private static void checkAssign(TaskEntity task, CommandContext context) {
    for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
      checker.checkTaskAssign(task);
    }
  }

  /** Camunda's unclaim (AssignTaskCmd to nobody), checked as a claim for the assignee themself. */
  static final class GiveBackCmd extends AssignTaskCmd {

    private static final long serialVersionUID = 1L;

    GiveBackCmd(String taskId) {
      super(taskId, null);
    }

    @Override
    protected void checkTaskAgainstContext(TaskEntity task, CommandContext context) {
      if (isGiveBack(task, context)) {
        checkWork(task, context);
      } else {
        super.checkTaskAgainstContext(task, context);
      }
    }
  }

  /** Camunda's claim, for oneself; for anyone else an assignment. */
  static final class ClaimCmd extends ClaimTaskCmd {

    private static final long serialVersionUID = 1L;

    ClaimCmd(String taskId, String userId) {
      super(taskId, userId);
    }

    @Override
    protected void checkClaimTask(TaskEntity task, CommandContext context) {
      String user = context.getAuthenticatedUserId();
      boolean forThemself = userId != null ? userId.equals(user) : isGiveBack(task, context);
      if (user == null || forThemself) {
        checkWork(task, context);
      } else {
        checkAssign(task, context);
      }
    }
  }
}
