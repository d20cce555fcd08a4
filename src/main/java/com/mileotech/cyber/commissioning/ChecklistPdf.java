package com.mileotech.cyber.commissioning;

import com.mileotech.cyber.system.Moments;
import com.mileotech.cyber.system.PdfLayout;
import com.mileotech.cyber.system.ZoneProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The checklist document for the client's commissioning file (guide §04): identification,
 * inventory with firmware versions, every point with its status and comment, deadline or
 * justification, the signature (signer, time, SHA-256) and the history of the versions.
 */
@Component
class ChecklistPdf {

  private final Catalogues catalogues;
  private final ZoneProperties time;

  ChecklistPdf(Catalogues catalogues, ZoneProperties time) {
    this.catalogues = catalogues;
    this.time = time;
  }

  byte[] render(IssuedDocument doc) {
    SignedContent c = doc.content();
    Catalogue catalogue = catalogues.get(c.catalogueSource(), c.catalogueVersion());
    try (PdfLayout pdf = new PdfLayout()) {
      pdf.title("Checklist de durcissement VMS", 16);
      pdf.paragraph("Dossier de mise en service — " + catalogue.source() + " " + catalogue.version() + " ("
          + catalogue.published() + ") — Mileo Technology", pdf.regular, 10, 0, 8);

      float[] kv = {150, PdfLayout.WIDTH - 150};
      row(pdf, kv, "Référence", c.reference());
      row(pdf, kv, "Version du document", doc.version() + " — " + doc.reason());
      row(pdf, kv, "Émis le", dateTime(doc.issuedAt()));
      row(pdf, kv, "Client", c.clientName() + " (" + c.clientId() + ")");
      row(pdf, kv, "Site", c.siteName() + " (" + c.siteId() + ")");
      row(pdf, kv, "VMS", c.vmsProduct() + " " + c.vmsVersion());
      row(pdf, kv, "Catalogue de contrôle", catalogue.title() + " — " + catalogue.name());
      if (c.previousReference() != null) {
        row(pdf, kv, "Checklist précédente", c.previousReference() + " (audit annuel du contrat Premium)");
      }
      row(pdf, kv, "Conservé jusqu'au", Moments.typedText(LocalDate.parse(doc.retainUntil()))
          + " (fin du contrat de maintenance)");
      row(pdf, kv, "Synthèse", c.summary());

      pdf.heading("Inventaire des équipements");
      float[] eq = {60, 140, 110, 95, PdfLayout.WIDTH - 405};
      pdf.row(eq, new String[] {"Type", "Modèle", "N° de série", "Firmware", "Mises à jour de sécurité"}, true, 8.5f);
      for (Equipment e : c.equipment()) {
        pdf.row(eq, new String[] {e.kindLabel(), e.model(), e.serialNumber(), e.firmwareVersion(),
            e.endOfSupport() ? "Non — signalé au client, plan de remplacement" : "Oui"}, false, 8.5f);
      }

      float[] pt = {48, 180, 72, PdfLayout.WIDTH - 300};
      for (Catalogue.Category category : catalogue.categories()) {
        List<PointEntry> points = c.points().stream().filter(p -> category.id().equals(p.category)).toList();
        pdf.heading(category.label() + " (" + points.size() + " points)");
        pdf.row(pt, new String[] {"Point", "Contrôle", "Statut", "Constat"}, true, 8.5f);
        for (PointEntry p : points) {
          Status status = p.statusValue();
          pdf.row(pt, new String[] {p.id, p.label + " (" + p.section + ")", status == null ? "—" : status.label(),
              detail(catalogue, p)}, false, 8.5f);
        }
      }

      if (doc.comparedWith() != null) {
        pdf.heading("Évolutions depuis la checklist précédente (" + doc.comparedWith() + ")");
        if (doc.changes().isEmpty()) {
          pdf.text("Aucune évolution : statuts et inventaire identiques.");
        } else {
          float[] ch = {150, 170, PdfLayout.WIDTH - 320};
          pdf.row(ch, new String[] {"Élément", "L'an dernier", "Cette année"}, true, 8.5f);
          for (IssuedDocument.Change change : doc.changes()) {
            pdf.row(ch, new String[] {change.subject(), change.before(), change.after()}, false, 8.5f);
          }
        }
      }

      pdf.heading("Signature du technicien responsable de la mise en service");
      IssuedDocument.Signature s = doc.signature();
      row(pdf, kv, "Signée par", s.name());
      row(pdf, kv, "Identifiant authentifié", s.userId());
      row(pdf, kv, "Signée le", dateTime(s.at()) + " (" + time.zone() + ")");
      pdf.text("Empreinte SHA-256 du contenu signé :");
      pdf.paragraph(s.sha256(), pdf.bold, 8, 12, 4);
      if (!s.sha256().equals(doc.contentSha256())) {
        pdf.text("Contenu de cette version modifié après la signature par les revérifications indiquées au "
            + "constat des points concernés ; empreinte SHA-256 du contenu de cette version :");
        pdf.paragraph(doc.contentSha256(), pdf.bold, 8, 12, 4);
      }
      pdf.text("L'empreinte est calculée sur la sérialisation JSON canonique (propriétés triées, UTF-8) du contenu : "
          + "identification, inventaire et points de contrôle.");

      pdf.heading("Historique des versions");
      float[] hv = {50, 100, 190, PdfLayout.WIDTH - 340};
      pdf.row(hv, new String[] {"Version", "Émise le", "Motif", "Empreinte SHA-256 du contenu"}, true, 8);
      for (IssuedDocument.VersionEntry v : doc.history()) {
        pdf.row(hv, new String[] {String.valueOf(v.version()), dateTime(v.issuedAt()), v.reason(), v.contentSha256()},
            false, 7.5f);
      }
      return pdf.finish(catalogue.name() + " — " + c.reference() + " — version " + doc.version());
    }
  }

  /** What was found on a point: comment, deadline or justification, figures, re-verifications. */
  private String detail(Catalogue catalogue, PointEntry p) {
    List<String> parts = new ArrayList<>();
    Status status = p.statusValue();
    if (p.comment != null) {
      parts.add(p.comment);
    }
    if (status == Status.NON_CONFORME && p.remediationDeadline != null) {
      parts.add("Remédiation avant le " + Moments.typedText(LocalDate.parse(p.remediationDeadline)));
    }
    if (status == Status.NON_APPLICABLE && p.justification != null) {
      parts.add("Justification : " + p.justification);
    }
    catalogue.point(p.id).map(Catalogue.Point::measure).map(m -> m.describe(p)).ifPresent(parts::add);
    for (PointEntry.Reverification r : p.reverificationsOrEmpty()) {
      parts.add("Non-conformité levée le " + dateTime(r.at()) + " par " + r.by() + " (constat initial : "
          + r.finding() + ")");
    }
    return String.join("\n", parts);
  }

  private static void row(PdfLayout pdf, float[] widths, String label, String value) {
    pdf.row(widths, new String[] {label, value}, false, 9);
  }

  private String dateTime(String instant) {
    return Moments.typedAt(Instant.parse(instant), time.zone());
  }
}
