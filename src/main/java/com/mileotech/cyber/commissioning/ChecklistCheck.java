package com.mileotech.cyber.commissioning;

import com.mileotech.cyber.system.Refusal;
import com.mileotech.cyber.system.Moments;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The server-side check of a filled-in checklist (guide §04): every point of the catalogue
 * assessed; Non conforme with a comment and a future remediation date; Non applicable with a
 * justification; Conforme not contradicted by a recorded figure or by the inventory. Returns the
 * checklist normalised against the catalogue, or refuses it naming each offending point.
 */
final class ChecklistCheck {

  private ChecklistCheck() {}

  /**
   * @param submitted what the form sent
   * @param stored the checklist as the process holds it (for what the form may not change)
   * @param today the day in Paris, remediation dates must follow it
   */
  static List<PointEntry> check(Catalogue catalogue, List<PointEntry> submitted, List<PointEntry> stored,
      List<Equipment> equipment, LocalDate today) {
    return check(catalogue, submitted, stored, equipment, today, null);
  }

  /**
   * A remediation deadline is plausible up to a year ahead (GUID-PREM-003 asks for remediation,
   * not a plan for later years) and within the maintenance contract, which follows it.
   */
  static final java.time.Period REMEDIATION_HORIZON = java.time.Period.ofYears(1);

  /** @param contractEnd the last day of the client's maintenance contract, or null when unknown */
  static List<PointEntry> check(Catalogue catalogue, List<PointEntry> submitted, List<PointEntry> stored,
      List<Equipment> equipment, LocalDate today, LocalDate contractEnd) {
    List<String> problems = new ArrayList<>();
    Map<String, PointEntry> byId = new HashMap<>();
    Set<String> duplicates = new LinkedHashSet<>();
    for (PointEntry entry : submitted) {
      if (entry == null || entry.id == null) {
        problems.add("point sans identifiant");
      } else if (catalogue.point(entry.id).isEmpty()) {
        problems.add(entry.id + " : point inconnu du catalogue " + catalogue.name());
      } else if (byId.putIfAbsent(entry.id, entry) != null) {
        duplicates.add(entry.id);
      }
    }
    duplicates.forEach(id -> problems.add(id + " : point en double"));
    Map<String, PointEntry> storedById = new HashMap<>();
    stored.forEach(p -> storedById.put(p.id, p));

    List<PointEntry> result = new ArrayList<>();
    for (Catalogue.Point point : catalogue.points()) {
      PointEntry entry = byId.get(point.id());
      if (entry == null) {
        problems.add(point.id() + " : point absent de la checklist");
        continue;
      }
      PointEntry clean = PointEntry.from(point);
      clean.takeFindingsFrom(entry);
      PointEntry previous = storedById.get(point.id());
      if (previous != null) {
        clean.reverifications = previous.reverifications;
      }
      assess(point, clean, equipment, today, contractEnd, problems);
      result.add(clean);
    }
    if (!problems.isEmpty()) {
      throw Refusal.of("Checklist refusée", problems);
    }
    return result;
  }

  private static void assess(Catalogue.Point point, PointEntry p, List<Equipment> equipment, LocalDate today,
      LocalDate contractEnd, List<String> problems) {
    Status status = p.statusValue();
    String id = point.id();
    p.comment = blankToNull(p.comment);
    p.justification = blankToNull(p.justification);
    p.remediationDeadline = blankToNull(p.remediationDeadline);
    if (status == null) {
      problems.add(id + " : statut manquant (Conforme, Non conforme ou Non applicable)");
      return;
    }
    switch (status) {
      case NON_CONFORME -> {
        p.justification = null;
        if (p.comment == null) {
          problems.add(id + " : Non conforme sans commentaire");
        }
        if (p.remediationDeadline == null) {
          problems.add(id + " : Non conforme sans délai de remédiation");
        } else {
          LocalDate deadline = date(p.remediationDeadline);
          if (deadline == null) {
            problems.add(id + " : délai de remédiation « " + p.remediationDeadline + " » illisible (JJ/MM/AAAA attendu)");
          } else if (!deadline.isAfter(today)) {
            problems.add(id + " : délai de remédiation du " + Moments.typedText(deadline) + " déjà échu");
          } else if (deadline.isAfter(today.plus(REMEDIATION_HORIZON))) {
            problems.add(id + " : délai de remédiation du " + Moments.typedText(deadline)
                + " à plus d'un an : vérifiez le jour, le mois et l'année");
          } else if (contractEnd != null && deadline.isAfter(contractEnd)) {
            problems.add(id + " : délai de remédiation du " + Moments.typedText(deadline)
                + " après la fin du contrat de maintenance (" + Moments.typedText(contractEnd) + ")");
          } else {
            p.remediationDeadline = deadline.toString();
          }
        }
      }
      case NON_APPLICABLE -> {
        p.remediationDeadline = null;
        if (p.justification == null) {
          problems.add(id + " : Non applicable sans justification");
        }
      }
      case CONFORME -> {
        p.remediationDeadline = null;
        p.justification = null;
        problems.addAll(contradictions(point, p, equipment));
      }
    }
  }

  /** Why a point marked Conforme is not, according to its figures and the inventory ("" if it is). */
  static List<String> contradictions(Catalogue.Point point, PointEntry p, List<Equipment> equipment) {
    List<String> found = new ArrayList<>();
    if (point.measure() == null) {
      return found;
    }
    for (String problem : point.measure().problems(p)) {
      found.add(point.id() + " : Conforme alors que " + problem);
    }
    if (point.measure() == Measure.VENDOR_SUPPORT) {
      EquipmentKind kind = kindOf(point.category());
      for (Equipment e : equipment) {
        if (EquipmentKind.equipment(e.kind()) == kind && e.endOfSupport()) {
          found.add(point.id() + " : Conforme alors que " + e.describe() + " ne reçoit plus de mises à jour de sécurité");
        }
      }
    }
    return found;
  }

  static EquipmentKind kindOf(String category) {
    return switch (category) {
      case "SRV" -> EquipmentKind.SERVER;
      case "NVR" -> EquipmentKind.NVR;
      case "CAM" -> EquipmentKind.CAMERA;
      default -> null;
    };
  }

  /** A date as forms send it: yyyy-MM-dd, or an ISO date-time whose date part is taken. */
  /** A day as typed in the form ("31/01/2027", day first) or ISO; null when blank or unreadable. */
  static LocalDate date(String text) {
    try {
      return Moments.typedDay(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
