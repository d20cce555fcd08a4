package com.mileotech.cyber.incident;

import com.mileotech.cyber.reminder.Audience;
import com.mileotech.cyber.reminder.Notice;
import com.mileotech.cyber.reminder.Reminders;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Informer le référent cybersécurité": every suspicion goes straight to the referent
 * (PROC-CYB-005 §02): a mail, beside the qualification task in their Tasklist. Asynchronous.
 */
@Component("informReferent")
class InformReferentDelegate implements JavaDelegate {

  private final Reminders reminders;

  InformReferentDelegate(Reminders reminders) {
    this.reminders = reminders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = (String) execution.getVariable(Variables.REFERENCE);
    String client = (String) execution.getVariable(Variables.CLIENT_NAME);
    String sites = (String) execution.getVariable(Variables.SITES);
    String body = "Un incident de sécurité est signalé pour " + client + " (" + sites + ").\n\n"
        + "Source : " + execution.getVariable(Variables.DETECTION_SOURCE_LABEL) + "\n"
        + "Détecté le : " + execution.getVariable(Variables.DETECTED_AT_LABEL) + "\n"
        + "Équipement : " + execution.getVariable(Variables.EQUIPMENT) + "\n\n"
        + execution.getVariable(Variables.DESCRIPTION) + "\n\n"
        + "La tâche « Qualifier l'incident » vous attend dans Tasklist.";
    reminders.inform(execution, "incident-reported", Notice.of("incident-reported", Audience.CYBER_REFERENT)
        .with("title", "Incident de sécurité signalé : " + reference + " — " + client)
        .with("body", body)
        .with("description", execution.getVariable(Variables.DESCRIPTION))
        .with("detectionSource", execution.getVariable(Variables.DETECTION_SOURCE_LABEL))
        .with("detectedAt", execution.getVariable(Variables.DETECTED_AT_LABEL))
        .with("equipment", execution.getVariable(Variables.EQUIPMENT)));
  }
}
