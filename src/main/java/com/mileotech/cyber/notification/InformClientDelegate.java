package com.mileotech.cyber.notification;

import com.mileotech.cyber.client.Client;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.reminder.Audience;
import com.mileotech.cyber.reminder.Notice;
import com.mileotech.cyber.reminder.Reminders;
import com.mileotech.cyber.system.Limits;
import com.mileotech.cyber.system.Moments;
import java.time.Instant;
import java.util.Date;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Informer le client": Mileo acts as the client's processor (GDPR art. 33(2)) or service
 * provider; the client is the one who notifies, and its own clock runs from its awareness. The
 * client's RSSI is told at once by mail; when and how is recorded, and the client's awareness
 * (now, or earlier when the client itself reported the incident) starts the clocks.
 */
@Component("informClient")
class InformClientDelegate implements JavaDelegate {

  private final Reminders reminders;
  private final ClientRepository clients;
  private final NotificationRegister register;
  private final Moments moments;

  InformClientDelegate(Reminders reminders, ClientRepository clients, NotificationRegister register, Moments moments) {
    this.reminders = reminders;
    this.clients = clients;
    this.register = register;
    this.moments = moments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant now = RegulatoryObligations.now();
    String authority = (String) execution.getVariable("authority");
    String reference = (String) execution.getVariable("reference");
    Client client = clients.find((String) execution.getVariable("clientId")).orElseThrow();
    String rssi = client.rssiContacts().stream().map(c -> c.name() + " <" + c.email() + ">").collect(Collectors.joining(", "));

    String what = "CNIL".equals(authority)
        ? "une violation de données à caractère personnel (images de personnes) qui peut vous obliger à notifier la CNIL dans les 72 heures"
        : "un incident de sécurité qui doit être notifié à l'ANSSI";
    reminders.inform(execution, "client-informed-" + authority, Notice.of("breach-client-information", Audience.CLIENT_RSSI)
        .with("title", "Incident " + reference + " : " + ("CNIL".equals(authority) ? "violation de données personnelles" : "notification à l'ANSSI"))
        .with("body", "Mileo Technology a pris connaissance de l'incident de sécurité " + reference + ", " + what
            + ". Votre propre délai court à compter de votre prise de connaissance, c'est-à-dire de ce message. "
            + "Notre référent cybersécurité prépare avec vous la notification ; elle vous sera soumise dans Tasklist pour validation et dépôt.")
        .with("authority", authority));

    Date mileoAwareness = (Date) execution.getVariable("awarenessAt");
    boolean reportedByClient = "signalement-client".equals(execution.getVariable("detectionSource"));
    Instant clientAwareness = reportedByClient && mileoAwareness != null ? mileoAwareness.toInstant() : now;
    // regulatory_notification.client_informed_how: the outbox keeps every recipient in full
    String how = Limits.shorten("Courriel à " + (rssi.isEmpty() ? "(aucun RSSI enregistré)" : rssi) + " le "
        + moments.words(now) + (reportedByClient ? " ; le client avait lui-même signalé l'incident" : ""), 1000);

    execution.setVariable("clientInformedAt", Date.from(now));
    execution.setVariable("clientInformedHow", how);
    execution.setVariable("clientAwarenessAt", Date.from(clientAwareness));
    register.clientInformed((String) execution.getVariable("notificationId"), now, how, clientAwareness);
  }
}
