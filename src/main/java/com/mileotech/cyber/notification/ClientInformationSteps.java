package com.mileotech.cyber.notification;

import com.mileotech.cyber.system.FormField;
import static com.mileotech.cyber.notification.NotificationVariables.*;

import com.mileotech.cyber.client.Client;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.reminder.Deadline;
import com.mileotech.cyber.reminder.Deadlines;
import com.mileotech.cyber.security.DecisionOwners;
import com.mileotech.cyber.security.PrivilegedCall;
import com.mileotech.cyber.system.Limits;
import com.mileotech.cyber.system.Moments;
import com.mileotech.cyber.system.Refusal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Informer le client", the first step of both notification processes. Mileo is the client's
 * processor (GDPR art. 33(2)) or service provider: it must tell the client "sans délai" once it
 * is aware, and the client's own legal clock runs from that moment. The deadline to tell the
 * client runs from Mileo's awareness ({@code mileo.deadlines.client-information}), with reminders
 * and an escalation to the referent and project managers; the register says whether it was kept.
 *
 * <p>The client is told <em>once per incident</em>, whatever the number of its duties (CNIL and
 * ANSSI): the first "Informer le client" completed tells it (one written mail, naming every duty it
 * answers) and closes the same task of the incident's other duties ({@link #CLIENT_INFORMED_MESSAGE},
 * correlated by incident and tenant); a duty that starts after the client was told opens no task.
 * Either way that duty records the same telling ({@link Copy}), judged against its own deadline.
 */
final class ClientInformationSteps {

  private ClientInformationSteps() {}

  static final String RULE = "client-information";

  /** How Mileo told the client, as the form offers it, with the words of the record. */
  static final String BY_APPLICATION_MAIL = "courriel-application";
  static final Map<String, String> CHANNELS = Map.of(
      BY_APPLICATION_MAIL, "Par courriel de l'application au RSSI du client",
      "telephone", "Par téléphone",
      "de-vive-voix", "De vive voix (réunion, sur site)",
      "courriel", "Par un courriel envoyé hors de l'application");


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
      Date mileoAwareness = AWARENESS_AT.get(execution);
      Deadline deadline = deadlines.start(execution, CLIENT_INFORMATION.name(), RULE, mileoAwareness.toInstant());
      register.clientInformationDue(NOTIFICATION_ID.get(execution), deadline.dueAt());
      // told through another duty of the incident already: no task, that telling is recorded (Copy)
      CLIENT_ALREADY_INFORMED.set(execution, register.clientInformation(REFERENCE.get(execution)).isPresent());
      MILEO_AWARENESS_TEXT.set(execution, deadlines.inWords(mileoAwareness.toInstant()));
      // what the form shows: who will receive the application's mail
      CLIENT_RSSI_CONTACTS.set(execution, clients.find(CLIENT_ID.get(execution))
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
    private final RuntimeService runtime;
    private final PrivilegedCall privileged;

    Record(NotificationRegister register, ClientRepository clients, DecisionOwners owners, Moments moments,
        RuntimeService runtime, PrivilegedCall privileged) {
      this.register = register;
      this.clients = clients;
      this.owners = owners;
      this.moments = moments;
      this.runtime = runtime;
      this.privileged = privileged;
    }

    @Override
    public void execute(DelegateExecution task) {
      String reference = REFERENCE.get(task);
      Optional<NotificationRegister.IncidentClientInformation> earlier = register.clientInformation(reference);
      if (earlier.isPresent()) {
        // told meanwhile through another duty (this one started while that one was being told): record
        // that telling, never a second one, and no second mail (InformClientDelegate)
        FormField.removeAll(task, CLIENT_INFORMATION_CHANNEL, CLIENT_INFORMED_AT_INPUT, CLIENT_INFORMED_CONTACT);
        Copy.record(task, earlier.get(), register, moments);
        return;
      }
      String channel = CLIENT_INFORMATION_CHANNEL.text(task);
      Refusal.Collector problems = Refusal.collect("Information du client non enregistrée")
          .require(channel != null && CHANNELS.containsKey(channel),
              "indiquez comment le client a été informé");
      Instant now = moments.now();
      Instant informedAt = now;
      String contact = CLIENT_INFORMED_CONTACT.text(task);
      Client client = clients.find(CLIENT_ID.get(task)).orElseThrow();
      String rssi = rssi(client);
      if (BY_APPLICATION_MAIL.equals(channel)) {
        problems.require(!rssi.isEmpty(), "le client n'a aucun RSSI enregistré avec une adresse : informez-le par "
            + "téléphone ou de vive voix, puis indiquez-le ici (et faites compléter sa fiche)");
      } else if (channel != null && CHANNELS.containsKey(channel)) {
        Instant detected = DETECTED_AT.instant(task);
        try {
          informedAt = CLIENT_INFORMED_AT_INPUT.instant(task, moments);
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
      Instant mileoAwareness = AWARENESS_AT.instant(task);
      boolean reportedByClient = "signalement-client".equals(DETECTION_SOURCE.get(task));
      // the client knew from its own report; otherwise from Mileo's information (art. 33(2))
      Instant clientAwareness = reportedByClient && mileoAwareness.isBefore(informedAt) ? mileoAwareness : informedAt;
      Instant earliest = clientAwareness.isBefore(mileoAwareness) ? clientAwareness : mileoAwareness;
      Date due = CLIENT_INFORMATION.dueAt().get(task);
      boolean onTime = due == null || !informedAt.isAfter(due.toInstant());
      // regulatory_notification.client_informed_how holds 1,000 characters; the outbox keeps every recipient in full
      String how = Limits.shorten(CHANNELS.get(channel) + (BY_APPLICATION_MAIL.equals(channel) ? " (" + rssi + ")" : " (" + contact + ")")
          + " le " + moments.wordsWithZone(informedAt) + ", par " + (by == null ? "Mileo Technology" : owners.displayName(by))
          + (BY_APPLICATION_MAIL.equals(channel) || rssi.isEmpty() ? "" : " ; information écrite envoyée par courriel à " + rssi)
          + (reportedByClient ? " ; le client avait lui-même signalé l'incident" : ""), 1000);

      CLIENT_INFORMED_AT.set(task, Date.from(informedAt));
      CLIENT_INFORMED_BY.set(task, by);
      CLIENT_INFORMED_CHANNEL.set(task, channel);
      CLIENT_INFORMED_HOW.set(task, how);
      CLIENT_AWARENESS_AT.set(task, Date.from(clientAwareness));
      EARLIEST_AWARENESS_AT.set(task, Date.from(earliest));
      CLIENT_INFORMATION.doneAt().set(task, informedAt);
      CLIENT_INFORMATION.met().set(task, onTime);
      FormField.removeAll(task, CLIENT_INFORMATION_CHANNEL, CLIENT_INFORMED_AT_INPUT, CLIENT_INFORMED_CONTACT);
      register.clientInformed(NOTIFICATION_ID.get(task), new NotificationRegister.ClientInformation(
          informedAt, how, by, channel, onTime, clientAwareness, earliest));
      // the incident's other duties waiting at "Informer le client": their task closes, they record this
      // telling. Our own step, not the person's grant: a project manager holds no UPDATE on another instance.
      String tenant = task.getTenantId();
      privileged.call(() -> {
        var correlation = runtime.createMessageCorrelation(CLIENT_INFORMED_MESSAGE)
            .processInstanceVariableEquals(REFERENCE.name(), reference);
        return (tenant == null ? correlation.withoutTenantId() : correlation.tenantId(tenant)).correlateAllWithResult();
      });
    }
  }

  /**
   * "Reprendre l'information déjà donnée au client": the client of the incident was told through
   * another of its duties (before this one started, or while its own task was open): this duty
   * records that same telling — when, how, by whom at Mileo — and judges it against its own
   * deadline. Read from the register, never from the process: nothing a caller sends can set it.
   */
  @Component("copyClientInformation")
  static class Copy implements JavaDelegate {
    private final NotificationRegister register;
    private final Moments moments;

    Copy(NotificationRegister register, Moments moments) {
      this.register = register;
      this.moments = moments;
    }

    @Override
    public void execute(DelegateExecution execution) {
      NotificationRegister.IncidentClientInformation earlier = register.clientInformation(REFERENCE.get(execution))
          .orElseThrow(() -> new IllegalStateException("Security incident " + REFERENCE.get(execution)
              + ": no client information recorded to take over in " + NOTIFICATION_ID.get(execution)));
      record(execution, earlier, register, moments);
    }

    static void record(DelegateExecution execution, NotificationRegister.IncidentClientInformation earlier,
        NotificationRegister register, Moments moments) {
      Instant informedAt = earlier.informedAt();
      Instant mileoAwareness = AWARENESS_AT.instant(execution);
      // the client knows the incident since it was told (or reported it); the facts that made this duty
      // apply are known from this duty's awareness (a re-qualification's): its clocks start at the later
      Instant clientAwareness = earlier.clientAwarenessAt() == null || earlier.clientAwarenessAt().isBefore(mileoAwareness)
          ? mileoAwareness : earlier.clientAwarenessAt();
      Instant earliest = clientAwareness.isBefore(mileoAwareness) ? clientAwareness : mileoAwareness;
      Date due = CLIENT_INFORMATION.dueAt().get(execution);
      boolean onTime = due == null || !informedAt.isAfter(due.toInstant());
      String how = Limits.shorten("Client déjà informé le " + moments.wordsWithZone(informedAt) + " (notification "
          + earlier.authority() + " " + earlier.notificationId() + ") : " + earlier.how(), 1000);

      CLIENT_INFORMED_AT.set(execution, Date.from(informedAt));
      CLIENT_INFORMED_BY.set(execution, earlier.informedBy());
      CLIENT_INFORMED_CHANNEL.set(execution, earlier.channel());
      CLIENT_INFORMED_HOW.set(execution, how);
      CLIENT_INFORMED_THROUGH.set(execution, earlier.notificationId());
      CLIENT_AWARENESS_AT.set(execution, Date.from(clientAwareness));
      EARLIEST_AWARENESS_AT.set(execution, Date.from(earliest));
      CLIENT_INFORMATION.doneAt().set(execution, informedAt);
      CLIENT_INFORMATION.met().set(execution, onTime);
      register.clientInformedThrough(NOTIFICATION_ID.get(execution), new NotificationRegister.ClientInformation(
          informedAt, how, earlier.informedBy(), earlier.channel(), onTime, clientAwareness, earliest),
          earlier.notificationId());
    }
  }

  static String rssi(Client client) {
    return client.rssiContacts().stream().filter(c -> c.email() != null && !c.email().isBlank())
        .map(c -> c.name() + " <" + c.email() + ">").collect(Collectors.joining(", "));
  }
}
