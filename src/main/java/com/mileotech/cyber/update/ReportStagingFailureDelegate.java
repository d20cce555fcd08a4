package com.mileotech.cyber.update;

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
    String reference = (String) execution.getVariable("reference");
    reminders.inform(execution, "staging-failed-" + execution.getVariable("stagingFailures"),
        Notice.of("update-staging-failed", Audience.CYBER_REFERENT, Audience.PROJECT_MANAGERS)
            .with("title", "Échec de validation en préproduction — " + execution.getVariable("product") + " ("
                + reference + ")")
            .with("body", "La mise à jour " + reference + " (" + execution.getVariable("advisory") + ", "
                + execution.getVariable("product") + ") a échoué en préproduction chez "
                + execution.getVariable("clientName") + " : " + execution.getVariable("stagingFailure")
                + "\nVoyez avec le constructeur ; l'échéance reste le " + execution.getVariable("updateDueText") + ".")
            .with("product", execution.getVariable("product"))
            .with("failure", execution.getVariable("stagingFailure"))
            .with("applyBy", execution.getVariable("updateDueAt")));
  }
}
