package com.mileotech.cyber.update;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestClients;
import com.mileotech.cyber.TestUsers;
import com.mileotech.cyber.security.Groups;
import com.mileotech.cyber.system.InputFuzz;
import com.mileotech.cyber.system.InputFuzz.Leaf;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Malformed input over POST /api/security-updates, PUT of a site's software, the publication start
 * form and the tasks of security-update-client (through /engine-rest submit-form of a real task):
 * a French 400 naming the field, nothing written, no reference spent (issue 15; the harness is
 * system/InputFuzz). The cases: 2,000 versions, 500 CVEs.
 */
@IntegrationTest
class UpdateInputFuzzTest extends UpdateScenario {

  static final String FEED = "feed.fuzz";
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;

  @Test
  void malformedPublicationsAndSoftwareRecordsAreRefusedWithoutSpendingAReference() {
    InputFuzz fuzz = new InputFuzz(port, jdbc);
    TestUsers.ensure(identityService, FEED, Groups.INTEGRATIONS);
    camera(TestClients.OIV, "site-nord", serial(), "10.12.1");

    JsonNode valid = JSON.valueToTree(UpdateForms.publicationRequest(product, "CAMERA_FIRMWARE", true,
        List.of("<10.12.5", "9.0 - 9.9"), "10.12.5", "AXIS-OS-FUZZ-1", List.of("CVE-2026-10001", "CVE-2026-10002"),
        "2026-03-02T07:00:00+01:00"));
    Map<String, Leaf> leaves = new LinkedHashMap<>();
    leaves.put("product", Leaf.text(200, true));
    leaves.put("kind", Leaf.code(true));
    leaves.put("critical", Leaf.bool(true));
    leaves.put("affectedVersions", Leaf.list(50, JSON.getNodeFactory().textNode("<10."), true));
    leaves.put("affectedVersions[0]", Leaf.text(100, true));
    leaves.put("fixedVersion", Leaf.text(100, false));
    leaves.put("advisory", Leaf.text(200, true));
    leaves.put("cveIds", Leaf.list(50, JSON.getNodeFactory().textNode("CVE-2026-1"), false));
    leaves.put("cveIds[0]", Leaf.code(false));
    leaves.put("publishedAt", Leaf.instant(true));
    fuzz.sendAll(InputFuzz.bodyInputs("publication", FEED, "POST", "/api/security-updates", valid, leaves), null);

    JsonNode software = JSON.valueToTree(UpdateForms.software(product, "2024 R2"));
    Map<String, Leaf> softwareLeaves = new LinkedHashMap<>();
    softwareLeaves.put("product", Leaf.text(200, true));
    softwareLeaves.put("version", Leaf.text(100, true));
    Supplier<Object> inventory = () -> jdbc.sql("select * from client_software where client_id = ? order by site_id, kind")
        .param(TestClients.PLAIN).query().listOfRows().toString();
    fuzz.sendAll(InputFuzz.bodyInputs("logiciel", TECH, "PUT", "/api/clients/" + TestClients.PLAIN
        + "/sites/boutique/software/OS", software, softwareLeaves), inventory);

    fuzz.sendAll(InputFuzz.formInputs("update-publication", REFERENT,
        "/engine-rest/process-definition/key/security-update/submit-form"), null);
    fuzz.assertNoFailures(150);
  }

  @Test
  void malformedSubmissionsOfTheTasksOfAnUpdateAreRefusedAndChangeNothing() {
    InputFuzz fuzz = new InputFuzz(port, jdbc);
    equipment(STAGING, "datacenter", "NVR", serial(), product, "4.1.0");
    equipment(TestClients.OIV, "site-nord", "NVR", serial(), product, "4.1.0");
    ProcessInstance update = publish(publicationForm("NVR_FIRMWARE", true, "<=4.1.0", T0.minus(Duration.ofHours(3))));
    fuzz(fuzz, atClient(update, STAGING), "Task_ValidateInStaging", "update-staging-validation");
    fuzz(fuzz, atClient(update, TestClients.OIV), "Task_ApplyUpdate", "update-application");
    fuzz.assertNoFailures(50);
  }

  /** Every malformed submission of the task's form; the update's register rows unchanged. */
  private void fuzz(InputFuzz fuzz, ProcessInstance pi, String taskKey, String formId) {
    Object reference = runtimeService.getVariable(pi.getId(), "reference");
    fuzz.task(formId, TECH, task(pi, taskKey).getId(), InputFuzz.caseState(processEngine, pi.getId(),
        () -> jdbc.sql("select * from security_update_item where reference = ? order by client_id, item_id")
            .param(reference).query().listOfRows().toString(),
        () -> jdbc.sql("select * from security_update_client where reference = ? order by client_id")
            .param(reference).query().listOfRows().toString()));
  }
}
