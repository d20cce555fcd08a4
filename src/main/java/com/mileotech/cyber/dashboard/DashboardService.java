package com.mileotech.cyber.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.mileotech.cyber.client.Client;
import com.mileotech.cyber.dashboard.Dashboard.Authority;
import com.mileotech.cyber.dashboard.Dashboard.Breakdown;
import com.mileotech.cyber.dashboard.Dashboard.CategoryShare;
import com.mileotech.cyber.dashboard.Dashboard.ChecklistRow;
import com.mileotech.cyber.dashboard.Dashboard.ClientRef;
import com.mileotech.cyber.dashboard.Dashboard.Count;
import com.mileotech.cyber.dashboard.Dashboard.Deadlines;
import com.mileotech.cyber.dashboard.Dashboard.EquipmentRow;
import com.mileotech.cyber.dashboard.Dashboard.Hardening;
import com.mileotech.cyber.dashboard.Dashboard.Incidents;
import com.mileotech.cyber.dashboard.Dashboard.Indicators;
import com.mileotech.cyber.dashboard.Dashboard.KindTally;
import com.mileotech.cyber.dashboard.Dashboard.LateItem;
import com.mileotech.cyber.dashboard.Dashboard.LessonsLearned;
import com.mileotech.cyber.dashboard.Dashboard.Month;
import com.mileotech.cyber.dashboard.Dashboard.MonthCount;
import com.mileotech.cyber.dashboard.Dashboard.NonConformities;
import com.mileotech.cyber.dashboard.Dashboard.NonConformityRow;
import com.mileotech.cyber.dashboard.Dashboard.Scope;
import com.mileotech.cyber.dashboard.Dashboard.Tally;
import com.mileotech.cyber.dashboard.DashboardRecords.ChecklistVersion;
import com.mileotech.cyber.dashboard.DashboardRecords.Incident;
import com.mileotech.cyber.dashboard.DashboardRecords.Report;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Service;

/**
 * Computes the dashboard from the records the processes keep and from the engine (history of
 * the incident processes, open tasks). Who may see which client is decided by the caller
 * ({@link DashboardController}); engine queries run without the caller's engine authorization.
 */
@Service
class DashboardService {

  /** Lessons-learned deadline variables of the incident process (reminder.Deadlines, prefix lessonsLearned). */
  static final String LESSONS_DUE = "lessonsLearnedDueAt";
  static final String LESSONS_DONE = "lessonsLearnedDoneAt";
  static final String LESSONS_MET = "lessonsLearnedMet";
  static final String LESSONS_KIND = "retour-experience";
  static final String LESSONS_LABEL = "Rapport de retour d'expérience (15 jours après la clôture)";
  /** Mileo's deadline to tell the client of a notification (register columns client_information_*). */
  static final String CLIENT_INFORMATION_KIND = "information-client";
  static final String CLIENT_INFORMATION_LABEL = "Information du client (sans délai)";

  private final DashboardRecords records;
  private final OpenTasks openTasks;
  private final HistoryService historyService;
  private final IdentityService identityService;

  DashboardService(DashboardRecords records, OpenTasks openTasks, HistoryService historyService,
      IdentityService identityService) {
    this.records = records;
    this.openTasks = openTasks;
    this.historyService = historyService;
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

      List<Incident> incidents = records.incidents(period, clients);
      Scope scope = new Scope(period.label(), period.from(), period.to(), period.year(),
          request.client() == null ? null : request.client().id(),
          request.client() == null ? null : request.client().name(),
          request.visible().stream().map(c -> new ClientRef(c.id(), c.name())).toList(),
          request.now(), period.zone().getId());
      List<Month> months = period.months().stream()
          .map(m -> new Month(m.toString(), Period.monthLabel(m), Period.shortMonthLabel(m))).toList();
      return new Dashboard(scope, months, incidents(period, incidents), indicators(period, incidents, names),
          deadlines(period, clients, incidents, names, request.now()),
          hardening(period, clients, byId, request.now()),
          openTasks.of(clients, request.rssiUser(), names, request.now()));
    });
  }

  // ------------------------------------------------------------------ incidents

  static Incidents incidents(Period period, List<Incident> incidents) {
    List<MonthCount> byMonth = new ArrayList<>();
    for (YearMonth month : period.months()) {
      List<Incident> of = incidents.stream().filter(i -> period.monthOf(i.detectedAt()).equals(month)).toList();
      byMonth.add(new MonthCount(month.toString(), of.size(),
          counts(of, Incident::severity, Labels.SEVERITIES).stream()
              .collect(Collectors.toMap(Count::code, Count::count, (a, b) -> a, LinkedHashMap::new))));
    }
    long closed = incidents.stream().filter(Incident::closed).count();
    return new Incidents(incidents.size(), incidents.size() - closed, closed, byMonth,
        counts(incidents, Incident::severity, Labels.SEVERITIES),
        counts(incidents, Incident::nature, Labels.NATURES),
        counts(incidents, Incident::detectionSource, Labels.DETECTION_SOURCES));
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

  // ------------------------------------------------------------------ MTTD / MTTR

  static Indicators indicators(Period period, List<Incident> incidents, Map<String, String> clientNames) {
    List<Breakdown> bySeverity = new ArrayList<>();
    Labels.SEVERITIES.forEach((code, label) ->
        bySeverity.add(breakdown(code, label, incidents, i -> code.equals(i.severity()))));
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

  // ------------------------------------------------------------------ deadlines

  /** One deadline and what became of it. */
  private record Outcome(String kind, Instant dueAt, Instant doneAt, Boolean onTime, Long lateByMinutes) {

    boolean done() {
      return doneAt != null;
    }
  }

  private Deadlines deadlines(Period period, List<String> clients, List<Incident> incidents,
      Map<String, String> clientNames, Instant now) {
    List<Report> reports = records.reports(period, clients);
    List<LateItem> late = new ArrayList<>();
    List<Authority> authorities = new ArrayList<>();
    Set<String> codes = new LinkedHashSet<>(Labels.AUTHORITIES.keySet());
    reports.forEach(r -> codes.add(r.authority()));
    for (String authority : codes) {
      List<Report> of = reports.stream().filter(r -> authority.equals(r.authority())).toList();
      long notifications = of.stream().map(Report::notificationId).distinct().count();
      long notRequired = of.stream().filter(r -> "non-requise".equals(r.notificationStatus()))
          .map(Report::notificationId).distinct().count();
      // a report counts once its clock runs; a CNIL notification documented as not required owes nothing
      List<Report> owed = of.stream()
          .filter(r -> r.kind() != null && r.dueAt() != null)
          .filter(r -> r.submittedAt() != null || !"non-requise".equals(r.notificationStatus()))
          .toList();
      List<Outcome> outcomes = new ArrayList<>();
      for (Report r : owed) {
        Outcome outcome = new Outcome(r.kind(), r.dueAt(), r.submittedAt(), r.onTime(), r.lateByMinutes());
        outcomes.add(outcome);
        lateItem(outcome, now).ifPresent(minutes -> late.add(new LateItem(r.incidentReference(), r.clientId(),
            clientNames.getOrDefault(r.clientId(), r.clientId()), authority, r.kind(),
            Labels.of(Labels.REPORT_KINDS, r.kind()), r.dueAt(), r.submittedAt(), outcome.done(), minutes)));
      }
      List<KindTally> byKind = new ArrayList<>();
      Set<String> kinds = new LinkedHashSet<>();
      Labels.REPORT_KINDS.keySet().stream().filter(k -> outcomes.stream().anyMatch(o -> k.equals(o.kind())))
          .forEach(kinds::add);
      outcomes.forEach(o -> kinds.add(o.kind()));
      kinds.forEach(kind -> byKind.add(new KindTally(kind, Labels.of(Labels.REPORT_KINDS, kind),
          tally(outcomes.stream().filter(o -> kind.equals(o.kind())).toList(), now))));
      if (notifications > 0 || Labels.AUTHORITIES.containsKey(authority)) {
        authorities.add(new Authority(authority, Labels.of(Labels.AUTHORITIES, authority), notifications, notRequired,
            tally(outcomes, now), byKind));
      }
    }

    List<Outcome> told = new ArrayList<>();
    Map<String, List<Outcome>> toldByAuthority = new LinkedHashMap<>();
    for (DashboardRecords.ClientInformation c : records.clientInformation(period, clients)) {
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
    Map<String, Map<String, Object>> variables = lessonsLearnedVariables(incidents);
    for (Incident incident : incidents) {
      Map<String, Object> v = variables.getOrDefault(incident.processInstanceId(), Map.of());
      Date due = (Date) v.get(LESSONS_DUE);
      if (!incident.closed() || due == null) {
        continue; // its fifteen days have not started
      }
      Date done = (Date) v.get(LESSONS_DONE);
      Boolean met = (Boolean) v.get(LESSONS_MET);
      Instant doneAt = met == null || done == null ? null : done.toInstant();
      Long lateBy = doneAt == null || Boolean.TRUE.equals(met) ? null
          : Duration.between(due.toInstant(), doneAt).toMinutes();
      Outcome outcome = new Outcome(LESSONS_KIND, due.toInstant(), doneAt, doneAt == null ? null : met, lateBy);
      lessons.add(outcome);
      lateItem(outcome, now).ifPresent(minutes -> late.add(new LateItem(incident.reference(), incident.clientId(),
          clientNames.getOrDefault(incident.clientId(), incident.clientId()), null, LESSONS_KIND, LESSONS_LABEL,
          outcome.dueAt(), outcome.doneAt(), outcome.done(), minutes)));
    }
    // the latest first: what an auditor asks about first
    late.sort(Comparator.comparing(LateItem::lateByMinutes).reversed().thenComparing(LateItem::reference));
    return new Deadlines(authorities, new Dashboard.ClientInformation(tally(told, now), toldTallies),
        new LessonsLearned(tally(lessons, now)), late);
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
    Stats.Summary late = Stats.of(lateBy);
    return new Tally(outcomes.size(), onTime, lateBy.size(), overdue, pending, late.median(),
        lateBy.stream().max(Long::compare).orElse(null));
  }

  /** The lessons-learned deadline as each incident process recorded it (history: also for ended processes). */
  private Map<String, Map<String, Object>> lessonsLearnedVariables(List<Incident> incidents) {
    String[] ids = incidents.stream().filter(Incident::closed).map(Incident::processInstanceId).distinct()
        .toArray(String[]::new);
    Map<String, Map<String, Object>> byInstance = new HashMap<>();
    if (ids.length == 0) {
      return byInstance;
    }
    for (HistoricVariableInstance v : historyService.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(ids).variableNameIn(LESSONS_DUE, LESSONS_DONE, LESSONS_MET).disableCustomObjectDeserialization()
        .list()) {
      if (v.getValue() != null) {
        byInstance.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>()).put(v.getName(), v.getValue());
      }
    }
    return byInstance;
  }

  // ------------------------------------------------------------------ hardening

  private Hardening hardening(Period period, List<String> clients, Map<String, Client> byId, Instant now) {
    LocalDate today = now.atZone(period.zone()).toLocalDate();
    Map<String, ChecklistVersion> first = new LinkedHashMap<>();
    Map<String, ChecklistVersion> latest = new LinkedHashMap<>();
    for (ChecklistVersion v : records.checklists(period, clients)) {
      if (v.version() == 1) {
        first.put(v.reference(), v);
      }
      latest.merge(v.reference(), v, (a, b) -> a.version() >= b.version() ? a : b);
    }

    Map<String, String> categoryLabels = new LinkedHashMap<>();
    Map<String, long[]> byCategory = new LinkedHashMap<>(); // conforme, non conforme, non applicable
    List<ChecklistRow> rows = new ArrayList<>();
    List<NonConformityRow> open = new ArrayList<>();
    long found = 0;
    long lifted = 0;
    long annualAudits = 0;
    for (ChecklistVersion signed : first.values()) {
      ChecklistVersion standing = latest.get(signed.reference());
      JsonNode content = standing.content().path("content");
      categoryLabels.putAll(records.categories(content.path("catalogueSource").asText(),
          content.path("catalogueVersion").asText()));
      String previous = text(content, "previousReference");
      if (previous != null) {
        annualAudits++;
      }
      long[] counts = new long[3];
      Map<String, JsonNode> current = new HashMap<>(); // point id → its state in the latest version
      for (JsonNode point : DashboardRecords.points(content)) {
        current.put(point.path("id").asText(), point);
        int index = statusIndex(text(point, "status"));
        if (index >= 0) {
          counts[index]++;
          byCategory.computeIfAbsent(point.path("category").asText(), k -> new long[3])[index]++;
        }
        if (index == 1) {
          LocalDate deadline = DashboardRecords.date(text(point, "remediationDeadline"));
          boolean overdue = deadline != null && deadline.isBefore(today);
          open.add(new NonConformityRow(signed.reference(), signed.clientId(), name(byId, signed.clientId()),
              text(content, "siteName"), point.path("id").asText(), text(point, "label"), deadline, overdue,
              overdue ? ChronoUnit.DAYS.between(deadline, today) : 0));
        }
      }
      for (JsonNode point : DashboardRecords.points(signed.content().path("content"))) {
        if ("NON_CONFORME".equals(text(point, "status"))) {
          found++;
          JsonNode state = current.get(point.path("id").asText());
          if (state != null && !"NON_CONFORME".equals(text(state, "status"))) {
            lifted++;
          }
        }
      }
      JsonNode signature = signed.content().path("signature");
      rows.add(new ChecklistRow(signed.reference(), previous, signed.clientId(), name(byId, signed.clientId()),
          text(content, "siteName"), signed.signedAt(),
          Objects.requireNonNullElse(text(signature, "name"), signed.signedBy()), standing.version(),
          counts[0], counts[1], counts[2]));
    }

    List<CategoryShare> shares = new ArrayList<>();
    Set<String> categories = new LinkedHashSet<>(categoryLabels.keySet());
    categories.addAll(byCategory.keySet());
    long[] total = new long[3];
    for (String category : categories) {
      long[] c = byCategory.getOrDefault(category, new long[3]);
      for (int i = 0; i < 3; i++) {
        total[i] += c[i];
      }
      shares.add(share(category, categoryLabels.getOrDefault(category, category), c));
    }
    open.sort(Comparator.comparing(NonConformityRow::overdue).reversed()
        .thenComparing(NonConformityRow::deadline, Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(NonConformityRow::reference).thenComparing(NonConformityRow::pointId));
    long overdue = open.stream().filter(NonConformityRow::overdue).count();

    List<EquipmentRow> equipment = records.unsupportedEquipment(clients).stream().map(e -> {
      Client client = byId.get(e.clientId());
      String site = client == null ? e.siteId() : client.site(e.siteId()).map(Client.Site::name).orElse(e.siteId());
      return new EquipmentRow(e.clientId(), name(byId, e.clientId()), e.siteId(), site, e.kind(),
          Labels.of(Labels.EQUIPMENT_KINDS, e.kind()), e.model(), e.serialNumber(), e.firmwareVersion(),
          e.lastReference());
    }).toList();

    return new Hardening(first.size(), first.size() - annualAudits, annualAudits, shares,
        share("total", "Tous les points", total), new NonConformities(found, lifted, open.size(), overdue, open),
        rows, equipment);
  }

  private static CategoryShare share(String code, String label, long[] c) {
    long points = c[0] + c[1] + c[2];
    return new CategoryShare(code, label, points, c[0], c[1], c[2], Stats.percent(c[0], points),
        Stats.percent(c[1], points), Stats.percent(c[2], points));
  }

  private static int statusIndex(String status) {
    if (status == null) {
      return -1;
    }
    return switch (status) {
      case "CONFORME" -> 0;
      case "NON_CONFORME" -> 1;
      case "NON_APPLICABLE" -> 2;
      default -> -1;
    };
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isMissingNode() || value.isNull() || value.asText().isBlank() ? null : value.asText();
  }

  private static String name(Map<String, Client> clients, String id) {
    Client client = clients.get(id);
    return client == null ? id : client.name();
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
