package com.mileotech.cyber.casefile;

import com.mileotech.cyber.evidence.EvidenceCustody;
import com.mileotech.cyber.improvement.ImprovementAction;
import com.mileotech.cyber.improvement.ImprovementActions;
import com.mileotech.cyber.incident.ResponseStep;
import com.mileotech.cyber.incident.SecurityIncidentAccount;
import com.mileotech.cyber.notification.IncidentNotifications;
import com.mileotech.cyber.playbook.PlaybookActions;
import com.mileotech.cyber.playbook.RecordedAction;
import com.mileotech.cyber.system.Moments;
import com.mileotech.cyber.system.PdfLayout;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The incident file handed to the client (PROC-CYB-005 §06): summary, qualification versions,
 * chronology, evidence register with its custody, containment and eradication, integrity check,
 * regulatory notifications with their filing log, lessons learned, and the versions of the file.
 * In French, times in the configured zone (Paris), Mileo's header and « Page n / N » on every page.
 * The SHA-256 of the text shown (every cell, in order) is printed on the last page: a file cannot
 * carry its own hash, which the register keeps beside it.
 */
@Component
class IncidentFilePdf {

  static final String TITLE = "Dossier d'incident de sécurité";
  static final String HEADER = "Mileo Technology — intégrateur de systèmes de vidéosurveillance IP — " + TITLE
      + " — Confidentiel";

  /** The section headings, in the order of the document (tests and docs name them). */
  static final List<String> SECTIONS = List.of("1. Synthèse", "2. Qualification et requalifications", "3. Chronologie",
      "4. Registre des preuves et chaîne de possession", "5. Confinement et éradication",
      "6. Vérification d'intégrité", "7. Notifications réglementaires et journal des dépôts",
      "8. Retour d'expérience", "9. Versions du dossier et empreinte");

  /** What is being produced: this version, why, when, by whom; and the versions before it. */
  record Issue(String reference, int version, String reason, Instant generatedAt, String generatedBy, boolean draft,
      List<IncidentFiles.Version> earlier) {}

  /** The rendered file and the SHA-256 of its text. */
  record Rendered(byte[] pdf, String contentSha256) {}

  private final SecurityIncidentAccount incidents;
  private final EvidenceCustody evidence;
  private final IncidentNotifications notifications;
  private final PlaybookActions playbook;
  private final ImprovementActions improvementActions;
  private final Moments moments;

  IncidentFilePdf(SecurityIncidentAccount incidents, EvidenceCustody evidence, IncidentNotifications notifications,
      PlaybookActions playbook, ImprovementActions improvementActions, Moments moments) {
    this.incidents = incidents;
    this.evidence = evidence;
    this.notifications = notifications;
    this.playbook = playbook;
    this.improvementActions = improvementActions;
    this.moments = moments;
  }

  Rendered render(Issue issue) {
    String reference = issue.reference();
    SecurityIncidentAccount.Summary summary = incidents.summary(reference).orElseThrow();
    try (PdfLayout layout = new PdfLayout()) {
      Page pdf = new Page(layout);
      pdf.title(TITLE + " " + reference + (issue.draft() ? " — projet soumis à approbation" : ""));
      pdf.note(summary.clientName() + " — version " + issue.version() + " du dossier, établie le "
          + when(issue.generatedAt()) + ". Toutes les heures sont données en " + Moments.zoneName(moments.zone())
          + ".");
      summary(pdf, summary);
      qualifications(pdf, reference);
      chronology(pdf, reference);
      evidence(pdf, reference);
      responseActions(pdf, reference);
      integrity(pdf, reference);
      notifications(pdf, reference);
      lessonsLearned(pdf, reference);
      String contentSha256 = versions(pdf, issue);
      byte[] bytes = layout.finishWithHeader(HEADER, "Mileo Technology — " + TITLE + " " + reference + " — version "
          + issue.version() + (issue.draft() ? " (projet)" : ""));
      return new Rendered(bytes, contentSha256);
    }
  }

  private void summary(Page pdf, SecurityIncidentAccount.Summary s) {
    pdf.heading(SECTIONS.get(0));
    pdf.kv("Référence", s.reference() + (s.exercise() ? " (exercice : aucun chiffre ne le compte)" : ""));
    pdf.kv("Client", s.clientName());
    pdf.kv("Sites", String.join(", ", s.sites()));
    pdf.kv("Origine de la détection", s.detectionSource());
    pdf.kv("Équipement concerné", s.equipment());
    pdf.kv("Description", s.description());
    pdf.kv("Nature", orDash(s.nature()));
    pdf.kv("Gravité", orDash(s.severity()));
    pdf.kv("Données personnelles (images de personnes)", s.personalDataInvolved() == null ? "—"
        : s.personalDataInvolved() ? "oui" : "non");
    pdf.kv("Début estimé", s.beganAt() == null ? "inconnu" : when(s.beganAt()));
    pdf.kv("Détection", when(s.detectedAt()));
    pdf.kv("Prise de connaissance", when(s.awarenessAt()));
    pdf.kv("Remise en service", when(s.returnedToServiceAt()));
    pdf.kv("Clôture", when(s.closedAt()));
    pdf.kv("MTTD (détection − début)", s.mttdMinutes() == null ? "début inconnu" : Moments.duration(s.mttdMinutes()));
    pdf.kv("MTTR (remise en service − détection)", s.mttrMinutes() == null ? "—" : Moments.duration(s.mttrMinutes()));
  }

  private void qualifications(Page pdf, String reference) {
    pdf.heading(SECTIONS.get(1));
    List<SecurityIncidentAccount.QualificationVersion> versions = incidents.qualifications(reference);
    if (versions.isEmpty()) {
      pdf.text("Incident non qualifié.");
      return;
    }
    float[] w = {45, 95, 150, 90, PdfLayout.WIDTH - 380};
    pdf.row(w, true, "Version", "Le", "Qualification", "Par", "Prise de connaissance, motif");
    for (SecurityIncidentAccount.QualificationVersion q : versions) {
      pdf.row(w, false, String.valueOf(q.version()), when(q.qualifiedAt()),
          q.nature() + ", gravité " + q.severity() + ", données personnelles : " + (q.personalDataInvolved() ? "oui" : "non")
              + (q.affectedSystems() == null ? "" : "\nSystèmes : " + q.affectedSystems()),
          q.qualifiedBy(), when(q.awarenessAt()) + (q.reason() == null ? "" : "\nMotif : " + q.reason()));
    }
  }

  private void chronology(Page pdf, String reference) {
    pdf.heading(SECTIONS.get(2));
    float[] w = {110, 80, PdfLayout.WIDTH - 300, 110};
    pdf.row(w, true, "Quand", "Étape", "Ce qui a été fait", "Qui");
    for (SecurityIncidentAccount.Step step : incidents.chronology(reference)) {
      pdf.row(w, false, when(step.at()), step.phase(), step.detail(), step.person());
    }
  }

  private void evidence(Page pdf, String reference) {
    pdf.heading(SECTIONS.get(3));
    List<EvidenceCustody.Item> items = evidence.of(reference);
    if (items.isEmpty()) {
      pdf.text("Aucune preuve enregistrée au registre.");
      return;
    }
    for (EvidenceCustody.Item item : items) {
      pdf.subheading("Preuve n° " + item.id() + " — " + item.kind() + " — " + item.state());
      pdf.kv("Description", item.description());
      pdf.hash("Empreinte SHA-256", item.sha256());
      pdf.kv("Conservation", item.heldByServer()
          ? "fichier conservé par la plateforme" + (item.fileName() == null ? "" : " (" + item.fileName() + ")")
          : "déclarée, conservée : " + orDash(item.location()));
      pdf.kv("Saisie", when(item.capturedAt()) + " par " + incidents.person(item.capturedBy()));
      pdf.kv("Conservée jusqu'au", item.retainUntil() == null ? "levée du gel juridique"
          : Moments.typedText(item.retainUntil()));
      pdf.kv("Dernière vérification", item.lastVerification() == null ? "jamais vérifiée" : item.lastVerification());
      float[] w = {110, 90, 110, PdfLayout.WIDTH - 310};
      pdf.row(w, true, "Quand", "Événement", "Par", "Détail");
      for (EvidenceCustody.Event e : item.ledger()) {
        List<String> detail = new ArrayList<>();
        if (e.fromHolder() != null) {
          detail.add("de " + incidents.person(e.fromHolder()));
        }
        if (e.toHolder() != null) {
          detail.add("à " + incidents.person(e.toHolder()));
        }
        if (!e.details().isEmpty()) {
          detail.add(e.details());
        }
        pdf.row(w, false, when(e.at()), e.event(), incidents.person(e.actor()), String.join("\n", detail));
      }
    }
  }

  /** Containment and eradication: the playbook version followed and each action as recorded (done or not applicable). */
  private void responseActions(Page pdf, String reference) {
    pdf.heading(SECTIONS.get(4));
    pdf.kv("Playbook suivi", playbook.followed(reference)
        .map(f -> f.playbookId() + " " + f.playbookVersion() + (f.title() == null ? "" : " — " + f.title())
            + ", retenu le " + when(f.chosenAt()))
        .orElse("aucun (confinement non commencé, ou incident antérieur aux playbooks)"));
    List<RecordedAction> actions = playbook.recorded(reference);
    phase(pdf, "Confinement", incidents.containment(reference), ResponseStep.CONTAINMENT, actions);
    phase(pdf, "Éradication", incidents.eradication(reference), ResponseStep.ERADICATION, actions);
  }

  private void phase(Page pdf, String name, SecurityIncidentAccount.Phase phase, ResponseStep step,
      List<RecordedAction> actions) {
    pdf.subheading(name + (phase.recordedAt() == null ? " — non enregistré"
        : " — enregistré le " + when(phase.recordedAt()) + " par " + phase.recordedBy()));
    List<RecordedAction> ofPhase = actions.stream().filter(a -> a.phase() == step).toList();
    if (ofPhase.isEmpty()) {
      pdf.text("Aucune action enregistrée.");
      return;
    }
    boolean rounds = ofPhase.stream().anyMatch(a -> a.round() > 1);
    float[] w = {170, 80, 110, PdfLayout.WIDTH - 360};
    pdf.row(w, true, "Action", "Résultat", "Par, le", "Commentaire");
    for (RecordedAction a : ofPhase) {
      pdf.row(w, false, a.label() + (rounds ? " (passage " + a.round() + ")" : ""), a.statusLabel(),
          orDash(a.recordedByName()) + "\n" + when(a.recordedAt()), orDash(a.comment()));
    }
  }

  private void integrity(Page pdf, String reference) {
    pdf.heading(SECTIONS.get(5));
    SecurityIncidentAccount.IntegrityCheck check = incidents.integrityCheck(reference);
    if (check.checkedAt() == null) {
      pdf.text("Vérification d'intégrité non enregistrée.");
      return;
    }
    pdf.kv("Résultat", Boolean.TRUE.equals(check.confirmed()) ? "intégrité confirmée" : "intégrité non confirmée");
    pdf.kv("Vérifiée le", when(check.checkedAt()) + " par " + check.checkedBy());
    pdf.kv("Vérifications faites", check.checks() == null ? "—" : check.checks()
        + (check.checks() > 1 ? " (une vérification non concluante a renvoyé à l'éradication)" : ""));
    pdf.kv("Éradications", check.eradicationRounds() == null ? "—" : String.valueOf(check.eradicationRounds()));
    for (Map.Entry<String, Boolean> point : check.points().entrySet()) {
      pdf.kv(capitalised(point.getKey()), point.getValue() ? "confirmé" : "non confirmé");
    }
  }

  private void notifications(Page pdf, String reference) {
    pdf.heading(SECTIONS.get(6));
    List<IncidentNotifications.Duty> duties = notifications.of(reference);
    if (duties.isEmpty()) {
      pdf.text("Aucune notification réglementaire requise pour cet incident (ni CNIL, ni ANSSI).");
      return;
    }
    for (IncidentNotifications.Duty duty : duties) {
      String obligor = "le client".equals(duty.obligor()) ? "du client" : "de " + duty.obligor();
      pdf.subheading(duty.authority() + " — à la charge " + obligor + " — " + duty.status()
          + (duty.exercise() ? " (exercice)" : ""));
      pdf.kv("Fondement", orDash(duty.legalBasis()));
      pdf.kv("Prise de connaissance par Mileo", when(duty.mileoAwarenessAt()));
      if (duty.clientAwarenessAt() != null) {
        pdf.kv("Prise de connaissance par le client", when(duty.clientAwarenessAt()));
      }
      if (duty.clientInformedAt() != null) {
        pdf.kv("Client informé", when(duty.clientInformedAt())
            + (duty.clientInformation() == null ? "" : " (" + duty.clientInformation() + ")"));
      }
      for (IncidentNotifications.DecisionVersion d : duty.decisions()) {
        pdf.kv("Décision, version " + d.version() + (d.current() ? "" : " (remplacée)"), d.decision() + " — "
            + when(d.decidedAt()) + ", " + incidents.person(d.decidedBy() != null ? d.decidedBy() : d.recordedBy())
            + (d.riskAssessment() == null ? "" : "\n" + d.riskAssessment()));
      }
      for (IncidentNotifications.Report report : duty.reports()) {
        pdf.kv(report.label(), "échéance " + when(report.dueAt())
            + (report.legalDueAt() == null ? "" : ", échéance légale " + when(report.legalDueAt()))
            + (report.submittedAt() == null ? " — non déposé" : " — déposé le " + when(report.submittedAt()))
            + (report.verdict() == null ? "" : " (" + report.verdict() + ")"));
        if (!report.filings().isEmpty()) {
          float[] w = {100, 85, 95, PdfLayout.WIDTH - 280};
          pdf.row(w, true, "Déposé le", "Canal", "Par", "Récépissé, empreinte du texte, remarques");
          for (IncidentNotifications.Filing f : report.filings()) {
            List<String> detail = new ArrayList<>();
            detail.add("récépissé " + orDash(f.receiptReference()));
            if (f.textSha256() != null) {
              detail.add("SHA-256 du texte " + f.textSha256());
            }
            if (f.correction()) {
              detail.add("correction : " + orDash(f.correctionReason()));
            }
            if (!f.current()) {
              detail.add("remplacé par une correction");
            }
            if (f.delayReasons() != null) {
              detail.add("retard : " + f.delayReasons());
            }
            pdf.row(w, false, when(f.submittedAt()), orDash(f.channel()),
                incidents.person(f.filedBy() != null ? f.filedBy() : f.recordedBy()), String.join("\n", detail));
          }
        }
      }
    }
  }

  private void lessonsLearned(Page pdf, String reference) {
    pdf.heading(SECTIONS.get(7));
    SecurityIncidentAccount.LessonsLearned lessons = incidents.lessonsLearned(reference);
    pdf.subheading("Causes racines");
    pdf.text(orDash(lessons.rootCauses()));
    if (lessons.hardeningControls() != null) {
      pdf.subheading("Points de contrôle du guide de durcissement en cause");
      pdf.text(lessons.hardeningControls());
    }
    pdf.subheading("Efficacité de la réponse");
    pdf.text(orDash(lessons.responseEffectiveness()));
    improvements(pdf, reference, lessons);
    pdf.kv("Rédigé par", orDash(lessons.writtenBy()));
    pdf.kv("Approuvé", lessons.approvedAt() == null ? "non encore approuvé"
        : when(lessons.approvedAt()) + " par " + lessons.approvedBy());
  }

  /** The improvement points (free text) and the improvement actions followed to their end: owner, due day, closure. */
  private void improvements(Page pdf, String reference, SecurityIncidentAccount.LessonsLearned lessons) {
    pdf.subheading("Points d'amélioration");
    pdf.text(orDash(lessons.improvements()));
    List<ImprovementAction> actions = improvementActions.forIncident(reference);
    if (actions.isEmpty()) {
      if (lessons.improvementActions() != null) {
        pdf.subheading("Actions d'amélioration");
        pdf.text(lessons.improvementActions());
      }
      return;
    }
    pdf.subheading("Actions d'amélioration");
    float[] w = {150, 95, 80, PdfLayout.WIDTH - 325};
    pdf.row(w, true, "Action", "Responsable", "Échéance", "État, effet constaté");
    for (ImprovementAction a : actions) {
      String state = a.status() == ImprovementAction.Status.OPEN ? a.status().label()
          : a.status().label() + " le " + when(a.closedAt()) + "\n" + orDash(a.whatWasDone()) + "\nEffet : "
              + orDash(a.effectCheck());
      // dueAt is the start of the day after the due day (Moments.endOfDay): people read the day itself
      LocalDate dueDay = a.dueAt().minusSeconds(1).atZone(moments.zone()).toLocalDate();
      pdf.row(w, false, a.label(), orDash(a.ownerName()), moments.words(dueDay), state);
    }
  }

  /** The last section: this version, the earlier ones (their files' SHA-256), and this text's fingerprint. */
  private String versions(Page pdf, Issue issue) {
    pdf.heading(SECTIONS.get(8));
    float[] w = {50, 130, PdfLayout.WIDTH - 180};
    pdf.row(w, true, "Version", "Établie le", "Motif");
    for (IncidentFiles.Version v : issue.earlier()) {
      pdf.row(w, false, String.valueOf(v.version()), when(v.generatedAt()), v.reason());
    }
    pdf.row(w, false, String.valueOf(issue.version()), when(issue.generatedAt()), issue.reason() + " (ce document)");
    for (IncidentFiles.Version v : issue.earlier()) {
      pdf.hash("SHA-256 du fichier, version " + v.version(), v.sha256());
    }
    pdf.kv("Établie par", issue.generatedBy());
    String contentSha256 = sha256(pdf.content.toString());
    pdf.layout.text("Empreinte SHA-256 du contenu de cette version (texte du document, dans l'ordre, jusqu'à "
        + "cette ligne) :");
    pdf.layout.paragraph(contentSha256, pdf.layout.bold, 8, 12, 4);
    pdf.layout.text("L'empreinte SHA-256 du fichier PDF lui-même est conservée par Mileo Technology dans le registre "
        + "des versions du dossier et communiquée à chaque téléchargement.");
    return contentSha256;
  }

  private String when(Instant instant) {
    return instant == null ? "—" : moments.words(instant);
  }

  private static String orDash(String text) {
    return text == null || text.isBlank() ? "—" : text;
  }

  private static String capitalised(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The layout, keeping every text it writes for the content's fingerprint. */
  private static final class Page {
    final PdfLayout layout;
    final StringBuilder content = new StringBuilder();

    Page(PdfLayout layout) {
      this.layout = layout;
    }

    void title(String text) {
      content.append(text).append('\n');
      layout.title(text, 15);
    }

    void note(String text) {
      content.append(text).append('\n');
      layout.paragraph(text, layout.regular, 9.5f, 0, 6);
    }

    void heading(String text) {
      content.append(text).append('\n');
      layout.heading(text);
    }

    void subheading(String text) {
      content.append(text).append('\n');
      layout.space(4);
      layout.keepTogether(40);
      layout.paragraph(text, layout.bold, 10, 0, 3);
    }

    void text(String text) {
      content.append(text).append('\n');
      layout.text(text);
    }

    void kv(String label, String value) {
      row(new float[] {170, PdfLayout.WIDTH - 170}, false, label, value == null ? "—" : value);
    }

    /** A SHA-256 on one line: smaller type, so that it can be read and compared whole. */
    void hash(String label, String value) {
      content.append(label).append('\t').append(value).append('\n');
      layout.row(new float[] {170, PdfLayout.WIDTH - 170}, new String[] {label, value}, false, 7.5f);
    }

    void row(float[] widths, boolean header, String... cells) {
      content.append(String.join("\t", cells)).append('\n');
      layout.row(widths, cells, header, 8.5f);
    }
  }
}
