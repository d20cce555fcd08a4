package com.mileotech.cyber.playbook;

import com.mileotech.cyber.incident.ResponseStep;
import com.mileotech.cyber.system.Published;
import java.time.Instant;

/**
 * One playbook action as recorded on an incident: the phase and round (eradication is done again
 * after a failed integrity check), the action's code and French label as the playbook version worded
 * it, Réalisée or Non applicable with the comment (the justification for Non applicable), who
 * recorded it (user id, and the name people read) and when, and the playbook version it came from.
 */
@Published
public record RecordedAction(String incidentReference, ResponseStep phase, int round, String natureCode,
    String actionCode, String label, ActionStatus status, String comment, String recordedBy, String recordedByName,
    Instant recordedAt, String playbookId, String playbookVersion) {

  /** "Confinement", "Éradication". */
  public String phaseLabel() {
    return phase.label();
  }

  /** "Réalisée", "Non applicable". */
  public String statusLabel() {
    return status.label();
  }
}
