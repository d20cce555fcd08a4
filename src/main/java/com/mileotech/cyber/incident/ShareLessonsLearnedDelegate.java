package com.mileotech.cyber.incident;

import static com.mileotech.cyber.incident.SecurityIncidentVariables.*;

import com.mileotech.cyber.reminder.Audience;
import com.mileotech.cyber.reminder.Notice;
import com.mileotech.cyber.reminder.Reminders;
import com.mileotech.cyber.system.Moments;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Partager le retour d'expérience avec le client" (PROC-CYB-005 §06): the client's RSSI is sent
 * the link to the incident file (template {@code lessons-learned-shared}), which the task's start
 * listener has just generated; the lessons-learned report is part of it. Asynchronous; idempotent
 * by key.
 */
@Component("shareLessonsLearned")
class ShareLessonsLearnedDelegate implements JavaDelegate {

  private final Reminders reminders;
  private final IncidentFileLinks links;
  private final Moments moments;

  ShareLessonsLearnedDelegate(Reminders reminders, IncidentFileLinks links, Moments moments) {
    this.reminders = reminders;
    this.links = links;
    this.moments = moments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = REFERENCE.get(execution);
    reminders.inform(execution, "lessons-learned-shared", Notice.of("lessons-learned-shared", Audience.CLIENT_RSSI)
        .with("title", "Dossier de l'incident de sécurité " + reference)
        .with("body", "Madame, Monsieur, le dossier de l'incident de sécurité " + reference + " survenu sur vos "
            + "systèmes de vidéosurveillance est établi : synthèse, qualification, chronologie, preuves et chaîne de "
            + "possession, confinement et éradication, notifications et retour d'expérience (causes racines, "
            + "efficacité de la réponse, points d'amélioration). Il est à conserver dans votre dossier. Le référent "
            + "cybersécurité de Mileo Technology reste à votre disposition.")
        .with("closedAt", moments.wordsWithZone(CLOSED_AT.instant(execution)))
        .with("fileUrl", links.file(reference)));
  }
}
