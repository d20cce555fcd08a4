package com.mileotech.cyber.dashboard;

import com.mileotech.cyber.dashboard.Dashboard.Authority;
import com.mileotech.cyber.dashboard.Dashboard.Deadlines;
import com.mileotech.cyber.dashboard.Dashboard.KindTally;
import com.mileotech.cyber.dashboard.Dashboard.LateItem;
import com.mileotech.cyber.dashboard.Dashboard.LessonsLearned;
import com.mileotech.cyber.dashboard.Dashboard.Tally;
import com.mileotech.cyber.incident.SecurityIncidentFacts;
import com.mileotech.cyber.incident.SecurityIncidentFacts.Incident;
import com.mileotech.cyber.incident.SecurityIncidentFacts.LessonsLearnedDeadline;
import com.mileotech.cyber.notification.RegulatoryNotificationFacts;
import com.mileotech.cyber.notification.RegulatoryNotificationFacts.Breach;
import com.mileotech.cyber.notification.RegulatoryNotificationFacts.ClientInformation;
import com.mileotech.cyber.notification.RegulatoryNotificationFacts.Report;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The section « Délais »: the reports owed to the CNIL and the ANSSI, Mileo's deadline to tell
 * the client, the lessons-learned reports, each kept, missed or running, and the late ones listed.
 */
@Component
class DeadlinesSection {

  static final String LESSONS_KIND = "retour-experience";
  static final String LESSONS_LABEL = "Rapport de retour d'expérience (15 jours après la clôture)";
  /** Mileo's deadline to tell the client of a notification. */
  static final String CLIENT_INFORMATION_KIND = "information-client";
  static final String CLIENT_INFORMATION_LABEL = "Information du client (sans délai)";

  private final RegulatoryNotificationFacts notifications;
  private final SecurityIncidentFacts incidentFacts;

  DeadlinesSection(RegulatoryNotificationFacts notifications, SecurityIncidentFacts incidentFacts) {
    this.notifications = notifications;
    this.incidentFacts = incidentFacts;
  }

  /** One deadline and what became of it. */
  private record Outcome(String kind, Instant dueAt, Instant doneAt, Boolean onTime, Long lateByMinutes) {

    boolean done() {
      return doneAt != null;
    }
  }

  /** The deadlines of the notifications of {@code incidents} (the period's) and of their lessons learned. */
  Deadlines of(List<Incident> incidents, Map<String, String> clientNames, Instant now) {
    List<String> references = incidents.stream().map(Incident::reference).toList();
    List<Report> reports = notifications.reports(references);
    List<LateItem> late = new ArrayList<>();
    List<Authority> authorities = new ArrayList<>();
    Set<String> codes = new LinkedHashSet<>(Labels.AUTHORITIES.keySet());
    reports.forEach(r -> codes.add(r.authority()));
    for (String authority : codes) {
      List<Report> of = reports.stream().filter(r -> authority.equals(r.authority())).toList();
      long notificationCount = of.stream().map(Report::notificationId).distinct().count();
      long notRequired = of.stream().filter(Report::notRequired).map(Report::notificationId).distinct().count();
      // a report counts once its clock runs; a CNIL notification documented as not required owes nothing
      List<Report> owed = of.stream()
          .filter(r -> r.kind() != null && r.dueAt() != null)
          .filter(r -> r.submittedAt() != null || !r.notRequired())
          .toList();
      List<Outcome> outcomes = new ArrayList<>();
      for (Report r : owed) {
        String kind = r.kind().code();
        Outcome outcome = new Outcome(kind, r.dueAt(), r.submittedAt(), r.onTime(), r.lateByMinutes());
        outcomes.add(outcome);
        lateItem(outcome, now).ifPresent(minutes -> late.add(new LateItem(r.incidentReference(), r.clientId(),
            clientNames.getOrDefault(r.clientId(), r.clientId()), authority, kind,
            Labels.of(Labels.REPORT_KINDS, kind), r.dueAt(), r.submittedAt(), outcome.done(), minutes)));
      }
      List<KindTally> byKind = new ArrayList<>();
      Set<String> kinds = new LinkedHashSet<>();
      Labels.REPORT_KINDS.keySet().stream().filter(k -> outcomes.stream().anyMatch(o -> k.equals(o.kind())))
          .forEach(kinds::add);
      outcomes.forEach(o -> kinds.add(o.kind()));
      kinds.forEach(kind -> byKind.add(new KindTally(kind, Labels.of(Labels.REPORT_KINDS, kind),
          tally(outcomes.stream().filter(o -> kind.equals(o.kind())).toList(), now))));
      if (notificationCount > 0 || Labels.AUTHORITIES.containsKey(authority)) {
        authorities.add(new Authority(authority, Labels.of(Labels.AUTHORITIES, authority), notificationCount,
            notRequired, tally(outcomes, now), byKind));
      }
    }

    List<Outcome> told = new ArrayList<>();
    Map<String, List<Outcome>> toldByAuthority = new LinkedHashMap<>();
    for (ClientInformation c : notifications.clientInformation(references)) {
      Long lateBy = c.informedAt() == null || !c.informedAt().isAfter(c.dueAt()) ? null
          : Duration.between(c.dueAt(), c.informedAt()).toMinutes();
      Outcome outcome = new Outcome(CLIENT_INFORMATION_KIND, c.dueAt(), c.informedAt(),
          c.informedAt() == null ? null : !c.informedAt().isAfter(c.dueAt()), lateBy);
      told.add(outcome);
      toldByAuthority.computeIfAbsent(c.authority(), a -> new ArrayList<>()).add(outcome);
      lateItem(outcome, now).ifPresent(minutes -> late.add(new LateItem(c.incidentReference(), c.clientId(),
          clientNames.getOrDefault(c.clientId(), c.clientId()), c.authority(), CLIENT_INFORMATION_KIND,
          CLIENT_INFORMATION_LABEL + " — " + c.authority(), outcome.dueAt(), outcome.doneAt(), outcome.done(), minutes)));
    }
    List<KindTally> toldTallies = new ArrayList<>();
    Set<String> toldAuthorities = new LinkedHashSet<>(Labels.AUTHORITIES.keySet());
    toldAuthorities.addAll(toldByAuthority.keySet());
    toldAuthorities.stream().filter(toldByAuthority::containsKey).forEach(authority -> toldTallies.add(
        new KindTally(authority, Labels.of(Labels.AUTHORITIES, authority), tally(toldByAuthority.get(authority), now))));

    List<Outcome> lessons = new ArrayList<>();
    Map<String, LessonsLearnedDeadline> deadlines = incidentFacts.lessonsLearned(incidents);
    for (Incident incident : incidents) {
      LessonsLearnedDeadline d = deadlines.get(incident.reference());
      if (!incident.closed() || d == null) {
        continue; // its fifteen days have not started
      }
      Instant doneAt = d.met() == null || d.doneAt() == null ? null : d.doneAt();
      Long lateBy = doneAt == null || Boolean.TRUE.equals(d.met()) ? null
          : Duration.between(d.dueAt(), doneAt).toMinutes();
      Outcome outcome = new Outcome(LESSONS_KIND, d.dueAt(), doneAt, doneAt == null ? null : d.met(), lateBy);
      lessons.add(outcome);
      lateItem(outcome, now).ifPresent(minutes -> late.add(new LateItem(incident.reference(), incident.clientId(),
          clientNames.getOrDefault(incident.clientId(), incident.clientId()), null, LESSONS_KIND, LESSONS_LABEL,
          outcome.dueAt(), outcome.doneAt(), outcome.done(), minutes)));
    }
    // the latest first: what an auditor asks about first
    late.sort(Comparator.comparing(LateItem::lateByMinutes).reversed().thenComparing(LateItem::reference));
    return new Deadlines(authorities, new Dashboard.ClientInformation(tally(told, now), toldTallies),
        new LessonsLearned(tally(lessons, now)), late, breaches(references, clientNames));
  }

  /** The breaches of the period: notified, not notified with the decision, undecided, late with the reasons. */
  private Dashboard.Breaches breaches(List<String> references, Map<String, String> clientNames) {
    List<Breach> breaches = notifications.breaches(references);
    List<Dashboard.BreachItem> notNotified = breaches.stream().filter(Breach::notNotified)
        .map(b -> item(b, clientNames)).toList();
    List<Dashboard.BreachItem> late = breaches.stream().filter(b -> b.notified() && Boolean.FALSE.equals(b.onTime()))
        .map(b -> item(b, clientNames)).toList();
    long notified = breaches.stream().filter(Breach::notified).count();
    long undecided = breaches.stream().filter(b -> !b.notified() && !b.notNotified()).count();
    return new Dashboard.Breaches(breaches.size(), notified, notNotified.size(), undecided, late.size(), notNotified, late);
  }

  private static Dashboard.BreachItem item(Breach b, Map<String, String> clientNames) {
    RegulatoryNotificationFacts.Decision d = b.decision();
    return new Dashboard.BreachItem(b.incidentReference(), b.clientId(), clientNames.getOrDefault(b.clientId(), b.clientId()),
        b.status(), d == null ? null : d.version(), d == null ? null : d.decidedBy(), d == null ? null : d.approvedBy(),
        d == null ? null : d.decidedAt(), d == null ? null : d.riskAssessment(), b.dueAt(), b.submittedAt(),
        b.lateByMinutes(), b.verdict(), b.delayReasons());
  }

  /** Minutes late, if the deadline was missed: at filing, or so far. */
  private static Optional<Long> lateItem(Outcome o, Instant now) {
    if (o.done()) {
      return Boolean.FALSE.equals(o.onTime())
          ? Optional.of(o.lateByMinutes() != null ? o.lateByMinutes()
              : Duration.between(o.dueAt(), o.doneAt()).toMinutes())
          : Optional.empty();
    }
    return o.dueAt().isBefore(now) ? Optional.of(Duration.between(o.dueAt(), now).toMinutes())
        : Optional.empty();
  }

  private static Tally tally(List<Outcome> outcomes, Instant now) {
    long onTime = outcomes.stream().filter(o -> o.done() && Boolean.TRUE.equals(o.onTime())).count();
    List<Long> lateBy = outcomes.stream().filter(o -> o.done() && Boolean.FALSE.equals(o.onTime()))
        .map(o -> o.lateByMinutes() != null ? o.lateByMinutes() : Duration.between(o.dueAt(), o.doneAt()).toMinutes())
        .toList();
    long overdue = outcomes.stream().filter(o -> !o.done() && o.dueAt().isBefore(now)).count();
    long pending = outcomes.stream().filter(o -> !o.done() && !o.dueAt().isBefore(now)).count();
    Stats.Summary lateStats = Stats.of(lateBy);
    return new Tally(outcomes.size(), onTime, lateBy.size(), overdue, pending, lateStats.median(),
        lateBy.stream().max(Long::compare).orElse(null));
  }
}
