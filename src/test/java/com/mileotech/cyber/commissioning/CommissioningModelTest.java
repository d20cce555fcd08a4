package com.mileotech.cyber.commissioning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mileotech.cyber.security.Groups;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.junit.jupiter.api.Test;

/** bpmn/vms-commissioning.bpmn as a modeler and Tasklist need it: names, forms, groups, complete layout. */
class CommissioningModelTest {

  private final BpmnModelInstance model = Bpmn.readModelFromFile(new File("bpmn/vms-commissioning.bpmn"));

  @Test
  void theProcessIsExecutableWithAHistoryTimeToLive() {
    Process process = model.getModelElementById("vms-commissioning");
    assertThat(process.isExecutable()).isTrue();
    assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
  }

  @Test
  void everyUserTaskAndTheStartEventHaveADeployedFormAndEveryUserTaskAGroup() throws IOException {
    Collection<UserTask> tasks = model.getModelElementsByType(UserTask.class);
    assertThat(tasks).hasSize(4); // the replacement plan is in the called process equipment-replacement
    Set<String> groups = Arrays.stream(Groups.values()).map(Groups::id).collect(Collectors.toSet());
    for (UserTask task : tasks) {
      assertForm(task.getId(), task.getCamundaFormRef(), task.getCamundaFormRefBinding());
      assertThat(task.getCamundaCandidateGroups()).as(task.getId()).isNotBlank();
      assertThat(groups).as(task.getId()).contains(task.getCamundaCandidateGroups());
    }
    StartEvent start = model.getModelElementById("StartEvent_CommissioningRequested");
    assertForm(start.getId(), start.getCamundaFormRef(), start.getCamundaFormRefBinding());
  }

  private static void assertForm(String element, String formRef, String binding) throws IOException {
    assertThat(formRef).as(element).startsWith("commissioning-");
    assertThat(binding).as(element).isEqualTo("latest");
    JsonNode form = new ObjectMapper().readTree(new File("forms/" + formRef + ".form"));
    assertThat(form.get("id").asText()).isEqualTo(formRef);
  }

  @Test
  void elementsHaveReadableIdsAndFrenchNames() {
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      assertThat(node.getId()).matches("(Task|Event|Gateway|StartEvent|End|SubProcess)_[A-Z][A-Za-z]+");
      boolean unnamedAllowed = node.getId().endsWith("Join") || node.getId().equals("Gateway_AfterIssue");
      if (!unnamedAllowed) {
        assertThat(node.getName()).as(node.getId()).isNotBlank();
      }
      if (node instanceof ExclusiveGateway && !unnamedAllowed) {
        assertThat(node.getName()).as(node.getId()).endsWith("?");
        assertThat(node.getOutgoing()).allSatisfy(f -> assertThat(f.getName()).as(f.getId()).isNotBlank());
      }
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      assertThat(flow.getId()).matches("Flow_[A-Z][A-Za-z]+");
    }
  }

  @Test
  void everyElementAndFlowIsDrawnWithoutOverlaps() {
    Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
        .map(s -> s.getBpmnElement().getId()).collect(Collectors.toSet());
    Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
        .filter(e -> e.getWaypoints().size() >= 2).map(e -> e.getBpmnElement().getId()).collect(Collectors.toSet());
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      assertThat(shapes).as("shape of %s", node.getId()).contains(node.getId());
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      assertThat(edges).as("edge of %s", flow.getId()).contains(flow.getId());
    }
    List<BpmnShape> boxes = new ArrayList<>();
    for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
      if (!(shape.getBpmnElement() instanceof BoundaryEvent) && !shape.getBpmnElement().getId().startsWith("SubProcess")) {
        boxes.add(shape);
      }
    }
    for (int i = 0; i < boxes.size(); i++) {
      for (int j = i + 1; j < boxes.size(); j++) {
        assertThat(overlap(boxes.get(i).getBounds(), boxes.get(j).getBounds()))
            .as("%s overlaps %s", boxes.get(i).getBpmnElement().getId(), boxes.get(j).getBpmnElement().getId()).isFalse();
      }
    }
  }

  @Test
  void everyPathEndsInANamedEndEvent() {
    assertThat(model.getModelElementsByType(EndEvent.class)).extracting(EndEvent::getName).doesNotContainNull()
        .contains("Checklist entièrement conforme", "Non-conformités levées", "Plan de remplacement établi",
            "Audit annuel lancé", "Pas d'audit annuel (contrat Standard)", "Contrat terminé, plus d'audit");
  }

  private static boolean overlap(Bounds a, Bounds b) {
    return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
        && a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
  }
}
