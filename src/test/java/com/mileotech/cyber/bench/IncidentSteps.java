package com.mileotech.cyber.bench;

import com.mileotech.cyber.incident.IncidentForms;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The security-incident lifecycle as its people submit their forms in Tasklist (the same values as
 * the scenario tests: incident/IncidentForms, the process's form driver): which task is done by whom, with what.
 */
final class IncidentSteps {

  static final String PROCESS = "security-incident";
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  static final String SHA = IncidentForms.SHA;

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
    return IncidentForms.report(clientId, List.of(siteId));
  }

  /** The form of a step, as Tasklist submits it (from the process's form driver, {@link IncidentForms}). */
  static Map<String, Object> form(String taskKey, String siteId, Instant now) {
    return switch (taskKey) {
      case "Task_QualifyIncident" -> IncidentForms.qualification("mineur", false, List.of(siteId));
      case "Task_CaptureEvidence" -> IncidentForms.evidenceCaptured(
          IncidentForms.evidence(1, "journaux", SHA, paris(now.minus(5, ChronoUnit.MINUTES))));
      case "Task_ContainIncident" -> IncidentForms.containment("Fait à 10 h 05");
      case "Task_EradicateThreat" -> IncidentForms.eradication();
      case "Task_VerifyIntegrity" -> IncidentForms.integrity();
      case "Task_ProposeRecoveryDate" -> IncidentForms.recoveryProposal(paris(now.plus(1, ChronoUnit.DAYS)));
      case "Task_AgreeRecoveryDate" -> IncidentForms.recoveryAgreed();
      case "Task_ReturnToService" -> IncidentForms.returnToService(); // before the agreed date
      case "Task_WriteLessonsLearned" -> IncidentForms.lessonsLearned();
      case "Task_ApproveLessonsLearned" -> IncidentForms.lessonsApproved();
      case "Task_ConfirmMonitoringEnd" -> IncidentForms.monitoringQuiet();
      default -> throw new IllegalArgumentException("No form for " + taskKey);
    };
  }

  /** "2026-03-05T14:00": wall-clock minutes in Paris, as the datetime fields submit them. */
  static String paris(Instant instant) {
    return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MINUTES), PARIS).toString();
  }
}
