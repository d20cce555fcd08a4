package com.mileotech.cyber.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * The security-incident lifecycle as its people submit their forms in Tasklist (the same values as
 * the scenario tests, incident/IncidentScenario): which task is done by whom, with what.
 */
final class IncidentSteps {

  static final String PROCESS = "security-incident";
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  static final String SHA = "a3f1c2d4e5b6a7980112233445566778899aabbccddeeff00112233445566778";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Who completes a task: a bench account of that group. */
  enum Role { TECH, PM, REFERENT, RSSI }

  record Step(String taskKey, Role role) {}

  /** The user tasks the benchmark completes, in the order they come (requalification and "anomaly" are not used). */
  static final List<Step> STEPS = List.of(
      new Step("Task_QualifyIncident", Role.REFERENT),
      new Step("Task_CaptureEvidence", Role.TECH),
      new Step("Task_ContainIncident", Role.TECH),
      new Step("Task_EradicateThreat", Role.TECH),
      new Step("Task_VerifyIntegrity", Role.TECH),
      new Step("Task_ProposeRecoveryDate", Role.PM),
      new Step("Task_AgreeRecoveryDate", Role.RSSI),
      new Step("Task_ReturnToService", Role.TECH),
      new Step("Task_WriteLessonsLearned", Role.REFERENT),
      new Step("Task_ApproveLessonsLearned", Role.PM),
      new Step("Task_ConfirmMonitoringEnd", Role.REFERENT));

  /** Tasks open during the lifecycle that the benchmark leaves alone (withdrawn at closure / ended by the timer). */
  static final List<String> LEFT_ALONE = List.of("Task_RequalifyIncident", "Task_MonitorSystem");

  /** The timer standing for 30 days of reinforced monitoring: the driver fires it (the period is not waited for). */
  static final String MONITORING_END_TIMER = "Event_MonitoringPeriodEnded";

  private IncidentSteps() {}

  static Step step(String taskKey) {
    return STEPS.stream().filter(s -> s.taskKey().equals(taskKey)).findFirst().orElse(null);
  }

  static Map<String, Object> reportForm(String clientId, String siteId) {
    Map<String, Object> form = new HashMap<>();
    form.put("clientId", clientId);
    form.put("siteSelection", json(List.of(siteId)));
    form.put("detectionSource", "technicien-sur-site");
    form.put("equipment", "NVR-01 (Milestone XProtect)");
    form.put("description", "Compte administrateur inconnu créé sur le NVR");
    return form;
  }

  /** The form of a step, as Tasklist submits it. */
  static Map<String, Object> form(String taskKey, String siteId, Instant now) {
    Map<String, Object> form = new LinkedHashMap<>();
    switch (taskKey) {
      case "Task_QualifyIncident" -> {
        form.put("nature", "intrusion");
        form.put("severity", "mineur");
        form.put("personalDataAnswer", "non");
        form.put("siteSelection", json(List.of(siteId)));
        form.put("affectedSystems", "NVR-01, VLAN vidéo");
        form.put("awarenessChoice", "maintenant");
        form.put("awarenessConfirmed", true);
      }
      case "Task_CaptureEvidence" -> {
        form.put("evidenceDecision", "capturees");
        form.put("evidence1Kind", "journaux");
        form.put("evidence1Description", "Journaux d'authentification du NVR");
        form.put("evidence1StorageLocation", "Coffre de preuves, scellé 2026-017");
        form.put("evidence1Sha256", SHA);
        form.put("evidence1CapturedAt", paris(now.minus(5, ChronoUnit.MINUTES)));
      }
      case "Task_ContainIncident" -> {
        for (String action : List.of("containmentNetworkIsolation", "containmentCredentialRevocation",
            "containmentRemoteAccessDisconnection")) {
          form.put(action, "fait");
          form.put(action + "Comment", "Fait à 10 h 05");
        }
      }
      case "Task_EradicateThreat" -> {
        form.put("eradicationEquipment", "remplace");
        form.put("eradicationVulnerability", "corrigee");
        form.put("eradicationCredentials", "renouveles");
        form.put("eradicationFleetCheck", "aucune-compromission");
        List.copyOf(form.keySet()).forEach(k -> form.put(k + "Comment", "RAS"));
      }
      case "Task_VerifyIntegrity" -> {
        form.put("integrityConfigurationCompliant", true);
        form.put("integrityFirmwareUpToDate", true);
        form.put("integrityUnauthorisedAccessRemoved", true);
        form.put("integrityLoggingEnabled", true);
      }
      case "Task_ProposeRecoveryDate" -> form.put("recoveryDateInput", paris(now.plus(1, ChronoUnit.DAYS)));
      case "Task_AgreeRecoveryDate" -> form.put("recoveryClientDecision", "accepte");
      case "Task_ReturnToService" -> {
        form.put("returnConfirmed", true);
        form.put("earlyReturnAgreement", "Accord du RSSI par téléphone"); // before the agreed date
      }
      case "Task_WriteLessonsLearned" -> {
        form.put("lessonsRootCauses", "Mot de passe par défaut sur le NVR");
        form.put("lessonsResponseEffectiveness", "Confinement en 2 h, délais tenus");
        form.put("lessonsImprovements", "Contrôle des comptes par défaut à la mise en service");
      }
      case "Task_ApproveLessonsLearned" -> form.put("lessonsDecision", "approuve");
      case "Task_ConfirmMonitoringEnd" -> form.put("monitoringOutcome", "rien-a-signaler");
      default -> throw new IllegalArgumentException("No form for " + taskKey);
    }
    return form;
  }

  /** "2026-03-05T14:00": wall-clock minutes in Paris, as the datetime fields submit them. */
  static String paris(Instant instant) {
    return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MINUTES), PARIS).toString();
  }

  static JsonValue json(Object value) {
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(value)).create();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
