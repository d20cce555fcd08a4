package com.mileotech.cyber.incident;

import com.mileotech.cyber.playbook.PlaybookForms;
import com.mileotech.cyber.system.FormValues;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The form driver of security-incident: a valid submission of each of its forms (forms/incident-*.form),
 * as Tasklist sends it. The one place tests build what a person submits in this process: the scenario
 * tests ({@link IncidentScenario}), the dashboard's year of data, the access matrix and the benchmark.
 * A change to a form changes its submission here, once. Every submission is a new mutable map: a test
 * that needs an invalid one starts from the valid one and breaks one thing.
 */
public final class IncidentForms {

  /** A SHA-256 as the evidence form takes it (64 hex digits). */
  public static final String SHA = "a3f1c2d4e5b6a7980112233445566778899aabbccddeeff00112233445566778";

  // the forms' keys that are no variable of SecurityIncidentVariables (or only a package-private one)
  static final String SITE_SELECTION = "siteSelection";
  static final String DETECTED_AT_INPUT = "detectedAtInput";
  static final String BEGAN_AT_INPUT = "beganAtInput";
  static final String AWARENESS_CHOICE = "awarenessChoice";
  static final String AWARENESS_INPUT = "awarenessInput";
  static final String AWARENESS_CONFIRMED = "awarenessConfirmed";
  /** The awareness choices of the qualification form. */
  public static final String AWARENESS_NOW = "maintenant";
  public static final String AWARENESS_EARLIER = "autre";

  private IncidentForms() {}

  // ------------------------------------------------------------------ Signaler un incident (start form)

  /** The start form as a technician on site fills it in for an unknown admin account on an NVR. */
  public static Map<String, Object> report(String clientId, List<String> sites) {
    return report(clientId, sites, "technicien-sur-site", "NVR-01 (Milestone XProtect)",
        "Compte administrateur inconnu créé sur le NVR");
  }

  /** The start form with its source, equipment and description; detected now (no times typed). */
  public static Map<String, Object> report(String clientId, List<String> sites, String detectionSource,
      String equipment, String description) {
    Map<String, Object> form = new HashMap<>();
    form.put("clientId", clientId);
    form.put(SITE_SELECTION, FormValues.json(sites));
    form.put("detectionSource", detectionSource);
    form.put("equipment", equipment);
    form.put("description", description);
    return form;
  }

  /**
   * The detection time and, when known ({@code beganAt} not null), the beginning, typed in the
   * start form ("2031-01-10T09:00", Paris wall-clock). Returns {@code form}.
   */
  public static Map<String, Object> detected(Map<String, Object> form, String detectedAt, String beganAt) {
    form.put(DETECTED_AT_INPUT, detectedAt);
    if (beganAt != null) {
      form.put(BEGAN_AT_INPUT, beganAt);
    }
    return form;
  }

  // ------------------------------------------------------------------ Qualifier l'incident

  /** An intrusion on the NVR and the video VLAN, known now. */
  public static Map<String, Object> qualification(String severity, boolean personalData, List<String> sites) {
    return qualification(severity, "intrusion", personalData, sites, "NVR-01, VLAN vidéo");
  }

  /**
   * The qualification, the awareness "now" and its confirmation (an API caller may confirm with
   * true, which the scenarios do; see {@link #awareEarlier} for the form's own value).
   */
  public static Map<String, Object> qualification(String severity, String nature, boolean personalData,
      List<String> sites, String affectedSystems) {
    Map<String, Object> form = new HashMap<>();
    form.put("nature", nature);
    form.put("severity", severity);
    form.put("personalDataAnswer", personalData ? "oui" : "non");
    form.put(SITE_SELECTION, FormValues.json(sites));
    form.put("affectedSystems", affectedSystems);
    form.put(AWARENESS_CHOICE, AWARENESS_NOW);
    form.put(AWARENESS_CONFIRMED, true);
    return form;
  }

  /**
   * Aware earlier than now, at {@code typed} (as typed in the field), confirmed with the value of
   * the form's confirmation option ("autre " + time typed + " " + occurrence, none here). Returns {@code form}.
   */
  public static Map<String, Object> awareEarlier(Map<String, Object> form, String typed) {
    form.put(AWARENESS_CHOICE, AWARENESS_EARLIER);
    form.put(AWARENESS_INPUT, typed);
    form.put(AWARENESS_CONFIRMED, AWARENESS_EARLIER + " " + typed + " ");
    return form;
  }

  /** The site ids of a process ("a,b", as siteIds holds them) as the site selection takes them. */
  public static List<String> sites(String siteIds) {
    return List.of(siteIds.split(","));
  }

  // ------------------------------------------------------------------ Préserver les preuves

  /** Slot n of the evidence form: the NVR's authentication logs in the evidence safe. */
  public static Map<String, Object> evidence(int n, String kind, String sha, String capturedAt) {
    return evidence(n, kind, "Journaux d'authentification du NVR", "Coffre de preuves, scellé 2026-017", sha, capturedAt);
  }

  /** Slot n of the evidence form, every field of it. */
  public static Map<String, Object> evidence(int n, String kind, String description, String storageLocation,
      String sha, String capturedAt) {
    String p = "evidence" + n;
    Map<String, Object> slot = new LinkedHashMap<>();
    slot.put(p + "Kind", kind);
    slot.put(p + "Description", description);
    slot.put(p + "StorageLocation", storageLocation);
    slot.put(p + "Sha256", sha);
    slot.put(p + "CapturedAt", capturedAt);
    return slot;
  }

  /** Evidence captured: the decision and its slots. */
  @SafeVarargs
  public static Map<String, Object> evidenceCaptured(Map<String, Object>... slots) {
    Map<String, Object> form = new HashMap<>();
    for (Map<String, Object> slot : slots) {
      form.putAll(slot);
    }
    form.put("evidenceDecision", "capturees");
    return form;
  }

  /** Evidence captured: the NVR's logs, captured at 2026-03-02T08:45. */
  public static Map<String, Object> evidenceCaptured() {
    return evidenceCaptured(evidence(1, "journaux", SHA, "2026-03-02T08:45"));
  }

  /** Evidence waived (the referent's decision), and why. */
  public static Map<String, Object> evidenceWaived(String reason) {
    return new HashMap<>(Map.of("evidenceDecision", "renonciation", "evidenceWaiverReason", reason));
  }

  // ------------------------------------------------------------------ Confiner, éradiquer, vérifier

  /**
   * Every containment action of the playbook done, each with {@code comment} (whatever the nature:
   * the server records the actions the form showed, see {@link PlaybookForms}).
   */
  public static Map<String, Object> containment(String comment) {
    return PlaybookForms.allDone(ResponseStep.CONTAINMENT, comment);
  }

  /** Every eradication action of the playbook done: nothing else to say. */
  public static Map<String, Object> eradication() {
    return PlaybookForms.allDone(ResponseStep.ERADICATION, "RAS");
  }

  /** Every integrity check passed. */
  public static Map<String, Object> integrity() {
    return integrity(true, null);
  }

  /** The integrity check; the firmware may lag, with the {@code problem} found (null: none). */
  public static Map<String, Object> integrity(boolean firmwareUpToDate, String problem) {
    Map<String, Object> form = new HashMap<>();
    form.put("integrityConfigurationCompliant", true);
    form.put("integrityFirmwareUpToDate", firmwareUpToDate);
    form.put("integrityUnauthorisedAccessRemoved", true);
    form.put("integrityLoggingEnabled", true);
    if (problem != null) {
      form.put("integrityProblem", problem);
    }
    return form;
  }

  // ------------------------------------------------------------------ recovery and return to service

  /** Proposer une date de remise en service: the date as typed ("2026-03-05T14:00", Paris). */
  public static Map<String, Object> recoveryProposal(String typed) {
    return new HashMap<>(Map.of("recoveryDateInput", typed));
  }

  /** Proposer une date de remise en service: that instant's wall-clock time in Paris ({@link #paris}). */
  public static Map<String, Object> recoveryProposal(Instant at) {
    return recoveryProposal(paris(at));
  }

  /** Proposer une date de remise en service, the choice made explicit: propose the date typed to the client. */
  public static Map<String, Object> recoveryProposed(String typed) {
    Map<String, Object> form = recoveryProposal(typed);
    form.put("recoveryDecision", "proposer");
    return form;
  }

  /**
   * Proposer une date de remise en service: the client already agreed to the date typed, by
   * {@code channel} ("courriel", "appel"...) at {@code givenAt} (as typed); the project manager records it with its proof.
   */
  public static Map<String, Object> recoveryAgreementCollected(String typed, String channel, String givenAt, String evidence) {
    return new HashMap<>(Map.of("recoveryDecision", "accord-client-recueilli", "recoveryDateInput", typed,
        "recoveryAgreementChannelInput", channel, "recoveryAgreementGivenAtInput", givenAt,
        "recoveryAgreementEvidenceInput", evidence));
  }

  /** Valider la date de remise en service: the client's RSSI accepts. */
  public static Map<String, Object> recoveryAgreed() {
    return new HashMap<>(Map.of("recoveryClientDecision", "accepte"));
  }

  /** Valider la date de remise en service: the client's RSSI proposes another date (as typed). */
  public static Map<String, Object> recoveryOtherDate(String typed) {
    return new HashMap<>(Map.of("recoveryClientDecision", "autre-date", "recoveryClientDateInput", typed));
  }

  /** Proposer une date de remise en service: the project manager accepts the date the client proposed. */
  public static Map<String, Object> recoveryClientDateAccepted() {
    return new HashMap<>(Map.of("recoveryDecision", "accepter-date-client"));
  }

  /** Remettre en service: confirmed, before the agreed date with the client's agreement. */
  public static Map<String, Object> returnToService() {
    return new HashMap<>(Map.of("returnConfirmed", true, "earlyReturnAgreement", "Accord du RSSI par téléphone"));
  }

  // ------------------------------------------------------------------ monitoring

  /** Surveiller / Confirmer la fin de la surveillance: nothing to report. */
  public static Map<String, Object> monitoringQuiet() {
    return new HashMap<>(Map.of("monitoringOutcome", "rien-a-signaler"));
  }

  /** Surveiller le système: an anomaly, and where it was seen. */
  public static Map<String, Object> monitoringAnomaly(String anomaly, String source) {
    return new HashMap<>(Map.of("monitoringOutcome", "anomalie", "monitoringAnomaly", anomaly,
        "monitoringAnomalySource", source));
  }

  // ------------------------------------------------------------------ lessons learned

  /** Rédiger le retour d'expérience: the default NVR password, and what changes. */
  public static Map<String, Object> lessonsLearned() {
    return lessonsLearned("Mot de passe par défaut sur le NVR", "Confinement en 2 h, délais tenus",
        "Contrôle des comptes par défaut à la mise en service");
  }

  public static Map<String, Object> lessonsLearned(String rootCauses, String responseEffectiveness, String improvements) {
    return new HashMap<>(Map.of("lessonsRootCauses", rootCauses, "lessonsResponseEffectiveness", responseEffectiveness,
        "lessonsImprovements", improvements));
  }

  /** One improvement action of the lessons-learned form: what, whose (user id), due day as typed (JJ/MM/AAAA). */
  public record Action(String label, String owner, String dueDate) {}

  /**
   * Rédiger le retour d'expérience with improvement actions in its rows (issue 19): « Planifier des
   * actions d'amélioration » ticked, each row opening the next.
   */
  public static Map<String, Object> lessonsLearned(Action... actions) {
    Map<String, Object> form = lessonsLearned();
    form.put("improvementActionsAdd", true);
    for (int i = 0; i < actions.length; i++) {
      int n = i + 1;
      form.put("improvementAction" + n + "Label", actions[i].label());
      form.put("improvementAction" + n + "Owner", actions[i].owner());
      form.put("improvementAction" + n + "DueDate", actions[i].dueDate());
      if (i < actions.length - 1) {
        form.put("improvementAction" + n + "More", true);
      }
    }
    return form;
  }

  /** Clore l'action d'amélioration: what was done, how its effect was checked, an evidence reference or null. */
  public static Map<String, Object> improvementActionClosed(String done, String effectCheck, String evidence) {
    Map<String, Object> form = new HashMap<>();
    form.put("improvementActionDone", done);
    form.put("improvementEffectCheck", effectCheck);
    if (evidence != null) {
      form.put("improvementEffectEvidence", evidence);
    }
    return form;
  }

  /** Approuver le retour d'expérience. */
  public static Map<String, Object> lessonsApproved() {
    return new HashMap<>(Map.of("lessonsDecision", "approuve"));
  }

  /** Approuver le retour d'expérience: sent back for rework, with what to change. */
  public static Map<String, Object> lessonsSentBack(String comment) {
    return new HashMap<>(Map.of("lessonsDecision", "a-reprendre", "lessonsReviewComment", comment));
  }

  // ------------------------------------------------------------------ typing

  /** "2026-03-05T14:00" style wall-clock text in Paris for an instant, as the datetime fields submit it. */
  public static String paris(Instant instant) {
    return instant.atZone(ZoneId.of("Europe/Paris")).toLocalDateTime().toString();
  }
}
