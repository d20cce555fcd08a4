package com.mileotech.cyber.dashboard;

import com.mileotech.cyber.client.Client;
import com.mileotech.cyber.commissioning.EquipmentInventory;
import com.mileotech.cyber.commissioning.IssuedChecklists;
import com.mileotech.cyber.commissioning.IssuedChecklists.CheckedPoint;
import com.mileotech.cyber.commissioning.IssuedChecklists.IssuedChecklist;
import com.mileotech.cyber.commissioning.Status;
import com.mileotech.cyber.dashboard.Dashboard.CategoryShare;
import com.mileotech.cyber.dashboard.Dashboard.ChecklistRow;
import com.mileotech.cyber.dashboard.Dashboard.EquipmentRow;
import com.mileotech.cyber.dashboard.Dashboard.Hardening;
import com.mileotech.cyber.dashboard.Dashboard.NonConformities;
import com.mileotech.cyber.dashboard.Dashboard.NonConformityRow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The section « Durcissement (GUID-PREM-003) »: the checklists first signed in the period, their
 * points by category and status (as they stand now), the non-conformities found, lifted and still
 * open, and the equipment out of support.
 */
@Component
class HardeningSection {

  private final IssuedChecklists checklists;
  private final EquipmentInventory inventory;

  HardeningSection(IssuedChecklists checklists, EquipmentInventory inventory) {
    this.checklists = checklists;
    this.inventory = inventory;
  }

  Hardening of(Period period, List<String> clients, Map<String, Client> byId, Instant now) {
    LocalDate today = now.atZone(period.zone()).toLocalDate();
    Map<String, String> categoryLabels = new LinkedHashMap<>();
    Map<String, long[]> byCategory = new LinkedHashMap<>(); // conforme, non conforme, non applicable
    List<ChecklistRow> rows = new ArrayList<>();
    List<NonConformityRow> open = new ArrayList<>();
    long found = 0;
    long lifted = 0;
    long annualAudits = 0;
    List<IssuedChecklist> signed = checklists.firstSignedIn(period.start(), period.end(), clients);
    for (IssuedChecklist checklist : signed) {
      categoryLabels.putAll(checklist.categories());
      if (checklist.previousReference() != null) {
        annualAudits++;
      }
      long[] counts = new long[3];
      Map<String, CheckedPoint> current = new HashMap<>(); // point id → its state in the latest version
      for (CheckedPoint point : checklist.standingPoints()) {
        current.put(point.id(), point);
        int index = column(point.status());
        if (index >= 0) {
          counts[index]++;
          byCategory.computeIfAbsent(point.category(), k -> new long[3])[index]++;
        }
        if (point.status() == Status.NON_CONFORME) {
          LocalDate deadline = point.remediationDeadline();
          boolean overdue = deadline != null && deadline.isBefore(today);
          open.add(new NonConformityRow(checklist.reference(), checklist.clientId(), name(byId, checklist.clientId()),
              checklist.siteName(), point.id(), point.label(), deadline, overdue,
              overdue ? ChronoUnit.DAYS.between(deadline, today) : 0));
        }
      }
      for (CheckedPoint point : checklist.signedPoints()) {
        if (point.status() == Status.NON_CONFORME) {
          found++;
          CheckedPoint state = current.get(point.id());
          if (state != null && state.status() != Status.NON_CONFORME) {
            lifted++;
          }
        }
      }
      rows.add(new ChecklistRow(checklist.reference(), checklist.previousReference(), checklist.clientId(),
          name(byId, checklist.clientId()), checklist.siteName(), checklist.signedAt(), checklist.signerName(),
          checklist.standingVersion(), counts[0], counts[1], counts[2]));
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

    List<EquipmentRow> equipment = inventory.outOfSupport(clients).stream().map(e -> {
      Client client = byId.get(e.clientId());
      String site = client == null ? e.siteId() : client.site(e.siteId()).map(Client.Site::name).orElse(e.siteId());
      return new EquipmentRow(e.clientId(), name(byId, e.clientId()), e.siteId(), site, e.kind(), e.kindLabel(),
          e.model(), e.serialNumber(), e.firmwareVersion(), e.lastReference());
    }).toList();

    return new Hardening(signed.size(), signed.size() - annualAudits, annualAudits, shares,
        share("total", "Tous les points", total), new NonConformities(found, lifted, open.size(), overdue, open),
        rows, equipment);
  }

  private static CategoryShare share(String code, String label, long[] c) {
    long points = c[0] + c[1] + c[2];
    return new CategoryShare(code, label, points, c[0], c[1], c[2], Stats.percent(c[0], points),
        Stats.percent(c[1], points), Stats.percent(c[2], points));
  }

  /** The column of a status in the counts: conforme, non conforme, non applicable; -1 when not assessed. */
  private static int column(Status status) {
    if (status == null) {
      return -1;
    }
    return switch (status) {
      case CONFORME -> 0;
      case NON_CONFORME -> 1;
      case NON_APPLICABLE -> 2;
    };
  }

  private static String name(Map<String, Client> clients, String id) {
    Client client = clients.get(id);
    return client == null ? id : client.name();
  }
}
