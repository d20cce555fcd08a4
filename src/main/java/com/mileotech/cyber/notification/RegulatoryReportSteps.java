package com.mileotech.cyber.notification;

import static com.mileotech.cyber.notification.NotificationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The steps of regulatory-report, the one block of every report owed to the CNIL or the ANSSI
 * (bpmn/regulatory-report.bpmn, called by cnil-notification and anssi-notification): "Enregistrer le
 * rapport rédigé" and "Enregistrer le dépôt" each check and record what the person submitted, with
 * the authority's own rules ({@link CnilNotificationSteps}, {@link AnssiNotificationSteps}), chosen
 * by the report's kind, a parameter of the call.
 *
 * <p>The call's parameters, variables of the report's instance: {@value #"reportKind"} (a {@link ReportKind}
 * code), {@value #"reportDeadline"} (the deadline's name, as {@code Deadlines} stores it on the notification
 * and the call copies it; empty when the report has none).
 */
final class RegulatoryReportSteps {


  private RegulatoryReportSteps() {}

  static ReportKind kind(DelegateExecution execution) {
    return ReportKind.of(REPORT_KIND.get(execution));
  }

  /** "Enregistrer le rapport rédigé": the draft says what the authority asks of that report. */
  @Component("recordReportDraft")
  static class RecordDraft implements JavaDelegate {
    private final CnilNotificationSteps.ValidateDraft cnil;
    private final AnssiNotificationSteps.ValidateDraft anssi;
    private final NotificationRegister register;
    private final FilingTexts texts;

    RecordDraft(CnilNotificationSteps.ValidateDraft cnil, AnssiNotificationSteps.ValidateDraft anssi,
        NotificationRegister register, FilingTexts texts) {
      this.cnil = cnil;
      this.anssi = anssi;
      this.register = register;
      this.texts = texts;
    }

    @Override
    public void execute(DelegateExecution execution) throws Exception {
      ReportKind kind = kind(execution);
      (kind.isCnil() ? cnil : anssi).execute(execution);
      // the client-ready text, in the authority's form, to paste before filing (GET .../reports/{id}/text)
      long reportId = register.draftText(NOTIFICATION_ID.get(execution), kind, texts.of(execution, kind).text());
      // the filing form links to it (the webapp session reads /api)
      FILING_TEXT_LINK.set(execution, "/api/security-incidents/" + REFERENCE.get(execution) + "/notifications/"
          + (kind.isCnil() ? "cnil" : "anssi") + "/reports/" + reportId + "/text?format=pdf");
    }
  }

  /**
   * "Enregistrer le dépôt": the client's filing (or, for the CNIL, its documented decision that no
   * notification is required), by its owner, in the register.
   */
  @Component("recordReportFiling")
  static class RecordFiling implements JavaDelegate {
    private final CnilNotificationSteps.ValidateFiling cnilFiling;
    private final CnilNotificationSteps.RecordDecision cnilDecision;
    private final AnssiNotificationSteps.RecordFiling anssi;

    RecordFiling(CnilNotificationSteps.ValidateFiling cnilFiling, CnilNotificationSteps.RecordDecision cnilDecision,
        AnssiNotificationSteps.RecordFiling anssi) {
      this.cnilFiling = cnilFiling;
      this.cnilDecision = cnilDecision;
      this.anssi = anssi;
    }

    @Override
    public void execute(DelegateExecution execution) throws Exception {
      if (kind(execution).isCnil()) {
        cnilFiling.execute(execution);
        cnilDecision.execute(execution);
      } else {
        anssi.execute(execution);
      }
    }
  }
}
