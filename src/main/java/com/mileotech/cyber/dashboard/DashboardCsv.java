package com.mileotech.cyber.dashboard;

import com.mileotech.cyber.dashboard.Dashboard.Authority;
import com.mileotech.cyber.dashboard.Dashboard.Breakdown;
import com.mileotech.cyber.dashboard.Dashboard.CategoryShare;
import com.mileotech.cyber.dashboard.Dashboard.Count;
import com.mileotech.cyber.dashboard.Dashboard.KindTally;
import com.mileotech.cyber.dashboard.Dashboard.Tally;
import com.mileotech.cyber.dashboard.Stats.Summary;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The dashboard as a CSV file that French Excel opens as it is: UTF-8 with a byte order mark,
 * {@code ;} between fields, decimal commas, CRLF line ends. First one long table of every figure
 * (Rubrique ; Indicateur ; Détail ; Valeur ; Unité), then, after an empty line, the open items
 * with their Tasklist links. Text that a spreadsheet would take for a formula is prefixed with '.
 */
@Component
class DashboardCsv {

  static final String BOM = "\uFEFF";
  static final String HEADER = "Rubrique;Indicateur;Détail;Valeur;Unité";
  static final String OPEN_ITEMS_HEADER = "Actions en attente;Échéance;En retard;Retard;Référence;Client;Processus;"
      + "Assignée à;Groupes candidats;Lien";

  private final String publicBaseUrl;

  DashboardCsv(@Value("${mileo.public-base-url:http://localhost:8080}") String publicBaseUrl) {
    this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
  }

  byte[] render(Dashboard d) {
    Lines out = new Lines();
    ZoneId zone = ZoneId.of(d.scope().timeZone());
    out.add(HEADER);

    String scope = "Périmètre";
    out.row(scope, "Période", "", d.scope().period(), "");
    out.row(scope, "Du", "", French.date(d.scope().from()), "");
    out.row(scope, "Au", "", French.date(d.scope().to()), "");
    out.row(scope, "Client", "", d.scope().clientId() == null
        ? "Tous les clients (" + d.scope().clients().size() + ")"
        : d.scope().clientName() + " (" + d.scope().clientId() + ")", "");
    out.row(scope, "Établi le", "", French.dateTime(d.scope().generatedAt(), zone), "heure de Paris");

    String incidents = "Incidents de sécurité";
    out.row(incidents, "Détectés dans la période", "Total", d.incidents().total(), "incidents");
    out.row(incidents, "Détectés dans la période", "Clos", d.incidents().closed(), "incidents");
    out.row(incidents, "Détectés dans la période", "En cours", d.incidents().open(), "incidents");
    for (int i = 0; i < d.months().size(); i++) {
      out.row(incidents, "Par mois", d.months().get(i).label(), d.incidents().byMonth().get(i).count(), "incidents");
    }
    counts(out, incidents, "Par gravité", d.incidents().bySeverity());
    counts(out, incidents, "Par nature", d.incidents().byNature());
    counts(out, incidents, "Par source de détection", d.incidents().byDetectionSource());

    indicator(out, "MTTD (détection − début)", d, true);
    indicator(out, "MTTR (remise en service − détection)", d, false);

    String deadlines = "Échéances réglementaires";
    for (Authority a : d.deadlines().authorities()) {
      out.row(deadlines, a.label(), "Notifications", a.notifications(), "notifications");
      out.row(deadlines, a.label(), "Non requises (décision documentée)", a.notRequired(), "notifications");
      tally(out, deadlines, a.label(), a.reports(), "rapports");
      for (KindTally k : a.byKind()) {
        tally(out, deadlines, a.label() + " — " + k.label(), k.tally(), "rapports");
      }
    }
    String breaches = "Violations de données personnelles";
    Dashboard.Breaches b = d.deadlines().breaches();
    out.row(breaches, "Registre (RGPD art. 33(5))", "Total", b.total(), "violations");
    out.row(breaches, "Registre (RGPD art. 33(5))", "Notifiées à la CNIL", b.notified(), "violations");
    out.row(breaches, "Registre (RGPD art. 33(5))", "Notifiées en retard", b.notifiedLate(), "violations");
    out.row(breaches, "Registre (RGPD art. 33(5))", "Non notifiées (décision documentée)", b.notNotified(), "violations");
    out.row(breaches, "Registre (RGPD art. 33(5))", "Décision à prendre ou à réexaminer", b.undecided(), "violations");
    for (Dashboard.BreachItem i : b.notNotifiedItems()) {
      out.row(breaches, "Non notifiée : " + i.reference(), "décidée par " + (i.decidedBy() == null ? "le client" : i.decidedBy())
          + (i.approvedBy() == null ? "" : ", approuvée par " + i.approvedBy()) + " (version " + i.decisionVersion() + ")",
          i.reason() == null ? "" : i.reason(), "");
    }
    for (Dashboard.BreachItem i : b.lateItems()) {
      out.row(breaches, "Notifiée en retard : " + i.reference(), i.verdict() == null ? "" : i.verdict(),
          i.lateByMinutes() == null ? "" : French.duration(i.lateByMinutes()),
          i.delayReasons() == null ? "motifs non indiqués" : i.delayReasons());
    }
    String told = "Information du client";
    tally(out, told, DeadlinesSection.CLIENT_INFORMATION_LABEL, d.deadlines().clientInformation().tally(), "notifications");
    for (KindTally k : d.deadlines().clientInformation().byAuthority()) {
      tally(out, told, DeadlinesSection.CLIENT_INFORMATION_LABEL + " — " + k.label(), k.tally(), "notifications");
    }
    tally(out, "Retours d'expérience", DeadlinesSection.LESSONS_LABEL, d.deadlines().lessonsLearned().tally(),
        "rapports");
    for (Dashboard.LateItem late : d.deadlines().late()) {
      out.row("Retards", late.label(), late.reference() + " — " + late.clientName() + " — échéance "
              + French.dateTime(late.dueAt(), zone) + (late.done() ? " — fait le " + French.dateTime(late.doneAt(), zone)
              : " — non fait"), late.lateByMinutes(), "minutes");
    }

    String hardening = "Durcissement (GUID-PREM-003)";
    out.row(hardening, "Checklists signées dans la période", "Total", d.hardening().checklistsSigned(), "checklists");
    out.row(hardening, "Checklists signées dans la période", "Mises en service", d.hardening().commissionings(),
        "checklists");
    out.row(hardening, "Checklists signées dans la période", "Audits annuels", d.hardening().annualAudits(),
        "checklists");
    for (CategoryShare c : concat(d.hardening().byCategory(), d.hardening().overall())) {
      out.row(hardening, "Points contrôlés", c.label(), c.points(), "points");
      out.row(hardening, "Part Conforme", c.label(), c.conformePercent(), "%");
      out.row(hardening, "Part Non conforme", c.label(), c.nonConformePercent(), "%");
      out.row(hardening, "Part Non applicable", c.label(), c.nonApplicablePercent(), "%");
    }
    Dashboard.NonConformities nc = d.hardening().nonConformities();
    out.row(hardening, "Non-conformités", "Relevées à la signature", nc.found(), "non-conformités");
    out.row(hardening, "Non-conformités", "Levées depuis", nc.lifted(), "non-conformités");
    out.row(hardening, "Non-conformités", "Ouvertes", nc.open(), "non-conformités");
    out.row(hardening, "Non-conformités", "Ouvertes, délai de remédiation dépassé", nc.overdue(), "non-conformités");
    for (Dashboard.NonConformityRow row : nc.openItems()) {
      out.row(hardening, "Non-conformité ouverte", row.reference() + " " + row.pointId() + " " + row.label() + " — "
          + row.clientName() + ", " + row.siteName(), French.date(row.deadline()),
          row.overdue() ? "délai dépassé de " + row.daysOverdue() + " j" : "délai de remédiation");
    }
    out.row(hardening, "Équipements sans mises à jour de sécurité", "Total (inventaire actuel)",
        d.hardening().unsupportedEquipment().size(), "équipements");
    for (Dashboard.EquipmentRow e : d.hardening().unsupportedEquipment()) {
      out.row(hardening, "Équipement sans mises à jour de sécurité", e.clientName() + ", " + e.siteName(),
          e.kindLabel() + " " + e.model() + " (n° " + e.serialNumber() + ", firmware " + e.firmwareVersion() + ")", "");
    }

    String improvements = "Actions d'amélioration ouvertes";
    Dashboard.Improvements actions = d.improvementActions();
    out.row(improvements, "Ouvertes (à la date du rapport)", "Total", actions.open(), "actions");
    out.row(improvements, "Ouvertes (à la date du rapport)", "Échéance dépassée", actions.overdue(), "actions");
    for (Dashboard.ClientImprovements c : actions.byClient()) {
      out.row(improvements, "Par client", c.clientName(), c.open(), "actions");
    }
    for (Dashboard.ImprovementItem item : actions.items()) {
      out.row(improvements, "Action ouverte", item.reference() + " — " + item.clientName() + " — " + item.label()
          + " — " + item.ownerName(), French.date(ImprovementActionsSection.dueDay(item.dueAt(), zone)),
          item.overdue() ? "échéance dépassée de " + item.overdueDays() + " j" : "échéance");
    }

    out.add("");
    out.add(OPEN_ITEMS_HEADER);
    for (Dashboard.OpenItem item : d.openItems().items()) {
      out.row(item.name(), French.dateTime(item.dueAt(), zone), item.overdue() ? "oui" : "non",
          item.overdueMinutes() == null ? "" : French.duration(item.overdueMinutes()), item.reference(),
          item.clientName(), item.process(), item.assignee(), String.join(", ", item.candidateGroups()),
          publicBaseUrl + item.url());
    }
    return (BOM + out).getBytes(StandardCharsets.UTF_8);
  }

  private static void counts(Lines out, String section, String indicator, List<Count> counts) {
    counts.forEach(c -> out.row(section, indicator, c.label(), c.count(), "incidents"));
  }

  private static void indicator(Lines out, String section, Dashboard d, boolean mttd) {
    summary(out, section, "Tous les incidents", pick(d.indicators().mttd(), d.indicators().mttr(), mttd));
    for (Breakdown b : d.indicators().bySeverity()) {
      summary(out, section, "Gravité : " + b.label(), pick(b.mttd(), b.mttr(), mttd));
    }
    for (Breakdown b : d.indicators().byClient()) {
      summary(out, section, "Client : " + b.label(), pick(b.mttd(), b.mttr(), mttd));
    }
    for (Breakdown b : d.indicators().byMonth()) {
      summary(out, section, "Mois : " + b.label(), pick(b.mttd(), b.mttr(), mttd));
    }
  }

  private static Summary pick(Summary mttd, Summary mttr, boolean first) {
    return first ? mttd : mttr;
  }

  private static void summary(Lines out, String section, String detail, Summary s) {
    out.row(section, "Médiane", detail, s.median(), "minutes");
    out.row(section, "90e centile", detail, s.p90(), "minutes");
    out.row(section, "Incidents mesurés", detail, s.count(), "incidents");
  }

  private static void tally(Lines out, String section, String indicator, Tally t, String unit) {
    out.row(section, indicator, "Échéances", t.due(), unit);
    out.row(section, indicator, "Faits à temps", t.onTime(), unit);
    out.row(section, indicator, "Faits en retard", t.late(), unit);
    out.row(section, indicator, "Échéance dépassée, non faits", t.overdue(), unit);
    out.row(section, indicator, "Échéance à venir", t.pending(), unit);
    out.row(section, indicator, "Retard médian (faits en retard)", t.lateMedianMinutes(), "minutes");
    out.row(section, indicator, "Retard maximal (faits en retard)", t.lateMaxMinutes(), "minutes");
  }

  private static List<CategoryShare> concat(List<CategoryShare> list, CategoryShare last) {
    List<CategoryShare> all = new java.util.ArrayList<>(list);
    all.add(last);
    return all;
  }

  /** CSV lines: fields quoted when they hold a separator, a quote or a line break. */
  private static final class Lines {
    private final StringBuilder text = new StringBuilder();

    void add(String line) {
      text.append(line).append("\r\n");
    }

    void row(Object... cells) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < cells.length; i++) {
        if (i > 0) {
          line.append(';');
        }
        line.append(field(cells[i]));
      }
      add(line.toString());
    }

    private static String field(Object value) {
      String text = value == null ? "" : value instanceof Number n ? French.number(n) : value.toString();
      if (!(value instanceof Number) && !text.isEmpty() && "=+-@\t".indexOf(text.charAt(0)) >= 0) {
        text = "'" + text; // typed text (a task or equipment name) never runs as a spreadsheet formula
      }
      if (text.contains(";") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
        return '"' + text.replace("\"", "\"\"") + '"';
      }
      return text;
    }

    @Override
    public String toString() {
      return text.toString();
    }
  }
}
