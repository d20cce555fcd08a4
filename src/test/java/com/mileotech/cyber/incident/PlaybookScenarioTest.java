package com.mileotech.cyber.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestClients;
import com.mileotech.cyber.TestUsers;
import com.mileotech.cyber.playbook.ActionStatus;
import com.mileotech.cyber.playbook.PlaybookActions;
import com.mileotech.cyber.playbook.PlaybookForms;
import com.mileotech.cyber.playbook.RecordedAction;
import com.mileotech.cyber.security.Groups;
import com.mileotech.cyber.system.FormValues;
import com.mileotech.cyber.system.Refusal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Playbooks per nature (issue 19; docs/incident.md, "Playbooks"): the containment and eradication
 * tasks show the actions of the incident's playbook version that fit its nature and equipment; each
 * is recorded Réalisée or Non applicable with who and when; nothing is recorded while one is left
 * unanswered; the version chosen at containment stays with the incident.
 */
@IntegrationTest
class PlaybookScenarioTest extends IncidentScenario {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired PlaybookActions playbookActions;
  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void anIntrusionAndAMalwareGetTheirOwnActionsAndEachAnswerIsRecordedWithWhoAndWhen() {
    ProcessInstance intrusion = qualified(TestClients.PLAIN, "intrusion", "NVR-01, VLAN vidéo");
    ProcessInstance malware = qualified(TestClients.PLAIN, "malware", "Serveur d'enregistrement SRV-01 (Windows)");

    assertThat(variable(intrusion, "playbookId")).isEqualTo("PB-CYB-005");
    assertThat(variable(intrusion, "playbookVersion")).isEqualTo("v1");
    List<String> intrusionActions = shown(intrusion, "playbookContainmentActions");
    List<String> malwareActions = shown(malware, "playbookContainmentActions");
    // the report names an NVR running Milestone XProtect, the qualification NVR-01: no camera action
    assertThat(intrusionActions).containsExactly("CAPTURE_STATE", "ISOLATE_RECORDER_SEGMENT", "REVOKE_ACCOUNTS",
        "DISCONNECT_REMOTE_ACCESS");
    assertThat(malwareActions).contains("CAPTURE_STATE", "DISCONNECT_INFECTED_HOST", "BLOCK_MALICIOUS_DESTINATIONS")
        .doesNotContain("REVOKE_ACCOUNTS", "ISOLATE_CAMERA_PORTS");
    assertThat(formKey(intrusion, "Task_ContainIncident")).isEqualTo("incident-containment-PB-CYB-005-v1");
    assertThat((String) variable(intrusion, "playbookContainmentSummary")).contains("PB-CYB-005 v1")
        .contains("Intrusion (accès non autorisé)").contains("NVR");

    captureEvidence(intrusion);
    Instant containedAt = now().plusSeconds(900);
    now(containedAt);
    Map<String, Object> form = new HashMap<>();
    PlaybookForms.done(form, "CAPTURE_STATE", "Connexions actives exportées à 10 h 05");
    PlaybookForms.done(form, "ISOLATE_RECORDER_SEGMENT", null);
    PlaybookForms.done(form, "REVOKE_ACCOUNTS", "Compte « support2 » désactivé");
    PlaybookForms.notApplicable(form, "DISCONNECT_REMOTE_ACCESS", "Aucun accès distant ouvert sur ce site");
    submit(intrusion, "Task_ContainIncident", TECH, Groups.TECHNICIANS, form);

    List<RecordedAction> recorded = playbookActions.recorded(intrusion.getBusinessKey());
    assertThat(recorded).extracting(RecordedAction::actionCode).containsExactly("CAPTURE_STATE",
        "ISOLATE_RECORDER_SEGMENT", "REVOKE_ACCOUNTS", "DISCONNECT_REMOTE_ACCESS");
    RecordedAction notApplicable = recorded.get(3);
    assertThat(notApplicable.status()).isEqualTo(ActionStatus.NOT_APPLICABLE);
    assertThat(notApplicable.statusLabel()).isEqualTo("Non applicable");
    assertThat(notApplicable.comment()).isEqualTo("Aucun accès distant ouvert sur ce site");
    assertThat(notApplicable.label()).isEqualTo("Couper les accès distants actifs (VPN, prise en main à distance, "
        + "accès constructeur)");
    assertThat(recorded).allSatisfy(a -> {
      assertThat(a.recordedBy()).isEqualTo(TECH);
      assertThat(a.recordedAt()).isEqualTo(containedAt);
      assertThat(a.playbookId()).isEqualTo("PB-CYB-005");
      assertThat(a.playbookVersion()).isEqualTo("v1");
      assertThat(a.phaseLabel()).isEqualTo("Confinement");
      assertThat(a.natureCode()).isEqualTo("intrusion");
      assertThat(a.round()).isEqualTo(1);
    });
    assertThat(recorded.get(0).statusLabel()).isEqualTo("Réalisée");
    assertThat(recorded.get(1).comment()).isNull();
    // the answers are recorded, not left in the process for the next round to inherit
    assertThat(runtimeService.getVariables(intrusion.getId())).doesNotContainKeys("action_CAPTURE_STATE",
        "action_REVOKE_ACCOUNTS_comment", "action_DISCONNECT_REMOTE_ACCESS_justification");
    assertThat(variable(intrusion, "containedBy")).isEqualTo(TECH);

    // the eradication of the malware is another list: a server reinstalled from a clean image
    captureEvidence(malware);
    contain(malware);
    assertThat(shown(malware, "playbookEradicationActions")).contains("REINSTALL_FROM_CLEAN_IMAGE", "SCAN_HOSTS",
        "PATCH_SERVER").doesNotContain("REMOVE_ATTACKER_ACCESS");
    assertThat(shown(intrusion, "playbookEradicationActions")).contains("REMOVE_ATTACKER_ACCESS", "APPLY_FIRMWARE_FIX")
        .doesNotContain("REINSTALL_FROM_CLEAN_IMAGE");
  }

  @Test
  void anActionLeftUnansweredOrNotApplicableWithoutJustificationIsRefusedAndNothingIsRecorded() {
    ProcessInstance pi = qualified(TestClients.PLAIN, "intrusion", "NVR-01");
    captureEvidence(pi);
    String reference = pi.getBusinessKey();

    Map<String, Object> missing = IncidentForms.containment("Fait");
    PlaybookForms.unanswered(missing, "REVOKE_ACCOUNTS");
    assertThatThrownBy(() -> submit(pi, "Task_ContainIncident", TECH, Groups.TECHNICIANS, missing))
        .isInstanceOf(Refusal.class)
        .hasMessage("Confinement non enregistré : action_REVOKE_ACCOUNTS : « Révoquer les comptes inconnus ou "
            + "potentiellement compromis » : indiquez « Réalisée » ou « Non applicable ».");

    Map<String, Object> unjustified = IncidentForms.containment("Fait");
    PlaybookForms.notApplicable(unjustified, "CAPTURE_STATE", null);
    unjustified.put(PlaybookForms.justification("ISOLATE_RECORDER_SEGMENT"), "   ");
    PlaybookForms.notApplicable(unjustified, "ISOLATE_RECORDER_SEGMENT", null);
    assertThatThrownBy(() -> submit(pi, "Task_ContainIncident", TECH, Groups.TECHNICIANS, unjustified))
        .isInstanceOf(Refusal.class)
        .satisfies(e -> assertThat(((Refusal) e).problems()).extracting(Refusal.Problem::field)
            .containsExactly("action_CAPTURE_STATE_justification", "action_ISOLATE_RECORDER_SEGMENT_justification"))
        .hasMessageContaining("justification obligatoire pour une action non applicable");

    assertThat(pi).isWaitingAt("Task_ContainIncident");
    assertThat(playbookActions.recorded(reference)).isEmpty();
    assertThat(variable(pi, "containedAt")).isNull();
    assertThat(runtimeService.getVariables(pi.getId())).doesNotContainKeys("action_CAPTURE_STATE");

    contain(pi);
    assertThat(playbookActions.recorded(reference)).hasSize(4).allMatch(a -> a.status() == ActionStatus.DONE);
  }

  @Test
  void theIncidentKeepsItsPlaybookVersionWhenANewerOneComesIntoForce() {
    ProcessInstance before = qualified(TestClients.PLAIN, "intrusion", "NVR-01");
    captureEvidence(before);
    contain(before);

    // PB-CYB-005 v2 (src/test/resources/playbooks) is in force from 1 January 2100
    now(Instant.parse("2100-01-04T08:00:00Z"));
    ProcessInstance after = qualified(TestClients.PLAIN, "intrusion", "NVR-01");
    assertThat(variable(after, "playbookVersion")).isEqualTo("v2");
    assertThat(shown(after, "playbookContainmentActions")).contains("FREEZE_VIDEO_EXPORTS");
    assertThat(formKey(after, "Task_ContainIncident")).isEqualTo("incident-containment-PB-CYB-005-v2");

    // the incident contained under v1 eradicates under v1, its form and its records too
    assertThat(variable(before, "playbookVersion")).isEqualTo("v1");
    assertThat(formKey(before, "Task_EradicateThreat")).isEqualTo("incident-eradication-PB-CYB-005-v1");
    eradicate(before);
    assertThat(playbookActions.recorded(before.getBusinessKey())).extracting(RecordedAction::playbookVersion)
        .containsOnly("v1");
    assertThat(playbookActions.followed(before.getBusinessKey()).orElseThrow().playbookVersion()).isEqualTo("v1");
    assertThat(playbookActions.recorded(before.getBusinessKey())).extracting(RecordedAction::label)
        .contains("Relever l'état des équipements avant toute action (connexions actives, journaux)");
  }

  /**
   * Requalified from intrusion to malware after containment: the containment's records stay as they
   * were (intrusion), the eradication uses the malware's actions; a failed integrity check asks
   * them again in a second round.
   */
  @Test
  void aRequalificationKeepsWhatWasRecordedAndTheEradicationFollowsTheNewNature() {
    ProcessInstance pi = qualified(TestClients.PLAIN, "intrusion", "NVR-01 et serveur VMS");
    contain(pi);
    Map<String, Object> requalification = IncidentForms.qualification("significatif", "malware", false,
        List.of("boutique"), "NVR-01 et serveur VMS");
    requalification.put("requalificationReason", "Le NVR exécute un binaire inconnu");
    submit(pi, "Task_RequalifyIncident", REFERENT, Groups.CYBER_REFERENT, requalification);
    runDueJobs(pi);
    captureEvidence(pi);

    assertThat(variable(pi, "playbookEradicationNature")).isEqualTo("malware");
    assertThat(shown(pi, "playbookEradicationActions")).contains("REINSTALL_FROM_CLEAN_IMAGE")
        .doesNotContain("REMOVE_ATTACKER_ACCESS");
    eradicate(pi);
    verifyIntegrity(pi, false, "Le binaire inconnu est toujours présent sur le NVR");
    assertThat(pi).isWaitingAt("Task_EradicateThreat");
    // a new round asks every action again: nothing answered yet
    assertThatThrownBy(() -> submit(pi, "Task_EradicateThreat", TECH, Groups.TECHNICIANS, Map.of()))
        .isInstanceOf(Refusal.class).hasMessageStartingWith("Éradication non enregistrée : action_");
    eradicate(pi);

    List<RecordedAction> recorded = playbookActions.recorded(pi.getBusinessKey());
    assertThat(recorded).filteredOn(a -> a.phaseLabel().equals("Confinement"))
        .isNotEmpty().allMatch(a -> a.natureCode().equals("intrusion"));
    assertThat(recorded).filteredOn(a -> a.phaseLabel().equals("Éradication"))
        .allMatch(a -> a.natureCode().equals("malware")).extracting(RecordedAction::round).contains(1, 2);
    assertThat(recorded).extracting(RecordedAction::playbookVersion).containsOnly("v1");
  }

  @Test
  void noSubmissionWritesThePlaybookVersionAndAnotherClientsRssiSeesNoPlaybook() throws Exception {
    ProcessInstance pi = qualified(TestClients.OIV, "intrusion", "NVR-01");
    captureEvidence(pi);
    Task containment = task(pi, "Task_ContainIncident");
    Map<String, Object> variables = new LinkedHashMap<>();
    IncidentForms.containment("Fait").forEach((k, v) -> variables.put(k, Map.of("value", v)));
    variables.put("playbookVersion", Map.of("value", "v2"));
    variables.put("playbookContainmentActions", Map.of("value", "[]", "type", "Json"));
    HttpResponse<String> refused = call(TECH, "POST", "/engine-rest/task/" + containment.getId() + "/submit-form",
        Map.of("variables", variables));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(JSON.readTree(refused.body()).path("message").asText()).contains("playbookVersion : ")
        .contains("playbookContainmentActions : ");
    HttpResponse<String> put = call(TestUsers.ADMIN, "PUT", "/engine-rest/process-instance/" + pi.getId()
        + "/variables/playbookVersion", Map.of("value", "v2"));
    assertThat(put.statusCode()).as(put.body()).isEqualTo(400);
    assertThat(variable(pi, "playbookVersion")).isEqualTo("v1");
    assertThat(playbookActions.recorded(pi.getBusinessKey())).isEmpty();

    variables.remove("playbookVersion");
    variables.remove("playbookContainmentActions");
    HttpResponse<String> accepted = call(TECH, "POST", "/engine-rest/task/" + containment.getId() + "/submit-form",
        Map.of("variables", variables));
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(204);

    String path = "/api/security-incidents/" + pi.getBusinessKey() + "/playbook";
    HttpResponse<String> staff = call(TECH, "GET", path, null);
    assertThat(staff.statusCode()).as(staff.body()).isEqualTo(200);
    JsonNode body = JSON.readTree(staff.body());
    assertThat(body.path("playbookId").asText()).isEqualTo("PB-CYB-005");
    assertThat(body.path("playbookVersion").asText()).isEqualTo("v1");
    assertThat(body.path("actions")).hasSize(4);
    assertThat(body.path("actions").get(0).path("statusLabel").asText()).isEqualTo("Réalisée");
    assertThat(body.path("actions").get(0).path("recordedBy").asText()).isEqualTo(TECH);
    assertThat(call(TestClients.OIV_RSSI, "GET", path, null).statusCode()).isEqualTo(200);
    HttpResponse<String> other = call(TestClients.PLAIN_RSSI, "GET", path, null);
    assertThat(other.statusCode()).isEqualTo(404);
    assertThat(other.body()).doesNotContain("PB-CYB-005");
    assertThat(call(TestClients.PLAIN_RSSI, "GET", "/api/security-incidents/INC-1999-0001/playbook", null).statusCode())
        .isEqualTo(404);
  }

  // ------------------------------------------------------------------ helpers

  /** Reported (an NVR running Milestone XProtect) and qualified with this nature and these systems. */
  private ProcessInstance qualified(String clientId, String nature, String affectedSystems) {
    ProcessInstance pi = report(reportForm(clientId, List.of(clientId.equals(TestClients.OIV) ? "site-nord" : "boutique")));
    runDueJobs(pi);
    submit(pi, "Task_QualifyIncident", REFERENT, Groups.CYBER_REFERENT, IncidentForms.qualification("mineur", nature,
        false, IncidentForms.sites((String) variable(pi, SecurityIncidentVariables.SITE_IDS.name())), affectedSystems));
    runDueJobs(pi);
    return pi;
  }

  private List<String> shown(ProcessInstance pi, String variable) {
    return FormValues.strings(variable(pi, variable));
  }

  private String formKey(ProcessInstance pi, String taskKey) {
    Task task = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey)
        .initializeFormKeys().singleResult();
    return task.getCamundaFormRef().getKey();
  }

  private HttpResponse<String> call(String user, String method, String path, Object body) throws Exception {
    String password = TestUsers.ADMIN.equals(user) ? TestUsers.ADMIN_PASSWORD : TestUsers.PASSWORD;
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
