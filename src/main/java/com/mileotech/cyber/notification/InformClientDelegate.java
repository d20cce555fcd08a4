package com.mileotech.cyber.notification;

import static com.mileotech.cyber.notification.NotificationVariables.*;

import com.mileotech.cyber.reminder.Audience;
import com.mileotech.cyber.reminder.Notice;
import com.mileotech.cyber.reminder.Reminders;
import com.mileotech.cyber.system.Moments;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Envoyer l'information écrite au client": after "Informer le client", the client's RSSI gets
 * the information in writing (also after a call: the record of what was said, GDPR art. 33(2)).
 * Asynchronous and idempotent (the outbox key): a retried job sends nothing twice.
 */
@Component("informClient")
class InformClientDelegate implements JavaDelegate {

  private final Reminders reminders;
  private final Moments moments;

  InformClientDelegate(Reminders reminders, Moments moments) {
    this.reminders = reminders;
    this.moments = moments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String authority = AUTHORITY.get(execution);
    String reference = REFERENCE.get(execution);
    boolean cnil = "CNIL".equals(authority);
    String what = cnil
        ? "une violation de données à caractère personnel (images de personnes) qui peut vous obliger à notifier la CNIL dans les 72 heures"
        : "un incident de sécurité qui doit être notifié à l'ANSSI";
    String mileoAwareness = moments.wordsWithZone(AWARENESS_AT.instant(execution));
    String clientAwareness = moments.wordsWithZone(CLIENT_AWARENESS_AT.instant(execution));
    reminders.inform(execution, "client-informed-" + authority, Notice.of("breach-client-information", Audience.CLIENT_RSSI)
        .with("title", "Incident " + reference + " : " + (cnil ? "violation de données personnelles" : "notification à l'ANSSI"))
        .with("body", "Mileo Technology a pris connaissance le " + mileoAwareness + " de l'incident de sécurité " + reference
            + ", " + what + ". Votre propre délai court à compter de votre prise de connaissance, le " + clientAwareness
            + ". Notre référent cybersécurité prépare avec vous la notification ; elle vous sera soumise dans Tasklist "
            + "pour validation et dépôt.")
        .with("authority", authority));
  }
}
