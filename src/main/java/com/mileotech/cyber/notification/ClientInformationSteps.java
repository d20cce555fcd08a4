package com.mileotech.cyber.notification;

import com.mileotech.cyber.client.Client;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.reminder.Deadline;
import com.mileotech.cyber.reminder.Deadlines;
import com.mileotech.cyber.security.DecisionOwners;
import com.mileotech.cyber.system.Limits;
import com.mileotech.cyber.system.Moments;
import com.mileotech.cyber.system.Refusal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Informer le client", the first step of both notification processes. Mileo is the client's
 * processor (GDPR art. 33(2)) or service provider: it must tell the client "sans délai" once it
 * is aware, and the client's own legal clock runs from that moment. The deadline to tell the
 * client runs from Mileo's awareness ({@code mileo.deadlines.client-information}), with reminders
 * and an escalation to the referent and project managers; the register says whether it was kept.
 */
final class ClientInformationSteps {

  private ClientInformationSteps() {}

  static final String DEADLINE = "clientInformation";
  static final String RULE = "client-information";

  /** How Mileo told the client, as the form offers it, with the words of the record. */
  static final String BY_APPLICATION_MAIL = "courriel-application";
  static final Map<String, String> CHANNELS = Map.of(
      BY_APPLICATION_MAIL, "Par courriel de l'application au RSSI du client",
      "telephone", "Par téléphone",
      "de-vive-voix", "De vive voix (réunion, sur site)",
      "courriel", "Par un courriel envoyé hors de l'application");

  static final String CHANNEL_INPUT = "clientInformationChannel";
  static final String INFORMED_AT_INPUT = "clientInformedAtInput";
  static final String CONTACT_INPUT = "clientInformedContact";

  /** "Calculer l'échéance d'information du client": due "sans délai" after Mileo's awareness. */
  @Component("openClientInformation")
  static class OpenDeadline implements JavaDelegate {
    private final Deadlines deadlines;
    private final NotificationRegister register;
    private final ClientRepository clients;

    OpenDeadline(Deadlines deadlines, NotificationRegister register, ClientRepository clients) {
      this.deadlines = deadlines;
      this.register = register;
      this.clients = clients;
    }

    @Override
    public void execute(DelegateExecution execution) {
      Date mileoAwareness = (Date) execution.getVariable("awarenessAt");
      Deadline deadline = deadlines.start(execution, DEADLINE, RULE, mileoAwareness.toInstant());
      register.clientInformationDue((String) execution.getVariable("notificationId"), deadline.dueAt());
      execution.setVariable("mileoAwarenessText", deadlines.inWords(mileoAwareness.toInstant()));
      // what the form shows: who will receive the application's mail
      execution.setVariable("clientRssiContacts", clients.find((String) execution.getVariable("clientId"))
          .map(client -> client.rssiContacts().stream().filter(c -> c.email() != null && !c.email().isBlank())
              .map(c -> c.name() + " (" + c.email() + (c.phone() == null ? "" : ", " + c.phone()) + ")")
              .collect(Collectors.joining(", ")))
          .filter(text -> !text.isEmpty()).orElse("aucun RSSI enregistré avec une adresse"));
    }
  }

  /**
   * "Enregistrer l'information du client", right after "Informer le client": when and how the client
   * was told, by whom at Mileo (the authenticated user), and what follows — the client's awareness, the earliest awareness known
   * (where the CNIL and ANSSI clocks start), whether Mileo's own deadline was kept.
   */
  @Component("recordClientInformation")
  static class Record implements JavaDelegate {
    private final NotificationRegister register;
    private final ClientRepository clients;
    private final DecisionOwners owners;
    private final Moments moments;

    Record(NotificationRegister register, ClientRepository clients, DecisionOwners owners, Moments moments) {
      this.register = register;
      this.clients = clients;
      this.owners = owners;
      this.moments = moments;
    }

    @Override
    public void execute(DelegateExecution task) {
      String channel = FormValues.text(task, CHANNEL_INPUT);
      Refusal.Collector problems = Refusal.collect("Information du client non enregistrée")
          .require(channel != null && CHANNELS.containsKey(channel),
              "indiquez comment le client a été informé");
      Instant now = moments.now();
      Instant informedAt = now;
      String contact = FormValues.text(task, CONTACT_INPUT);
      Client client = clients.find((String) task.getVariable("clientId")).orElseThrow();
      String rssi = rssi(client);
      if (BY_APPLICATION_MAIL.equals(channel)) {
        problems.require(!rssi.isEmpty(), "le client n'a aucun RSSI enregistré avec une adresse : informez-le par "
            + "téléphone ou de vive voix, puis indiquez-le ici (et faites compléter sa fiche)");
      } else if (channel != null && CHANNELS.containsKey(channel)) {
        Instant detected = (Date) task.getVariable("detectedAt") == null ? null
            : ((Date) task.getVariable("detectedAt")).toInstant();
        try {
          informedAt = moments.typed(task, INFORMED_AT_INPUT);
          problems.require(informedAt != null, "indiquez la date et l'heure à laquelle le client a été informé");
          problems.require(informedAt == null || !moments.isInFuture(informedAt),
              "le client ne peut pas avoir été informé dans le futur");
          problems.require(informedAt == null || detected == null
                  || !informedAt.isBefore(detected.truncatedTo(ChronoUnit.MINUTES)),
              "le client ne peut pas avoir été informé avant la détection de l'incident ("
                  + moments.wordsWithZone(detected) + ")");
        } catch (IllegalArgumentException e) {
          problems.add("date de l'information du client : " + e.getMessage());
        }
        problems.require(contact != null, "indiquez qui a été informé chez le client (nom, fonction)");
      }
      problems.throwIfAny();
      if (informedAt.isAfter(now)) {
        informedAt = now; // within the forgiven clock skew
      }

      String by = owners.currentUserId();
      Instant mileoAwareness = ((Date) task.getVariable("awarenessAt")).toInstant();
      boolean reportedByClient = "signalement-client".equals(task.getVariable("detectionSource"));
      // the client knew from its own report; otherwise from Mileo's information (art. 33(2))
      Instant clientAwareness = reportedByClient && mileoAwareness.isBefore(informedAt) ? mileoAwareness : informedAt;
      Instant earliest = clientAwareness.isBefore(mileoAwareness) ? clientAwareness : mileoAwareness;
      Date due = (Date) task.getVariable(DEADLINE + "DueAt");
      boolean onTime = due == null || !informedAt.isAfter(due.toInstant());
      // regulatory_notification.client_informed_how holds 1,000 characters; the outbox keeps every recipient in full
      String how = Limits.shorten(CHANNELS.get(channel) + (BY_APPLICATION_MAIL.equals(channel) ? " (" + rssi + ")" : " (" + contact + ")")
          + " le " + moments.wordsWithZone(informedAt) + ", par " + (by == null ? "Mileo Technology" : owners.displayName(by))
          + (BY_APPLICATION_MAIL.equals(channel) || rssi.isEmpty() ? "" : " ; information écrite envoyée par courriel à " + rssi)
          + (reportedByClient ? " ; le client avait lui-même signalé l'incident" : ""), 1000);

      task.setVariable("clientInformedAt", Date.from(informedAt));
      task.setVariable("clientInformedBy", by);
      task.setVariable("clientInformedChannel", channel);
      task.setVariable("clientInformedHow", how);
      task.setVariable("clientAwarenessAt", Date.from(clientAwareness));
      task.setVariable("earliestAwarenessAt", Date.from(earliest));
      task.setVariable(DEADLINE + "DoneAt", Date.from(informedAt));
      task.setVariable(DEADLINE + "Met", onTime);
      task.removeVariables(List.of(CHANNEL_INPUT, INFORMED_AT_INPUT, CONTACT_INPUT));
      register.clientInformed((String) task.getVariable("notificationId"), new NotificationRegister.ClientInformation(
          informedAt, how, by, channel, onTime, clientAwareness, earliest));
    }
  }

  static String rssi(Client client) {
    return client.rssiContacts().stream().filter(c -> c.email() != null && !c.email().isBlank())
        .map(c -> c.name() + " <" + c.email() + ">").collect(Collectors.joining(", "));
  }
}
