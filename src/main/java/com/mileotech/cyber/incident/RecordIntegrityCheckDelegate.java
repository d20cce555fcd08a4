package com.mileotech.cyber.incident;

import com.mileotech.cyber.system.Refusal;
import com.mileotech.cyber.system.Moments;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer la vérification d'intégrité": before return to service (PROC-CYB-005 §04) the four
 * checks must all be confirmed; otherwise the reason is required and the work goes back to
 * eradication ({@code integrityConfirmed} drives the gateway).
 */
@Component("recordIntegrityCheck")
class RecordIntegrityCheckDelegate implements JavaDelegate {

  static final Map<String, String> CHECKS = new LinkedHashMap<>();

  static {
    CHECKS.put("integrityConfigurationCompliant", "configuration conforme");
    CHECKS.put("integrityFirmwareUpToDate", "firmware à jour");
    CHECKS.put("integrityUnauthorisedAccessRemoved", "accès non autorisés supprimés");
    CHECKS.put("integrityLoggingEnabled", "journaux activés");
  }

  /** What the verifier wrote (form input). */
  static final String PROBLEM = "integrityProblem";
  /** What eradication is told: the unconfirmed points and the verifier's words. */
  static final String FAILURE_REASON = "integrityFailureReason";

  private final Actors actors;
  private final Moments moments;

  RecordIntegrityCheckDelegate(Actors actors, Moments moments) {
    this.actors = actors;
    this.moments = moments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> missing = new ArrayList<>();
    CHECKS.forEach((key, label) -> {
      if (!Boolean.TRUE.equals(Values.bool(execution.getVariable(key)))) {
        missing.add(label);
      }
    });
    boolean confirmed = missing.isEmpty();
    String reason = Values.text(execution.getVariable(PROBLEM));
    if (!confirmed && reason == null) {
      throw Refusal.of("Vérification non enregistrée", List.of(
          "non confirmé : " + String.join(", ", missing) + " — indiquez pourquoi, le travail retournera à l'éradication"));
    }
    Integer checks = (Integer) execution.getVariable("integrityChecks");
    execution.setVariable("integrityChecks", checks == null ? 1 : checks + 1);
    execution.setVariable("integrityConfirmed", confirmed);
    execution.setVariable("integrityCheckedAt", Moments.date(moments.now()));
    execution.setVariable("integrityCheckedBy", actors.current());
    execution.removeVariable(PROBLEM);
    if (confirmed) {
      execution.removeVariable(FAILURE_REASON);
    } else {
      execution.setVariable(FAILURE_REASON, "Non confirmé : " + String.join(", ", missing) + ". " + reason);
      // the next check starts from unticked boxes: each point is verified again
      CHECKS.keySet().forEach(execution::removeVariable);
    }
  }
}
