package com.mileotech.cyber.incident;

import static com.mileotech.cyber.incident.SecurityIncidentVariables.*;

import com.mileotech.cyber.reminder.Audience;
import com.mileotech.cyber.reminder.Notice;
import com.mileotech.cyber.reminder.Reminders;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Publier le bulletin de sécurité interne" (PROC-CYB-005 §06): the lessons of the incident go to
 * the technical teams (template {@code security-bulletin}). Runs in the job of "Partager le retour
 * d'expérience avec le client" just before it (an outbox insert needs a job boundary, not a job of
 * its own: docs/bench.md, "Lifecycle overhead"); idempotent by key.
 */
@Component("publishSecurityBulletin")
class PublishSecurityBulletinDelegate implements JavaDelegate {

  private final Reminders reminders;
  private final IncidentFileLinks links;

  PublishSecurityBulletinDelegate(Reminders reminders, IncidentFileLinks links) {
    this.reminders = reminders;
    this.links = links;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = REFERENCE.get(execution);
    String client = CLIENT_NAME.get(execution);
    // hardening controls named as root causes and their re-verification (security updates feature):
    // outcomes come later, in a follow-up bulletin
    Object controls = HARDENING_CONTROLS_SUMMARY.get(execution);
    Notice notice = Notice.of("security-bulletin", Audience.TECHNICIANS)
        .with("title", "Bulletin de sécurité interne — enseignements de l'incident " + reference)
        .with("body", "Les enseignements de l'incident de sécurité " + reference + " (" + client
            + ") sont à intégrer à vos interventions et aux procédures internes. Le dossier de "
            + "l'incident, avec le rapport de retour d'expérience approuvé : " + links.file(reference)
            + (controls == null ? "" : "\n\n" + controls))
        .with("fileUrl", links.file(reference));
    reminders.inform(execution, "security-bulletin", controls == null ? notice : notice.with("controls", controls));
  }
}
