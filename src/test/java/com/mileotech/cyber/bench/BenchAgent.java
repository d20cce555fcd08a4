package com.mileotech.cyber.bench;

import com.mileotech.cyber.TestUsers;
import com.mileotech.cyber.bench.IncidentSteps.Role;
import com.mileotech.cyber.client.Client;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.client.ClientService;
import com.mileotech.cyber.client.ContractType;
import com.mileotech.cyber.client.RegulatoryRegime;
import com.mileotech.cyber.commissioning.CommissioningForms;
import com.mileotech.cyber.security.Groups;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.management.Metrics;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The benchmark's hands inside one application node: drives processes through the engine's Java
 * API as Tasklist's users would (each task submitted by an authenticated user of the right group
 * and client tenant), seeds data, reads timings back from the engine's history and the mail
 * outbox. One command in, one result out (see {@link BenchNode}).
 */
final class BenchAgent {

  static final String TECH = "bench.tech";
  static final String PM = "bench.pm";
  static final String REFERENT = "bench.referent";
  static final String BARE = "bench-bare";
  static final String TIMER = "bench-timer";
  static final String DEADLINE = "bench-deadline";
  /**
   * The deadline's timers without the product: the same user task, the same two boundary timers,
   * the reminder cycle re-armed when due, the reminder's service task with its input parameter
   * (one variable and its history, as ours), but the step does nothing (an expression). What
   * Camunda alone costs per reminder job: the storm's floor (docs/bench.md, "The storm's floor").
   */
  static final String BARE_DEADLINE = "bench-bare-deadline";
  static final String BARE_REMINDER = "Task_BareReminder";
  static final String SITE = "site-a";

  private final ProcessEngine engine;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private String touched;
  private final FormService forms;
  private final ManagementService management;
  private final IdentityService identity;
  private final RepositoryService repository;
  private final AuthorizationService authorizations;
  private final ClientService clientService;
  private final ClientRepository clientRepository;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final String nodeId;
  private final AtomicLong sequence = new AtomicLong();
  private volatile List<String> clients = List.of();
  private final CaseSignals signals = new CaseSignals();

  BenchAgent(ApplicationContext context, String nodeId) {
    this.engine = context.getBean(ProcessEngine.class);
    this.runtime = engine.getRuntimeService();
    this.tasks = engine.getTaskService();
    this.forms = engine.getFormService();
    this.management = engine.getManagementService();
    this.identity = engine.getIdentityService();
    this.repository = engine.getRepositoryService();
    this.authorizations = engine.getAuthorizationService();
    this.clientService = context.getBean(ClientService.class);
    this.clientRepository = context.getBean(ClientRepository.class);
    this.jdbc = context.getBean(JdbcTemplate.class);
    this.transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    this.nodeId = nodeId;
    ((org.springframework.context.ConfigurableApplicationContext) context).addApplicationListener(signals);
  }

  Map<String, Object> handle(Map<String, Object> command) throws Exception {
    String op = (String) command.get("op");
    return switch (op) {
      case "setup" -> setup(integer(command, "clients"));
      case "lifecycle" -> lifecycle((String) command.get("kind"), integer(command, "count"), integer(command, "drivers"),
          command.containsKey("memoryProbeAfter") ? integer(command, "memoryProbeAfter") : 0);
      case "checklists" -> checklists(integer(command, "count"), integer(command, "drivers"));
      case "timers" -> timers((String) command.get("tag"), integer(command, "count"), longValue(command, "from"),
          longValue(command, "to"));
      case "timerLags" -> timerLags((String) command.get("tag"));
      case "seedTasklists" -> seedTasklists(integer(command, "incidents"), integer(command, "checklists"),
          integer(command, "drivers"), integer(command, "batch"));
      case "seedDeadlines" -> seedDeadlines((String) command.get("tag"), integer(command, "count"),
          longValue(command, "startedAt"), integer(command, "drivers"), integer(command, "batch"));
      case "reminders" -> reminders((String) command.get("tag"));
      case "seedBareDeadlines" -> seedBareDeadlines((String) command.get("tag"), integer(command, "count"),
          longValue(command, "dueAt"), integer(command, "drivers"), integer(command, "batch"));
      case "bareRemindersDue" -> Map.of("due", bareRemindersDue());
      case "bareReminders" -> bareReminders((String) command.get("tag"), longValue(command, "dueAt"));
      case "jobExecutor" -> jobExecutor(Boolean.TRUE.equals(command.get("active")));
      case "touchTask" -> touchTask((String) command.get("user"));
      case "clearDeadlines" -> clearDeadlines();
      case "memory" -> memory();
      // CPU time of this node's whole process (every thread, the database's when it is H2), in ns
      case "cpu" -> Map.of("processCpuNs",
          ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime());
      case "dbInfo" -> dbInfo();
      case "sql" -> Map.of("rows", jdbc.queryForList((String) command.get("sql")));
      case "statementCounters" -> statementCounters(Boolean.TRUE.equals(command.get("reset")));
      case "execute" -> {
        jdbc.execute((String) command.get("sql"));
        yield Map.of();
      }
      default -> throw new IllegalArgumentException("unknown op " + op);
    };
  }

  // ---------------------------------------------------------------- set-up

  /** Bench accounts, {@code count} clients (one site, one RSSI each), the bench processes and their grants. Idempotent. */
  private Map<String, Object> setup(int count) {
    long start = System.nanoTime();
    TestUsers.ensure(identity, TECH, Groups.TECHNICIANS);
    TestUsers.ensure(identity, PM, Groups.PROJECT_MANAGERS);
    TestUsers.ensure(identity, REFERENT, Groups.CYBER_REFERENT);
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      String id = clientId(i);
      ids.add(id);
      String rssi = rssi(id);
      TestUsers.ensure(identity, rssi, Groups.CLIENT_RSSI);
      if (!clientRepository.exists(id)) {
        clientService.create(new Client(id, "Client du banc " + i, RegulatoryRegime.NONE,
            new Client.Contract(ContractType.STANDARD, LocalDate.of(2025, 1, 1), LocalDate.of(2035, 12, 31)),
            List.of(new Client.Contact("RSSI " + i, rssi + "@bench.example", null, rssi)), null,
            List.of(new Client.Site(SITE, "Site A", "1 rue du Banc, 69000 Lyon"))));
      }
    }
    clients = ids;
    deployBenchProcesses();
    return Map.of("seconds", seconds(start), "clients", ids.size());
  }

  private void deployBenchProcesses() {
    if (repository.createProcessDefinitionQuery().processDefinitionKey(BARE_DEADLINE).count() == 0) {
      deployBareDeadline();
    }
    if (repository.createProcessDefinitionQuery().processDefinitionKey(TIMER).count() > 0) {
      return; // the other node did it
    }
    AbstractFlowNodeBuilder<?, ?> bare = Bpmn.createExecutableProcess(BARE).camundaHistoryTimeToLive(1).startEvent();
    for (int i = 1; i <= IncidentSteps.STEPS.size(); i++) {
      bare = bare.userTask("Task_" + i).name("Tâche " + i).camundaCandidateGroups(Groups.TECHNICIANS.id());
    }
    BpmnModelInstance timer = Bpmn.createExecutableProcess(TIMER).camundaHistoryTimeToLive(1).startEvent()
        .intermediateCatchEvent("Event_Due").timerWithDate("${dueAt}").endEvent().done();
    // the deadline mechanism exactly as the product's processes use it (docs: "Deadline mechanism")
    BpmnModelInstance deadline = Bpmn.createExecutableProcess(DEADLINE).camundaHistoryTimeToLive(1).startEvent()
        .serviceTask("Task_SetDeadline").camundaDelegateExpression("${setDeadline}")
        .camundaInputParameter("deadline", "bench").camundaInputParameter("rule", "cnil-notification")
        .camundaInputParameter("from", "${awareAt}")
        .userTask("Task_Notify").name("Rédiger la notification").camundaCandidateGroups(Groups.CYBER_REFERENT.id())
        .camundaDueDate("${benchDueAt}").camundaFollowUpDate("${deadlines.nextReminderAt(execution, 'bench')}")
        .endEvent()
        .moveToActivity("Task_Notify").boundaryEvent("Event_Reminder").cancelActivity(false)
        .timerWithCycle("${deadlines.reminderCycle(execution, 'bench')}")
        .serviceTask("Task_SendReminder").camundaDelegateExpression("${sendReminder}")
        .camundaInputParameter("deadline", "bench").endEvent()
        .moveToActivity("Task_Notify").boundaryEvent("Event_Overdue").cancelActivity(false).timerWithDate("${benchDueAt}")
        .serviceTask("Task_Escalate").camundaDelegateExpression("${escalateDeadline}")
        .camundaInputParameter("deadline", "bench").endEvent()
        .done();
    repository.createDeployment().name("bench").addModelInstance(BARE + ".bpmn", bare.endEvent().done())
        .addModelInstance(TIMER + ".bpmn", timer).addModelInstance(DEADLINE + ".bpmn", deadline).deploy();
    for (Groups group : List.of(Groups.TECHNICIANS, Groups.CYBER_REFERENT)) {
      for (String process : List.of(BARE, TIMER, DEADLINE)) {
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(group.id());
        grant.setResource(Resources.PROCESS_DEFINITION);
        grant.setResourceId(process);
        grant.addPermission(Permissions.READ);
        grant.addPermission(Permissions.CREATE_INSTANCE);
        authorizations.saveAuthorization(grant);
      }
    }
  }

  private void deployBareDeadline() {
    // Camunda's built-in now() is its clock: the cycle is the due instant while it lies ahead,
    // then parked, as Deadlines.reminderCycle re-arms ours (reevaluate-time-cycle-when-due)
    BpmnModelInstance bareDeadline = Bpmn.createExecutableProcess(BARE_DEADLINE).camundaHistoryTimeToLive(1)
        .startEvent()
        .userTask("Task_Notify").name("Rédiger la notification").camundaCandidateGroups(Groups.CYBER_REFERENT.id())
        .camundaDueDate("${benchDueAt}").camundaFollowUpDate("${bareDueAt}")
        .endEvent()
        .moveToActivity("Task_Notify").boundaryEvent("Event_Reminder").cancelActivity(false)
        .timerWithCycle("${bareDueAt.after(now()) ? bareCycle : 'R1/9999-12-31T00:00:00Z/PT1M'}")
        .serviceTask(BARE_REMINDER).camundaExpression("${true}").camundaInputParameter("deadline", "bench")
        .endEvent()
        .moveToActivity("Task_Notify").boundaryEvent("Event_Overdue").cancelActivity(false).timerWithDate("${benchDueAt}")
        .serviceTask("Task_BareEscalate").camundaExpression("${true}").endEvent()
        .done();
    repository.createDeployment().name("bench-bare-deadline").addModelInstance(BARE_DEADLINE + ".bpmn", bareDeadline)
        .deploy();
  }

  static String clientId(int i) {
    return String.format("bench-%03d", i);
  }

  static String rssi(String clientId) {
    return "rssi." + clientId.replace("-", "");
  }

  private List<String> clients() {
    if (clients.isEmpty()) {
      clients = jdbcList("select id from client where id like 'bench-%' order by id");
    }
    return clients;
  }

  private List<String> jdbcList(String sql) {
    return jdbc.queryForList(sql, String.class);
  }

  // ---------------------------------------------------------------- acting as people

  private <T> T as(Role role, String clientId, Supplier<T> action) {
    switch (role) {
      case TECH -> identity.setAuthentication(TECH, List.of(Groups.TECHNICIANS.id()), clients());
      case PM -> identity.setAuthentication(PM, List.of(Groups.PROJECT_MANAGERS.id()), clients());
      case REFERENT -> identity.setAuthentication(REFERENT, List.of(Groups.CYBER_REFERENT.id()), clients());
      case RSSI -> identity.setAuthentication(rssi(clientId), List.of(Groups.CLIENT_RSSI.id()), List.of(clientId));
    }
    try {
      return action.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  // ---------------------------------------------------------------- 1. lifecycle throughput

  /**
   * {@code count} instances on {@code drivers} threads. With {@code memoryProbeAfter} > 0, the
   * driver that completes that many-th instance measures the heap after a full GC there and then,
   * while the other drivers go on: a sample under load that every round takes (timing it from
   * outside missed it when the round ended first, on a loaded machine).
   */
  private Map<String, Object> lifecycle(String kind, int count, int drivers, int memoryProbeAfter) throws Exception {
    boolean incident = "incident".equals(kind);
    AtomicInteger finished = new AtomicInteger();
    AtomicReference<Map<String, Object>> probe = new AtomicReference<>();
    String definitionId = repository.createProcessDefinitionQuery()
        .processDefinitionKey(incident ? IncidentSteps.PROCESS : BARE).latestVersion().singleResult().getId();
    AtomicInteger userTasks = new AtomicInteger();
    AtomicInteger retries = new AtomicInteger();
    List<String> clientIds = clients();
    Result result = run(count, drivers, i -> {
      String clientId = clientIds.get((int) (sequence.incrementAndGet() % clientIds.size()));
      if (incident) {
        userTasks.addAndGet(driveIncident(definitionId, clientId, retries));
      } else {
        userTasks.addAndGet(driveBare(definitionId, clientId));
      }
      if (finished.incrementAndGet() == memoryProbeAfter) {
        probe.set(memory());
      }
    });
    Map<String, Object> out = result.toMap();
    if (probe.get() != null) {
      out.put("memoryUnderLoad", probe.get());
    }
    out.put("userTasksPerInstance", count == 0 ? 0 : userTasks.get() / (double) count);
    out.put("optimisticLockingRetries", retries.get());
    return out;
  }

  private int driveIncident(String definitionId, String clientId, AtomicInteger retries) {
    ProcessInstance pi = as(Role.TECH, clientId,
        () -> forms.submitStartForm(definitionId, IncidentSteps.reportForm(clientId, SITE)));
    signals.follow(pi.getId());
    try {
      return driveCase(pi, clientId, retries);
    } finally {
      signals.forget(pi.getId());
    }
  }

  private int driveCase(ProcessInstance pi, String clientId, AtomicInteger retries) {
    int done = 0;
    int conflicts = 0;
    boolean monitoringEnded = false;
    long giveUp = System.currentTimeMillis() + 600_000;
    // While a job of the case runs, the driver sleeps until the case has a new task or ended
    // (CaseSignals, after the job's commit), 50 ms at most: polling while jobs ran was a fifth to a
    // quarter of the incident's CPU (docs/bench.md, "Lifecycle: where the CPU goes").
    while (true) {
      long seen = signals.version(pi.getId());
      List<Task> open = tasks.createTaskQuery().processInstanceId(pi.getId()).list();
      Task next = open.stream().filter(t -> IncidentSteps.step(t.getTaskDefinitionKey()) != null).findFirst().orElse(null);
      try {
        if (next != null) {
          IncidentSteps.Step step = IncidentSteps.step(next.getTaskDefinitionKey());
          Map<String, Object> form = IncidentSteps.form(step.taskKey(), SITE, Instant.now());
          as(step.role(), clientId, () -> {
            forms.submitTaskForm(next.getId(), form);
            return null;
          });
          done++;
          continue;
        }
        if (!monitoringEnded && open.stream().anyMatch(t -> t.getTaskDefinitionKey().equals("Task_MonitorSystem"))) {
          // 30 days of reinforced monitoring pass: the driver fires the period's end timer
          Job end = management.createJobQuery().processInstanceId(pi.getId())
              .activityId(IncidentSteps.MONITORING_END_TIMER).singleResult();
          if (end != null) {
            management.executeJob(end.getId());
            monitoringEnded = true;
            continue;
          }
        }
      } catch (OptimisticLockingException e) {
        retries.incrementAndGet(); // a job of the same instance ran at the same moment: try again
        continue;
      } catch (org.camunda.bpm.engine.ProcessEngineException e) {
        // e.g. ENGINE-03077: a job of the same instance removed the scope meanwhile; read again
        if (conflicts++ > 20) {
          throw e;
        }
        retries.incrementAndGet();
        pause(20);
        continue;
      }
      if (open.isEmpty() && runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count() == 0) {
        return done;
      }
      if (System.currentTimeMillis() > giveUp) {
        throw new IllegalStateException("incident " + pi.getBusinessKey() + " stuck with tasks "
            + open.stream().map(Task::getTaskDefinitionKey).toList());
      }
      try {
        signals.await(pi.getId(), seen, 50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** The same number of user tasks, each submitted with the same form by an authenticated user; nothing else. */
  private int driveBare(String definitionId, String clientId) {
    ProcessInstance pi = as(Role.TECH, clientId,
        () -> forms.submitStartForm(definitionId, IncidentSteps.reportForm(clientId, SITE)));
    int done = 0;
    for (IncidentSteps.Step step : IncidentSteps.STEPS) {
      Task task = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
      Map<String, Object> form = IncidentSteps.form(step.taskKey(), SITE, Instant.now());
      as(Role.TECH, clientId, () -> {
        forms.submitTaskForm(task.getId(), form);
        return null;
      });
      done++;
    }
    if (runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count() != 0) {
      throw new IllegalStateException("bare instance not ended");
    }
    return done;
  }

  // ---------------------------------------------------------------- 2. checklists

  private Map<String, Object> checklists(int count, int drivers) throws Exception {
    List<String> clientIds = clients();
    AtomicInteger documents = new AtomicInteger();
    Result result = run(count, drivers, i -> {
      String clientId = clientIds.get((int) (sequence.incrementAndGet() % clientIds.size()));
      String serials = nodeId + "-" + sequence.incrementAndGet() + "-" + System.nanoTime();
      ProcessInstance pi = as(Role.TECH, clientId,
          () -> runtime.startProcessInstanceByKey("vms-commissioning", CommissioningForms.start(clientId, SITE, serials)));
      long giveUp = System.currentTimeMillis() + 600_000;
      while (runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count() > 0) {
        Task task = tasks.createTaskQuery().processInstanceId(pi.getId()).list().stream().findFirst().orElse(null);
        if (task != null && task.getTaskDefinitionKey().equals("Task_FillChecklist")) {
          Map<String, Object> form = CommissioningForms.fillAllConforme();
          as(Role.TECH, clientId, () -> {
            tasks.complete(task.getId(), form);
            return null;
          });
        } else if (task != null && task.getTaskDefinitionKey().equals("Task_SignChecklist")) {
          as(Role.TECH, clientId, () -> {
            tasks.complete(task.getId(), CommissioningForms.sign());
            return null;
          });
        } else if (task != null) {
          throw new IllegalStateException("unexpected task " + task.getTaskDefinitionKey());
        } else if (System.currentTimeMillis() > giveUp) {
          throw new IllegalStateException("checklist stuck: " + pi.getId());
        } else {
          pause(5);
        }
      }
      Integer issued = jdbc.queryForObject(
          "select count(*) from commissioning_document where process_instance_id = ?", Integer.class, pi.getId());
      documents.addAndGet(issued == null ? 0 : issued);
    });
    Map<String, Object> out = result.toMap();
    out.put("documentsIssued", documents.get());
    return out;
  }

  // ---------------------------------------------------------------- 7. timers

  /** {@code count} timers due evenly between {@code from} and {@code to} (epoch ms), tagged for {@link #timerLags}. */
  private Map<String, Object> timers(String tag, int count, long from, long to) {
    String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(TIMER).latestVersion()
        .singleResult().getId();
    for (int i = 0; i < count; i++) {
      long due = count == 1 ? from : from + (to - from) * i / (count - 1);
      runtime.startProcessInstanceById(definitionId, tag, Map.of("dueAt", new Date(due)));
    }
    return Map.of("count", count);
  }

  /** For the tagged timers: due date and execution of each (job log), and how often each fired. */
  private Map<String, Object> timerLags(String tag) {
    List<Map<String, Object>> rows = jdbc.queryForList("""
        select l.JOB_ID_ as job, l.JOB_DUEDATE_ as due, l.TIMESTAMP_ as done, l.HOSTNAME_ as host
        from ACT_HI_JOB_LOG l join ACT_HI_PROCINST p on p.PROC_INST_ID_ = l.PROCESS_INSTANCE_ID_
        where p.BUSINESS_KEY_ = ? and l.JOB_STATE_ = 2""", tag);
    Integer started = jdbc.queryForObject("select count(*) from ACT_HI_PROCINST where BUSINESS_KEY_ = ?", Integer.class, tag);
    Integer fired = jdbc.queryForObject("""
        select count(*) from ACT_HI_ACTINST a join ACT_HI_PROCINST p on p.PROC_INST_ID_ = a.PROC_INST_ID_
        where p.BUSINESS_KEY_ = ? and a.ACT_ID_ = 'Event_Due'""", Integer.class, tag);
    List<Long> lags = new ArrayList<>();
    Map<String, Integer> perJob = new HashMap<>();
    Map<String, Integer> perHost = new LinkedHashMap<>();
    for (Map<String, Object> row : rows) {
      lags.add(((Timestamp) row.get("done")).getTime() - ((Timestamp) row.get("due")).getTime());
      perJob.merge((String) row.get("job"), 1, Integer::sum);
      perHost.merge(String.valueOf(row.get("host")), 1, Integer::sum);
    }
    Integer open = jdbc.queryForObject("""
        select count(*) from ACT_RU_EXECUTION e where e.BUSINESS_KEY_ = ? and e.PARENT_ID_ is null""", Integer.class, tag);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("started", started);
    out.put("executed", rows.size());
    out.put("boundaryOrCatchActivations", fired);
    out.put("jobsExecutedMoreThanOnce", perJob.values().stream().filter(n -> n > 1).count());
    out.put("stillWaiting", open);
    out.put("lagsMs", lags);
    out.put("byHost", perHost);
    return out;
  }

  // ---------------------------------------------------------------- 3. task lists at scale: seeding

  /**
   * Ends the bench deadlines left open by an earlier scenario (the two nodes' storm): their tasks,
   * due-dated and without a form, would come first on the referent's page, so the task lists would
   * be measured on other data than they say.
   */
  private Map<String, Object> clearDeadlines() {
    int ended = 0;
    for (String key : List.of(DEADLINE, BARE_DEADLINE)) {
      List<String> ids;
      while (!(ids = runtime.createProcessInstanceQuery().processDefinitionKey(key).listPage(0, 500).stream()
          .map(ProcessInstance::getId).toList()).isEmpty()) {
        runtime.deleteProcessInstances(ids, "bench: left by an earlier scenario", true, true, true);
        ended += ids.size();
      }
    }
    return Map.of("ended", ended);
  }

  /**
   * Open security incidents placed at their phases (process instance modification: the tasks,
   * candidate groups, task authorizations, tenants and variables the earlier steps would leave),
   * and checklists started for real (they wait at the fill-in). Job executor off meanwhile,
   * {@code batch} instances per transaction.
   */
  private Map<String, Object> seedTasklists(int incidents, int checklists, int drivers, int batch) throws Exception {
    long start = System.nanoTime();
    List<String> clientIds = clients();
    String[][] phases = {
        {"Task_QualifyIncident"},
        {"Task_CaptureEvidence", "Task_ContainIncident", "Task_RequalifyIncident"},
        {"Task_EradicateThreat", "Task_ProposeRecoveryDate", "Task_RequalifyIncident"},
        {"Task_VerifyIntegrity", "Task_AgreeRecoveryDate", "Task_RequalifyIncident"}};
    int[] phaseOf = {0, 0, 0, 1, 1, 1, 1, 2, 2, 3};
    Instant detected = Instant.now().minusSeconds(3600);
    Result incidentsResult = run(batches(incidents, batch), drivers, b -> transaction.executeWithoutResult(status -> {
      for (int i = b * batch; i < Math.min(incidents, (b + 1) * batch); i++) {
        String clientId = clientIds.get(i % clientIds.size());
        String reference = "BENCH-" + nodeId + "-" + i;
        Map<String, Object> variables = new HashMap<>();
        variables.put("reference", reference);
        variables.put("clientId", clientId);
        variables.put("clientName", "Client du banc " + clientId.substring(6));
        variables.put("siteIds", SITE);
        variables.put("sites", "Site A");
        variables.put("siteName", "Site A");
        variables.put("detectionSource", "alerte-supervision");
        variables.put("equipment", "NVR-01");
        variables.put("description", "Connexions SSH répétées depuis l'étranger");
        variables.put("detectedAt", Date.from(detected));
        variables.put("reportedBy", TECH);
        String[] phase = phases[phaseOf[(i / clientIds.size() + i) % phaseOf.length]];
        if (phase.length > 1) {
          variables.put("nature", "intrusion");
          variables.put("severity", i % 7 == 0 ? "critique" : "mineur");
          variables.put("personalDataInvolved", false);
          variables.put("awarenessAt", Date.from(detected));
          variables.put("qualifiedAt", Date.from(detected));
          variables.put("qualifiedBy", REFERENT);
          variables.put("qualificationVersion", 1);
        }
        // the register row "Enregistrer l'incident" would have written (the playbook, evidence... tables refer to it)
        OffsetDateTime detectedUtc = detected.atOffset(ZoneOffset.UTC);
        jdbc.update("insert into security_incident (reference, process_instance_id, client_id, site_ids, detection_source,"
            + " equipment, description, detected_at, created_at, status) values (?, 'seeding', ?, ?, 'alerte-supervision',"
            + " 'NVR-01', 'Connexions SSH répétées depuis l''étranger', ?, ?, 'signale')", reference, clientId, SITE,
            detectedUtc, detectedUtc);
        var builder = runtime.createProcessInstanceByKey(IncidentSteps.PROCESS).businessKey(reference).setVariables(variables);
        for (String activity : phase) {
          builder.startBeforeActivity(activity);
        }
        String processInstanceId = builder.execute().getId();
        jdbc.update("update security_incident set process_instance_id = ? where reference = ?", processInstanceId,
            reference);
      }
    }));
    double incidentSeconds = seconds(start);
    long checklistStart = System.nanoTime();
    Result checklistsResult = run(batches(checklists, batch), drivers, b -> transaction.executeWithoutResult(status -> {
      for (int i = b * batch; i < Math.min(checklists, (b + 1) * batch); i++) {
        String clientId = clientIds.get(i % clientIds.size());
        String serials = "S" + nodeId + "-" + i + "-" + System.nanoTime();
        runtime.startProcessInstanceByKey("vms-commissioning", CommissioningForms.start(clientId, SITE, serials));
      }
    }));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("seconds", seconds(start));
    out.put("incidentSeconds", incidentSeconds);
    out.put("checklistSeconds", seconds(checklistStart));
    out.put("failures", incidentsResult.failures + checklistsResult.failures);
    out.put("errors", concat(incidentsResult.errors, checklistsResult.errors));
    out.put("openTasks", tasks.createTaskQuery().count());
    out.put("openInstances", runtime.createProcessInstanceQuery().count());
    out.put("taskAuthorizations", jdbc.queryForObject("select count(*) from ACT_RU_AUTHORIZATION where RESOURCE_TYPE_ = 7",
        Long.class));
    return out;
  }

  // ---------------------------------------------------------------- 4. deadline storm

  /**
   * {@code count} open tasks whose deadline started at {@code startedAt} (epoch ms) under the
   * rule cnil-notification: every first reminder (24 h later) falls due at the same moment.
   */
  private Map<String, Object> seedDeadlines(String tag, int count, long startedAt, int drivers, int batch) throws Exception {
    return seedInstances(DEADLINE, tag, count, drivers, batch, Map.of("awareAt", new Date(startedAt)));
  }

  /**
   * {@code count} instances of the bare deadline (the deadline's timers without the product), every
   * reminder due at {@code dueAt} (epoch ms), the deadline itself a day later.
   */
  private Map<String, Object> seedBareDeadlines(String tag, int count, long dueAt, int drivers, int batch)
      throws Exception {
    return seedInstances(BARE_DEADLINE, tag, count, drivers, batch, Map.of(
        "bareDueAt", new Date(dueAt),
        "bareCycle", "R1/" + Instant.ofEpochMilli(dueAt) + "/PT1M",
        "benchDueAt", new Date(dueAt + Duration.ofHours(24).toMillis())));
  }

  /** {@code count} instances of {@code processKey} over the bench's clients, business keys {@code tag-i}. */
  private Map<String, Object> seedInstances(String processKey, String tag, int count, int drivers, int batch,
      Map<String, Object> variablesOfEach) throws Exception {
    long start = System.nanoTime();
    String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion()
        .singleResult().getId();
    List<String> clientIds = clients();
    Result result = run(batches(count, batch), drivers, b -> transaction.executeWithoutResult(status -> {
      for (int i = b * batch; i < Math.min(count, (b + 1) * batch); i++) {
        String clientId = clientIds.get(i % clientIds.size());
        Map<String, Object> variables = new HashMap<>(variablesOfEach);
        variables.put("clientId", clientId);
        variables.put("reference", tag + "-" + i);
        variables.put("clientName", "Client du banc " + clientId.substring(6));
        runtime.startProcessInstanceById(definitionId, tag + "-" + i, variables);
      }
    }));
    Map<String, Object> out = result.toMap();
    out.put("seconds", seconds(start));
    return out;
  }

  /** The bare deadlines' jobs due by now and not yet run: none once the storm has run (re-armed ones are parked). */
  private long bareRemindersDue() {
    Long due = jdbc.queryForObject("select count(*) from ACT_RU_JOB where PROCESS_DEF_KEY_ = ? and DUEDATE_ <= ?",
        Long.class, BARE_DEADLINE, new Timestamp(System.currentTimeMillis()));
    return due == null ? 0 : due;
  }

  /** The tagged bare reminders that ran, and the lag of each from {@code dueAt} to its step's end. */
  private Map<String, Object> bareReminders(String tag, long dueAt) {
    List<Timestamp> ends = jdbc.queryForList("""
        select a.END_TIME_ from ACT_HI_ACTINST a join ACT_HI_PROCINST p on p.PROC_INST_ID_ = a.PROC_INST_ID_
        where a.ACT_ID_ = ? and a.END_TIME_ is not null and p.BUSINESS_KEY_ like ?""", Timestamp.class,
        BARE_REMINDER, tag + "-%");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("ran", ends.size());
    out.put("lagsMs", ends.stream().map(end -> end.getTime() - dueAt).toList());
    return out;
  }

  /** What the outbox holds for the tagged deadlines' reminders: rows, sent, and the lag of each from its due time. */
  private Map<String, Object> reminders(String tag) {
    List<Map<String, Object>> rows = jdbc.queryForList("""
        select id, status, reminder_at, created_at, sent_at from mail_outbox
        where kind = 'reminder' and business_key like ?""", tag + "-%");
    List<Long> writeLags = new ArrayList<>();
    List<Long> sendLags = new ArrayList<>();
    int sent = 0;
    Map<String, Integer> statuses = new LinkedHashMap<>();
    for (Map<String, Object> row : rows) {
      statuses.merge((String) row.get("status"), 1, Integer::sum);
      long due = time(row.get("reminder_at"));
      writeLags.add(time(row.get("created_at")) - due);
      if (row.get("sent_at") != null) {
        sendLags.add(time(row.get("sent_at")) - due);
        sent++;
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("rows", rows.size());
    out.put("sent", sent);
    out.put("statuses", statuses);
    out.put("writeLagsMs", writeLags);
    out.put("sendLagsMs", sendLags);
    out.put("ids", rows.stream().map(r -> r.get("id")).toList());
    return out;
  }

  private static long time(Object value) {
    if (value instanceof Timestamp t) {
      return t.getTime();
    }
    if (value instanceof java.time.OffsetDateTime o) {
      return o.toInstant().toEpochMilli();
    }
    if (value instanceof java.time.Instant i) {
      return i.toEpochMilli();
    }
    throw new IllegalArgumentException("not a time: " + value.getClass());
  }

  /**
   * The job executor's own counts so far on this node (Camunda's metrics, written to the database
   * now instead of at the reporter's next interval; the caller takes differences): acquisition
   * attempts, jobs acquired, acquisitions lost to another node, jobs the executor's queue refused
   * (handed back to the next acquisition), jobs run.
   */
  private Map<String, Object> jobMeters() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    Map<String, Object> out = new LinkedHashMap<>();
    if (!configuration.isMetricsEnabled() || configuration.getDbMetricsReporter() == null) {
      return out;
    }
    configuration.getDbMetricsReporter().reportNow();
    for (String name : List.of(Metrics.JOB_ACQUISITION_ATTEMPT, Metrics.JOB_ACQUIRED_SUCCESS,
        Metrics.JOB_ACQUIRED_FAILURE, Metrics.JOB_EXECUTION_REJECTED, Metrics.JOB_LOCKED_EXCLUSIVE,
        Metrics.JOB_SUCCESSFUL, Metrics.JOB_FAILED)) {
      out.put(name, management.createMetricsQuery().name(name).sum());
    }
    return out;
  }

  /**
   * Load-independent counters of the database's work: on PostgreSQL the commits and rows written
   * of this database so far (pg_stat_database; the caller takes differences); on H2 the statements
   * executed since {@code reset} (H2's QUERY_STATISTICS), in total and the costliest ones.
   */
  private Map<String, Object> statementCounters(boolean reset) {
    String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("jobMeters", jobMeters());
    if (product.toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
      out.putAll(jdbc.queryForMap("""
          select xact_commit as commits, xact_rollback as rollbacks, tup_inserted as inserted,
            tup_updated as updated, tup_deleted as deleted
          from pg_stat_database where datname = current_database()"""));
      return out;
    }
    if (reset) {
      jdbc.execute("SET QUERY_STATISTICS_MAX_ENTRIES 2000");
      jdbc.execute("SET QUERY_STATISTICS FALSE");
      jdbc.execute("SET QUERY_STATISTICS TRUE");
      return out;
    }
    out.put("statements", jdbc.queryForObject(
        "select coalesce(sum(EXECUTION_COUNT), 0) from INFORMATION_SCHEMA.QUERY_STATISTICS", Long.class));
    out.put("distinctStatements", jdbc.queryForObject(
        "select count(*) from INFORMATION_SCHEMA.QUERY_STATISTICS", Long.class));
    out.put("costliest", jdbc.queryForList("""
        select left(SQL_STATEMENT, 200) as sql_text, EXECUTION_COUNT as executions,
          round(AVERAGE_EXECUTION_TIME, 3) as avg_ms, round(CUMULATIVE_EXECUTION_TIME) as total_ms
        from INFORMATION_SCHEMA.QUERY_STATISTICS order by CUMULATIVE_EXECUTION_TIME desc limit 15"""));
    return out;
  }

  // ---------------------------------------------------------------- job executor, memory, database

  /**
   * A change someone else makes in Tasklist while the measured user waits: takes an open task and
   * gives it back (two commits writing the task), so that the next count cannot be a kept one.
   */
  private Map<String, Object> touchTask(String user) {
    if (touched == null) {
      touched = tasks.createTaskQuery().taskUnassigned().active().listPage(0, 1).get(0).getId();
    }
    tasks.claim(touched, user);
    tasks.setAssignee(touched, null);
    return Map.of("task", touched);
  }

  private Map<String, Object> jobExecutor(boolean active) {
    JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    if (active && !executor.isActive()) {
      executor.start();
    } else if (!active && executor.isActive()) {
      executor.shutdown();
    }
    return Map.of("active", executor.isActive());
  }

  private Map<String, Object> memory() throws Exception {
    System.gc();
    pause(200);
    System.gc();
    var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("heapUsedAfterGcMb", heap.getUsed() / 1048576.0);
    out.put("heapCommittedMb", heap.getCommitted() / 1048576.0);
    out.put("heapMaxMb", heap.getMax() / 1048576.0);
    out.put("nonHeapUsedMb", ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage().getUsed() / 1048576.0);
    out.put("residentMb", residentMb());
    return out;
  }

  static double residentMb() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
      }
    }
    return -1;
  }

  private Map<String, Object> dbInfo() {
    Map<String, Object> out = new LinkedHashMap<>();
    try {
      out.put("version", jdbc.queryForObject("select version()", String.class));
      for (String setting : List.of("fsync", "synchronous_commit", "shared_buffers", "max_connections")) {
        out.put(setting, jdbc.queryForObject("show " + setting, String.class));
      }
    } catch (RuntimeException e) {
      out.put("version", "H2 " + jdbc.queryForObject("select H2VERSION()", String.class));
    }
    return out;
  }

  // ---------------------------------------------------------------- running work on drivers

  interface Work {
    void run(int index) throws Exception;
  }

  static final class Result {
    double seconds;
    int completed;
    int failures;
    final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    final ConcurrentLinkedQueue<Long> latenciesMs = new ConcurrentLinkedQueue<>();

    Map<String, Object> toMap() {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("seconds", seconds);
      out.put("completed", completed);
      out.put("failures", failures);
      out.put("errors", errors.stream().limit(5).toList());
      out.put("latenciesMs", List.copyOf(latenciesMs));
      return out;
    }
  }

  /** Runs {@code count} units of work on {@code drivers} threads; wall time, failures (the first few kept). */
  static Result run(int count, int drivers, Work work) throws Exception {
    Result result = new Result();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger completed = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, drivers));
    long start = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (int d = 0; d < Math.max(1, drivers); d++) {
      futures.add(pool.submit(() -> {
        int i;
        while ((i = next.getAndIncrement()) < count) {
          long t0 = System.nanoTime();
          try {
            work.run(i);
            completed.incrementAndGet();
            result.latenciesMs.add((System.nanoTime() - t0) / 1_000_000);
          } catch (Exception | AssertionError e) {
            failures.incrementAndGet();
            if (result.errors.size() < 5) {
              result.errors.add(e.toString());
            }
          }
        }
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    pool.awaitTermination(1, TimeUnit.MINUTES);
    result.seconds = seconds(start);
    result.completed = completed.get();
    result.failures = failures.get();
    return result;
  }

  private static int batches(int count, int batch) {
    return (count + batch - 1) / batch;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all.stream().limit(5).toList();
  }

  static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static void pause(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int integer(Map<String, Object> command, String name) {
    return ((Number) command.get(name)).intValue();
  }

  private static long longValue(Map<String, Object> command, String name) {
    return ((Number) command.get(name)).longValue();
  }
}
