package com.mileotech.cyber.notification;

import static com.mileotech.cyber.notification.NotificationVariables.*;

import com.mileotech.cyber.reminder.DeadlineVariables;
import com.mileotech.cyber.reminder.Deadlines;
import com.mileotech.cyber.system.FormField;
import com.mileotech.cyber.system.Moments;
import com.mileotech.cyber.system.Refusal;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;

/**
 * The steps of an ANSSI report: what each report must say (NIS2 art. 23(4), LPM), its filing with
 * the time and the authority's reference, on time or late with the reasons. They run in the shared
 * block regulatory-report ({@link RegulatoryReportSteps}), as visible steps after its user tasks.
 */
final class AnssiNotificationSteps {

  private AnssiNotificationSteps() {}

  /** The fields each report's draft must fill, with the French name used in error messages. */
  static final Map<String, Map<String, String>> REQUIRED_FIELDS = Map.of(
      "alerte-precoce", ordered(
          "ewMaliciousSuspected", "précisez si une cause malveillante est suspectée",
          "ewCrossBorderImpact", "précisez s'il existe un impact transfrontière",
          "ewSummary", "résumez l'incident"),
      "notification-incident", ordered(
          "inSeverityAssessment", "donnez l'évaluation initiale de la gravité",
          "inImpactAssessment", "donnez l'évaluation initiale de l'impact",
          "inIndicatorsOfCompromise", "indiquez les indicateurs de compromission (ou « aucun à ce stade »)"),
      "declaration-oiv", ordered(
          "oivSummary", "décrivez l'incident",
          "oivAffectedSystems", "indiquez les systèmes d'information d'importance vitale touchés",
          "oivImpact", "décrivez l'impact sur l'activité"),
      "rapport-intermediaire", ordered(
          "irContent", "rédigez le rapport intermédiaire demandé"),
      "rapport-avancement", ordered(
          "prStatus", "décrivez l'état d'avancement du traitement de l'incident",
          "prMeasures", "décrivez les mesures en cours"),
      "rapport-final", ordered(
          "frSeverityImpact", "décrivez en détail l'incident, sa gravité et son impact",
          "frRootCause", "indiquez la cause première (type de menace)",
          "frMitigation", "décrivez les mesures d'atténuation appliquées et en cours",
          "frCrossBorderImpact", "précisez l'impact transfrontière éventuel"));

  private static Map<String, String> ordered(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }

  static String kind(DelegateExecution task) {
    return REPORT_KIND.get(task);
  }

  /** "Rédiger ...": the report says what the regulation asks of it. */
  @Component("validateAnssiDraft")
  static class ValidateDraft implements JavaDelegate {
    @Override
    public void execute(DelegateExecution task) {
      Refusal.Collector errors = Refusal.collect("Rapport à l'ANSSI incomplet");
      REQUIRED_FIELDS.get(kind(task)).forEach((field, message) ->
          errors.require(FormField.of(field).text(task) != null, message));
      errors.throwIfAny();
    }
  }

  /**
   * "Valider et déposer ...": records the filing in the register; late needs the reasons. The
   * filing is the client's (the regulated entity): its RSSI files, or the referent records a
   * filing the client made, as the client's.
   */
  @Component("recordAnssiFiling")
  static class RecordFiling implements JavaDelegate {
    private final NotificationRegister register;
    private final ClientDecisions clientDecisions;
    private final Deadlines deadlines;
    private final Moments moments;
    private final FilingTexts texts;

    RecordFiling(NotificationRegister register, ClientDecisions clientDecisions, Deadlines deadlines, Moments moments,
        FilingTexts texts) {
      this.texts = texts;
      this.register = register;
      this.clientDecisions = clientDecisions;
      this.deadlines = deadlines;
      this.moments = moments;
    }

    @Override
    public void execute(DelegateExecution task) {
      ClientDecisions.Act act = clientDecisions.requireClientOrReferent(task, "Dépôt auprès de l'ANSSI impossible",
          "dépose les rapports auprès de l'ANSSI");
      String kind = kind(task);
      Instant submittedAt = ANSSI_SUBMITTED_AT_INPUT.instant(task, moments, "Dépôt auprès de l'ANSSI impossible", "date et heure du dépôt");
      String name = REPORT_DEADLINE.get(task);
      boolean hasDeadline = name != null && !name.isEmpty();
      DeadlineVariables deadline = hasDeadline ? new DeadlineVariables(name) : null;
      Date due = hasDeadline ? deadline.dueAt().get(task) : null;
      Date legalDue = hasDeadline ? deadline.legalDueAt().get(task) : null;
      boolean late = submittedAt != null && due != null && submittedAt.isAfter(due.toInstant());
      boolean legallyLate = submittedAt != null && legalDue != null && submittedAt.isAfter(legalDue.toInstant());
      String beforeAwareness = FilingTimes.notBefore(submittedAt, AWARENESS_AT.instant(task), moments,
          "le dépôt", "la prise de connaissance de l'incident");
      Refusal.collect("Dépôt auprès de l'ANSSI impossible")
          .require(submittedAt != null, "indiquez la date et l'heure du dépôt")
          .require(beforeAwareness == null, beforeAwareness)
          .require(submittedAt == null || !submittedAt.isAfter(RegulatoryObligations.now()), "la date de dépôt ne peut pas être dans le futur")
          .require(ANSSI_RECEIPT_REFERENCE.text(task) != null, "indiquez la référence attribuée par l'ANSSI")
          .require(!late || ANSSI_DELAY_REASONS.text(task) != null, legallyLate || legalDue == null
              ? "le dépôt est postérieur à l'échéance : indiquez les motifs du retard"
              : "le dépôt est postérieur à l'échéance interne (" + deadlines.inWords(due.toInstant())
                  + "), bien que dans le délai légal : indiquez les motifs du retard")
          .throwIfAny();
      String content = texts.of(task, ReportKind.of(kind)).text();
      NotificationRegister.Report report = register.fileReport(NOTIFICATION_ID.get(task),
          ReportKind.of(kind), submittedAt, act.madeBy(), act.recordedBy(), ANSSI_RECEIPT_REFERENCE.text(task),
          ANSSI_DELAY_REASONS.text(task), content);
      if (hasDeadline) {
        deadline.met().set(task, report.onTime());
        deadline.legallyMet().set(task, report.legallyOnTime());
      }
      if (List.of("notification-incident", "declaration-oiv").contains(kind)) {
        // the final report's month counts from the notification actually filed
        ANSSI_NOTIFICATION_FILED_AT.set(task, Date.from(submittedAt));
      }
      // the next filing form starts empty
      FormField.removeAll(task, ANSSI_SUBMITTED_AT_INPUT, ANSSI_RECEIPT_REFERENCE, ANSSI_DELAY_REASONS);
    }
  }

  /** "Vérifier l'état de l'incident": a final report needs the incident to be over. */
  @Component("checkSecurityIncidentState")
  static class CheckIncidentState implements JavaDelegate {
    private final HistoryService history;

    CheckIncidentState(HistoryService history) {
      this.history = history;
    }

    @Override
    public void execute(DelegateExecution execution) {
      Date ended = INCIDENT_ENDED_AT.get(execution);
      if (ended == null) {
        HistoricVariableInstance closedAt = history.createHistoricVariableInstanceQuery()
            .processInstanceId(INCIDENT_PROCESS_INSTANCE_ID.get(execution))
            .variableName("closedAt").singleResult();
        if (closedAt != null && closedAt.getValue() instanceof Date date) {
          ended = date;
          INCIDENT_ENDED_AT.set(execution, ended);
        }
      }
      INCIDENT_ONGOING.set(execution, ended == null);
    }
  }
}
