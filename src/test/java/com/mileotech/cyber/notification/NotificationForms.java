package com.mileotech.cyber.notification;

import com.mileotech.cyber.system.FormValues;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The form driver of the notifications (cnil-notification, anssi-notification and the
 * regulatory-report each of their reports runs in): a valid submission of each of their forms
 * (forms/notification-*.form), as Tasklist sends it. The one place tests build what a person submits
 * in them: the notification tests ({@link NotificationTestSupport}), the incident scenarios, the
 * dashboard's year of data and the access matrix. Every submission is a new mutable map: a test that
 * needs an invalid one starts from the valid one and breaks one thing. Times are typed as the
 * datetime fields with an offset take them ("2026-03-03T15:00+01:00").
 */
public final class NotificationForms {

  private NotificationForms() {}

  // ------------------------------------------------------------------ Informer le client

  /** Told by the application's mail to the client's RSSI (the mail goes when the task is completed). */
  public static Map<String, Object> clientInformedByMail() {
    return new HashMap<>(Map.of("clientInformationChannel", "courriel-application"));
  }

  /** Told by telephone: whom, and when (as typed). */
  public static Map<String, Object> clientInformedByTelephone(String contact, String at) {
    return new HashMap<>(Map.of("clientInformationChannel", "telephone", "clientInformedContact", contact,
        "clientInformedAtInput", at));
  }

  // ------------------------------------------------------------------ CNIL: draft, filing, data subjects, follow-up

  /** The CNIL draft of an intrusion into the VMS server, 40 persons filmed, with the risk to them ("risque", "eleve"...). */
  public static Map<String, Object> cnilDraft(String risk) {
    return cnilDraft("Accès non autorisé au serveur VMS et consultation d'enregistrements", List.of("clients", "passants"),
        40, "Enregistrements vidéo de 7 jours", 1200, "DPO <dpo@example.org>",
        "Atteinte à la vie privée des personnes filmées", "Comptes révoqués, serveur isolé", risk);
  }

  /** The CNIL draft, every field of it (the persons' categories as the checklist submits them, JSON). */
  public static Map<String, Object> cnilDraft(String breachNature, List<String> personsCategories, int personsCount,
      String recordsCategories, int recordsCount, String dpoContact, String likelyConsequences, String measuresTaken,
      String riskToPersons) {
    Map<String, Object> form = new HashMap<>();
    form.put("breachNature", breachNature);
    form.put("personsCategories", FormValues.json(personsCategories));
    form.put("personsCount", personsCount);
    form.put("recordsCategories", recordsCategories);
    form.put("recordsCount", recordsCount);
    form.put("dpoContact", dpoContact);
    form.put("likelyConsequences", likelyConsequences);
    form.put("measuresTaken", measuresTaken);
    form.put("riskToPersons", riskToPersons);
    return form;
  }

  /** Filed with the CNIL at {@code submittedAt} (as typed), its receipt; {@code delayReasons} when late (null: none). */
  public static Map<String, Object> cnilFiled(String submittedAt, String receiptReference, String delayReasons) {
    Map<String, Object> form = new HashMap<>(Map.of("cnilDecision", "deposee", "cnilSubmittedAt", submittedAt,
        "cnilReceiptReference", receiptReference));
    if (delayReasons != null) {
      form.put("cnilDelayReasons", delayReasons);
    }
    return form;
  }

  /** No notification required, and why, approved by the client's DPO. */
  public static Map<String, Object> cnilNotRequired(String reason) {
    return new HashMap<>(Map.of("cnilDecision", "non-requise", "cnilNotRequiredReason", reason,
        "cnilNotRequiredApprovedBy", APPROVER));
  }

  /** Who approves a decision not to notify, in these tests. */
  public static final String APPROVER = "Claire Martin, DPO du client";

  /** Décider de la communication aux personnes concernées: the decision ("communiquer"...), when (as typed), how. */
  public static Map<String, Object> dataSubjects(String decision, String decidedAt, String details) {
    return new HashMap<>(Map.of("dataSubjectsDecision", decision, "dataSubjectsDecidedAt", decidedAt,
        "dataSubjectsDetails", details));
  }

  /** Suivre la notification CNIL: a complement filed (art. 33(4)). */
  public static Map<String, Object> cnilComplement(String submittedAt, String receiptReference, String content) {
    return new HashMap<>(Map.of("cnilFollowUpAction", "complement", "complementSubmittedAt", submittedAt,
        "complementReceiptReference", receiptReference, "complementContent", content));
  }

  /** Suivre la notification CNIL: close it. */
  public static Map<String, Object> cnilClosed() {
    return new HashMap<>(Map.of("cnilFollowUpAction", "clore"));
  }

  // ------------------------------------------------------------------ ANSSI: a draft per report kind, filing

  /**
   * The ANSSI draft of a report of that kind ({@link ReportKind} code: "alerte-precoce",
   * "notification-incident", "declaration-oiv", "rapport-intermediaire", "rapport-avancement",
   * "rapport-final"): the fields the draft form shows for it.
   */
  public static Map<String, Object> anssiDraft(String kind) {
    return switch (kind) {
      case "alerte-precoce" -> earlyWarning("oui", "non", "Rançongiciel sur le NVR");
      case "notification-incident" -> incidentNotification("Significatif", "Enregistrement interrompu", "Aucun à ce stade");
      case "declaration-oiv" -> oivDeclaration("Intrusion sur le VMS du site Nord", "Vidéoprotection du site Nord",
          "Supervision interrompue 2 h");
      case "rapport-intermediaire" -> intermediateReport("Point de situation J+2");
      case "rapport-avancement" -> progressReport("Investigation en cours", "Surveillance renforcée");
      case "rapport-final" -> finalReport("Intrusion par mot de passe par défaut", "Mot de passe constructeur",
          "Mots de passe changés, parc vérifié", "Aucun");
      default -> throw new IllegalArgumentException("No ANSSI report of kind " + kind);
    };
  }

  /** NIS2 early warning (24 h): malicious act suspected ("oui"/"non"), cross-border impact, summary. */
  public static Map<String, Object> earlyWarning(String maliciousSuspected, String crossBorderImpact, String summary) {
    return new HashMap<>(Map.of("ewMaliciousSuspected", maliciousSuspected, "ewCrossBorderImpact", crossBorderImpact,
        "ewSummary", summary));
  }

  /** NIS2 incident notification (72 h). */
  public static Map<String, Object> incidentNotification(String severity, String impact, String indicators) {
    return new HashMap<>(Map.of("inSeverityAssessment", severity, "inImpactAssessment", impact,
        "inIndicatorsOfCompromise", indicators));
  }

  /** OIV declaration. */
  public static Map<String, Object> oivDeclaration(String summary, String affectedSystems, String impact) {
    return new HashMap<>(Map.of("oivSummary", summary, "oivAffectedSystems", affectedSystems, "oivImpact", impact));
  }

  /** Intermediate report, when the ANSSI asks for one. */
  public static Map<String, Object> intermediateReport(String content) {
    return new HashMap<>(Map.of("irContent", content));
  }

  /** Progress report, while the incident is still going on at the final report's date. */
  public static Map<String, Object> progressReport(String status, String measures) {
    return new HashMap<>(Map.of("prStatus", status, "prMeasures", measures));
  }

  /** Final report. */
  public static Map<String, Object> finalReport(String severityImpact, String rootCause, String mitigation,
      String crossBorderImpact) {
    return new HashMap<>(Map.of("frSeverityImpact", severityImpact, "frRootCause", rootCause,
        "frMitigation", mitigation, "frCrossBorderImpact", crossBorderImpact));
  }

  /** Filed with the ANSSI at {@code submittedAt} (as typed), its receipt; {@code delayReasons} when late (null: none). */
  public static Map<String, Object> anssiFiled(String submittedAt, String receiptReference, String delayReasons) {
    Map<String, Object> form = new HashMap<>(Map.of("anssiSubmittedAt", submittedAt,
        "anssiReceiptReference", receiptReference));
    if (delayReasons != null) {
      form.put("anssiDelayReasons", delayReasons);
    }
    return form;
  }
}
