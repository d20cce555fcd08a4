package com.mileotech.cyber.notification;

import static com.mileotech.cyber.notification.NotificationVariables.*;

import com.mileotech.cyber.system.FormField;
import com.mileotech.cyber.system.Moments;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The client-ready text of a filing, in the structure of the authority's online form, to paste
 * section by section: for the CNIL the sections of its breach notification service (« Vous êtes »,
 * « La violation », « Les données », « Les personnes concernées », « Les conséquences », « Les
 * mesures prises », « L'information des personnes »), for the ANSSI its incident declaration
 * (entity, incident, impacts, indicators of compromise, measures, then what the report's kind
 * asks). Generated from the draft and the register when the draft is recorded (kept on the duty
 * until filed), and stored with the filing in the log as the text sent.
 *
 * <p>The stored form is plain text: a title line, then each section as a line « ■ Title » followed
 * by its lines; {@link #parse} reads it back into sections for the API and the PDF.
 */
@Component
class FilingTexts {

  static final String SECTION_MARK = "■ ";

  private final Moments moments;

  FilingTexts(Moments moments) {
    this.moments = moments;
  }

  record Section(String title, List<String> lines) {

    String text() {
      return String.join("\n", lines);
    }
  }

  /** A text: its title and sections. {@link #text()} is what is stored and pasted. */
  record FilingText(String title, List<Section> sections) {

    String text() {
      StringBuilder out = new StringBuilder(title).append('\n');
      for (Section s : sections) {
        out.append('\n').append(SECTION_MARK).append(s.title()).append('\n');
        s.lines().forEach(line -> out.append(line).append('\n'));
      }
      return out.toString();
    }
  }

  /** The text of a report of {@code kind} from the draft and the notification's facts in {@code scope}. */
  FilingText of(VariableScope scope, ReportKind kind) {
    return kind.isCnil() ? cnil(scope, kind) : anssi(scope, kind);
  }

  private FilingText cnil(VariableScope s, ReportKind kind) {
    List<Section> sections = new ArrayList<>();
    boolean complement = kind == ReportKind.CNIL_COMPLEMENT;
    String title = (complement ? "NOTIFICATION COMPLÉMENTAIRE" : "NOTIFICATION INITIALE")
        + " D'UNE VIOLATION DE DONNÉES PERSONNELLES À LA CNIL — incident " + REFERENCE.get(s);
    if (complement) {
      sections.add(new Section("Notification complémentaire (RGPD art. 33(4))", lines(
          "Notification initiale", join(CNIL_RECEIPT_REFERENCE.text(s), when(CNIL_SUBMITTED_AT.instant(s))),
          "Informations complémentaires", COMPLEMENT_CONTENT.text(s))));
    }
    sections.add(new Section("Vous êtes", lines(
        "Organisme (responsable du traitement)", CLIENT_NAME.get(s),
        "Délégué à la protection des données ou point de contact", DPO_CONTACT.text(s),
        "Sous-traitant ayant constaté la violation", "Mileo Technology (intégrateur des systèmes de vidéoprotection)")));
    sections.add(new Section("La violation", lines(
        "Nature de la violation", BREACH_NATURE.text(s),
        "Nature de l'incident", NATURE_LABEL.get(s),
        "Date de détection", when(DETECTED_AT.instant(s)),
        "Date de prise de connaissance par le responsable du traitement", when(CLIENT_AWARENESS_AT.instant(s)),
        "Date de prise de connaissance par le sous-traitant", when(AWARENESS_AT.instant(s)),
        "Circonstances", DESCRIPTION.text(s),
        "Site concerné", SITE_NAME.get(s),
        "Systèmes concernés", AFFECTED_SYSTEMS.text(s))));
    sections.add(new Section("Les données", lines(
        "Catégories d'enregistrements concernés", RECORDS_CATEGORIES.text(s),
        "Nombre approximatif d'enregistrements", number(RECORDS_COUNT.integer(s)),
        "Type de données", "images de vidéoprotection (personnes identifiables)")));
    String personsCategories = PERSONS_CATEGORIES_LABEL.get(s);
    sections.add(new Section("Les personnes concernées", lines(
        "Catégories de personnes", personsCategories != null ? personsCategories : PERSONS_CATEGORIES.text(s),
        "Nombre approximatif de personnes", number(PERSONS_COUNT.integer(s)))));
    sections.add(new Section("Les conséquences", lines(
        "Conséquences probables pour les personnes", LIKELY_CONSEQUENCES.text(s),
        "Évaluation du risque pour les personnes", RISKS.getOrDefault(RISK_TO_PERSONS.text(s), RISK_TO_PERSONS.text(s)))));
    sections.add(new Section("Les mesures prises", lines(
        "Mesures prises ou envisagées pour remédier à la violation et en atténuer les conséquences", MEASURES_TAKEN.text(s))));
    String dataSubjects = DATA_SUBJECTS_DECISION.text(s);
    sections.add(new Section("L'information des personnes", lines(
        "Information des personnes concernées (art. 34)", dataSubjects == null
            ? ("eleve".equals(RISK_TO_PERSONS.text(s)) ? "risque élevé : décision à prendre par le responsable du traitement"
                : "non requise à ce stade (risque non élevé)")
            : "communiquer".equals(dataSubjects) ? "les personnes sont informées" : "les personnes ne sont pas informées",
        "Modalités ou justification", DATA_SUBJECTS_DETAILS.text(s))));
    if (!complement) {
      sections.add(new Section("Délai", lines(
          "Échéance légale (72 heures après la prise de connaissance)", when(CNIL.legalDueAt().instant(s)),
          "Motifs du retard (le cas échéant)", CNIL_DELAY_REASONS.text(s))));
    }
    return new FilingText(title, sections);
  }

  /** What each ANSSI report asks, by its draft fields, in the words of the form. */
  static final Map<String, Map<String, String>> ANSSI_FIELDS = Map.of(
      "alerte-precoce", ordered("ewSummary", "Résumé de l'incident",
          "ewMaliciousSuspected", "Cause illicite ou malveillante suspectée",
          "ewCrossBorderImpact", "Impact transfrontière possible"),
      "notification-incident", ordered("inSeverityAssessment", "Évaluation initiale de la gravité",
          "inImpactAssessment", "Évaluation initiale de l'impact",
          "inIndicatorsOfCompromise", "Indicateurs de compromission"),
      "declaration-oiv", ordered("oivSummary", "Description de l'incident",
          "oivAffectedSystems", "Systèmes d'information d'importance vitale touchés",
          "oivImpact", "Impact sur l'activité"),
      "rapport-intermediaire", ordered("irContent", "Mises à jour de la situation"),
      "rapport-avancement", ordered("prStatus", "État d'avancement", "prMeasures", "Mesures en cours"),
      "rapport-final", ordered("frSeverityImpact", "Description détaillée, gravité et impact",
          "frRootCause", "Type de menace ou cause première",
          "frMitigation", "Mesures d'atténuation appliquées et en cours",
          "frCrossBorderImpact", "Impact transfrontière"));

  private FilingText anssi(VariableScope s, ReportKind kind) {
    Map<String, String> fields = ANSSI_FIELDS.getOrDefault(kind.code(), Map.of());
    List<Section> sections = new ArrayList<>();
    sections.add(new Section("Entité déclarante", lines(
        "Entité", CLIENT_NAME.get(s),
        "Régime", CLIENT_REGIME_LABEL.get(s),
        "Base légale", LEGAL_BASIS.get(s),
        "Prestataire ayant constaté l'incident", "Mileo Technology (intégrateur des systèmes de vidéoprotection)")));
    sections.add(new Section("Incident", lines(
        "Nature", NATURE_LABEL.get(s),
        "Gravité", SEVERITY_LABEL.get(s),
        "Date de détection", when(DETECTED_AT.instant(s)),
        "Date de prise de connaissance par l'entité", when(CLIENT_AWARENESS_AT.instant(s)),
        "Description", DESCRIPTION.text(s),
        "Site concerné", SITE_NAME.get(s),
        "Systèmes concernés", AFFECTED_SYSTEMS.text(s),
        "Équipements", EQUIPMENT.text(s))));
    List<String> impacts = new ArrayList<>();
    List<String> iocs = new ArrayList<>();
    List<String> measures = new ArrayList<>();
    List<String> other = new ArrayList<>();
    fields.forEach((field, label) -> {
      String value = answer(FormField.of(field).text(s));
      List<String> target = field.contains("Indicators") ? iocs
          : field.contains("Impact") || field.contains("Severity") ? impacts
          : field.contains("Measures") || field.contains("Mitigation") ? measures : other;
      target.addAll(lines(label, value));
    });
    sections.add(new Section(kind.label(), other.isEmpty() ? List.of("—") : other));
    sections.add(new Section("Impacts", impacts.isEmpty() ? List.of("voir les rapports précédents") : impacts));
    sections.add(new Section("Indicateurs de compromission", iocs.isEmpty() ? List.of("voir les rapports précédents") : iocs));
    sections.add(new Section("Mesures", measures.isEmpty() ? List.of("voir les rapports précédents") : measures));
    return new FilingText(kind.label().toUpperCase(java.util.Locale.FRENCH) + " — incident " + REFERENCE.get(s), sections);
  }

  static final Map<String, String> RISKS = Map.of("improbable", "risque improbable", "risque", "risque",
      "eleve", "risque élevé");

  private static String answer(String value) {
    if (value == null) {
      return null;
    }
    return switch (value) {
      case "oui" -> "Oui";
      case "non" -> "Non";
      case "inconnu" -> "Inconnu à ce stade";
      default -> value;
    };
  }

  private String when(Instant at) {
    return at == null ? null : moments.wordsWithZone(at);
  }

  private static String number(Integer n) {
    return n == null ? null : "environ " + n;
  }

  private static String join(String a, String b) {
    return a == null ? b : b == null ? a : a + ", déposée le " + b;
  }

  /** « Label : value » lines, a missing value as « non renseigné ». */
  private static List<String> lines(String... pairs) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < pairs.length; i += 2) {
      String value = pairs[i + 1];
      lines.add(pairs[i] + " : " + (value == null || value.isBlank() ? "non renseigné" : value.strip()));
    }
    return lines;
  }

  private static Map<String, String> ordered(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }

  /** A stored text read back into its title and sections. */
  static FilingText parse(String text) {
    String[] lines = text.split("\n", -1);
    if (java.util.Arrays.stream(lines).noneMatch(l -> l.startsWith(SECTION_MARK))) {
      // a text filed before the register kept sections (V74): one section, as it was
      return new FilingText(LEGACY_TITLE, List.of(new Section("Contenu déposé", trimmed(List.of(lines)))));
    }
    String title = lines[0];
    List<Section> sections = new ArrayList<>();
    String current = null;
    List<String> body = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].startsWith(SECTION_MARK)) {
        if (current != null) {
          sections.add(new Section(current, trimmed(body)));
        }
        current = lines[i].substring(SECTION_MARK.length());
        body = new ArrayList<>();
      } else if (current != null) {
        body.add(lines[i]);
      }
    }
    if (current != null) {
      sections.add(new Section(current, trimmed(body)));
    }
    return new FilingText(title, sections);
  }

  static final String LEGACY_TITLE = "Contenu déposé (enregistré avant le registre des transmissions)";

  private static List<String> trimmed(List<String> lines) {
    List<String> out = new ArrayList<>(lines);
    while (!out.isEmpty() && out.get(out.size() - 1).isBlank()) {
      out.remove(out.size() - 1);
    }
    while (!out.isEmpty() && out.get(0).isBlank()) {
      out.remove(0);
    }
    return out;
  }

  /** The fingerprint of a text sent (as the checklist PDFs carry theirs): SHA-256 of its UTF-8 bytes. */
  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
