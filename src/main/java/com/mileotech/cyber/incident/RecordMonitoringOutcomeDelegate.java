package com.mileotech.cyber.incident;

import static com.mileotech.cyber.incident.SecurityIncidentVariables.*;

import com.mileotech.cyber.system.Refusal;
import com.mileotech.cyber.system.Moments;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer l'issue du suivi renforcé": nothing seen, or an anomaly described (with how it was
 * detected), which will open a new security incident linked to this one ({@code anomalySeen}).
 */
@Component("recordMonitoringOutcome")
class RecordMonitoringOutcomeDelegate implements JavaDelegate {

  static final String NOTHING_SEEN = "rien-a-signaler";
  static final String ANOMALY = "anomalie";
  /** Leaves room in the new incident's description for the link to this one. */
  static final int ANOMALY_MAX = 3500;

  private final Actors actors;
  private final Moments moments;

  RecordMonitoringOutcomeDelegate(Actors actors, Moments moments) {
    this.actors = actors;
    this.moments = moments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String outcome = MONITORING_OUTCOME.text(execution);
    List<String> problems = new ArrayList<>();
    if (ANOMALY.equals(outcome)) {
      String description = MONITORING_ANOMALY.text(execution);
      if (description == null) {
        problems.add("décrivez ce qui a été constaté");
      } else if (description.length() > ANOMALY_MAX) {
        problems.add("description de l'anomalie : " + ANOMALY_MAX + " caractères au plus");
      }
      if (Code.find(DetectionSource.class, MONITORING_ANOMALY_SOURCE.get(execution)).isEmpty()) {
        problems.add("indiquez comment l'anomalie a été détectée (" + Code.allowed(DetectionSource.class) + ")");
      }
    } else if (!NOTHING_SEEN.equals(outcome)) {
      problems.add("indiquez si le suivi renforcé s'achève sans anomalie ou si une anomalie a été constatée");
    }
    if (!problems.isEmpty()) {
      throw Refusal.of("Suivi renforcé non enregistré", problems);
    }
    ANOMALY_SEEN.set(execution, ANOMALY.equals(outcome));
    MONITORING_ENDED_AT.set(execution, Moments.date(moments.now()));
    MONITORING_ENDED_BY.set(execution, actors.current());
  }
}
