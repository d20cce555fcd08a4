package com.mileotech.cyber.notification;

import com.mileotech.cyber.system.Moments;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The register of personal data breaches of one client (GDPR art. 33(5)), as its DPO keeps it:
 * every breach, notified to the CNIL or not, with its facts, effects and remedial action, the
 * decision whether to notify (every version: who decided, when, on which assessment of the risk,
 * approved by whom), and the filings made (on time or late, and why). One year at a time, by the
 * year (Paris time) Mileo became aware of the breach.
 */
@Component
class BreachRegister {

  private final NotificationRegister register;
  private final Moments moments;

  BreachRegister(NotificationRegister register, Moments moments) {
    this.register = register;
    this.moments = moments;
  }

  /** One breach of the register, in the words of the export. */
  record Breach(String incidentReference, Instant mileoAwarenessAt, Instant clientAwarenessAt, String status,
      String statusLabel, NotificationRegister.BreachFacts facts, NotificationRegister.Decision decision,
      int decisionVersions, NotificationRegister.Report initial, NotificationRegister.Filing initialFiling,
      int complements, String dataSubjectsDecision, String dataSubjectsDetails,
      NotificationRegister.Notification notification) {}

  record Year(String clientId, int year, List<Breach> breaches) {

    long notified() {
      return breaches.stream().filter(b -> b.initial() != null && b.initial().submittedAt() != null).count();
    }

    long notNotified() {
      return breaches.stream().filter(b -> "non-requise".equals(b.status())).count();
    }
  }

  static final java.util.Map<String, String> STATUS_LABELS = java.util.Map.of(
      "en-cours", "décision à prendre", "a-reexaminer", "décision à réexaminer (incident requalifié)",
      "deposee", "notifiée à la CNIL", "non-requise", "non notifiée (décision documentée)",
      "close", "notifiée à la CNIL, close");

  Year of(String clientId, int year) {
    ZoneId zone = moments.zone();
    List<Breach> breaches = register.forClient(clientId, "CNIL").stream()
        .filter(n -> n.mileoAwarenessAt().atZone(zone).getYear() == year)
        .filter(n -> !register.isExercise(n.id())) // issue 18: an exercise is no breach
        .map(BreachRegister::breach)
        .toList();
    return new Year(clientId, year, breaches);
  }

  private static Breach breach(NotificationRegister.Notification n) {
    NotificationRegister.Decision decision = n.decisions().isEmpty() ? null : n.decisions().get(n.decisions().size() - 1);
    NotificationRegister.Report initial = n.reports().stream()
        .filter(r -> ReportKind.CNIL_INITIAL.code().equals(r.kind())).findFirst().orElse(null);
    NotificationRegister.Filing filing = initial == null ? null
        : initial.filings().stream().filter(NotificationRegister.Filing::current).findFirst().orElse(null);
    int complements = (int) n.reports().stream()
        .filter(r -> ReportKind.CNIL_COMPLEMENT.code().equals(r.kind()) && r.submittedAt() != null).count();
    return new Breach(n.incidentReference(), n.mileoAwarenessAt(), n.clientAwarenessAt(), n.status(),
        STATUS_LABELS.getOrDefault(n.status(), n.status()), n.breachFacts(), decision, n.decisions().size(), initial,
        filing, complements, n.dataSubjectsDecision(), n.dataSubjectsDetails(), n);
  }
}
