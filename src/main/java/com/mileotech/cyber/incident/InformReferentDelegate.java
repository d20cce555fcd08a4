package com.mileotech.cyber.incident;

import static com.mileotech.cyber.incident.SecurityIncidentVariables.*;

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
    String reference = REFERENCE.get(execution);
    String client = CLIENT_NAME.get(execution);
    String sites = SITES.get(execution);
    String body = "Un incident de sécurité est signalé pour " + client + " (" + sites + ").\n\n"
        + "Source : " + DETECTION_SOURCE_LABEL.get(execution) + "\n"
        + "Détecté le : " + DETECTED_AT_LABEL.get(execution) + "\n"
        + "Équipement : " + EQUIPMENT.get(execution) + "\n\n"
        + DESCRIPTION.get(execution) + "\n\n"
        + "La tâche « Qualifier l'incident » vous attend dans Tasklist.";
    reminders.inform(execution, "incident-reported", Notice.of("incident-reported", Audience.CYBER_REFERENT)
        .with("title", "Incident de sécurité signalé : " + reference + " — " + client)
        .with("body", body)
        .with("description", DESCRIPTION.get(execution))
        .with("detectionSource", DETECTION_SOURCE_LABEL.get(execution))
        .with("detectedAt", DETECTED_AT_LABEL.get(execution))
        .with("equipment", EQUIPMENT.get(execution)));
  }
}
