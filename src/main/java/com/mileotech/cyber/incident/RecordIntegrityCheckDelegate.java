package com.mileotech.cyber.incident;

import com.mileotech.cyber.system.FormField;
import static com.mileotech.cyber.incident.SecurityIncidentVariables.*;

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
      if (!FormField.of(key).isTrue(execution)) {
        missing.add(label);
      }
    });
    boolean confirmed = missing.isEmpty();
    String reason = INTEGRITY_PROBLEM.text(execution);
    if (!confirmed && reason == null) {
      throw Refusal.of("Vérification non enregistrée", List.of(
          "non confirmé : " + String.join(", ", missing) + " — indiquez pourquoi, le travail retournera à l'éradication"));
    }
    Integer checks = INTEGRITY_CHECKS.get(execution);
    INTEGRITY_CHECKS.set(execution, checks == null ? 1 : checks + 1);
    INTEGRITY_CONFIRMED.set(execution, confirmed);
    INTEGRITY_CHECKED_AT.set(execution, Moments.date(moments.now()));
    INTEGRITY_CHECKED_BY.set(execution, actors.current());
    INTEGRITY_PROBLEM.remove(execution);
    if (confirmed) {
      INTEGRITY_FAILURE_REASON.remove(execution);
    } else {
      INTEGRITY_FAILURE_REASON.set(execution, "Non confirmé : " + String.join(", ", missing) + ". " + reason);
      // the next check starts from unticked boxes: each point is verified again
      CHECKS.keySet().forEach(key -> FormField.of(key).remove(execution));
    }
  }
}
