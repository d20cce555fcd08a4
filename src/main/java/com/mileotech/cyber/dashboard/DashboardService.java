package com.mileotech.cyber.dashboard;

import com.mileotech.cyber.client.Client;
import com.mileotech.cyber.dashboard.Dashboard.ClientRef;
import com.mileotech.cyber.dashboard.Dashboard.Month;
import com.mileotech.cyber.dashboard.Dashboard.Scope;
import com.mileotech.cyber.incident.SecurityIncidentFacts;
import com.mileotech.cyber.incident.SecurityIncidentFacts.Incident;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Service;

/**
 * Computes the dashboard, one section per class: {@link IncidentsSection}, {@link IndicatorsSection}
 * (MTTD / MTTR), {@link DeadlinesSection}, {@link HardeningSection}, {@link OpenTasks} and
 * {@link ImprovementActionsSection}. Each
 * reads what the features publish (incident, notification, commissioning) and the engine, never
 * their tables. Who may see which client is decided by the caller ({@link DashboardController});
 * engine queries run without the caller's engine authorization.
 */
@Service
class DashboardService {

  private final SecurityIncidentFacts incidents;
  private final DeadlinesSection deadlines;
  private final HardeningSection hardening;
  private final OpenTasks openTasks;
  private final ImprovementActionsSection improvementActions;
  private final IdentityService identityService;

  DashboardService(SecurityIncidentFacts incidents, DeadlinesSection deadlines, HardeningSection hardening,
      OpenTasks openTasks, ImprovementActionsSection improvementActions, IdentityService identityService) {
    this.incidents = incidents;
    this.deadlines = deadlines;
    this.hardening = hardening;
    this.openTasks = openTasks;
    this.improvementActions = improvementActions;
    this.identityService = identityService;
  }

  /**
   * What one caller asks for.
   *
   * @param visible the clients the caller may see (registry order)
   * @param client one of them, or null for all of them
   * @param rssiUser the caller when a client RSSI (their open items are the tasks offered to them), else null
   */
  record Request(Period period, List<Client> visible, Client client, String rssiUser, Instant now) {

    List<String> clientIds() {
      return client != null ? List.of(client.id()) : visible.stream().map(Client::id).toList();
    }
  }

  Dashboard compute(Request request) {
    return unrestricted(() -> {
      Period period = request.period();
      List<String> clients = request.clientIds();
      Map<String, Client> byId = new LinkedHashMap<>();
      request.visible().forEach(c -> byId.put(c.id(), c));
      Map<String, String> names = new LinkedHashMap<>();
      byId.forEach((id, c) -> names.put(id, c.name()));

      // an exercise counts in no figure (issue 18): neither its incident nor its duties nor its deadlines
      List<Incident> detected = incidents.detectedIn(period.start(), period.end(), clients).stream()
          .filter(i -> !i.exercise()).toList();
      Scope scope = new Scope(period.label(), period.from(), period.to(), period.year(),
          request.client() == null ? null : request.client().id(),
          request.client() == null ? null : request.client().name(),
          request.visible().stream().map(c -> new ClientRef(c.id(), c.name())).toList(),
          request.now(), period.zone().getId());
      List<Month> months = period.months().stream()
          .map(m -> new Month(m.toString(), Period.monthLabel(m), Period.shortMonthLabel(m))).toList();
      return new Dashboard(scope, months, IncidentsSection.of(period, detected),
          IndicatorsSection.of(period, detected, names),
          // Mileo's own duties as a provider are staff's business, on the all-clients view only
          deadlines.of(detected, names, request.now(), request.rssiUser() == null && request.client() == null),
          hardening.of(period, clients, byId, request.now()),
          openTasks.of(clients, request.rssiUser(), names, request.now()),
          improvementActions.of(clients, names, request.now()));
    });
  }

  /** Engine queries for a scope the dashboard has already checked: without the caller's authorizations. */
  private <T> T unrestricted(Supplier<T> work) {
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }
}
