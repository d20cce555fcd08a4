package com.mileotech.cyber.playbook;

import com.mileotech.cyber.incident.ResponseStep;
import com.mileotech.cyber.system.JsonVariable;
import com.mileotech.cyber.system.ProcessVariable;
import com.mileotech.cyber.system.Published;

/**
 * The playbook's variables on a security-incident process (docs/incident.md, "Playbooks"). All are
 * facts the server records: no form declares them, so no submission writes them (SubmissionGuard).
 * The actions' answers are the form fields {@code action_<CODE>}, {@code …_comment},
 * {@code …_justification} ({@link PlaybookForm}), read through {@code FormField}s.
 */
@Published
public final class PlaybookVariables {

  /** The playbook chosen when containment started, e.g. "PB-CYB-005"; kept for the whole incident. */
  public static final ProcessVariable<String> PLAYBOOK_ID = ProcessVariable.text("playbookId");
  /** Its version, e.g. "v1"; kept for the whole incident, whatever version is deployed later. */
  public static final ProcessVariable<String> PLAYBOOK_VERSION = ProcessVariable.text("playbookVersion");
  /** The codes of the containment actions the form shows (JSON list). */
  public static final JsonVariable CONTAINMENT_ACTIONS = ProcessVariable.json("playbookContainmentActions");
  /** The codes of the eradication actions the form shows, for the current round (JSON list). */
  public static final JsonVariable ERADICATION_ACTIONS = ProcessVariable.json("playbookEradicationActions");
  /** What the containment form says of the playbook, the nature and the equipment (French). */
  public static final ProcessVariable<String> CONTAINMENT_SUMMARY = ProcessVariable.text("playbookContainmentSummary");
  /** The same for eradication, as of its current round. */
  public static final ProcessVariable<String> ERADICATION_SUMMARY = ProcessVariable.text("playbookEradicationSummary");
  /** The nature the containment actions were chosen for (a Nature code). */
  public static final ProcessVariable<String> CONTAINMENT_NATURE = ProcessVariable.text("playbookContainmentNature");
  /** The nature the eradication actions were chosen for, as of its current round (requalification may change it). */
  public static final ProcessVariable<String> ERADICATION_NATURE = ProcessVariable.text("playbookEradicationNature");

  private PlaybookVariables() {}

  static JsonVariable shown(ResponseStep phase) {
    return phase == ResponseStep.CONTAINMENT ? CONTAINMENT_ACTIONS : ERADICATION_ACTIONS;
  }

  static ProcessVariable<String> summary(ResponseStep phase) {
    return phase == ResponseStep.CONTAINMENT ? CONTAINMENT_SUMMARY : ERADICATION_SUMMARY;
  }
}
