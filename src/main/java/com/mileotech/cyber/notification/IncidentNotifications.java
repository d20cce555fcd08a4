package com.mileotech.cyber.notification;

import com.mileotech.cyber.system.Published;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What other features may read of an incident's regulatory notifications, in French words: each
 * duty (CNIL, ANSSI; the client's or Mileo's own), the decision whether to notify (every version),
 * the reports owed and their filing log. Reads only; for a document (the incident file).
 */
@Published
@Component
public class IncidentNotifications {

  /**
   * One duty towards one authority. {@code obligor}: "le client" or "Mileo Technology";
   * {@code status} in words; {@code clientInformation}: whether Mileo told the client in time (and,
   * the client being told once per incident, through which other duty when this one took it over).
   */
  public record Duty(String authority, String legalBasis, String obligor, String status, boolean exercise,
      Instant mileoAwarenessAt, Instant clientAwarenessAt, Instant clientInformedAt, String clientInformation,
      List<DecisionVersion> decisions, List<Report> reports) {}

  /** One version of the decision whether to notify; {@code decidedBy} / {@code recordedBy} are user ids. */
  public record DecisionVersion(int version, String decision, String decidedBy, String recordedBy, Instant decidedAt,
      String riskAssessment, boolean current) {}

  /** One report owed or made, with its deadlines, its verdict in words and its filing log. */
  public record Report(String label, Instant dueAt, Instant legalDueAt, Instant submittedAt, String verdict,
      String receiptReference, List<Filing> filings) {}

  /**
   * One row of the filing log (append-only): a filing or its correction. {@code filedBy} /
   * {@code recordedBy} are user ids; {@code textSha256}: the fingerprint of the text sent.
   */
  public record Filing(Instant submittedAt, String channel, String textSha256, String receiptReference,
      String filedBy, String recordedBy, Instant recordedAt, boolean correction, boolean current,
      String correctionReason, String delayReasons) {}

  private static final Map<String, String> STATUS = Map.of(
      "en-cours", "décision à prendre", "a-reexaminer", "décision à réexaminer (incident requalifié)",
      "deposee", "notifiée à l'autorité", "non-requise", "non notifiée (décision documentée)",
      "close", "notifiée à l'autorité, close");

  private final NotificationRegister register;

  IncidentNotifications(NotificationRegister register) {
    this.register = register;
  }

  /** The incident's duties, by authority; none when no notification was owed. */
  public List<Duty> of(String incidentReference) {
    Map<String, NotificationRegister.Flags> flags = register.flags(incidentReference);
    List<NotificationRegister.Notification> all = register.forIncident(incidentReference);
    return all.stream().map(n -> {
      NotificationRegister.Flags f = flags.get(n.id());
      return new Duty(n.authority(), n.legalBasis(),
          f != null && "mileo".equals(f.obligor()) ? "Mileo Technology" : "le client",
          STATUS.getOrDefault(n.status(), n.status()), f != null && f.exercise(), n.mileoAwarenessAt(),
          n.clientAwarenessAt(), n.clientInformedAt(), clientInformation(n, all),
          n.decisions().stream().map(d -> new DecisionVersion(d.version(), d.label(), d.decidedBy(), d.recordedBy(),
              d.decidedAt(), d.riskAssessment(), d.current())).toList(),
          n.reports().stream().map(r -> new Report(r.label(), r.dueAt(), r.legalDueAt(), r.submittedAt(), r.verdict(),
              r.receiptReference(), r.filings().stream().map(x -> new Filing(x.submittedAt(), x.channelLabel(),
                  x.textSha256(), x.receiptReference(), x.filedBy(), x.recordedBy(), x.recordedAt(), x.correction(),
                  x.current(), x.correctionReason(), x.delayReasons())).toList())).toList());
    }).toList();
  }

  /** "dans le délai", and when the duty took over a telling made through another: which one (told once per incident). */
  private static String clientInformation(NotificationRegister.Notification duty, List<NotificationRegister.Notification> all) {
    String verdict = duty.clientInformationVerdict();
    if (verdict == null || duty.clientInformedThrough() == null) {
      return verdict;
    }
    return verdict + all.stream().filter(other -> other.id().equals(duty.clientInformedThrough())).findFirst()
        .map(other -> ", information donnée une fois pour l'incident, par la notification " + other.authority())
        .orElse("");
  }
}
