package com.mileotech.cyber.notification;

import static com.mileotech.cyber.notification.NotificationVariables.*;

import com.mileotech.cyber.reminder.Audience;
import com.mileotech.cyber.reminder.Notice;
import com.mileotech.cyber.reminder.Reminders;
import com.mileotech.cyber.system.Moments;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Envoyer l'information écrite au client": after "Informer le client", the client's RSSI gets
 * the information in writing (also after a call: the record of what was said, GDPR art. 33(2)).
 * Once per incident: the mail names every duty the telling answers (the CNIL and the ANSSI when
 * both were open); a duty that only took over an earlier telling sends nothing.
 * Asynchronous and idempotent (the outbox key): a retried job sends nothing twice.
 */
@Component("informClient")
class InformClientDelegate implements JavaDelegate {

  private static final String CNIL_DUTY =
      "une violation de données à caractère personnel (images de personnes) qui peut vous obliger à notifier la CNIL dans les 72 heures";
  private static final String ANSSI_DUTY = "un incident de sécurité qui doit être notifié à l'ANSSI";

  private final Reminders reminders;
  private final Moments moments;
  private final NotificationRegister register;

  InformClientDelegate(Reminders reminders, Moments moments, NotificationRegister register) {
    this.reminders = reminders;
    this.moments = moments;
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (CLIENT_INFORMED_THROUGH.get(execution) != null) {
      return; // this duty took over a telling already made (and mailed) through another one
    }
    String authority = AUTHORITY.get(execution);
    String reference = REFERENCE.get(execution);
    List<String> authorities = new ArrayList<>(List.of(authority));
    register.authoritiesInformedThrough(NOTIFICATION_ID.get(execution)).stream()
        .filter(a -> !authorities.contains(a)).forEach(authorities::add);
    boolean cnil = authorities.contains("CNIL");
    boolean anssi = authorities.contains("ANSSI");
    String what = cnil && anssi ? CNIL_DUTY + ", et " + ANSSI_DUTY.replace("un incident de sécurité qui", "qui")
        : cnil ? CNIL_DUTY : ANSSI_DUTY;
    String title = cnil && anssi ? "violation de données personnelles et notification à l'ANSSI"
        : cnil ? "violation de données personnelles" : "notification à l'ANSSI";
    String mileoAwareness = moments.wordsWithZone(AWARENESS_AT.instant(execution));
    String clientAwareness = moments.wordsWithZone(CLIENT_AWARENESS_AT.instant(execution));
    reminders.inform(execution, "client-informed-" + authority, Notice.of("breach-client-information", Audience.CLIENT_RSSI)
        .with("title", "Incident " + reference + " : " + title)
        .with("body", "Mileo Technology a pris connaissance le " + mileoAwareness + " de l'incident de sécurité " + reference
            + ", " + what + ". Votre propre délai court à compter de votre prise de connaissance, le " + clientAwareness
            + ". Notre référent cybersécurité prépare avec vous " + (cnil && anssi ? "les notifications ; elles vous seront"
                : "la notification ; elle vous sera") + " soumise" + (cnil && anssi ? "s" : "")
            + " dans Tasklist pour validation et dépôt.")
        .with("authority", String.join(", ", authorities)));
  }
}
