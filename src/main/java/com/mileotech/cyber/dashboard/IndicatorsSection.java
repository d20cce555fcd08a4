package com.mileotech.cyber.dashboard;

import com.mileotech.cyber.dashboard.Dashboard.Breakdown;
import com.mileotech.cyber.dashboard.Dashboard.Indicators;
import com.mileotech.cyber.incident.SecurityIncidentFacts.Incident;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The section « Indicateurs MTTD / MTTR »: detection and resolution times, overall and by severity, client and month. */
final class IndicatorsSection {

  private IndicatorsSection() {}

  static Indicators of(Period period, List<Incident> incidents, Map<String, String> clientNames) {
    List<Breakdown> bySeverity = new ArrayList<>();
    Labels.SEVERITIES.forEach((code, label) ->
        bySeverity.add(breakdown(code, label, incidents, i -> code.equals(Labels.code(i.severity())))));
    List<Breakdown> byClient = new ArrayList<>();
    Set<String> clients = incidents.stream().map(Incident::clientId).collect(Collectors.toCollection(LinkedHashSet::new));
    clients.stream().sorted(Comparator.comparing(id -> clientNames.getOrDefault(id, id)))
        .forEach(id -> byClient.add(breakdown(id, clientNames.getOrDefault(id, id), incidents,
            i -> id.equals(i.clientId()))));
    List<Breakdown> byMonth = new ArrayList<>();
    for (YearMonth month : period.months()) {
      byMonth.add(breakdown(month.toString(), Period.monthLabel(month), incidents,
          i -> period.monthOf(i.detectedAt()).equals(month)));
    }
    return new Indicators(Stats.of(values(incidents, Incident::mttdMinutes)),
        Stats.of(values(incidents, Incident::mttrMinutes)), bySeverity, byClient, byMonth);
  }

  private static Breakdown breakdown(String code, String label, List<Incident> incidents, Predicate<Incident> filter) {
    List<Incident> of = incidents.stream().filter(filter).toList();
    return new Breakdown(code, label, Stats.of(values(of, Incident::mttdMinutes)),
        Stats.of(values(of, Incident::mttrMinutes)));
  }

  private static List<Long> values(List<Incident> incidents, Function<Incident, Long> value) {
    return incidents.stream().map(value).filter(Objects::nonNull).toList();
  }
}
