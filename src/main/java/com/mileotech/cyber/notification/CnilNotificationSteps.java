package com.mileotech.cyber.notification;

import static com.mileotech.cyber.notification.NotificationVariables.*;

import com.mileotech.cyber.reminder.Deadlines;
import com.mileotech.cyber.system.FormField;
import com.mileotech.cyber.system.Moments;
import com.mileotech.cyber.system.Refusal;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The steps of the CNIL notification (GDPR art. 33 and 34): each checks what a person submitted
 * and records it in the register, as the visible step right after the user task ("Enregistrer
 * ..."), synchronous, in the transaction of the completion: a refusal undoes the completion and
 * reaches Tasklist as it is (docs/development.md, "Models"). The draft and the filing run in the
 * shared block regulatory-report ({@link RegulatoryReportSteps}).
 */
final class CnilNotificationSteps {

  private CnilNotificationSteps() {}

  static final Set<String> RISK_LEVELS = Set.of("improbable", "risque", "eleve");

  /** "Rédiger la notification CNIL": what art. 33(3) asks is all there. */
  @Component("validateCnilDraft")
  static class ValidateDraft implements JavaDelegate {
    private final NotificationRegister register;

    ValidateDraft(NotificationRegister register) {
      this.register = register;
    }

    @Override
    public void execute(DelegateExecution task) {
      Integer persons = PERSONS_COUNT.integer(task);
      Integer records = RECORDS_COUNT.integer(task);
      String risk = RISK_TO_PERSONS.text(task);
      Refusal.collect("Notification CNIL incomplète")
          .require(BREACH_NATURE.text(task) != null, "décrivez la nature de la violation")
          .require(PERSONS_CATEGORIES.text(task) != null, "indiquez les catégories de personnes concernées")
          .require(persons != null && persons >= 0, "indiquez le nombre approximatif de personnes concernées")
          .require(RECORDS_CATEGORIES.text(task) != null, "indiquez les catégories d'enregistrements concernés")
          .require(records != null && records >= 0, "indiquez le nombre approximatif d'enregistrements concernés")
          .require(DPO_CONTACT.text(task) != null, "indiquez le contact du DPO ou d'un point de contact")
          .require(LIKELY_CONSEQUENCES.text(task) != null, "décrivez les conséquences probables")
          .require(MEASURES_TAKEN.text(task) != null, "décrivez les mesures prises ou envisagées")
          .require(risk != null && RISK_LEVELS.contains(risk), "évaluez le risque pour les personnes")
          .throwIfAny();
      PERSONS_CATEGORIES_LABEL.set(task, personsCategoriesLabel(task));
      register.breachFacts(NOTIFICATION_ID.get(task), new NotificationRegister.BreachFacts(
          BREACH_NATURE.text(task), PERSONS_CATEGORIES.text(task), persons,
          RECORDS_CATEGORIES.text(task), records, LIKELY_CONSEQUENCES.text(task),
          MEASURES_TAKEN.text(task), risk));
    }
  }

  /** The draft form's categories of persons, as people read them (the form sends codes). */
  static final java.util.Map<String, String> PERSONS_CATEGORY_LABELS = java.util.Map.of(
      "clients", "clients / usagers filmés", "salaries", "salariés", "visiteurs", "visiteurs",
      "passants", "passants (voie publique)", "autres", "autres");

  static String personsCategoriesLabel(VariableScope task) {
    String codes = PERSONS_CATEGORIES.text(task);
    return codes == null ? null : java.util.Arrays.stream(codes.replaceAll("[\\[\\]\"]", "").split(",\\s*"))
        .map(code -> PERSONS_CATEGORY_LABELS.getOrDefault(code, code)).collect(Collectors.joining(", "));
  }

  /**
   * "Valider et déposer la notification CNIL": filed (with its date and receipt reference) or not
   * required (the client documents why the breach is unlikely to result in a risk). The decision is
   * the client's, as controller: "not required" only by the client's RSSI; a filing by the client's
   * RSSI, or recorded by the referent as a filing the client made. A filing after the internal
   * deadline (72 h from the earliest awareness) needs the reasons, and says whether the legal one
   * (72 h from the client's own awareness, art. 33(1)) was also missed.
   */
  @Component("validateCnilFiling")
  static class ValidateFiling implements JavaDelegate {
    private final ClientDecisions clientDecisions;
    private final Deadlines deadlines;
    private final Moments moments;

    ValidateFiling(ClientDecisions clientDecisions, Deadlines deadlines, Moments moments) {
      this.clientDecisions = clientDecisions;
      this.deadlines = deadlines;
      this.moments = moments;
    }

    @Override
    public void execute(DelegateExecution task) {
      String decision = CNIL_DECISION.text(task);
      if (decision == null || !List.of("deposee", "non-requise").contains(decision)) {
        throw Refusal.of("Dépôt de la notification CNIL impossible", "choisissez : notification déposée ou non requise");
      }
      ClientDecisions.Act act = "non-requise".equals(decision)
          ? clientDecisions.requireClient(task, "Décision « notification non requise » refusée",
              "peut décider que la violation n'a pas à être notifiée à la CNIL")
          : clientDecisions.requireClientOrReferent(task, "Dépôt de la notification CNIL impossible",
              "dépose la notification auprès de la CNIL");
      Refusal.Collector errors = Refusal.collect("Dépôt de la notification CNIL impossible");
      Instant submittedAt = null;
      if ("deposee".equals(decision)) {
        submittedAt = CNIL_SUBMITTED_AT_INPUT.instant(task, moments, "Dépôt de la notification CNIL impossible", "date et heure du dépôt");
        Date due = CNIL.dueAt().get(task);
        String beforeAwareness = FilingTimes.notBefore(submittedAt, AWARENESS_AT.instant(task), moments,
            "le dépôt", "la prise de connaissance de la violation");
        Date legalDue = CNIL.legalDueAt().get(task);
        boolean late = submittedAt != null && due != null && submittedAt.isAfter(due.toInstant());
        boolean legallyLate = submittedAt != null && legalDue != null && submittedAt.isAfter(legalDue.toInstant());
        errors.require(submittedAt != null, "indiquez la date et l'heure du dépôt")
            .require(beforeAwareness == null, beforeAwareness)
            .require(submittedAt == null || !submittedAt.isAfter(RegulatoryObligations.now()), "la date de dépôt ne peut pas être dans le futur")
            .require(CNIL_RECEIPT_REFERENCE.text(task) != null, "indiquez la référence de l'accusé de réception de la CNIL")
            .require(!late || CNIL_DELAY_REASONS.text(task) != null, legallyLate
                ? "le dépôt est postérieur à l'échéance de 72 heures et au délai légal (" + deadlines.inWords(legalDue.toInstant())
                    + ") : indiquez les motifs du retard (RGPD art. 33(1))"
                : "le dépôt est postérieur à l'échéance interne de 72 heures après la première prise de connaissance ("
                    + deadlines.inWords(due.toInstant()) + "), bien que dans le délai légal : indiquez les motifs du retard");
      } else {
        errors.require(CNIL_NOT_REQUIRED_REASON.text(task) != null,
            "documentez pourquoi la violation n'est pas susceptible d'engendrer un risque pour les personnes")
            .require(CNIL_NOT_REQUIRED_APPROVED_BY.text(task) != null,
                "indiquez qui a approuvé la décision de ne pas notifier (nom et fonction)");
      }
      errors.throwIfAny();
      if (submittedAt != null) {
        CNIL_SUBMITTED_AT.set(task, Date.from(submittedAt));
      }
      CNIL_DECIDED_BY.set(task, act.madeBy());
      CNIL_RECORDED_BY.set(task, act.recordedBy());
    }
  }

  /**
   * The client's decision in the register, after its check ({@link ValidateFiling}), in "Enregistrer
   * le dépôt": a new version of the decision whether to notify (who, when, on which assessment of
   * the risk, approved by whom, on which qualification), and for a filing its row in the filing log
   * with the client-ready text sent ({@link FilingTexts}).
   */
  @Component("recordCnilDecision")
  static class RecordDecision implements JavaDelegate {
    private final NotificationRegister register;
    private final FilingTexts texts;

    RecordDecision(NotificationRegister register, FilingTexts texts) {
      this.register = register;
      this.texts = texts;
    }

    @Override
    public void execute(DelegateExecution execution) {
      String id = NOTIFICATION_ID.get(execution);
      String by = CNIL_DECIDED_BY.get(execution);
      String recordedBy = CNIL_RECORDED_BY.get(execution);
      String decision = CNIL_DECISION.text(execution);
      String occasion = DECISION_OCCASION.get(execution);
      NotificationRegister.DecisionInput input = new NotificationRegister.DecisionInput(decision,
          NotificationRegister.CLIENT, by, recordedBy, RegulatoryObligations.now(), RISK_TO_PERSONS.text(execution),
          "deposee".equals(decision) ? null : CNIL_NOT_REQUIRED_REASON.text(execution),
          "deposee".equals(decision) ? null : CNIL_NOT_REQUIRED_APPROVED_BY.text(execution),
          DECISION_QUALIFICATION_VERSION.get(execution),
          occasion != null ? occasion : "Qualification de l'incident");
      if ("deposee".equals(decision)) {
        NotificationRegister.Report report = register.fileReport(id, ReportKind.CNIL_INITIAL,
            CNIL_SUBMITTED_AT.instant(execution), by, recordedBy,
            CNIL_RECEIPT_REFERENCE.text(execution), CNIL_DELAY_REASONS.text(execution),
            texts.of(execution, ReportKind.CNIL_INITIAL).text());
        CNIL.met().set(execution, report.onTime());
        CNIL.legallyMet().set(execution, report.legallyOnTime());
      }
      register.decide(id, input);
    }
  }

  /** "Décider de la communication aux personnes concernées" (art. 34: high risk). */
  @Component("recordDataSubjectsDecision")
  static class RecordDataSubjectsDecision implements JavaDelegate {
    private final NotificationRegister register;
    private final ClientDecisions clientDecisions;
    private final Moments moments;

    RecordDataSubjectsDecision(NotificationRegister register, ClientDecisions clientDecisions, Moments moments) {
      this.register = register;
      this.clientDecisions = clientDecisions;
      this.moments = moments;
    }

    @Override
    public void execute(DelegateExecution task) {
      // the controller's decision (art. 34): its RSSI, or the referent recording what the client decided
      ClientDecisions.Act act = clientDecisions.requireClientOrReferent(task,
          "Décision sur la communication aux personnes refusée", "décide de la communication aux personnes concernées");
      String decision = DATA_SUBJECTS_DECISION.text(task);
      Instant decidedAt = DATA_SUBJECTS_DECIDED_AT_INPUT.instant(task, moments, "Décision sur la communication aux personnes incomplète", "date de la décision");
      String beforeAwareness = FilingTimes.notBefore(decidedAt, AWARENESS_AT.instant(task), moments,
          "la décision", "la prise de connaissance de la violation");
      Refusal.collect("Décision sur la communication aux personnes incomplète")
          .require(decision != null && List.of("communiquer", "ne-pas-communiquer").contains(decision), "choisissez la décision")
          .require(beforeAwareness == null, beforeAwareness)
          .require(decidedAt != null, "indiquez la date de la décision")
          .require(decidedAt == null || !decidedAt.isAfter(RegulatoryObligations.now()), "la date de décision ne peut pas être dans le futur")
          .require(DATA_SUBJECTS_DETAILS.text(task) != null,
              "communiquer" .equals(decision) ? "décrivez les moyens de la communication" : "indiquez la justification (art. 34(3))")
          .throwIfAny();
      DATA_SUBJECTS_DECIDED_AT.set(task, Date.from(decidedAt));
      register.dataSubjects(NOTIFICATION_ID.get(task), decision, decidedAt,
          DATA_SUBJECTS_DETAILS.text(task), act.madeBy(), act.recordedBy());
    }
  }

  /**
   * "Enregistrer le suivi de la notification CNIL", after "Compléter ou clore la notification CNIL"
   * (art. 33(4): information in phases): a complement is checked and recorded in the register, and
   * the next follow-up form starts empty; {@code cnilComplementFiled} tells the process which way to go.
   */
  @Component("recordCnilFollowUp")
  static class RecordFollowUp implements JavaDelegate {
    private final ValidateFollowUp validate;
    private final RecordComplement record;

    RecordFollowUp(ValidateFollowUp validate, RecordComplement record) {
      this.validate = validate;
      this.record = record;
    }

    @Override
    public void execute(DelegateExecution task) {
      validate.execute(task);
      boolean complement = "complement".equals(CNIL_FOLLOW_UP_ACTION.text(task));
      if (complement) {
        record.execute(task);
      }
      CNIL_COMPLEMENT_FILED.set(task, complement);
    }
  }

  /** What "Compléter ou clore la notification CNIL" says: who, and a complement complete. */
  @Component("validateCnilFollowUp")
  static class ValidateFollowUp implements JavaDelegate {
    private final ClientDecisions clientDecisions;
    private final Moments moments;

    ValidateFollowUp(ClientDecisions clientDecisions, Moments moments) {
      this.clientDecisions = clientDecisions;
      this.moments = moments;
    }

    @Override
    public void execute(DelegateExecution task) {
      ClientDecisions.Act act = clientDecisions.requireClientOrReferent(task, "Suivi de la notification CNIL refusé",
          "dépose les compléments auprès de la CNIL et clôt la notification");
      COMPLEMENT_FILED_BY.set(task, act.madeBy());
      COMPLEMENT_RECORDED_BY.set(task, act.recordedBy());
      String action = CNIL_FOLLOW_UP_ACTION.text(task);
      Refusal.Collector errors = Refusal.collect("Suivi de la notification CNIL incomplet")
          .require(action != null && List.of("complement", "clore").contains(action), "choisissez : complément déposé ou clôture");
      if ("complement".equals(action)) {
        Instant at = COMPLEMENT_SUBMITTED_AT_INPUT.instant(task, moments, "Suivi de la notification CNIL incomplet", "date et heure du dépôt du complément");
        String beforeFiling = FilingTimes.notBefore(at, CNIL_SUBMITTED_AT.instant(task), moments,
            "le dépôt du complément", "celui de la notification");
        errors.require(at != null, "indiquez la date et l'heure du dépôt du complément")
            .require(beforeFiling == null, beforeFiling)
            .require(at == null || !at.isAfter(RegulatoryObligations.now()), "la date de dépôt ne peut pas être dans le futur")
            .require(COMPLEMENT_RECEIPT_REFERENCE.text(task) != null, "indiquez la référence du complément")
            .require(COMPLEMENT_CONTENT.text(task) != null, "résumez les informations complémentaires");
        errors.throwIfAny();
        COMPLEMENT_SUBMITTED_AT.set(task, Date.from(at));
      }
      errors.throwIfAny();
    }
  }

  /** A complement filed, in the register; the next follow-up form starts empty. */
  @Component("recordCnilComplement")
  static class RecordComplement implements JavaDelegate {
    private final NotificationRegister register;
    private final FilingTexts texts;

    RecordComplement(NotificationRegister register, FilingTexts texts) {
      this.register = register;
      this.texts = texts;
    }

    @Override
    public void execute(DelegateExecution execution) {
      register.fileReport(NOTIFICATION_ID.get(execution), ReportKind.CNIL_COMPLEMENT,
          COMPLEMENT_SUBMITTED_AT.instant(execution),
          COMPLEMENT_FILED_BY.get(execution), COMPLEMENT_RECORDED_BY.get(execution),
          COMPLEMENT_RECEIPT_REFERENCE.text(execution), null,
          texts.of(execution, ReportKind.CNIL_COMPLEMENT).text());
      FormField.removeAll(execution, COMPLEMENT_SUBMITTED_AT_INPUT, COMPLEMENT_RECEIPT_REFERENCE, COMPLEMENT_CONTENT,
          CNIL_FOLLOW_UP_ACTION);
    }
  }

  /** "Clore la notification". */
  @Component("closeRegulatoryNotification")
  static class Close implements JavaDelegate {
    private final NotificationRegister register;

    Close(NotificationRegister register) {
      this.register = register;
    }

    @Override
    public void execute(DelegateExecution execution) {
      register.close(NOTIFICATION_ID.get(execution), RegulatoryObligations.now());
    }
  }

  static String currentUser(DelegateExecution execution) {
    var authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }
}
