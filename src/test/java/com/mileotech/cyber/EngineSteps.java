package com.mileotech.cyber;

import static org.assertj.core.api.Assertions.assertThat;

import com.mileotech.cyber.security.Groups;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The engine as tests drive it, whatever the process: people start a process by its start form and
 * submit their tasks' forms as themselves (user, groups, client tenants), and the jobs that are due
 * run as the job executor (off in tests) would run them. What each form submits comes from the
 * process's form driver ({@code IncidentForms}, {@code NotificationForms}, {@code CommissioningForms},
 * {@code UpdateForms}); this class only drives. Shared by the scenario tests' bases, the dashboard's
 * year of data, the access matrix and the browser tests (docs/development.md, "Test fixtures").
 *
 * <p>An instance's <em>family</em> is the instance and every instance it called, at any depth: a
 * notification's reports run in regulatory-report, a security update's clients in
 * security-update-client, a replacement plan in equipment-replacement. Tasks are found and jobs run
 * across the family.
 */
@Component
public class EngineSteps {

  /** Jobs without a due date (asynchronous continuations) are due now: they come before any timer. */
  private static final Comparator<Job> EARLIEST_FIRST =
      Comparator.comparing(Job::getDuedate, Comparator.nullsFirst(Comparator.naturalOrder()));

  /**
   * Who acts: a user, the groups the engine sees them in and the tenants they belong to (staff belong
   * to every client's tenant, a client's RSSI to their client's only).
   */
  public record Person(String userId, List<String> groupIds, List<String> tenantIds) {

    public Person {
      groupIds = List.copyOf(groupIds);
      tenantIds = List.copyOf(tenantIds);
    }

    public static Person of(String userId, Groups group, List<String> tenantIds) {
      return new Person(userId, List.of(group.id()), tenantIds);
    }

    public static Person of(String userId, Groups group, String tenantId) {
      return of(userId, group, List.of(tenantId));
    }
  }

  private final ProcessEngine engine;

  public EngineSteps(ProcessEngine engine) {
    this.engine = engine;
  }

  // ------------------------------------------------------------------ people

  /** Runs {@code work} authenticated as {@code person}, as Tasklist or the REST API would. */
  public <T> T as(Person person, Supplier<T> work) {
    IdentityService identity = engine.getIdentityService();
    identity.setAuthentication(person.userId(), person.groupIds(), person.tenantIds());
    try {
      return work.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  public void as(Person person, Runnable work) {
    as(person, () -> {
      work.run();
      return null;
    });
  }

  /** Starts the latest version of the process by its start form, submitted as {@code person}. */
  public ProcessInstance start(String processKey, Person person, Map<String, Object> form) {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(processKey)
        .latestVersion().singleResult().getId();
    return as(person, () -> engine.getFormService().submitStartForm(definitionId, form));
  }

  /**
   * Submits the form of the open task {@code taskKey} of the instance or an instance it called, as
   * {@code person} (the way Tasklist does: the engine sees them as the authenticated user). Runs no job.
   */
  public void submit(String processInstanceId, String taskKey, Person person, Map<String, Object> form) {
    Task task = task(processInstanceId, taskKey);
    as(person, () -> engine.getFormService().submitTaskForm(task.getId(), form));
  }

  public void submit(ProcessInstance pi, String taskKey, Person person, Map<String, Object> form) {
    submit(pi.getId(), taskKey, person, form);
  }

  // ------------------------------------------------------------------ tasks and instances

  /** The open task {@code taskKey} of the instance or of an instance it called; null when there is none. */
  public Task findTask(String processInstanceId, String taskKey) {
    return engine.getTaskService().createTaskQuery()
        .processInstanceIdIn(family(processInstanceId).toArray(String[]::new)).taskDefinitionKey(taskKey).singleResult();
  }

  /** The open task {@code taskKey} of the instance or of an instance it called, which must be there. */
  public Task task(String processInstanceId, String taskKey) {
    Task task = findTask(processInstanceId, taskKey);
    assertThat(task).as("task %s open in %s or an instance it called", taskKey, processInstanceId).isNotNull();
    return task;
  }

  public Task task(ProcessInstance pi, String taskKey) {
    return task(pi.getId(), taskKey);
  }

  /**
   * The open task {@code taskKey} of the case {@code businessKey}: its instance or one it called
   * (called instances get their caller's business key: each report of a notification runs in
   * regulatory-report under the notification's key); null when there is none.
   */
  public Task caseTask(String businessKey, String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey)
        .taskDefinitionKey(taskKey).singleResult();
  }

  /** The instance and every instance it called, at any depth, callers first. */
  public List<String> family(String processInstanceId) {
    List<String> ids = new ArrayList<>(List.of(processInstanceId));
    for (int i = 0; i < ids.size(); i++) {
      engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(ids.get(i)).list()
          .forEach(called -> ids.add(called.getId()));
    }
    return ids;
  }

  /** The tenant of a running instance: its client's id. */
  public String tenant(String processInstanceId) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
        .getTenantId();
  }

  public String tenant(ProcessInstance pi) {
    return tenant(pi.getId());
  }

  /** The timer job waiting at {@code activityId} (a boundary or intermediate timer event) of the instance. */
  public Job timer(String processInstanceId, String activityId) {
    return engine.getManagementService().createJobQuery().processInstanceId(processInstanceId).activityId(activityId)
        .timers().singleResult();
  }

  // ------------------------------------------------------------------ jobs

  /**
   * Runs the jobs of the family that are due now (engine clock), one at a time and earliest first
   * (asynchronous continuations, which have no due date, before timers), including the jobs they lead
   * to as soon as those are due, until none is due: later timers stay. One at a time because a job
   * may cancel another (a timer that ends a period removes its reminder); a job run once at its due
   * date is not run again.
   *
   * @throws AssertionError when jobs keep coming (a timer cycle due again and again)
   */
  public void runDueJobs(String processInstanceId) {
    runDueJobs(() -> family(processInstanceId));
  }

  public void runDueJobs(ProcessInstance pi) {
    runDueJobs(pi.getId());
  }

  /**
   * The same over the instances {@code instances} gives, asked again before each job (for instances
   * related otherwise than by a call: the re-verifications a security incident starts).
   */
  public void runDueJobs(Supplier<List<String>> instances) {
    ManagementService management = engine.getManagementService();
    Set<String> run = new HashSet<>();
    for (int guard = 0; guard < 100; guard++) {
      Job next = instances.get().stream()
          .flatMap(id -> management.createJobQuery().processInstanceId(id).executable().list().stream())
          .filter(job -> !run.contains(job.getId() + "@" + job.getDuedate()))
          .min(EARLIEST_FIRST).orElse(null);
      if (next == null) {
        return;
      }
      run.add(next.getId() + "@" + next.getDuedate());
      management.executeJob(next.getId());
    }
    throw new AssertionError("jobs keep coming in " + instances.get());
  }
}
