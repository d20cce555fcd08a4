package com.mileotech.cyber.incident;

import static com.mileotech.cyber.incident.SecurityIncidentVariables.*;

import com.mileotech.cyber.reminder.Audience;
import com.mileotech.cyber.reminder.Notice;
import com.mileotech.cyber.reminder.Reminders;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Partager le retour d'expérience avec le client" (PROC-CYB-005 §06): the approved report goes
 * to the client's RSSI (template {@code lessons-learned-shared}). Asynchronous; idempotent by key.
 */
@Component("shareLessonsLearned")
class ShareLessonsLearnedDelegate implements JavaDelegate {

  private final SecurityIncidentRepository repository;
  private final Reminders reminders;

  ShareLessonsLearnedDelegate(SecurityIncidentRepository repository, Reminders reminders) {
    this.repository = repository;
    this.reminders = reminders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = REFERENCE.get(execution);
    String report = repository.find(reference).orElseThrow().lessonsLearnedReport();
    reminders.inform(execution, "lessons-learned-shared", Notice.of("lessons-learned-shared", Audience.CLIENT_RSSI)
        .with("title", "Retour d'expérience de l'incident de sécurité " + reference)
        .with("body", "Madame, Monsieur, veuillez trouver ci-dessous le rapport de retour d'expérience de l'incident "
            + "de sécurité " + reference + " survenu sur vos systèmes de vidéosurveillance : chronologie, causes "
            + "racines, efficacité de la réponse et points d'amélioration. Le référent cybersécurité de Mileo "
            + "Technology reste à votre disposition.")
        .with("report", report));
  }
}
