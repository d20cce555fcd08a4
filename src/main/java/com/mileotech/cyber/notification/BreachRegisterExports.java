package com.mileotech.cyber.notification;

import com.mileotech.cyber.security.DecisionOwners;
import com.mileotech.cyber.system.Moments;
import com.mileotech.cyber.system.PdfLayout;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The breach register of one client and year as files for its DPO: a CSV that French Excel opens
 * as it is (UTF-8 with a byte order mark, {@code ;} between fields, CRLF, times day-first in Paris
 * time, text a spreadsheet would take for a formula prefixed with '), and a PDF (the project's
 * {@link PdfLayout}); the client-ready text of one filing as a PDF with its SHA-256 fingerprint.
 * People read these files (the client's DPO): who decided and who recorded appear by their names
 * ({@link DecisionOwners#displayName}), never by their logins; the JSON register, for machines,
 * keeps the logins (docs/notifications.md).
 */
@Component
class BreachRegisterExports {

  static final String BOM = "\uFEFF";
  static final List<String> COLUMNS = List.of("Incident", "Prise de connaissance (Mileo)",
      "Prise de connaissance (client)", "Nature de la violation", "Catégories de personnes", "Nombre de personnes",
      "Catégories d'enregistrements", "Nombre d'enregistrements", "Conséquences probables", "Mesures prises",
      "Risque pour les personnes", "État", "Décision", "Version de la décision", "Décidée par", "Enregistrée par",
      "Décidée le", "Approuvée par", "Évaluation du risque / motif", "Occasion de la décision", "Notification déposée le",
      "Canal", "Référence de l'accusé de réception", "Délai", "Retard", "Motifs du retard", "Compléments déposés",
      "Information des personnes (art. 34)");

  private final Moments moments;
  private final DecisionOwners owners;

  BreachRegisterExports(Moments moments, DecisionOwners owners) {
    this.moments = moments;
    this.owners = owners;
  }

  byte[] csv(BreachRegister.Year year, String clientName) {
    StringBuilder out = new StringBuilder(BOM);
    line(out, List.of("Registre des violations de données personnelles (RGPD art. 33(5))"));
    line(out, List.of("Client", clientName + " (" + year.clientId() + ")"));
    line(out, List.of("Année", String.valueOf(year.year())));
    line(out, List.of("Établi le", typed(moments.now()), "heure de Paris"));
    line(out, List.of("Violations", String.valueOf(year.breaches().size()), "notifiées", String.valueOf(year.notified()),
        "non notifiées", String.valueOf(year.notNotified())));
    out.append("\r\n");
    line(out, COLUMNS);
    for (BreachRegister.Breach b : year.breaches()) {
      line(out, cells(b));
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private List<String> cells(BreachRegister.Breach b) {
    NotificationRegister.BreachFacts f = b.facts();
    NotificationRegister.Decision d = b.decision();
    NotificationRegister.Report r = b.initial();
    NotificationRegister.Filing filing = b.initialFiling();
    List<String> cells = new ArrayList<>();
    cells.add(b.incidentReference());
    cells.add(typed(b.mileoAwarenessAt()));
    cells.add(typed(b.clientAwarenessAt()));
    cells.add(f == null ? "" : f.nature());
    cells.add(f == null ? "" : personsCategories(f.personsCategories()));
    cells.add(f == null || f.personsCount() == null ? "" : f.personsCount().toString());
    cells.add(f == null ? "" : f.recordsCategories());
    cells.add(f == null || f.recordsCount() == null ? "" : f.recordsCount().toString());
    cells.add(f == null ? "" : f.consequences());
    cells.add(f == null ? "" : f.measures());
    cells.add(f == null ? "" : FilingTexts.RISKS.getOrDefault(f.riskToPersons(), f.riskToPersons()));
    cells.add(b.statusLabel());
    cells.add(d == null ? "" : d.label());
    cells.add(d == null ? "" : d.version() + " / " + b.decisionVersions());
    cells.add(d == null ? "" : d.decidedBy() != null ? owners.displayName(d.decidedBy())
        : "le client (enregistré par le référent)");
    cells.add(d == null ? "" : owners.displayName(d.recordedBy()));
    cells.add(d == null ? "" : typed(d.decidedAt()));
    cells.add(d == null ? "" : d.approvedBy());
    cells.add(d == null ? "" : d.riskAssessment());
    cells.add(d == null ? "" : d.occasion());
    cells.add(r == null ? "" : typed(r.submittedAt()));
    cells.add(filing == null ? "" : filing.channelLabel());
    cells.add(filing == null ? "" : filing.receiptReference());
    cells.add(r == null || r.verdict() == null ? "" : r.verdict());
    cells.add(r == null || r.lateByMinutes() == null ? "" : Moments.duration(r.lateByMinutes()));
    cells.add(r == null ? "" : r.delayReasons());
    cells.add(String.valueOf(b.complements()));
    cells.add(b.dataSubjectsDecision() == null ? ""
        : ("communiquer".equals(b.dataSubjectsDecision()) ? "personnes informées" : "personnes non informées")
            + (b.dataSubjectsDetails() == null ? "" : " — " + b.dataSubjectsDetails()));
    return cells.stream().map(c -> c == null ? "" : c).toList();
  }

  private static String personsCategories(String codes) {
    if (codes == null) {
      return "";
    }
    return java.util.Arrays.stream(codes.replaceAll("[\\[\\]\"]", "").split(",\\s*"))
        .map(code -> CnilNotificationSteps.PERSONS_CATEGORY_LABELS.getOrDefault(code, code))
        .collect(Collectors.joining(", "));
  }

  private String typed(Instant at) {
    return at == null ? "" : Moments.typedText(at, moments.zone());
  }

  private static void line(StringBuilder out, List<String> cells) {
    out.append(cells.stream().map(BreachRegisterExports::cell).collect(Collectors.joining(";"))).append("\r\n");
  }

  /** A field as French Excel reads it: quoted when needed, never a formula. */
  static String cell(String value) {
    if (value == null) {
      return "";
    }
    String v = value;
    if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.contains(";") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      v = "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }

  byte[] pdf(BreachRegister.Year year, String clientName) {
    ZoneId zone = moments.zone();
    try (PdfLayout pdf = new PdfLayout()) {
      pdf.title("Registre des violations de données personnelles", 16);
      pdf.text("RGPD art. 33(5) — toute violation, notifiée ou non, avec ses faits, ses effets, les mesures prises et la décision.");
      pdf.text("Client : " + clientName + " · Année " + year.year() + " · établi le " + Moments.clockWords(moments.now(), zone)
          + " (heure de Paris)");
      pdf.text(year.breaches().size() + " violation(s) : " + year.notified() + " notifiée(s) à la CNIL, " + year.notNotified()
          + " non notifiée(s) avec décision documentée.");
      if (year.breaches().isEmpty()) {
        pdf.heading("Aucune violation de données personnelles enregistrée pour cette année.");
      }
      for (BreachRegister.Breach b : year.breaches()) {
        pdf.heading("Incident " + b.incidentReference() + " — " + b.statusLabel());
        List<String> cells = cells(b);
        float[] widths = {170, PdfLayout.WIDTH - 170};
        for (int i = 1; i < COLUMNS.size(); i++) {
          if (!cells.get(i).isEmpty()) {
            pdf.row(widths, new String[] {COLUMNS.get(i), cells.get(i)}, false, 8);
          }
        }
        if (b.notification().decisions().size() > 1) {
          pdf.space(4);
          pdf.text("Versions de la décision (chacune conservée) :");
          float[] vw = {40, 110, 90, 90, PdfLayout.WIDTH - 330};
          pdf.row(vw, new String[] {"Version", "Décision", "Décidée le", "Par / approuvée par", "Motif et occasion"}, true, 8);
          for (NotificationRegister.Decision d : b.notification().decisions()) {
            pdf.row(vw, new String[] {String.valueOf(d.version()), d.label(), typed(d.decidedAt()),
                (d.decidedBy() != null ? owners.displayName(d.decidedBy()) : "le client") + (d.approvedBy() != null ? " / " + d.approvedBy() : ""),
                (d.riskAssessment() != null ? d.riskAssessment() + " — " : "") + d.occasion()}, false, 8);
          }
        }
      }
      return pdf.finish("Registre des violations — " + clientName + " — " + year.year());
    }
  }

  /** The client-ready text of a filing (or a draft) as a PDF, with the fingerprint of the text. */
  byte[] textPdf(FilingTexts.FilingText text, String sha256, String status) {
    try (PdfLayout pdf = new PdfLayout()) {
      pdf.title(text.title(), 13);
      pdf.text(status);
      for (FilingTexts.Section section : text.sections()) {
        pdf.heading(section.title());
        section.lines().forEach(pdf::text);
      }
      pdf.space(8);
      pdf.text("Empreinte SHA-256 du texte :");
      pdf.paragraph(sha256, pdf.bold, 8, 12, 4);
      return pdf.finish(text.title());
    }
  }
}
