package com.mileotech.cyber.playbook;

import static com.mileotech.cyber.system.DbTime.instant;
import static com.mileotech.cyber.system.DbTime.utc;

import com.mileotech.cyber.incident.ResponseStep;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tables of V84: the playbook version each incident follows, and the actions recorded. Written
 * inside the engine's command (same data source and transaction): a refused submission leaves no row.
 */
@Repository
class PlaybookRecords {

  /** The playbook version an incident follows. */
  record Choice(String reference, String playbookId, String playbookVersion, Instant chosenAt) {}

  /** A row to write. */
  record Row(String reference, String playbookId, String playbookVersion, ResponseStep phase, int round,
      String nature, String code, String label, ActionStatus status, String comment, String recordedBy,
      Instant recordedAt) {}

  private final JdbcClient jdbc;

  PlaybookRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records the choice once: a second call for the same incident changes nothing. */
  void choose(String reference, String playbookId, String version, Instant at) {
    if (choice(reference).isEmpty()) {
      jdbc.sql("insert into security_incident_playbook (reference, playbook_id, playbook_version, chosen_at) "
          + "values (?, ?, ?, ?)").params(reference, playbookId, version, utc(at)).update();
    }
  }

  Optional<Choice> choice(String reference) {
    return jdbc.sql("select * from security_incident_playbook where reference = ?").param(reference)
        .query((rs, n) -> new Choice(rs.getString("reference"), rs.getString("playbook_id"),
            rs.getString("playbook_version"), instant(rs, "chosen_at")))
        .optional();
  }

  void insert(List<Row> rows) {
    for (Row row : rows) {
      jdbc.sql("""
          insert into playbook_action (reference, playbook_id, playbook_version, phase, round, nature, action_code,
            label, status, comment, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(row.reference(), row.playbookId(), row.playbookVersion(), row.phase().name(), row.round(),
              row.nature(), row.code(), row.label(), row.status().name(), row.comment(), row.recordedBy(),
              utc(row.recordedAt()))
          .update();
    }
  }

  /** The rows of an incident, containment first, then each eradication round, in the playbook's order of recording. */
  List<Row> rows(String reference) {
    return jdbc.sql("""
        select * from playbook_action where reference = ?
        order by case phase when 'CONTAINMENT' then 0 else 1 end, round, id""")
        .param(reference)
        .query((rs, n) -> new Row(rs.getString("reference"), rs.getString("playbook_id"),
            rs.getString("playbook_version"), ResponseStep.valueOf(rs.getString("phase")), rs.getInt("round"),
            rs.getString("nature"), rs.getString("action_code"), rs.getString("label"),
            ActionStatus.valueOf(rs.getString("status")), rs.getString("comment"), rs.getString("recorded_by"),
            instant(rs, "recorded_at")))
        .list();
  }
}
