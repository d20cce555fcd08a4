package com.mileotech.cyber.update;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mileotech.cyber.security.Groups;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The diagrams this feature adds, as a modeler, Cockpit and Tasklist need them. */
class UpdateModelsTest {

  private static BpmnModelInstance model(String process) {
    return Bpmn.readModelFromFile(new File("bpmn/" + process + ".bpmn"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"security-update", "security-update-client", "hardening-reverification", "equipment-replacement"})
  void executableWithHistoryTimeToLiveNamedAfterItsFile(String id) {
    Process process = model(id).getModelElementById(id);
    assertThat(process).isNotNull();
    assertThat(process.isExecutable()).isTrue();
    assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
    assertThat(process.getName()).isNotBlank();
  }

  @ParameterizedTest
  @ValueSource(strings = {"security-update", "security-update-client", "hardening-reverification", "equipment-replacement"})
  void everyUserTaskHasADeployedFormAndACandidateGroup(String id) throws IOException {
    BpmnModelInstance model = model(id);
    Set<String> groups = Arrays.stream(Groups.values()).map(Groups::id).collect(Collectors.toSet());
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      assertForm(task.getId(), task.getCamundaFormRef(), task.getCamundaFormRefBinding());
      assertThat(groups).as(task.getId()).contains(task.getCamundaCandidateGroups());
    }
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      if (start.getCamundaFormRef() != null) {
        assertForm(start.getId(), start.getCamundaFormRef(), start.getCamundaFormRefBinding());
      }
    }
  }

  private static void assertForm(String element, String formRef, String binding) throws IOException {
    assertThat(formRef).as(element).matches("(update|commissioning)-[a-z-]+");
    assertThat(binding).as(element).isEqualTo("latest");
    JsonNode form = new ObjectMapper().readTree(new File("forms/" + formRef + ".form"));
    assertThat(form.get("id").asText()).isEqualTo(formRef);
  }

  @ParameterizedTest
  @ValueSource(strings = {"security-update", "security-update-client", "hardening-reverification", "equipment-replacement"})
  void readableIdsFrenchNamesQuestionsOnGatewaysAnswersOnTheirFlows(String id) {
    BpmnModelInstance model = model(id);
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      assertThat(node.getId()).matches("(Task|Event|Gateway|StartEvent|End|SubProcess)_[A-Z][A-Za-z]+");
      boolean join = node.getId().endsWith("Join");
      if (!join) {
        assertThat(node.getName()).as(node.getId()).isNotBlank();
      }
      if (node instanceof ExclusiveGateway && !join) {
        assertThat(node.getName()).as(node.getId()).endsWith("?");
        assertThat(node.getOutgoing()).allSatisfy(f -> {
          assertThat(f.getName()).as(f.getId()).isNotBlank();
          assertThat(f.getConditionExpression()).as(f.getId()).isNotNull();
        });
      }
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      assertThat(flow.getId()).matches("Flow_[A-Z][A-Za-z]+");
    }
    assertThat(model.getModelElementsByType(EndEvent.class)).allSatisfy(e -> assertThat(e.getName()).isNotBlank());
  }

  @ParameterizedTest
  @ValueSource(strings = {"security-update", "security-update-client", "hardening-reverification", "equipment-replacement"})
  void everyElementAndFlowIsDrawnWithoutOverlaps(String id) {
    BpmnModelInstance model = model(id);
    Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
        .map(s -> s.getBpmnElement().getId()).collect(Collectors.toSet());
    Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
        .filter(e -> e.getWaypoints().size() >= 2).map(e -> e.getBpmnElement().getId()).collect(Collectors.toSet());
    model.getModelElementsByType(FlowNode.class).forEach(n -> assertThat(shapes).as("shape of " + n.getId()).contains(n.getId()));
    model.getModelElementsByType(SequenceFlow.class).forEach(f -> assertThat(edges).as("edge of " + f.getId()).contains(f.getId()));
    List<BpmnShape> boxes = new ArrayList<>();
    for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
      if (!(shape.getBpmnElement() instanceof BoundaryEvent) && !(shape.getBpmnElement() instanceof SubProcess)) {
        boxes.add(shape);
      }
    }
    for (int i = 0; i < boxes.size(); i++) {
      for (int j = i + 1; j < boxes.size(); j++) {
        Bounds a = boxes.get(i).getBounds();
        Bounds b = boxes.get(j).getBounds();
        boolean overlap = a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
            && a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
        assertThat(overlap).as("%s overlaps %s", boxes.get(i).getBpmnElement().getId(),
            boxes.get(j).getBpmnElement().getId()).isFalse();
      }
    }
  }
}
