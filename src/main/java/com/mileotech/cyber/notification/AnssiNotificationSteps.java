package com.mileotech.cyber.notification;

import com.mileotech.cyber.reminder.Deadlines;
import com.mileotech.cyber.system.Moments;
import com.mileotech.cyber.system.Refusal;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
    return (String) task.getVariable(RegulatoryReportSteps.KIND);
  }

  /** "Rédiger ...": the report says what the regulation asks of it. */
  @Component("validateAnssiDraft")
  static class ValidateDraft implements JavaDelegate {
    @Override
    public void execute(DelegateExecution task) {
      Refusal.Collector errors = Refusal.collect("Rapport à l'ANSSI incomplet");
      REQUIRED_FIELDS.get(kind(task)).forEach((field, message) ->
          errors.require(FormValues.text(task, field) != null, message));
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

    RecordFiling(NotificationRegister register, ClientDecisions clientDecisions, Deadlines deadlines, Moments moments) {
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
      Instant submittedAt = FormValues.instant(task, "anssiSubmittedAt", moments, "Dépôt auprès de l'ANSSI impossible", "date et heure du dépôt");
      String deadline = (String) task.getVariable(RegulatoryReportSteps.DEADLINE);
      boolean hasDeadline = deadline != null && !deadline.isEmpty();
      Date due = hasDeadline ? (Date) task.getVariable(deadline + "DueAt") : null;
      Date legalDue = hasDeadline ? (Date) task.getVariable(deadline + "LegalDueAt") : null;
      boolean late = submittedAt != null && due != null && submittedAt.isAfter(due.toInstant());
      boolean legallyLate = submittedAt != null && legalDue != null && submittedAt.isAfter(legalDue.toInstant());
      String beforeAwareness = FormValues.notBefore(submittedAt, task.getVariable("awarenessAt"), moments,
          "le dépôt", "la prise de connaissance de l'incident");
      Refusal.collect("Dépôt auprès de l'ANSSI impossible")
          .require(submittedAt != null, "indiquez la date et l'heure du dépôt")
          .require(beforeAwareness == null, beforeAwareness)
          .require(submittedAt == null || !submittedAt.isAfter(RegulatoryObligations.now()), "la date de dépôt ne peut pas être dans le futur")
          .require(FormValues.text(task, "anssiReceiptReference") != null, "indiquez la référence attribuée par l'ANSSI")
          .require(!late || FormValues.text(task, "anssiDelayReasons") != null, legallyLate || legalDue == null
              ? "le dépôt est postérieur à l'échéance : indiquez les motifs du retard"
              : "le dépôt est postérieur à l'échéance interne (" + deadlines.inWords(due.toInstant())
                  + "), bien que dans le délai légal : indiquez les motifs du retard")
          .throwIfAny();
      String content = REQUIRED_FIELDS.get(kind).keySet().stream()
          .map(field -> field + " : " + FormValues.text(task, field)).collect(Collectors.joining("\n"));
      NotificationRegister.Report report = register.fileReport((String) task.getVariable("notificationId"),
          ReportKind.of(kind), submittedAt, act.madeBy(), act.recordedBy(), FormValues.text(task, "anssiReceiptReference"),
          FormValues.text(task, "anssiDelayReasons"), content);
      if (hasDeadline) {
        task.setVariable(deadline + "Met", report.onTime());
        task.setVariable(deadline + "LegallyMet", report.legallyOnTime());
      }
      if (List.of("notification-incident", "declaration-oiv").contains(kind)) {
        // the final report's month counts from the notification actually filed
        task.setVariable("anssiNotificationFiledAt", Date.from(submittedAt));
      }
      for (String field : List.of("anssiSubmittedAt", "anssiReceiptReference", "anssiDelayReasons")) {
        task.removeVariable(field); // the next filing form starts empty
      }
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
      Date ended = (Date) execution.getVariable("incidentEndedAt");
      if (ended == null) {
        HistoricVariableInstance closedAt = history.createHistoricVariableInstanceQuery()
            .processInstanceId((String) execution.getVariable("incidentProcessInstanceId"))
            .variableName("closedAt").singleResult();
        if (closedAt != null && closedAt.getValue() instanceof Date date) {
          ended = date;
          execution.setVariable("incidentEndedAt", ended);
        }
      }
      execution.setVariable("incidentOngoing", ended == null);
    }
  }
}
