package com.mileotech.cyber.incident;

import static com.mileotech.cyber.incident.SecurityIncidentVariables.*;

import com.mileotech.cyber.system.Refusal;
import com.mileotech.cyber.system.Moments;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Clore l'incident": return to service closes the security incident (PROC-CYB-005 §04). Records
 * the moment and the indicators of the annual dashboard (§06): MTTD = detection − beginning (when
 * the beginning is known), MTTR = return to service − detection, in minutes.
 */
@Component("closeSecurityIncident")
class CloseSecurityIncidentDelegate implements JavaDelegate {

  private final SecurityIncidentRepository repository;
  private final Actors actors;
  private final Moments moments;

  CloseSecurityIncidentDelegate(SecurityIncidentRepository repository, Actors actors, Moments moments) {
    this.repository = repository;
    this.actors = actors;
    this.moments = moments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (!RETURN_CONFIRMED.isTrue(execution)) {
      throw Refusal.of("Remise en service non enregistrée",
          List.of("confirmez que le système est remis en service"));
    }
    Instant now = moments.now();
    Instant agreedAt = RECOVERY_AGREED_AT.instant(execution);
    if (agreedAt != null && moments.isInFuture(agreedAt) && EARLY_RETURN_AGREEMENT.text(execution) == null) {
      throw Refusal.of("Remise en service non enregistrée", List.of("la date convenue avec le client est le "
          + moments.wordsWithZone(agreedAt) + " : pour remettre en service avant, indiquez comment le client l'a accepté"));
    }
    Instant detectedAt = DETECTED_AT.instant(execution);
    Instant beganAt = BEGAN_AT.instant(execution);
    Long mttd = beganAt == null ? null : Duration.between(beganAt, detectedAt).toMinutes();
    long mttr = Duration.between(detectedAt, now).toMinutes();
    RETURNED_TO_SERVICE_AT.set(execution, Moments.date(now));
    CLOSED_AT.set(execution, Moments.date(now));
    RETURNED_TO_SERVICE_BY.set(execution, actors.current());
    MTTD_MINUTES.set(execution, mttd);
    MTTR_MINUTES.set(execution, mttr);
    INDICATORS_LABEL.set(execution, (mttd == null ? "MTTD : inconnu (début de l'incident non renseigné)"
        : "MTTD : " + Moments.duration(mttd) + " (détection − début)") + " ; MTTR : " + Moments.duration(mttr)
        + " (remise en service − détection)");
    repository.close(REFERENCE.get(execution), now, now, mttd, mttr);
  }
}
