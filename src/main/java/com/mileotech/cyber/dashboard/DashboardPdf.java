package com.mileotech.cyber.dashboard;

import com.mileotech.cyber.system.PdfLayout;
import com.mileotech.cyber.dashboard.Dashboard.Authority;
import com.mileotech.cyber.dashboard.Dashboard.Breakdown;
import com.mileotech.cyber.dashboard.Dashboard.CategoryShare;
import com.mileotech.cyber.dashboard.Dashboard.Count;
import com.mileotech.cyber.dashboard.Dashboard.KindTally;
import com.mileotech.cyber.dashboard.Dashboard.Tally;
import com.mileotech.cyber.dashboard.Stats.Summary;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The dashboard as a PDF report for a client's annual audit (PDFBox, DejaVu Sans embedded: the
 * layout of the commissioning documents): the same figures as the page and the CSV, in tables,
 * the monthly counts with bars.
 */
@Component
class DashboardPdf {

  private static final float SIZE = 8.5f;
  private static final String BAR = "█";
  /** Width of the block in DejaVu Sans, in ems. */
  private static final float BLOCK_WIDTH = 0.77f;

  byte[] render(Dashboard d) {
    ZoneId zone = ZoneId.of(d.scope().timeZone());
    String who = d.scope().clientId() == null
        ? "tous les clients (" + d.scope().clients().stream().map(Dashboard.ClientRef::name)
            .collect(Collectors.joining(", ")) + ")"
        : d.scope().clientName();
    try (PdfLayout pdf = new PdfLayout()) {
      pdf.title("Tableau de bord cybersécurité — " + d.scope().period(), 16);
      pdf.paragraph("Mileo Technology — " + (d.scope().clientId() == null ? "Périmètre : " : "Client : ") + who,
          pdf.bold, 10, 0, 2);
      pdf.paragraph("Du " + French.date(d.scope().from()) + " au " + French.date(d.scope().to())
          + ". Établi le " + French.words(d.scope().generatedAt(), zone) + " (heure de Paris), à partir du registre "
          + "des incidents, du registre des notifications, des checklists émises et de l'historique des processus "
          + "(PROC-CYB-005, GUID-PREM-003).", pdf.regular, 9, 0, 6);

      incidents(pdf, d);
      indicators(pdf, d);
      deadlines(pdf, d, zone);
      hardening(pdf, d, zone);
      openItems(pdf, d, zone);
      improvementActions(pdf, d, zone);
      return pdf.finish("Mileo Technology — tableau de bord cybersécurité — " + d.scope().period()
          + (d.scope().clientId() == null ? "" : " — " + d.scope().clientName()));
    }
  }

  private static void incidents(PdfLayout pdf, Dashboard d) {
    Dashboard.Incidents i = d.incidents();
    pdf.heading("1. Incidents de sécurité");
    pdf.text(i.total() + " incident(s) détecté(s) dans la période : " + i.closed() + " clos, " + i.open()
        + " en cours.");
    List<String> severities = i.bySeverity().stream().map(Count::code).toList();
    float[] widths = new float[3 + severities.size()];
    widths[0] = 80;
    widths[1] = 58;
    for (int s = 0; s < severities.size(); s++) {
      widths[2 + s] = 62;
    }
    widths[widths.length - 1] = PdfLayout.WIDTH - 138 - 62 * severities.size();
    String[] header = new String[widths.length];
    header[0] = "Mois";
    header[1] = "Incidents";
    for (int s = 0; s < severities.size(); s++) {
      header[2 + s] = i.bySeverity().get(s).label();
    }
    header[header.length - 1] = "";
    pdf.row(widths, header, true, SIZE);
    long max = i.byMonth().stream().mapToLong(Dashboard.MonthCount::count).max().orElse(0);
    for (int m = 0; m < d.months().size(); m++) {
      Dashboard.MonthCount month = i.byMonth().get(m);
      String[] cells = new String[widths.length];
      cells[0] = d.months().get(m).label();
      cells[1] = Long.toString(month.count());
      for (int s = 0; s < severities.size(); s++) {
        cells[2 + s] = Long.toString(month.bySeverity().getOrDefault(severities.get(s), 0L));
      }
      cells[cells.length - 1] = bar(month.count(), max, widths[widths.length - 1]);
      pdf.row(widths, cells, false, SIZE);
    }
    counts(pdf, "Par gravité", i.bySeverity(), i.total());
    counts(pdf, "Par nature", i.byNature(), i.total());
    counts(pdf, "Par source de détection", i.byDetectionSource(), i.total());
  }

  private static void counts(PdfLayout pdf, String title, List<Count> counts, long total) {
    pdf.space(4);
    float[] widths = {220, 60, 60, PdfLayout.WIDTH - 340};
    pdf.row(widths, new String[] {title, "Incidents", "Part", ""}, true, SIZE);
    long max = counts.stream().mapToLong(Count::count).max().orElse(0);
    for (Count c : counts) {
      pdf.row(widths, new String[] {c.label(), Long.toString(c.count()),
          French.number(Stats.percent(c.count(), total)) + " %", bar(c.count(), max, widths[3])}, false, SIZE);
    }
  }

  private static void indicators(PdfLayout pdf, Dashboard d) {
    pdf.heading("2. MTTD et MTTR");
    pdf.text("MTTD : délai entre le début estimé de l'incident et sa détection (incidents dont le début est connu). "
        + "MTTR : délai entre la détection et la remise en service (incidents clos). Médiane et 90e centile "
        + "(interpolation linéaire, comme CENTILE.INCLUS d'Excel).");
    float[] widths = {140, 60, 62, 62, 62, 62, PdfLayout.WIDTH - 448};
    pdf.row(widths, new String[] {"Périmètre", "Mesurés (MTTD / MTTR)", "MTTD médiane", "MTTD 90e centile",
        "MTTR médiane", "MTTR 90e centile", ""}, true, SIZE);
    row(pdf, widths, "Tous les incidents", d.indicators().mttd(), d.indicators().mttr());
    for (Breakdown b : d.indicators().bySeverity()) {
      row(pdf, widths, "Gravité : " + b.label(), b.mttd(), b.mttr());
    }
    for (Breakdown b : d.indicators().byClient()) {
      row(pdf, widths, "Client : " + b.label(), b.mttd(), b.mttr());
    }
    pdf.space(4);
    pdf.row(widths, new String[] {"Évolution mensuelle", "Mesurés (MTTD / MTTR)", "MTTD médiane", "MTTD 90e centile",
        "MTTR médiane", "MTTR 90e centile", ""}, true, SIZE);
    for (Breakdown b : d.indicators().byMonth()) {
      row(pdf, widths, b.label(), b.mttd(), b.mttr());
    }
  }

  private static void row(PdfLayout pdf, float[] widths, String label, Summary mttd, Summary mttr) {
    pdf.row(widths, new String[] {label, mttd.count() + " / " + mttr.count(), French.duration(mttd.median()),
        French.duration(mttd.p90()), French.duration(mttr.median()), French.duration(mttr.p90()), ""}, false, SIZE);
  }

  private static void deadlines(PdfLayout pdf, Dashboard d, ZoneId zone) {
    pdf.heading("3. Échéances réglementaires et retours d'expérience");
    pdf.text("Pour les incidents détectés dans la période : chaque rapport dû à l'autorité, déposé à temps, déposé en "
        + "retard, en retard et non déposé, ou à venir. Une notification CNIL jugée non requise (décision documentée "
        + "par le client) ne compte pas comme échéance.");
    float[] widths = {124, 56, 56, 56, 56, 56, 48, PdfLayout.WIDTH - 452};
    pdf.row(widths, new String[] {"Autorité / rapport", "Dues", "À temps", "En retard", "Dépassées", "À venir",
        "Retard médian", "Retard max."}, true, SIZE);
    for (Authority a : d.deadlines().authorities()) {
      tally(pdf, widths, a.label() + " — " + a.notifications() + " notification(s)"
          + (a.notRequired() > 0 ? ", dont " + a.notRequired() + " non requise(s)" : ""), a.reports());
      for (KindTally k : a.byKind()) {
        tally(pdf, widths, "    " + k.label(), k.tally());
      }
    }
    tally(pdf, widths, "Information du client (sans délai, dès la prise de connaissance)",
        d.deadlines().clientInformation().tally());
    tally(pdf, widths, "Retours d'expérience (15 jours après la clôture)", d.deadlines().lessonsLearned().tally());

    Dashboard.Breaches b = d.deadlines().breaches();
    pdf.space(4);
    pdf.text("Violations de données personnelles (registre RGPD art. 33(5)) : " + b.total() + " — notifiées à la CNIL : "
        + b.notified() + " (dont " + b.notifiedLate() + " en retard), non notifiées avec décision documentée : "
        + b.notNotified() + ", décision à prendre ou à réexaminer : " + b.undecided() + ".");
    for (Dashboard.BreachItem i : b.notNotifiedItems()) {
      pdf.text("    " + i.reference() + " (" + i.clientName() + ") non notifiée : décidée par "
          + (i.decidedBy() == null ? "le client" : i.decidedBy()) + (i.approvedBy() == null ? "" : ", approuvée par " + i.approvedBy())
          + " le " + French.dateTime(i.decidedAt(), zone) + (i.reason() == null ? "" : " — " + i.reason()));
    }
    for (Dashboard.BreachItem i : b.lateItems()) {
      pdf.text("    " + i.reference() + " (" + i.clientName() + ") notifiée en retard de " + French.duration(i.lateByMinutes())
          + " (" + i.verdict() + ") — motifs : " + (i.delayReasons() == null ? "non indiqués" : i.delayReasons()));
    }

    if (!d.deadlines().late().isEmpty()) {
      pdf.space(4);
      float[] late = {78, 140, 80, 70, 70, PdfLayout.WIDTH - 438};
      pdf.row(late, new String[] {"Incident", "Échéance manquée", "Client", "Échéance", "Fait le", "Retard"}, true, SIZE);
      for (Dashboard.LateItem item : d.deadlines().late()) {
        pdf.row(late, new String[] {item.reference(), item.label(), item.clientName(),
            French.dateTime(item.dueAt(), zone), item.done() ? French.dateTime(item.doneAt(), zone) : "non fait",
            French.duration(item.lateByMinutes()) + (item.done() ? "" : " (à ce jour)")}, false, SIZE);
      }
    }
  }

  private static void tally(PdfLayout pdf, float[] widths, String label, Tally t) {
    pdf.row(widths, new String[] {label, Long.toString(t.due()), Long.toString(t.onTime()), Long.toString(t.late()),
        Long.toString(t.overdue()), Long.toString(t.pending()), French.duration(t.lateMedianMinutes()),
        French.duration(t.lateMaxMinutes())}, false, SIZE);
  }

  private static void hardening(PdfLayout pdf, Dashboard d, ZoneId zone) {
    Dashboard.Hardening h = d.hardening();
    pdf.heading("4. Durcissement des systèmes VMS (GUID-PREM-003)");
    pdf.text(h.checklistsSigned() + " checklist(s) signée(s) dans la période : " + h.commissionings()
        + " mise(s) en service, " + h.annualAudits() + " audit(s) annuel(s). Répartition des points dans la dernière "
        + "version émise de chaque checklist (une non-conformité levée compte comme Conforme).");
    float[] widths = {150, 50, 80, 80, 80, PdfLayout.WIDTH - 440};
    pdf.row(widths, new String[] {"Catégorie", "Points", "Conforme", "Non conforme", "Non applicable", ""}, true, SIZE);
    for (CategoryShare c : h.byCategory()) {
      share(pdf, widths, c, false);
    }
    share(pdf, widths, h.overall(), true);

    Dashboard.NonConformities nc = h.nonConformities();
    pdf.space(4);
    pdf.text("Non-conformités : " + nc.found() + " relevée(s) à la signature, " + nc.lifted() + " levée(s) depuis, "
        + nc.open() + " ouverte(s), dont " + nc.overdue() + " au délai de remédiation dépassé.");
    if (!h.checklists().isEmpty()) {
      float[] cl = {80, 94, 86, 68, 58, 46, PdfLayout.WIDTH - 432};
      pdf.row(cl, new String[] {"Checklist", "Client, site", "Signée par", "Signée le", "C / NC / NA", "Version",
          "Audit annuel de"}, true, SIZE);
      for (Dashboard.ChecklistRow r : h.checklists()) {
        pdf.row(cl, new String[] {r.reference(), r.clientName() + ", " + r.siteName(), r.signedBy(),
            French.dateTime(r.signedAt(), zone), r.conforme() + " / " + r.nonConforme() + " / " + r.nonApplicable(),
            Integer.toString(r.version()), r.previousReference() == null ? "—" : r.previousReference()}, false, SIZE);
      }
    }
    if (!nc.openItems().isEmpty()) {
      pdf.space(4);
      float[] open = {75, 45, 165, 110, 60, PdfLayout.WIDTH - 455};
      pdf.row(open, new String[] {"Checklist", "Point", "Contrôle", "Client, site", "Délai", "État"}, true, SIZE);
      for (Dashboard.NonConformityRow r : nc.openItems()) {
        pdf.row(open, new String[] {r.reference(), r.pointId(), r.label(), r.clientName() + ", " + r.siteName(),
            French.date(r.deadline()), r.overdue() ? "dépassé de " + r.daysOverdue() + " j" : "dans les délais"},
            false, SIZE);
      }
    }
    pdf.space(4);
    pdf.text(h.unsupportedEquipment().size() + " équipement(s) sans mises à jour de sécurité du constructeur dans "
        + "l'inventaire actuel (signalés au client, plan de remplacement).");
    if (!h.unsupportedEquipment().isEmpty()) {
      float[] eq = {120, 55, 130, 100, PdfLayout.WIDTH - 405};
      pdf.row(eq, new String[] {"Client, site", "Type", "Modèle", "N° de série", "Firmware"}, true, SIZE);
      for (Dashboard.EquipmentRow e : h.unsupportedEquipment()) {
        pdf.row(eq, new String[] {e.clientName() + ", " + e.siteName(), e.kindLabel(), e.model(), e.serialNumber(),
            e.firmwareVersion()}, false, SIZE);
      }
    }
  }

  private static void share(PdfLayout pdf, float[] widths, CategoryShare c, boolean total) {
    pdf.row(widths, new String[] {c.label(), Long.toString(c.points()),
        c.conforme() + " (" + French.number(c.conformePercent()) + " %)",
        c.nonConforme() + " (" + French.number(c.nonConformePercent()) + " %)",
        c.nonApplicable() + " (" + French.number(c.nonApplicablePercent()) + " %)",
        bar(c.conforme(), c.points(), widths[5])}, total, SIZE);
  }

  private static void openItems(PdfLayout pdf, Dashboard d, ZoneId zone) {
    Dashboard.OpenItems items = d.openItems();
    pdf.heading("5. Actions en attente");
    pdf.text(items.total() + " tâche(s) ouverte(s) à la date du rapport, dont " + items.overdue()
        + " en retard sur leur échéance." + (items.total() > items.items().size()
            ? " Les " + items.items().size() + " premières :" : ""));
    if (items.items().isEmpty()) {
      return;
    }
    float[] widths = {75, 200, 100, PdfLayout.WIDTH - 375};
    pdf.row(widths, new String[] {"Échéance", "Tâche", "Client", "État"}, true, SIZE);
    for (Dashboard.OpenItem item : items.items()) {
      pdf.row(widths, new String[] {item.dueAt() == null ? "—" : French.dateTime(item.dueAt(), zone), item.name(),
          item.clientName(), item.overdue() ? "en retard de " + French.duration(item.overdueMinutes())
              : item.assignee() != null ? "assignée à " + item.assignee()
              : "groupes : " + String.join(", ", item.candidateGroups())}, false, SIZE);
    }
  }

  private static void improvementActions(PdfLayout pdf, Dashboard d, ZoneId zone) {
    Dashboard.Improvements actions = d.improvementActions();
    pdf.heading("6. Actions d'amélioration ouvertes");
    pdf.text(actions.open() + " action(s) d'amélioration des retours d'expérience pas encore close(s) avec la preuve "
        + "de leur effet, dont " + actions.overdue() + " à l'échéance dépassée.");
    if (actions.items().isEmpty()) {
      return;
    }
    float[] widths = {75, 90, 100, PdfLayout.WIDTH - 365, 100};
    pdf.row(widths, new String[] {"Échéance", "Incident", "Client", "Action", "Responsable"}, true, SIZE);
    for (Dashboard.ImprovementItem item : actions.items()) {
      pdf.row(widths, new String[] {French.date(ImprovementActionsSection.dueDay(item.dueAt(), zone))
          + (item.overdue() ? " (dépassée de " + item.overdueDays() + " j)" : ""), item.reference(), item.clientName(),
          item.label(), item.ownerName()}, false, SIZE);
    }
  }

  /** A bar of full blocks filling a cell of {@code cellWidth} points for the maximum. */
  static String bar(long value, long max, float cellWidth) {
    if (value <= 0 || max <= 0) {
      return "";
    }
    int blocks = (int) ((cellWidth - 8) / (SIZE * BLOCK_WIDTH));
    return BAR.repeat(Math.max(1, (int) Math.round((double) value * blocks / max)));
  }
}
