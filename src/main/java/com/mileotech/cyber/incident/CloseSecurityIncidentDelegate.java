package com.mileotech.cyber.incident;

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
    if (!Boolean.TRUE.equals(Values.bool(execution.getVariable("returnConfirmed")))) {
      throw Refusal.of("Remise en service non enregistrée",
          List.of("confirmez que le système est remis en service"));
    }
    Instant now = moments.now();
    Instant agreedAt = moments.instant(execution.getVariable("recoveryAgreedAt"));
    if (agreedAt != null && moments.isInFuture(agreedAt) && Values.text(execution.getVariable("earlyReturnAgreement")) == null) {
      throw Refusal.of("Remise en service non enregistrée", List.of("la date convenue avec le client est le "
          + moments.wordsWithZone(agreedAt) + " : pour remettre en service avant, indiquez comment le client l'a accepté"));
    }
    Instant detectedAt = moments.instant(execution.getVariable(Variables.DETECTED_AT));
    Instant beganAt = moments.instant(execution.getVariable(Variables.BEGAN_AT));
    Long mttd = beganAt == null ? null : Duration.between(beganAt, detectedAt).toMinutes();
    long mttr = Duration.between(detectedAt, now).toMinutes();
    execution.setVariable(Variables.RETURNED_TO_SERVICE_AT, Moments.date(now));
    execution.setVariable(Variables.CLOSED_AT, Moments.date(now));
    execution.setVariable("closedAtLabel", moments.wordsWithZone(now));
    execution.setVariable("returnedToServiceBy", actors.current());
    execution.setVariable(Variables.MTTD_MINUTES, mttd);
    execution.setVariable(Variables.MTTR_MINUTES, mttr);
    execution.setVariable("indicatorsLabel", (mttd == null ? "MTTD : inconnu (début de l'incident non renseigné)"
        : "MTTD : " + Moments.duration(mttd) + " (détection − début)") + " ; MTTR : " + Moments.duration(mttr)
        + " (remise en service − détection)");
    repository.close((String) execution.getVariable(Variables.REFERENCE), now, now, mttd, mttr);
  }
}
