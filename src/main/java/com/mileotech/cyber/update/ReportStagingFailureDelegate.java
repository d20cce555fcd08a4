package com.mileotech.cyber.update;

import static com.mileotech.cyber.update.SecurityUpdateVariables.*;

import com.mileotech.cyber.reminder.Audience;
import com.mileotech.cyber.reminder.Notice;
import com.mileotech.cyber.reminder.Reminders;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Signaler l'échec de la validation": the referent and the project managers learn that the update
 * failed in staging (to take it up with the maker); the deadline keeps running. One notice per
 * failure (asynchronous, idempotent by key).
 */
@Component("reportStagingFailure")
class ReportStagingFailureDelegate implements JavaDelegate {

  private final Reminders reminders;

  ReportStagingFailureDelegate(Reminders reminders) {
    this.reminders = reminders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = REFERENCE.get(execution);
    reminders.inform(execution, "staging-failed-" + STAGING_FAILURES.get(execution),
        Notice.of("update-staging-failed", Audience.CYBER_REFERENT, Audience.PROJECT_MANAGERS)
            .with("title", "Échec de validation en préproduction — " + PRODUCT.get(execution) + " ("
                + reference + ")")
            .with("body", "La mise à jour " + reference + " (" + ADVISORY.get(execution) + ", "
                + PRODUCT.get(execution) + ") a échoué en préproduction chez "
                + CLIENT_NAME.get(execution) + " : " + STAGING_FAILURE.get(execution)
                + "\nVoyez avec le constructeur ; l'échéance reste le " + UPDATE.dueText().get(execution) + ".")
            .with("product", PRODUCT.get(execution))
            .with("failure", STAGING_FAILURE.get(execution))
            .with("applyBy", UPDATE.dueAt().get(execution)));
  }
}
