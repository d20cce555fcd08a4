package com.mileotech.cyber.dashboard;

import com.mileotech.cyber.dashboard.Dashboard.ClientImprovements;
import com.mileotech.cyber.dashboard.Dashboard.ImprovementItem;
import com.mileotech.cyber.dashboard.Dashboard.Improvements;
import com.mileotech.cyber.improvement.ImprovementAction;
import com.mileotech.cyber.improvement.ImprovementActions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The section « Actions d'amélioration ouvertes »: what the lessons-learned reports decided and is
 * not closed yet with the evidence of its effect, for the clients the caller may see (an
 * exercise's actions count in no figure).
 */
@Component
class ImprovementActionsSection {

  private final ImprovementActions actions;

  ImprovementActionsSection(ImprovementActions actions) {
    this.actions = actions;
  }

  /** The day an action is due: it falls due at the end of that day (the start of the next one). */
  static java.time.LocalDate dueDay(Instant dueAt, java.time.ZoneId zone) {
    return dueAt.minusNanos(1).atZone(zone).toLocalDate();
  }

  Improvements of(List<String> clients, Map<String, String> clientNames, Instant now) {
    List<ImprovementAction> open = actions.openFor(clients).stream().filter(a -> !a.exercise()).toList();
    List<ImprovementItem> items = open.stream().map(a -> new ImprovementItem(a.reference(), a.clientId(),
        clientNames.getOrDefault(a.clientId(), a.clientId()), a.position(), a.label(), a.owner(), a.ownerName(),
        a.dueAt(), a.overdueAt(now), a.overdueAt(now) ? Duration.between(a.dueAt(), now).toDays() : null)).toList();
    List<ClientImprovements> byClient = new ArrayList<>();
    for (String client : clients) {
      long count = items.stream().filter(i -> i.clientId().equals(client)).count();
      if (count > 0) {
        byClient.add(new ClientImprovements(client, clientNames.getOrDefault(client, client), count,
            items.stream().filter(i -> i.clientId().equals(client) && i.overdue()).count()));
      }
    }
    return new Improvements(items.size(), items.stream().filter(ImprovementItem::overdue).count(), byClient, items);
  }
}
