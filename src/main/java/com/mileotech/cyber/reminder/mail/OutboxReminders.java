package com.mileotech.cyber.reminder.mail;

import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.reminder.Audience;
import com.mileotech.cyber.reminder.Deadline;
import com.mileotech.cyber.system.ZoneProperties;
import com.mileotech.cyber.reminder.Notice;
import com.mileotech.cyber.reminder.Reminders;
import com.mileotech.cyber.reminder.mail.OutboxMail.Kind;
import com.mileotech.cyber.security.Groups;
import java.time.Instant;
import java.time.ZoneId;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@link Reminders} through the mail outbox: each call resolves its recipients, renders its
 * template and writes one outbox row in the caller's transaction, keyed so that the same
 * reminder, escalation or notice is never written twice. Nothing leaves the application here;
 * {@link OutboxSender} delivers later.
 */
@Component
class OutboxReminders implements Reminders {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxReminders.class);

  private final Outbox outbox;
  private final RecipientResolver resolver;
  private final MailTemplates templates;
  private final TaskService taskService;
  private final ClientRepository clients;
  private final ZoneId zone;
  private final String publicBaseUrl;

  OutboxReminders(Outbox outbox, RecipientResolver resolver, MailTemplates templates, TaskService taskService,
      ClientRepository clients, ZoneProperties zone,
      @Value("${mileo.public-base-url:http://localhost:8080}") String publicBaseUrl) {
    this.outbox = outbox;
    this.resolver = resolver;
    this.templates = templates;
    this.taskService = taskService;
    this.clients = clients;
    this.zone = zone.zone();
    this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
  }

  @Override
  public void remind(DelegateExecution execution, Deadline deadline, Instant at, String taskDefinitionKey) {
    String key = Outbox.reminderKey(execution.getProcessInstanceId(), deadline.name(), at);
    Privileged.call(() -> {
      if (outbox.exists(key)) {
        return null;
      }
      if (!now().isBefore(deadline.dueAt())) {
        // the step ran late (e.g. the engine was down): the escalation says it all
        LOG.info("Reminder of {} ({}) for {} not written: the deadline has passed", deadline.name(), at,
            execution.getProcessBusinessKey());
        return null;
      }
      if (taskDefinitionKey == null) {
        LOG.warn("Reminder of {} ({}) for {} not written: no task to remind of (give the step a 'task' input)",
            deadline.name(), at, execution.getProcessBusinessKey());
        return null;
      }
      Task task = openTask(execution.getProcessInstanceId(), taskDefinitionKey, deadline);
      if (task == null) {
        LOG.info("Reminder of {} ({}) for {} not written: task {} is already done", deadline.name(), at,
            execution.getProcessBusinessKey(), taskDefinitionKey);
        return null;
      }
      ProcessFacts facts = ProcessFacts.of(execution, clients);
      Recipients recipients = resolver.resolve(EnumSet.of(Audience.TASK_PEOPLE), facts, List.of(task), List.of());
      RenderedMail mail = templates.render("deadline-reminder", deadlineModel(facts, deadline, task, recipients, now()));
      write(key, Kind.REMINDER, facts, task.getId(), deadline, at, recipients, mail, List.of());
      return null;
    });
  }

  @Override
  public void escalate(DelegateExecution execution, Deadline deadline, String taskDefinitionKey) {
    String key = Outbox.escalationKey(execution.getProcessInstanceId(), deadline.name(), deadline.dueAt());
    Privileged.call(() -> {
      if (outbox.exists(key)) {
        return null;
      }
      Task task = openTask(execution.getProcessInstanceId(), taskDefinitionKey, deadline);
      ProcessFacts facts = ProcessFacts.of(execution, clients);
      Recipients recipients = resolver.resolve(EnumSet.of(Audience.ESCALATION_GROUPS, Audience.TASK_PEOPLE), facts,
          task == null ? List.of() : List.of(task), deadline.rule().escalateTo());
      Map<String, Object> model = deadlineModel(facts, deadline, task, recipients, now());
      model.put("escalatedTo", deadline.rule().escalateTo().stream().map(OutboxReminders::groupName).toList());
      RenderedMail mail = templates.render("deadline-escalation", model);
      write(key, Kind.ESCALATION, facts, task == null ? null : task.getId(), deadline, null, recipients, mail, List.of());
      return null;
    });
  }

  @Override
  public void inform(DelegateExecution execution, String noticeKey, Notice notice) {
    String key = Outbox.noticeKey(execution.getProcessInstanceId(), noticeKey);
    Privileged.call(() -> {
      if (outbox.exists(key)) {
        return null;
      }
      ProcessFacts facts = ProcessFacts.of(execution, clients);
      Object recipientClient = notice.model().get(Notice.RECIPIENT_CLIENT);
      if (recipientClient != null) {
        facts = facts.forClient(recipientClient.toString(), clients);
      }
      List<Task> tasks = notice.audience().contains(Audience.TASK_PEOPLE)
          ? taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list()
          : List.of();
      Recipients recipients = resolver.resolve(notice.audience(), facts, tasks, List.of());
      Map<String, Object> model = baseModel(facts);
      model.put("exercise", facts.exercise());
      notice.model().forEach((name, value) -> model.put(name, readable(value)));
      model.put("bodyLines", lines(notice.model().get("body")));
      model.put("attachmentNames", notice.attachments().stream().map(Notice.Attachment::fileName).toList());
      Object taskId = notice.model().get("taskId");
      if (taskId != null) {
        model.put("taskUrl", taskUrl(taskId.toString()));
      }
      RenderedMail mail = templates.render(notice.template(), model);
      write(key, Kind.NOTICE, facts, taskId == null ? null : taskId.toString(), null, null, recipients, mail,
          notice.attachments());
      return null;
    });
  }

  private void write(String key, Kind kind, ProcessFacts facts, String taskId, Deadline deadline, Instant at,
      Recipients recipients, RenderedMail rendered, List<Notice.Attachment> attachments) {
    RenderedMail mail = facts.exercise() ? exercise(rendered) : rendered;
    for (String person : recipients.unreachable()) {
      LOG.warn("No e-mail address for {}: not told by mail of \"{}\" ({})", person, mail.subject(), facts.reference());
    }
    Instant now = now();
    OutboxMail row = OutboxMail.pending(UUID.randomUUID().toString(), key, kind, mail.template(), facts, taskId,
        deadline == null ? null : deadline.name(), deadline == null ? null : deadline.dueAt(), at, recipients, mail,
        attachments, now);
    if (recipients.addresses().isEmpty()) {
      LOG.warn("Nobody to send \"{}\" ({}) to: kept in the outbox as skipped", mail.subject(), facts.reference());
      row = row.skipped("Aucun destinataire avec une adresse e-mail");
    }
    outbox.insertIfAbsent(row);
  }

  /** What every mail of an exercise says, in its subject and first in its body. */
  static final String EXERCISE_SUBJECT = "[EXERCICE] ";
  static final String EXERCISE_LINE =
      "EXERCICE — Ce message concerne un exercice, pas un incident réel. Aucune autorité n'est notifiée.";

  /** An exercise's mail: the subject prefixed, a line first in the text and the HTML. */
  static RenderedMail exercise(RenderedMail mail) {
    String html = mail.html().replaceFirst("(<body[^>]*>)",
        "$1<p style=\"font-weight:bold;color:#b00020\">" + EXERCISE_LINE + "</p>");
    return new RenderedMail(mail.template(), EXERCISE_SUBJECT + mail.subject(), EXERCISE_LINE + "\n\n" + mail.text(),
        html);
  }

  /**
   * The open task the deadline is about; of several (a loop), the one due at the deadline. When
   * the timer sits on a subprocess (a deadline spanning several tasks, e.g. drafting then filing
   * a notification), the open task inside it, recognised by its due date.
   */
  private Task openTask(String processInstanceId, String taskDefinitionKey, Deadline deadline) {
    if (taskDefinitionKey == null) {
      return null;
    }
    List<Task> tasks = taskService.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(taskDefinitionKey).list();
    if (tasks.isEmpty()) {
      return taskService.createTaskQuery().processInstanceId(processInstanceId)
          .dueDate(java.util.Date.from(deadline.dueAt())).list().stream().findFirst().orElse(null);
    }
    return tasks.stream()
        .filter(t -> t.getDueDate() != null && t.getDueDate().toInstant().equals(deadline.dueAt()))
        .findFirst()
        .orElse(tasks.get(0));
  }

  private Map<String, Object> deadlineModel(ProcessFacts facts, Deadline deadline, Task task, Recipients recipients,
      Instant now) {
    Map<String, Object> model = baseModel(facts);
    model.put("label", deadline.label());
    model.put("dueAt", FrenchTime.dateTime(deadline.dueAt(), zone));
    model.put("startedAt", FrenchTime.dateTime(deadline.startedAt(), zone));
    model.put("timeLeft", FrenchTime.timeLeft(now, deadline.dueAt()));
    model.put("overdue", now.isAfter(deadline.dueAt()));
    model.put("taskName", task == null ? null : task.getName());
    model.put("taskUrl", task == null ? null : taskUrl(task.getId()));
    model.put("reached", recipients.reachedLabels());
    model.put("unreachable", recipients.unreachable());
    return model;
  }

  private Map<String, Object> baseModel(ProcessFacts facts) {
    Map<String, Object> model = new HashMap<>();
    model.put("reference", facts.reference());
    model.put("clientName", facts.clientName());
    model.put("siteName", facts.siteName());
    model.put("tasklistUrl", publicBaseUrl + "/camunda/app/tasklist/default/");
    return model;
  }

  private String taskUrl(String taskId) {
    return publicBaseUrl + "/camunda/app/tasklist/default/#/?task=" + taskId;
  }

  /** Dates and times as a French reader writes them; everything else as it is. */
  private Object readable(Object value) {
    Instant instant = value instanceof Date d ? d.toInstant()
        : value instanceof Instant i ? i
        : value instanceof OffsetDateTime o ? o.toInstant()
        : value instanceof ZonedDateTime z ? z.toInstant()
        : null;
    return instant == null ? value : FrenchTime.dateTime(instant, zone);
  }

  private static List<String> lines(Object body) {
    return body == null ? List.of() : Arrays.asList(body.toString().split("\\R"));
  }

  private static String groupName(String groupId) {
    return Arrays.stream(Groups.values()).filter(g -> g.id().equals(groupId)).map(Groups::frenchName).findFirst()
        .orElse(groupId);
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
