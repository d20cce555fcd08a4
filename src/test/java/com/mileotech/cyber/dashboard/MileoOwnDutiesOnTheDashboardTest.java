package com.mileotech.cyber.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.mileotech.cyber.incident.SecurityIncidentFacts;
import com.mileotech.cyber.incident.SecurityIncidentFacts.Incident;
import com.mileotech.cyber.notification.RegulatoryNotificationFacts;
import com.mileotech.cyber.notification.RegulatoryNotificationFacts.Report;
import com.mileotech.cyber.notification.ReportKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Mileo's own duty as a service provider (issue 18) beside its client's, for the same incident:
 * counted and listed as Mileo's on staff's all-clients view, absent from a client's view (an RSSI
 * or a view filtered on one client), whose figures are the client's duties only.
 */
class MileoOwnDutiesOnTheDashboardTest {

  private static final Instant DUE = Instant.parse("2026-06-02T07:00:00Z");
  private static final Instant NOW = DUE.plus(Duration.ofHours(6));

  private final RegulatoryNotificationFacts notifications = mock(RegulatoryNotificationFacts.class);
  private final SecurityIncidentFacts incidents = mock(SecurityIncidentFacts.class);
  private final DeadlinesSection section = new DeadlinesSection(notifications, incidents);
  private final List<Incident> detected = List.of(new Incident("INC-2026-0007", "pi", "client-oiv", null, null, null,
      false, DUE.minus(Duration.ofHours(24)), null, null, null, false));
  private final Map<String, String> names = Map.of("client-oiv", "Client OIV");

  MileoOwnDutiesOnTheDashboardTest() {
    when(notifications.reports(any())).thenReturn(List.of(
        overdue("INC-2026-0007-ANSSI", "client-oiv", false),
        overdue("INC-2026-0007-ANSSI-MILEO", "mileo", true)));
    when(notifications.clientInformation(any())).thenReturn(List.of());
    when(notifications.breaches(any())).thenReturn(List.of());
    when(incidents.lessonsLearned(any())).thenReturn(Map.of());
  }

  @Test
  void staffSeeMileosOwnDutyAsMileos() {
    Dashboard.Deadlines deadlines = section.of(detected, names, NOW, true);

    assertThat(anssi(deadlines).notifications()).isEqualTo(2);
    assertThat(deadlines.late()).extracting(Dashboard.LateItem::clientName)
        .containsExactlyInAnyOrder("Client OIV", "Mileo Technology (obligation propre)");
  }

  @Test
  void aClientsViewCountsTheClientsDutiesOnly() {
    Dashboard.Deadlines deadlines = section.of(detected, names, NOW, false);

    assertThat(anssi(deadlines).notifications()).isEqualTo(1);
    assertThat(deadlines.late()).extracting(Dashboard.LateItem::clientName).containsExactly("Client OIV");
  }

  private static Dashboard.Authority anssi(Dashboard.Deadlines deadlines) {
    return deadlines.authorities().stream().filter(a -> "ANSSI".equals(a.code())).findFirst().orElseThrow();
  }

  private static Report overdue(String id, String clientId, boolean mileoOwn) {
    return new Report(id, "INC-2026-0007", clientId, "ANSSI", false, ReportKind.EARLY_WARNING, DUE, null, null,
        null, mileoOwn);
  }
}
