package com.mileotech.cyber.playbook;

import com.mileotech.cyber.security.DecisionOwners;
import com.mileotech.cyber.system.Published;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The playbook actions of an incident, for other features (the incident file PDF) and the API:
 * what was recorded, and the playbook version the incident follows. Reads only; the caller checks
 * who may see the incident.
 */
@Published
@Component
public class PlaybookActions {

  /** The playbook version an incident follows, chosen when its containment started. */
  public record Followed(String playbookId, String playbookVersion, String title, String inForce, Instant chosenAt) {}

  private final PlaybookRecords records;
  private final Playbooks playbooks;
  private final DecisionOwners owners;

  PlaybookActions(PlaybookRecords records, Playbooks playbooks, DecisionOwners owners) {
    this.records = records;
    this.playbooks = playbooks;
    this.owners = owners;
  }

  /** Every action recorded on the incident: containment first, then each eradication round; empty when none. */
  public List<RecordedAction> recorded(String incidentReference) {
    return records.rows(incidentReference).stream()
        .map(r -> new RecordedAction(r.reference(), r.phase(), r.round(), r.nature(), r.code(), r.label(), r.status(),
            r.comment(), r.recordedBy(), owners.displayName(r.recordedBy()), r.recordedAt(), r.playbookId(),
            r.playbookVersion()))
        .toList();
  }

  /** The playbook version the incident follows; empty before its containment started. */
  public Optional<Followed> followed(String incidentReference) {
    return records.choice(incidentReference).map(c -> {
      Optional<Playbook> playbook = playbooks.get(c.playbookId(), c.playbookVersion());
      return new Followed(c.playbookId(), c.playbookVersion(), playbook.map(Playbook::title).orElse(null),
          playbook.map(Playbook::inForce).orElse(null), c.chosenAt());
    });
  }
}
