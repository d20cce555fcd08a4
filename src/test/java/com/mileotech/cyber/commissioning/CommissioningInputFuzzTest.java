package com.mileotech.cyber.commissioning;

import static com.mileotech.cyber.commissioning.CommissioningForms.allConforme;
import static com.mileotech.cyber.commissioning.CommissioningForms.equipment;
import static com.mileotech.cyber.commissioning.CommissioningForms.nonConforme;
import static com.mileotech.cyber.commissioning.CommissioningForms.with;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mileotech.cyber.EngineSteps;
import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestClients;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.client.ClientService;
import com.mileotech.cyber.reminder.Reminders;
import com.mileotech.cyber.security.Groups;
import com.mileotech.cyber.system.InputFuzz;
import com.mileotech.cyber.system.InputFuzz.Leaf;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Malformed input over POST /api/commissionings, the start form and every task form of
 * vms-commissioning and equipment-replacement (through /engine-rest submit-form of a real task):
 * a French 400 naming the field, no reference spent, nothing written (issue 15; the harness is
 * system/InputFuzz). The cases: a 5,000-character product, 3,000 items, a non-number figure.
 */
@IntegrationTest
class CommissioningInputFuzzTest {

  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired EngineSteps steps;
  @Autowired IdentityService identityService;
  @Autowired ClientRepository clientRepository;
  @Autowired ClientService clientService;
  @Autowired Reminders reminders;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;
  private CommissioningFixture fx;

  @BeforeEach
  void setUp() {
    fx = new CommissioningFixture(runtimeService, taskService, managementService, identityService, clientRepository,
        clientService, reminders, steps);
    fx.ensureAccounts();
    ClockUtil.setCurrentTime(Date.from(T0));
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  @Test
  void malformedStartsOverTheApiAndTheStartFormSpendNoReference() {
    InputFuzz fuzz = new InputFuzz(port, jdbc);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("clientId", TestClients.OIV);
    body.put("siteId", "site-nord");
    body.put("vmsProduct", "Milestone XProtect Corporate");
    body.put("vmsVersion", "2024 R2");
    body.put("projectManagerReview", true);
    body.put("equipment", List.of(equipment("SERVER", "Dell PowerEdge R760", "FUZZ-SRV1", "2.3.5", true),
        equipment("CAMERA", "Axis P3265-LVE", "FUZZ-CAM1", "11.9.60", true)));
    JsonNode valid = JSON.valueToTree(body);
    Map<String, Leaf> leaves = new LinkedHashMap<>();
    leaves.put("clientId", Leaf.code(true));
    leaves.put("siteId", Leaf.code(true));
    leaves.put("vmsProduct", Leaf.text(200, true));
    leaves.put("vmsVersion", Leaf.text(100, true));
    leaves.put("projectManagerReview", Leaf.bool(false));
    leaves.put("equipment", Leaf.list(200, valid.get("equipment").get(1), true));
    leaves.put("equipment[1].kind", Leaf.code(true));
    leaves.put("equipment[1].model", Leaf.text(200, true));
    leaves.put("equipment[1].serialNumber", Leaf.text(100, true));
    leaves.put("equipment[1].firmwareVersion", Leaf.text(100, true));
    leaves.put("equipment[1].securityUpdates", Leaf.bool(true));
    fuzz.sendAll(InputFuzz.bodyInputs("mise en service", CommissioningFixture.TECHNICIAN, "POST", "/api/commissionings",
        valid, leaves), null);

    fuzz.sendAll(InputFuzz.formInputs("commissioning-start", CommissioningFixture.TECHNICIAN,
        "/engine-rest/process-definition/key/vms-commissioning/submit-form"), null);
    fuzz.assertNoFailures(120);
  }

  @Test
  void malformedSubmissionsOfEveryChecklistTaskAreRefusedAndChangeNothing() {
    InputFuzz fuzz = new InputFuzz(port, jdbc);
    ProcessInstance pi = fx.start(TestClients.PLAIN, "boutique", true, List.of(
        equipment("SERVER", "Dell R760", "FUZZ-EOS-SRV1", "2.3.5", true),
        equipment("CAMERA", "Caméra ancienne génération", "FUZZ-EOS-CAM1", "5.2.1", false)));
    fuzz(fuzz, pi, "Task_FillChecklist", ChecklistForm.formId(Catalogues.read(CommissioningForms.CATALOGUE)),
        CommissioningFixture.TECHNICIAN);
    fx.fill(pi, with(allConforme(), "CAM-07", p -> nonConforme(p, LocalDate.of(2026, 9, 30))));
    fuzz(fuzz, pi, "Task_SignChecklist", "commissioning-sign", CommissioningFixture.TECHNICIAN);
    fx.sign(pi);
    fuzz(fuzz, pi, "Task_ReviewChecklist", "commissioning-review", CommissioningFixture.PROJECT_MANAGER);
    fx.completeAs(CommissioningFixture.PROJECT_MANAGER, Groups.PROJECT_MANAGERS, pi, "Task_ReviewChecklist",
        Map.of("reviewDecision", "APPROVE"));
    fx.runDueJobs(pi);
    fuzz(fuzz, pi, "Task_RemediateNonConformity", "commissioning-remediate", CommissioningFixture.TECHNICIAN);
    ProcessInstance plan = runtimeService.createProcessInstanceQuery().superProcessInstanceId(pi.getId()).singleResult();
    fx.runDueJobs(plan);
    fuzz(fuzz, plan, "Task_PlanReplacement", "commissioning-replacement-plan", CommissioningFixture.PROJECT_MANAGER);
    fuzz.assertNoFailures(300);
  }

  /** Every malformed submission of the task's form; the client's inventory unchanged. */
  private void fuzz(InputFuzz fuzz, ProcessInstance pi, String taskKey, String formId, String user) {
    fuzz.task(formId, user, fx.task(pi, taskKey).getId(), InputFuzz.caseState(engine, pi.getId(),
        () -> jdbc.sql("select * from client_equipment where client_id = ? order by serial_number")
            .param(TestClients.PLAIN).query().listOfRows().toString()));
  }
}
