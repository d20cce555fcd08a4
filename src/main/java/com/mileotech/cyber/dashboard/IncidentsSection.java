package com.mileotech.cyber.dashboard;

import com.mileotech.cyber.dashboard.Dashboard.Count;
import com.mileotech.cyber.dashboard.Dashboard.Incidents;
import com.mileotech.cyber.dashboard.Dashboard.MonthCount;
import com.mileotech.cyber.incident.SecurityIncidentFacts.Incident;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The section « Incidents de sécurité »: the period's incidents counted by month, severity, nature and source. */
final class IncidentsSection {

  private IncidentsSection() {}

  static Incidents of(Period period, List<Incident> incidents) {
    List<MonthCount> byMonth = new ArrayList<>();
    for (YearMonth month : period.months()) {
      List<Incident> of = incidents.stream().filter(i -> period.monthOf(i.detectedAt()).equals(month)).toList();
      byMonth.add(new MonthCount(month.toString(), of.size(),
          counts(of, i -> Labels.code(i.severity()), Labels.SEVERITIES).stream()
              .collect(Collectors.toMap(Count::code, Count::count, (a, b) -> a, LinkedHashMap::new))));
    }
    long closed = incidents.stream().filter(Incident::closed).count();
    return new Incidents(incidents.size(), incidents.size() - closed, closed, byMonth,
        counts(incidents, i -> Labels.code(i.severity()), Labels.SEVERITIES),
        counts(incidents, i -> Labels.code(i.nature()), Labels.NATURES),
        counts(incidents, i -> Labels.code(i.detectionSource()), Labels.DETECTION_SOURCES));
  }

  /** Every known value in order (zero included), then unknown codes, then « non qualifié » when any. */
  static <T> List<Count> counts(List<T> items, Function<T, String> code, Map<String, String> labels) {
    Map<String, Long> counted = items.stream()
        .collect(Collectors.groupingBy(i -> Objects.requireNonNullElse(code.apply(i), Labels.UNQUALIFIED),
            LinkedHashMap::new, Collectors.counting()));
    List<Count> counts = new ArrayList<>();
    labels.forEach((c, label) -> counts.add(new Count(c, label, counted.getOrDefault(c, 0L))));
    counted.forEach((c, n) -> {
      if (!labels.containsKey(c) && !Labels.UNQUALIFIED.equals(c)) {
        counts.add(new Count(c, c, n));
      }
    });
    if (counted.containsKey(Labels.UNQUALIFIED)) {
      counts.add(new Count(Labels.UNQUALIFIED, Labels.UNQUALIFIED_LABEL, counted.get(Labels.UNQUALIFIED)));
    }
    return counts;
  }
}
