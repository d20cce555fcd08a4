package com.mileotech.cyber;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mileotech.cyber.reminder.Reminders;
import com.mileotech.cyber.security.Groups;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Group;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/**
 * The conventions every model in bpmn/ keeps, checked on every file (docs/development.md, "Models"):
 * one process per file named after its id, with a history time to live; a complete diagram; ids
 * that say what an element is and French names (tasks verb first, gateways a question, answers on
 * their flows); every user task offered to a group with its Camunda Form; deadlines enforced by
 * timers fed by computed dates, reminders and escalations non-interrupting and one job each; PDF
 * behind an async boundary, outbox writes in a job's transaction; what a form said recorded by a visible step right after its task, never by a
 * listener. Behaviour is the scenario tests' business; this is the shape of the models.
 */
class ModelConventionsTest {

  private static final Path MODELS = Path.of("bpmn");
  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  /** The one form reference computed by a bean: the checklist's catalogue version picks its form. */
  private static final String FILL_IN_FORM = "${commissioning.fillForm(execution)}";
  /** The playbook's forms: the incident's playbook version picks its containment or eradication form. */
  private static final Pattern PLAYBOOK_FORM = Pattern.compile("^\\$\\{playbookSteps\\.form\\(execution, '(CONTAINMENT|ERADICATION)'\\)\\}$");
  private static final Pattern EXPRESSION = Pattern.compile("^\\$\\{(\\w+)\\}$");
  /** A French infinitive: "Qualifier", "Émettre", "Clore", "Revérifier". */
  private static final Pattern INFINITIVE = Pattern.compile("^\\p{Lu}[\\p{Ll}']+(er|ir|re|oir)$");
  private static final Set<String> GROUPS = Arrays.stream(Groups.values()).map(Groups::id).collect(Collectors.toSet());
  private static final Map<String, BpmnModelInstance> ALL = new LinkedHashMap<>();
  private static final Map<String, Class<?>> BEANS = beans();

  static Stream<Path> models() throws IOException {
    try (Stream<Path> files = Files.list(MODELS)) {
      return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList().stream();
    }
  }

  private static BpmnModelInstance model(Path file) {
    return ALL.computeIfAbsent(file.getFileName().toString(), name -> Bpmn.readModelFromFile(file.toFile()));
  }

  @Test
  void everyProcessOfTheProductIsChecked() throws IOException {
    assertThat(models().map(f -> f.getFileName().toString())).contains("security-incident.bpmn",
        "cnil-notification.bpmn", "anssi-notification.bpmn", "regulatory-report.bpmn", "vms-commissioning.bpmn",
        "equipment-replacement.bpmn", "security-update.bpmn", "security-update-client.bpmn",
        "hardening-reverification.bpmn", "improvement-action.bpmn");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void oneExecutableProcessNamedAfterItsFileWithAHistoryTimeToLive(Path file) {
    Collection<Process> processes = model(file).getModelElementsByType(Process.class);
    assertThat(processes).as("processes in " + file).hasSize(1);
    Process process = processes.iterator().next();
    assertThat(process.getId() + ".bpmn").as("file of process " + process.getId()).isEqualTo(file.getFileName().toString());
    assertThat(process.isExecutable()).as(process.getId() + " executable").isTrue();
    assertThat(process.getCamundaHistoryTimeToLiveString()).as(process.getId() + " historyTimeToLive").isNotBlank();
    assertThat(process.getName()).as(process.getId() + " name").isNotBlank();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void everyElementIsDrawnAndNoTwoBoxesOverlap(Path file) {
    BpmnModelInstance model = model(file);
    SoftAssertions softly = new SoftAssertions();
    Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
        .map(s -> s.getBpmnElement().getId()).collect(Collectors.toSet());
    Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
        .filter(e -> e.getWaypoints().size() >= 2).map(e -> e.getBpmnElement().getId()).collect(Collectors.toSet());
    model.getModelElementsByType(FlowNode.class)
        .forEach(n -> softly.assertThat(shapes).as("shape of %s", n.getId()).contains(n.getId()));
    model.getModelElementsByType(SequenceFlow.class)
        .forEach(f -> softly.assertThat(edges).as("edge of %s", f.getId()).contains(f.getId()));
    List<BpmnShape> boxes = model.getModelElementsByType(BpmnShape.class).stream()
        .filter(s -> !(s.getBpmnElement() instanceof BoundaryEvent) && !(s.getBpmnElement() instanceof SubProcess)
            && !(s.getBpmnElement() instanceof Group))
        .toList();
    for (int i = 0; i < boxes.size(); i++) {
      for (int j = i + 1; j < boxes.size(); j++) {
        softly.assertThat(overlap(boxes.get(i).getBounds(), boxes.get(j).getBounds()))
            .as("%s overlaps %s", boxes.get(i).getBpmnElement().getId(), boxes.get(j).getBpmnElement().getId()).isFalse();
      }
    }
    softly.assertAll();
  }

  /** Ids read in a stack trace or a test: Task_QualifyIncident, Gateway_PersonalDataInvolved, Flow_PersonalDataYes. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void idsSayWhatEachElementIs(Path file) {
    SoftAssertions softly = new SoftAssertions();
    for (FlowElement element : model(file).getModelElementsByType(FlowElement.class)) {
      String prefix = element instanceof SequenceFlow ? "Flow"
          : element instanceof SubProcess ? "SubProcess"
          : element instanceof Activity ? "Task"
          : element instanceof Gateway ? "Gateway"
          : element instanceof StartEvent ? "StartEvent"
          : element instanceof EndEvent ? "(End|EndEvent|Event)"
          : element instanceof Event ? "Event" : "\\w+";
      softly.assertThat(element.getId()).as(element.getElementType().getTypeName() + " id")
          .matches(prefix + "_[A-Z][A-Za-z0-9]+");
    }
    softly.assertAll();
  }

  /**
   * French names people read in Cockpit and Tasklist: a task says object + verb, the verb first
   * ("Qualifier l'incident"); an event its object and state; a decision is a question with its
   * answers on the outgoing flows; nothing shows an expression.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void namesAreFrenchTasksVerbFirstDecisionsQuestions(Path file) {
    BpmnModelInstance model = model(file);
    SoftAssertions softly = new SoftAssertions();
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      String name = node.getName();
      boolean join = node instanceof Gateway && node.getOutgoing().size() <= 1;
      boolean fork = node instanceof Gateway && !(node instanceof ExclusiveGateway || node instanceof InclusiveGateway);
      if (join || fork) {
        continue; // a merge or a parallel fork asks nothing
      }
      softly.assertThat(name).as("name of %s", node.getId()).isNotBlank();
      if (name == null) {
        continue;
      }
      if (node instanceof UserTask) {
        // Tasklist shows a user task's name: an expression may complete it with what tells two tasks apart
        // ("Lever la non-conformité ${pointId}"), after its French words, never replace them
        softly.assertThat(name).as("name of %s", node.getId()).doesNotStartWith("${").doesNotStartWith("#{");
      } else {
        softly.assertThat(name).as("name of %s", node.getId()).doesNotContain("${", "#{");
      }
      boolean eventSubProcess = node instanceof SubProcess sub && sub.triggeredByEvent();
      if ((node instanceof Activity) && !eventSubProcess) {
        softly.assertThat(name.split(" ")[0]).as("verb of %s « %s »", node.getId(), name).matches(INFINITIVE);
      }
      if (node instanceof Gateway) {
        softly.assertThat(name).as("question of %s", node.getId()).matches(".+ \\?$");
        String defaultFlow = node.getAttributeValue("default");
        for (SequenceFlow flow : node.getOutgoing()) {
          softly.assertThat(flow.getName()).as("answer on %s", flow.getId()).isNotBlank();
          if (!flow.getId().equals(defaultFlow)) {
            softly.assertThat(flow.getConditionExpression()).as("condition of %s", flow.getId()).isNotNull();
          }
        }
      }
    }
    softly.assertAll();
  }

  /**
   * Every user task is offered to a group of the product (or assigned) and opens its Camunda Form
   * from forms/, latest version. A called process may take its form as a parameter
   * ({@code formRef="${draftForm}"}): then each call gives one that exists. The checklist's fill-in
   * form is the one of its catalogue version ({@code ${commissioning.fillForm(execution)}}): one per catalogue.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void everyUserTaskIsOfferedAndOpensItsForm(Path file) throws IOException {
    BpmnModelInstance model = model(file);
    SoftAssertions softly = new SoftAssertions();
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      String groups = task.getCamundaCandidateGroups();
      softly.assertThat(groups != null || task.getCamundaAssignee() != null).as("candidates of %s", task.getId()).isTrue();
      if (groups != null) {
        softly.assertThat(GROUPS).as("groups of %s", task.getId()).containsAll(List.of(groups.split(",")));
      }
      softly.assertThat(task.getCamundaFormRefBinding()).as("form binding of %s", task.getId()).isEqualTo("latest");
      for (String form : forms(file, task.getId(), task.getCamundaFormRef())) {
        softly.assertThat(formExists(form)).as("form %s of %s in forms/", form, task.getId()).isTrue();
      }
    }
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      if (start.getCamundaFormRef() != null) {
        softly.assertThat(formExists(start.getCamundaFormRef())).as("form of %s", start.getId()).isTrue();
      }
    }
    softly.assertAll();
  }

  /**
   * Deadlines are data, timers enforce them: every timer fires at a date a delegate computed; a
   * reminder is a non-interrupting boundary timer whose cycle is the deadline's next reminder,
   * followed by "Envoyer le rappel"; an escalation is a non-interrupting boundary timer at the
   * deadline, followed by "Escalader …": the work must still be done (docs/reminders.md); so is the
   * second escalation at a later legal time ({@code deadlines.legalTimerDate}).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void timersEnforceComputedDeadlinesRemindersAndEscalationsKeepTheWork(Path file) {
    BpmnModelInstance model = model(file);
    SoftAssertions softly = new SoftAssertions();
    for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
      Event event = (Event) timer.getParentElement();
      String when = timer.getTimeCycle() != null ? timer.getTimeCycle().getTextContent()
          : timer.getTimeDate() != null ? timer.getTimeDate().getTextContent() : null;
      softly.assertThat(when).as("time of %s", event.getId()).isNotNull().startsWith("${");
      Set<String> next = event.getOutgoing().stream()
          .map(f -> String.valueOf(f.getTarget().getAttributeValueNs(CAMUNDA, "delegateExpression")))
          .collect(Collectors.toSet());
      if (next.contains("${sendReminder}")) {
        softly.assertThat(event).as("reminder %s is a boundary timer", event.getId()).isInstanceOf(BoundaryEvent.class);
        softly.assertThat(event instanceof BoundaryEvent b && !b.cancelActivity()).as("reminder %s non-interrupting", event.getId()).isTrue();
        softly.assertThat(timer.getTimeCycle()).as("reminder %s cycle", event.getId()).isNotNull();
        softly.assertThat(when).as("reminder %s", event.getId()).startsWith("${deadlines.reminderCycle(execution, ");
      }
      if (next.contains("${escalateDeadline}")) {
        softly.assertThat(event).as("escalation %s is a boundary timer", event.getId()).isInstanceOf(BoundaryEvent.class);
        softly.assertThat(event instanceof BoundaryEvent b && !b.cancelActivity()).as("escalation %s non-interrupting", event.getId()).isTrue();
        softly.assertThat(when).as("escalation %s at the computed deadline", event.getId())
            .matches("\\$\\{(\\w+DueAt|deadlines\\.timerDate\\(execution, \\w+\\))\\}");
      }
      if (next.contains("${escalateLegalDeadline}")) {
        softly.assertThat(event).as("legal escalation %s is a boundary timer", event.getId()).isInstanceOf(BoundaryEvent.class);
        softly.assertThat(event instanceof BoundaryEvent b && !b.cancelActivity()).as("legal escalation %s non-interrupting", event.getId()).isTrue();
        softly.assertThat(when).as("legal escalation %s at the computed legal time", event.getId())
            .matches("\\$\\{deadlines\\.legalTimerDate\\(execution, \\w+\\)\\}");
      }
    }
    softly.assertAll();
  }

  /**
   * A job boundary before every side effect, and an async boundary before every external one
   * (docs/development.md, "Async boundaries"):
   * <ul>
   *   <li>a step that renders a PDF runs in a job of its own ({@code asyncBefore}): heavy, retried
   *       alone, never in a person's submission;
   *   <li>a step that writes to an outbox ({@link Reminders}: a mail, a notice) runs in a job's
   *       transaction, never in a person's submission: behind {@code asyncBefore}, or directly
   *       after a timer event, whose job is already such a boundary (a reminder or an escalation
   *       is one job, not two), or directly after a service task that itself runs in a job (the
   *       internal bulletin in the job that shares the lessons learned with the client). The
   *       outbox insert is transactional: it commits or rolls back with the step and talks to
   *       nobody; the mail leaves later, from the outbox sender, outside any process transaction.
   *       A second job after the timer or the step would only add a transaction (issue 20).
   * </ul>
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void sideEffectsRunInAJobOfTheirOwn(Path file) {
    BpmnModelInstance model = model(file);
    SoftAssertions softly = new SoftAssertions();
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      String bean = bean(task.getCamundaDelegateExpression());
      softly.assertThat(bean).as("delegate of %s: ${bean}", task.getId()).isNotNull();
      Class<?> type = BEANS.get(bean);
      softly.assertThat(type).as("bean %s of %s", bean, task.getId()).isNotNull();
      if (type != null && rendersPdf(type)) {
        softly.assertThat(task.isCamundaAsyncBefore()).as("%s (%s: PDF) async before", task.getId(), bean).isTrue();
      } else if (type != null && writesToOutbox(type)) {
        softly.assertThat(inAJob(task, new HashSet<>()))
            .as("%s (%s: outbox) async before, or right after a timer or a step in a job", task.getId(), bean).isTrue();
      }
    }
    softly.assertAll();
  }

  /**
   * Whether {@code task} runs in a job's transaction, never in a person's: it is async before, or
   * every way into it comes from a timer event or from a service task that runs in a job.
   */
  private static boolean inAJob(FlowNode task, Set<String> seen) {
    if (task instanceof Activity a && a.isCamundaAsyncBefore()) {
      return true;
    }
    if (!seen.add(task.getId()) || task.getIncoming().isEmpty()) {
      return false;
    }
    return task.getIncoming().stream().map(SequenceFlow::getSource).allMatch(source ->
        source instanceof Event event && !(source instanceof Activity)
            && !event.getChildElementsByType(TimerEventDefinition.class).isEmpty()
        || source instanceof ServiceTask previous && (previous.isCamundaAsyncAfter() || inAJob(previous, seen)));
  }

  /** Whether every way into {@code task} is a timer event's (its job runs the task in its transaction). */
  private static boolean directlyAfterATimer(FlowNode task) {
    return !task.getIncoming().isEmpty() && task.getIncoming().stream().map(SequenceFlow::getSource)
        .allMatch(source -> source instanceof Event event && !(source instanceof Activity)
            && !event.getChildElementsByType(TimerEventDefinition.class).isEmpty());
  }

  /** The reminder and escalation steps: right after their timer, no second job (issue 20). */
  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void remindersAndEscalationsAreOneJob(Path file) {
    BpmnModelInstance model = model(file);
    SoftAssertions softly = new SoftAssertions();
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      String expression = task.getCamundaDelegateExpression();
      if ("${sendReminder}".equals(expression) || "${escalateDeadline}".equals(expression)
          || "${escalateLegalDeadline}".equals(expression)) {
        softly.assertThat(directlyAfterATimer(task)).as("%s right after its timer", task.getId()).isTrue();
        softly.assertThat(task.isCamundaAsyncBefore()).as("%s async before (a second job per reminder)", task.getId())
            .isFalse();
      }
    }
    softly.assertAll();
  }

  /**
   * What a form said is checked and recorded by a visible step right after its user task
   * ("Enregistrer …"), synchronous: in the completion's transaction, so that a refusal undoes the
   * completion and reaches Tasklist as the French message, and nothing is recorded. Never by an
   * execution listener on the task (it also runs when the task is cancelled, and Cockpit does not
   * show it). Whatever directly follows a user task, through gateways, is never behind an async
   * boundary: the submission must not commit before it is checked.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void whatAFormSaidIsRecordedByAVisibleStepRightAfterItsTask(Path file) {
    BpmnModelInstance model = model(file);
    SoftAssertions softly = new SoftAssertions();
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      softly.assertThat(task.getChildElementsByType(org.camunda.bpm.model.bpmn.instance.ExtensionElements.class).stream()
              .flatMap(e -> e.getChildElementsByType(CamundaExecutionListener.class).stream()).toList())
          .as("execution listeners of %s (record in a visible step instead)", task.getId()).isEmpty();
      for (FlowNode next : followers(task)) {
        softly.assertThat(next instanceof Activity a && a.isCamundaAsyncBefore())
            .as("%s right after %s is not async", next.getId(), task.getId()).isFalse();
      }
    }
    for (ServiceTask step : model.getModelElementsByType(ServiceTask.class)) {
      if (step.getName() != null && step.getName().startsWith("Enregistrer ")) {
        softly.assertThat(step.isCamundaAsyncBefore()).as("%s async", step.getId()).isFalse();
        softly.assertThat(afterSubmission(step, new java.util.HashSet<>())).as("%s right after a submission", step.getId())
            .isTrue();
      }
    }
    softly.assertAll();
  }

  /**
   * Whether {@code step} follows a submission in its transaction: right after a user task or a start
   * form, or after synchronous steps that do ("Relier …" then "Enregistrer …" after one task).
   */
  private static boolean afterSubmission(FlowNode step, Set<String> seen) {
    if (!seen.add(step.getId())) {
      return false;
    }
    for (FlowNode p : predecessors(step)) {
      if (p instanceof UserTask || p instanceof StartEvent s && s.getCamundaFormRef() != null) {
        return true;
      }
      if (p instanceof ServiceTask previous && !previous.isCamundaAsyncBefore() && !previous.isCamundaAsyncAfter()
          && afterSubmission(previous, seen)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A called process exists as a file of bpmn/, gets the caller's business key, and every
   * parameter its tasks read ({@code ${draftForm}}, {@code camunda:property tasklistName}); every
   * message referenced is declared with a name.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void callsPassWhatTheCalledProcessNeedsAndMessagesAreDeclared(Path file) {
    BpmnModelInstance model = model(file);
    SoftAssertions softly = new SoftAssertions();
    for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
      Path called = MODELS.resolve(call.getCalledElement() + ".bpmn");
      softly.assertThat(called).as("process called by %s", call.getId()).exists();
      List<CamundaIn> ins = ins(call);
      softly.assertThat(ins).as("business key passed by %s", call.getId()).anyMatch(in -> in.getCamundaBusinessKey() != null);
      if (Files.exists(called)) {
        Set<String> given = ins.stream().map(CamundaIn::getCamundaTarget).filter(t -> t != null).collect(Collectors.toSet());
        softly.assertThat(given).as("parameters given by %s to %s", call.getId(), call.getCalledElement())
            .containsAll(parameters(model(called)));
      }
    }
    for (MessageEventDefinition definition : model.getModelElementsByType(MessageEventDefinition.class)) {
      Message message = definition.getMessage();
      softly.assertThat(message).as("message of %s", definition.getParentElement().getAttributeValue("id")).isNotNull();
      if (message != null) {
        softly.assertThat(message.getName()).as("name of %s", message.getId()).isNotBlank();
      }
    }
    softly.assertAll();
  }

  // ------------------------------------------------------------------ helpers

  /** The forms a user task may open: its formRef, or the values every call gives to a parameter. */
  private static List<String> forms(Path file, String taskId, String formRef) {
    if (formRef == null) {
      return List.of("(none)");
    }
    if (FILL_IN_FORM.equals(formRef)) {
      return fillInForms();
    }
    Matcher playbook = PLAYBOOK_FORM.matcher(formRef);
    if (playbook.matches()) {
      return playbookForms(playbook.group(1));
    }
    Matcher parameter = EXPRESSION.matcher(formRef);
    if (!parameter.matches()) {
      return List.of(formRef);
    }
    String process = file.getFileName().toString().replace(".bpmn", "");
    List<String> values = new ArrayList<>();
    for (BpmnModelInstance caller : everyModel()) {
      for (CallActivity call : caller.getModelElementsByType(CallActivity.class)) {
        if (process.equals(call.getCalledElement())) {
          ins(call).stream().filter(in -> parameter.group(1).equals(in.getCamundaTarget()))
              .forEach(in -> values.add(in.getCamundaSourceExpression()));
        }
      }
    }
    return values.isEmpty() ? List.of("(no call gives " + formRef + " to " + taskId + ")") : values;
  }

  /** The parameters a process's user tasks read: their formRef and Tasklist name expressions. */
  private static Set<String> parameters(BpmnModelInstance model) {
    Set<String> names = new HashSet<>();
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      List<String> expressions = new ArrayList<>();
      expressions.add(task.getCamundaFormRef());
      model.getModelElementsByType(CamundaProperty.class).stream()
          .filter(p -> "tasklistName".equals(p.getCamundaName()) && isInside(p, task))
          .forEach(p -> expressions.add(p.getCamundaValue()));
      for (String expression : expressions) {
        Matcher matcher = expression == null ? null : EXPRESSION.matcher(expression);
        if (matcher != null && matcher.matches()) {
          names.add(matcher.group(1));
        }
      }
    }
    return names;
  }

  private static boolean isInside(ModelElementInstance element, BaseElement ancestor) {
    for (ModelElementInstance e = element; e != null; e = e.getParentElement()) {
      if (e == ancestor) {
        return true;
      }
    }
    return false;
  }

  private static List<CamundaIn> ins(CallActivity call) {
    return call.getExtensionElements() == null ? List.of()
        : call.getExtensionElements().getChildElementsByType(CamundaIn.class).stream().toList();
  }

  private static List<BpmnModelInstance> everyModel() {
    try {
      return models().map(ModelConventionsTest::model).toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The activities and events reached from a node, through gateways. */
  private static List<FlowNode> followers(FlowNode node) {
    List<FlowNode> found = new ArrayList<>();
    Deque<FlowNode> todo = new ArrayDeque<>(node.getOutgoing().stream().map(SequenceFlow::getTarget).toList());
    Set<String> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      FlowNode next = todo.pop();
      if (!seen.add(next.getId())) {
        continue;
      }
      if (next instanceof Gateway) {
        next.getOutgoing().forEach(f -> todo.push(f.getTarget()));
      } else {
        found.add(next);
      }
    }
    return found;
  }

  /** The activities and events a node is reached from, through merging gateways. */
  private static List<FlowNode> predecessors(FlowNode node) {
    List<FlowNode> found = new ArrayList<>();
    Deque<FlowNode> todo = new ArrayDeque<>(node.getIncoming().stream().map(SequenceFlow::getSource).toList());
    Set<String> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      FlowNode previous = todo.pop();
      if (!seen.add(previous.getId())) {
        continue;
      }
      if (previous instanceof Gateway && previous.getOutgoing().size() == 1) {
        previous.getIncoming().forEach(f -> todo.push(f.getSource()));
      } else {
        found.add(previous);
      }
    }
    return found;
  }

  /**
   * The checklist's fill-in form is that of its catalogue version, one generated form per catalogue
   * file (commissioning/ChecklistForm): the task may open each.
   */
  private static List<String> fillInForms() {
    try (Stream<Path> catalogues = Files.list(Path.of("src/main/resources/commissioning/catalogue"))) {
      return catalogues.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".json"))
          .map(f -> "commissioning-fill-" + f.substring(0, f.length() - ".json".length())).sorted().toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One form per playbook version of the product (src/main/resources/playbooks) and phase. */
  private static List<String> playbookForms(String phase) {
    String prefix = phase.equals("CONTAINMENT") ? "incident-containment-" : "incident-eradication-";
    try (Stream<Path> playbooks = Files.list(Path.of("src/main/resources/playbooks"))) {
      List<String> forms = playbooks.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".json"))
          .map(f -> prefix + f.substring(0, f.length() - ".json".length())).sorted().toList();
      return forms.isEmpty() ? List.of("(no playbook)") : forms;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean formExists(String formRef) {
    File file = new File("forms/" + formRef + ".form");
    if (!file.exists()) {
      return false;
    }
    try {
      JsonNode form = new ObjectMapper().readTree(file);
      return formRef.equals(form.path("id").asText());
    } catch (IOException e) {
      return false;
    }
  }

  private static String bean(String delegateExpression) {
    Matcher matcher = delegateExpression == null ? null : EXPRESSION.matcher(delegateExpression);
    return matcher != null && matcher.matches() ? matcher.group(1) : null;
  }

  /** Mails (the outbox behind {@link Reminders}) or renders a PDF: what it needs says so. */
  private static boolean writesToOutbox(Class<?> type) {
    return constructorTakes(type, parameter -> Reminders.class.isAssignableFrom(parameter));
  }

  private static boolean rendersPdf(Class<?> type) {
    return constructorTakes(type, parameter -> parameter.getSimpleName().endsWith("Pdf"));
  }

  private static boolean constructorTakes(Class<?> type, java.util.function.Predicate<Class<?>> kind) {
    for (Constructor<?> constructor : type.getDeclaredConstructors()) {
      for (Class<?> parameter : constructor.getParameterTypes()) {
        if (kind.test(parameter)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The named Spring components of the application: the beans a model's delegate expressions name. */
  private static Map<String, Class<?>> beans() {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
    Map<String, Class<?>> beans = new HashMap<>();
    for (BeanDefinition definition : scanner.findCandidateComponents("com.mileotech.cyber")) {
      try {
        Class<?> type = Class.forName(definition.getBeanClassName());
        Component component = type.getAnnotation(Component.class);
        if (component != null && !component.value().isEmpty()) {
          beans.put(component.value(), type);
        }
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
    return beans;
  }

  private static boolean overlap(Bounds a, Bounds b) {
    return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
        && a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
  }
}
