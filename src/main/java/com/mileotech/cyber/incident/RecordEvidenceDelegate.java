package com.mileotech.cyber.incident;

import com.mileotech.cyber.evidence.EvidenceRegister;
import com.mileotech.cyber.system.FormField;
import com.mileotech.cyber.system.FormValues;
import static com.mileotech.cyber.incident.SecurityIncidentVariables.*;

import com.mileotech.cyber.system.Refusal;
import com.mileotech.cyber.system.Moments;
import com.mileotech.cyber.incident.SecurityIncidentRepository.EvidenceItem;
import com.mileotech.cyber.incident.SecurityIncidentRepository.LegalHold;
import com.mileotech.cyber.security.Groups;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer les preuves": the evidence captured before any remediation (PROC-CYB-005 §03) —
 * each item with what it is, where it is stored, its SHA-256, who captured it and when — or the
 * referent's explicit waiver with its reason. Video footage held past the one-month purge of
 * recordings (CSI L252-5) needs a legal ground, a justification and an end date. Until this step
 * has run, the process cannot reach eradication.
 */
@Component("recordEvidence")
class RecordEvidenceDelegate implements JavaDelegate {

  /** The form has this many evidence slots: evidence1Kind... evidence6CapturedAt, evidence{n}More opens the next. */
  static final int SLOTS = 6;
  /**
   * The longest a legal hold may run: no proceedings can need footage past the prescription of
   * délits (6 years, art. 8 CPP); a later end date is a typing error (a year or a day/month swapped).
   */
  static final java.time.Period LEGAL_HOLD_LIMIT = java.time.Period.ofYears(6);

  static final String CAPTURED = "capturees";
  /** The form's "Saisir des preuves à la main" checkbox, which shows the legacy slots. */
  static final FormField LEGACY_SLOTS = FormField.of("evidenceTypedByHand");
  static final String WAIVED = "renonciation";

  private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

  private final SecurityIncidentRepository repository;
  private final Actors actors;
  private final Moments moments;
  private final EvidenceRegister register;

  RecordEvidenceDelegate(SecurityIncidentRepository repository, Actors actors, Moments moments,
      EvidenceRegister register) {
    this.register = register;
    this.repository = repository;
    this.actors = actors;
    this.moments = moments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String decision = EVIDENCE_DECISION.text(execution);
    String user = actors.current();
    List<String> problems = new ArrayList<>();
    List<EvidenceItem> items = new ArrayList<>();
    String waiverReason = null;
    LegalHold hold = null;
    long registered = 0;

    if (WAIVED.equals(decision)) {
      if (!actors.currentIsMemberOf(Groups.CYBER_REFERENT)) {
        problems.add("seul le référent cybersécurité peut renoncer à la capture des preuves");
      }
      waiverReason = EVIDENCE_WAIVER_REASON.text(execution);
      if (waiverReason == null) {
        problems.add("motif de la renonciation obligatoire");
      }
    } else if (CAPTURED.equals(decision)) {
      // the items of the evidence register (uploaded or declared, with their custody ledger), and
      // any typed into the form's legacy slots
      registered = register.itemsCaptured(REFERENCE.get(execution));
      items = items(slots(execution), user, problems);
      if (items.isEmpty() && registered == 0 && problems.isEmpty()) {
        problems.add("ajoutez au moins une preuve au registre des preuves de l'incident (envoi du fichier ou "
            + "déclaration par son empreinte), ou faites renoncer le référent, avec un motif");
      }
      if (VIDEO_LEGAL_HOLD.isTrue(execution)) {
        hold = legalHold(execution, items, problems);
      }
    } else {
      problems.add("indiquez si les preuves ont été capturées ou si le référent renonce à leur capture");
    }
    if (!problems.isEmpty()) {
      throw Refusal.of("Preuves non enregistrées", problems);
    }

    Instant now = moments.now();
    String reference = REFERENCE.get(execution);
    repository.recordEvidence(reference, items, decision, waiverReason, user, now, hold);
    EVIDENCE_STATUS.set(execution, decision);
    EVIDENCE_COUNT.set(execution, (int) (items.size() + registered));
    EVIDENCE_RECORDED_AT.set(execution, Moments.date(now));
    EVIDENCE_RECORDED_BY.set(execution, user);
    VIDEO_LEGAL_HOLD.set(execution, hold != null);
    if (hold != null) {
      Instant until = hold.until().atStartOfDay(moments.zone()).toInstant();
      VIDEO_LEGAL_HOLD_UNTIL.set(execution, Moments.date(until));
      VIDEO_LEGAL_HOLD_UNTIL_LABEL.set(execution, moments.words(hold.until()));
    }
    // the slots' items are in the register now (with their custody); no form or step reads the
    // slots again, and each kept one would be a runtime row and its delete at the end (issue 20).
    // What was typed stays in the history: each field's detail in this task's activity instance.
    FormField.removeAll(execution, slotFields());
  }

  /** Every field of the form's legacy slots (with the capture time's repeated-hour choice). */
  static FormField[] slotFields() {
    List<FormField> fields = new ArrayList<>();
    for (int n = 1; n <= SLOTS; n++) {
      for (String part : List.of("Kind", "Description", "StorageLocation", "Sha256", "CapturedBy", "CapturedAt", "More")) {
        fields.add(FormField.of("evidence" + n + part));
      }
    }
    fields.add(LEGACY_SLOTS);
    return fields.toArray(FormField[]::new);
  }

  /**
   * The items of the form's slots: slot 1, then each slot its predecessor's "Ajouter une autre
   * preuve" opened. (A form-js dynamic list would be the natural field, but Tasklist 7.24 keeps
   * its Complete button disabled as soon as one is shown.)
   */
  static List<Map<String, Object>> slots(DelegateExecution execution) {
    List<Map<String, Object>> rows = new ArrayList<>();
    if (!LEGACY_SLOTS.isTrue(execution) && FormField.of("evidence1Kind").raw(execution) == null
        && FormField.of("evidence1Sha256").raw(execution) == null) {
      return rows; // the items are in the evidence register; no slot typed
    }
    for (int n = 1; n <= SLOTS; n++) {
      if (n > 1 && !FormField.of("evidence" + (n - 1) + "More").isTrue(execution)) {
        break;
      }
      Map<String, Object> row = new java.util.HashMap<>();
      for (String field : List.of("kind", "description", "storageLocation", "sha256", "capturedBy", "capturedAt", "capturedAtOccurrence")) {
        row.put(field, FormField.of("evidence" + n + Character.toUpperCase(field.charAt(0)) + field.substring(1)).raw(execution));
      }
      rows.add(row);
    }
    return rows;
  }

  private List<EvidenceItem> items(List<Map<String, Object>> rows, String user, List<String> problems) {
    List<EvidenceItem> items = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Object> row = rows.get(i);
      String item = "preuve n° " + (i + 1) + " : ";
      String kind = FormValues.text(row.get("kind"));
      if (Code.find(EvidenceKind.class, kind).isEmpty()) {
        problems.add(item + "type à choisir parmi " + Code.allowed(EvidenceKind.class));
      }
      String description = FormValues.text(row.get("description"));
      if (description == null) {
        problems.add(item + "description obligatoire");
      }
      String location = FormValues.text(row.get("storageLocation"));
      if (location == null) {
        problems.add(item + "lieu de stockage obligatoire");
      }
      String sha256 = FormValues.text(row.get("sha256"));
      if (sha256 == null || !SHA256.matcher(sha256).matches()) {
        problems.add(item + "empreinte SHA-256 invalide (64 caractères hexadécimaux attendus)");
      }
      String capturedBy = FormValues.text(row.get("capturedBy"));
      capturedBy = capturedBy != null ? capturedBy : user;
      if (capturedBy == null) {
        problems.add(item + "indiquez qui l'a capturée");
      }
      Instant capturedAt = null;
      try {
        capturedAt = moments.typed(row.get("capturedAt"), row.get("capturedAtOccurrence"));
        if (capturedAt == null) {
          problems.add(item + "date et heure de capture obligatoires");
        } else if (moments.isInFuture(capturedAt)) {
          problems.add(item + "la capture ne peut pas être dans le futur");
        }
      } catch (IllegalArgumentException e) {
        problems.add(item + e.getMessage());
      }
      items.add(new EvidenceItem(kind, description, location, sha256 == null ? null : sha256.toLowerCase(),
          capturedBy, capturedAt));
    }
    return items;
  }

  private LegalHold legalHold(DelegateExecution execution, List<EvidenceItem> items, List<String> problems) {
    String ground = VIDEO_LEGAL_HOLD_GROUND.text(execution);
    if (Code.find(LegalHoldGround.class, ground).isEmpty()) {
      problems.add("conservation des vidéos : fondement légal à choisir parmi " + Code.allowed(LegalHoldGround.class));
    }
    String justification = VIDEO_LEGAL_HOLD_JUSTIFICATION.text(execution);
    if (justification == null) {
      problems.add("conservation des vidéos : justification obligatoire (référence de la réquisition, de la plainte...)");
    }
    LocalDate until = null;
    try {
      until = moments.day(VIDEO_LEGAL_HOLD_UNTIL_INPUT.get(execution));
      if (until == null) {
        problems.add("conservation des vidéos : date de fin obligatoire");
      } else if (!until.isAfter(moments.today())) {
        problems.add("conservation des vidéos : la date de fin doit être postérieure à aujourd'hui");
      } else if (until.isAfter(moments.today().plus(LEGAL_HOLD_LIMIT))) {
        problems.add("conservation des vidéos : fin le " + moments.words(until) + ", au-delà de la limite légale de "
            + "6 ans (prescription des délits, art. 8 du code de procédure pénale) : vérifiez le jour, le mois et l'année");
      }
    } catch (IllegalArgumentException e) {
      problems.add("conservation des vidéos : " + e.getMessage());
    }
    if (items.stream().noneMatch(i -> EvidenceKind.VIDEO_FOOTAGE.code().equals(i.kind()))
        && !register.hasItemOfKind(REFERENCE.get(execution), EvidenceRegister.VIDEO_FOOTAGE)) {
      problems.add("conservation des vidéos : aucun enregistrement vidéo n'est listé parmi les preuves");
    }
    return new LegalHold(ground, justification, until);
  }
}
