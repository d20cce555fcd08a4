package com.mileotech.cyber.update;

import static com.mileotech.cyber.update.SecurityUpdateVariables.*;

import com.mileotech.cyber.reminder.Audience;
import com.mileotech.cyber.reminder.Notice;
import com.mileotech.cyber.reminder.Reminders;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Signaler la non-conformité": a control point found non-compliant again is reported to the
 * project managers (remediation with the client) and the referent. Asynchronous, idempotent.
 */
@Component("reportReverificationNonConformity")
class ReportReverificationNonConformityDelegate implements JavaDelegate {

  private final Reminders reminders;

  ReportReverificationNonConformityDelegate(Reminders reminders) {
    this.reminders = reminders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String point = POINT_ID.get(execution) + " — " + POINT_LABEL.get(execution);
    reminders.inform(execution, "hardening-nonconformity", Notice.of("hardening-nonconformity",
            Audience.PROJECT_MANAGERS, Audience.CYBER_REFERENT)
        .with("title", "Point de durcissement non conforme — " + POINT_ID.get(execution) + " — "
            + SITE_NAME.get(execution))
        .with("body", "La revérification demandée par le retour d'expérience de l'incident "
            + INCIDENT_REFERENCE.get(execution) + " a trouvé le point " + point + " non conforme sur le site "
            + SITE_NAME.get(execution) + " (" + CLIENT_NAME.get(execution) + ").\nConstat : "
            + REVERIFICATION_COMMENT.get(execution) + "\nPlanifiez la remédiation avec le client.")
        .with("point", point)
        .with("finding", REVERIFICATION_COMMENT.get(execution)));
  }
}
