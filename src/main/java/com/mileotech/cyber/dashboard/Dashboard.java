package com.mileotech.cyber.dashboard;

import com.mileotech.cyber.dashboard.Stats.Summary;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Every figure of the annual cybersecurity dashboard, as GET /api/dashboard returns it and the
 * page, the CSV and the PDF show it. Durations are in minutes, shares in percent (one decimal),
 * instants in UTC (ISO 8601), months in Paris time. Codes are the processes' own (severity
 * {@code critique}, authority {@code CNIL}...), each with its French label.
 */
record Dashboard(
    Scope scope,
    List<Month> months,
    Incidents incidents,
    Indicators indicators,
    Deadlines deadlines,
    Hardening hardening,
    OpenItems openItems,
    Improvements improvementActions) {

  /** What the figures cover, and for whom. {@code clientId} null: all the clients the caller may see. */
  record Scope(String period, LocalDate from, LocalDate to, Integer year, String clientId, String clientName,
      List<ClientRef> clients, Instant generatedAt, String timeZone) {}

  record ClientRef(String id, String name) {}

  record Month(String month, String label, String shortLabel) {}

  /** A count under one value of a dimension (a severity, a nature...). */
  record Count(String code, String label, long count) {}

  // ------------------------------------------------------------------ security incidents

  /** Security incidents detected in the period. */
  record Incidents(long total, long open, long closed, List<MonthCount> byMonth, List<Count> bySeverity,
      List<Count> byNature, List<Count> byDetectionSource) {}

  /** Incidents detected in one month, and among them by severity code. */
  record MonthCount(String month, long count, Map<String, Long> bySeverity) {}

  /**
   * MTTD (detection − beginning, when the beginning is known) and MTTR (return to service −
   * detection), as the incident process records them at closure, for the incidents of the period.
   */
  record Indicators(Summary mttd, Summary mttr, List<Breakdown> bySeverity, List<Breakdown> byClient,
      List<Breakdown> byMonth) {}

  record Breakdown(String code, String label, Summary mttd, Summary mttr) {}

  // ------------------------------------------------------------------ deadlines

  /**
   * Regulatory notifications, Mileo's deadline to tell the client of each, and lessons-learned
   * reports of the period's incidents.
   */
  record Deadlines(List<Authority> authorities, ClientInformation clientInformation, LessonsLearned lessonsLearned,
      List<LateItem> late, Breaches breaches) {}

  /**
   * The personal data breaches of the period's incidents (GDPR art. 33(5)): notified to the CNIL,
   * not notified by a documented decision (who decided, approved by whom, why), still to decide
   * (or to decide again after a re-qualification), and those notified late with the reasons given.
   */
  record Breaches(long total, long notified, long notNotified, long undecided, long notifiedLate,
      List<BreachItem> notNotifiedItems, List<BreachItem> lateItems) {}

  /** One breach of those lists: its decision (not notified) or its late filing and the reasons. */
  record BreachItem(String reference, String clientId, String clientName, String status, Integer decisionVersion,
      String decidedBy, String approvedBy, Instant decidedAt, String reason, Instant dueAt, Instant submittedAt,
      Long lateByMinutes, String verdict, String delayReasons) {}

  /**
   * "Informer le client" (GDPR art. 33(2), "sans délai" from Mileo's awareness): one deadline per
   * notification, kept (client told on time), missed (told late), overdue (not told yet, deadline
   * passed) or pending; overall and per authority.
   */
  record ClientInformation(Tally tally, List<KindTally> byAuthority) {}

  /**
   * Reports owed to one authority. A report counts once its deadline runs: filed on time, filed
   * late, overdue (not filed, deadline passed) or pending (not filed, deadline to come). A CNIL
   * notification the client documented as not required counts under {@code notRequired} only.
   */
  record Authority(String code, String label, long notifications, long notRequired, Tally reports,
      List<KindTally> byKind) {}

  record KindTally(String code, String label, Tally tally) {}

  /** {@code lateMedianMinutes}, {@code lateMaxMinutes}: how late the late ones were filed (null if none). */
  record Tally(long due, long onTime, long late, long overdue, long pending, Double lateMedianMinutes,
      Long lateMaxMinutes) {}

  /** Lessons-learned reports (PROC-CYB-005 §06, 15 days after closure) of the period's closed incidents. */
  record LessonsLearned(Tally tally) {}

  /**
   * A deadline missed: filed or approved late ({@code done}), or still not done. {@code lateByMinutes}
   * is the delay at filing, or so far.
   */
  record LateItem(String reference, String clientId, String clientName, String authority, String kind, String label,
      Instant dueAt, Instant doneAt, boolean done, long lateByMinutes) {}

  // ------------------------------------------------------------------ hardening

  /**
   * Hardening checklists (GUID-PREM-003) signed in the period. Shares are those of the points in
   * the checklists' latest issued version (non-conformities lifted since count as Conforme);
   * equipment without vendor security updates is the firmware inventory as it stands.
   */
  record Hardening(long checklistsSigned, long commissionings, long annualAudits, List<CategoryShare> byCategory,
      CategoryShare overall, NonConformities nonConformities, List<ChecklistRow> checklists,
      List<EquipmentRow> unsupportedEquipment) {}

  record CategoryShare(String code, String label, long points, long conforme, long nonConforme, long nonApplicable,
      double conformePercent, double nonConformePercent, double nonApplicablePercent) {}

  /** Found at signature; lifted since (re-verified Conforme); open now; open past their remediation date. */
  record NonConformities(long found, long lifted, long open, long overdue, List<NonConformityRow> openItems) {}

  record NonConformityRow(String reference, String clientId, String clientName, String siteName, String pointId,
      String label, LocalDate deadline, boolean overdue, long daysOverdue) {}

  record ChecklistRow(String reference, String previousReference, String clientId, String clientName, String siteName,
      Instant signedAt, String signedBy, int version, long conforme, long nonConforme, long nonApplicable) {}

  record EquipmentRow(String clientId, String clientName, String siteId, String siteName, String kind, String kindLabel,
      String model, String serialNumber, String firmwareVersion, String lastReference) {}

  // ------------------------------------------------------------------ open items

  /** Open tasks now (whatever the period), overdue first; {@code items} holds at most {@link #LIMIT}. */
  record OpenItems(long total, long overdue, List<OpenItem> items) {
    static final int LIMIT = 200;
  }

  // ------------------------------------------------------------------ improvement actions

  /**
   * « Actions d'amélioration ouvertes »: the improvement actions of the lessons-learned reports
   * not closed yet (whatever the period; exercises excluded), per client and listed, the earliest
   * due first; {@code overdue}: past their due date.
   */
  record Improvements(long open, long overdue, List<ClientImprovements> byClient, List<ImprovementItem> items) {}

  record ClientImprovements(String clientId, String clientName, long open, long overdue) {}

  record ImprovementItem(String reference, String clientId, String clientName, int position, String label,
      String owner, String ownerName, Instant dueAt, boolean overdue, Long overdueDays) {}

  record OpenItem(String taskId, String name, String process, String reference, String clientId, String clientName,
      Instant createdAt, Instant dueAt, boolean overdue, Long overdueMinutes, String assignee,
      List<String> candidateGroups, String url) {}
}
