package com.mileotech.cyber.improvement;

import com.mileotech.cyber.system.CommonVariables;
import com.mileotech.cyber.system.DateVariable;
import com.mileotech.cyber.system.FormField;
import com.mileotech.cyber.system.ProcessVariable;

/**
 * The contract of the improvement-action process: one action of a lessons-learned report, its
 * owner and due date, and its closure with the evidence of its effect (docs/incident.md,
 * "Improvement actions"). Business key and {@code reference}: the security incident's reference;
 * the tenant: the incident's client.
 */
final class ImprovementActionVariables {

  static final String PROCESS_KEY = "improvement-action";
  /** The deadline's name: {@code improvementActionDueAt} and its family (reminder/DeadlineVariables). */
  static final String DEADLINE = "improvementAction";

  static final ProcessVariable<String> REFERENCE = CommonVariables.REFERENCE;
  static final ProcessVariable<String> CLIENT_ID = CommonVariables.CLIENT_ID;
  static final ProcessVariable<String> CLIENT_NAME = CommonVariables.CLIENT_NAME;
  static final ProcessVariable<Boolean> EXERCISE = CommonVariables.EXERCISE;
  /** The action's row in improvement_action. */
  static final ProcessVariable<Long> ACTION_ID = ProcessVariable.longInteger("improvementActionId");
  /** What is to be done, as the report says it (the close form shows it). */
  static final ProcessVariable<String> LABEL = ProcessVariable.text("improvementActionLabel");
  /** The owner's user id: the task's assignee. */
  static final ProcessVariable<String> OWNER = ProcessVariable.text("improvementActionOwner");
  static final ProcessVariable<String> OWNER_NAME = ProcessVariable.text("improvementActionOwnerName");
  /** The due date the report gave (end of that day in Paris): the input of "Calculer l'échéance". */
  static final DateVariable PLANNED_DUE_AT = ProcessVariable.date("improvementActionPlannedDueAt");

  // the close form
  /** What was done (required). */
  static final FormField WHAT_WAS_DONE = FormField.of("improvementActionDone");
  /** How its effect was checked, and what it showed (required). */
  static final FormField EFFECT_CHECK = FormField.of("improvementEffectCheck");
  /** An evidence item or attachment reference (optional). */
  static final FormField EVIDENCE_REFERENCE = FormField.of("improvementEffectEvidence");

  // facts recorded at the closure, never by a submission
  static final ProcessVariable<String> CLOSED_BY = ProcessVariable.text("improvementActionClosedBy");
  static final DateVariable CLOSED_AT = ProcessVariable.date("improvementActionClosedAt");

  private ImprovementActionVariables() {}
}
