package com.mileotech.cyber.improvement;

import static com.mileotech.cyber.system.DbTime.utc;

import com.mileotech.cyber.improvement.ImprovementAction.Status;
import com.mileotech.cyber.system.DbTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The improvement_action table (V88): written by the process's steps, read by {@link ImprovementActions}. */
@Repository
class ImprovementActionRegister {

  private final JdbcClient jdbc;

  ImprovementActionRegister(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** What the approved report planned for one row. */
  record Planned(String reference, int position, String clientId, boolean exercise, String label, String owner,
      String ownerName, Instant dueAt, String approvedBy, Instant createdAt) {}

  /** The action of row {@code position} of the incident's report, written once: a retried start finds it. */
  ImprovementAction createOnce(Planned p) {
    Optional<ImprovementAction> existing = find(p.reference(), p.position());
    if (existing.isPresent()) {
      return existing.get();
    }
    jdbc.sql("""
        insert into improvement_action (reference, position, client_id, exercise, label, owner_id, owner_name, due_at,
          approved_by, created_at, status)
        values (:reference, :position, :clientId, :exercise, :label, :owner, :ownerName, :dueAt, :approvedBy,
          :createdAt, :status)""")
        .param("reference", p.reference()).param("position", p.position()).param("clientId", p.clientId())
        .param("exercise", p.exercise()).param("label", p.label()).param("owner", p.owner())
        .param("ownerName", p.ownerName()).param("dueAt", utc(p.dueAt())).param("approvedBy", p.approvedBy())
        .param("createdAt", utc(p.createdAt())).param("status", Status.OPEN.code())
        .update();
    return find(p.reference(), p.position()).orElseThrow();
  }

  /** The process that follows the action, once started. */
  void started(long id, String processInstanceId) {
    jdbc.sql("update improvement_action set process_instance_id = :pi where id = :id")
        .param("pi", processInstanceId).param("id", id).update();
  }

  /** The process following the action, or null before it started. */
  String processInstance(long id) {
    return jdbc.sql("select process_instance_id from improvement_action where id = :id").param("id", id)
        .query(String.class).optional().orElse(null);
  }

  /** Closes the action, once: a second closure changes nothing (false). */
  boolean close(long id, String closedBy, Instant closedAt, String whatWasDone, String effectCheck,
      String evidenceReference) {
    return jdbc.sql("""
        update improvement_action set status = :closed, closed_by = :closedBy, closed_at = :closedAt,
          what_was_done = :done, effect_check = :effect, evidence_reference = :evidence
        where id = :id and status = :open""")
        .param("closed", Status.CLOSED.code()).param("closedBy", closedBy).param("closedAt", utc(closedAt))
        .param("done", whatWasDone).param("effect", effectCheck).param("evidence", evidenceReference)
        .param("id", id).param("open", Status.OPEN.code())
        .update() == 1;
  }

  Optional<ImprovementAction> find(String reference, int position) {
    return jdbc.sql("select * from improvement_action where reference = :reference and position = :position")
        .param("reference", reference).param("position", position).query(ImprovementActionRegister::action).optional();
  }

  Optional<ImprovementAction> find(long id) {
    return jdbc.sql("select * from improvement_action where id = :id").param("id", id)
        .query(ImprovementActionRegister::action).optional();
  }

  List<ImprovementAction> forIncident(String reference) {
    return jdbc.sql("select * from improvement_action where reference = :reference order by position")
        .param("reference", reference).query(ImprovementActionRegister::action).list();
  }

  /** The open actions of these clients, the earliest due first. */
  List<ImprovementAction> openFor(List<String> clientIds) {
    if (clientIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("""
        select * from improvement_action where status = :open and client_id in (:clients)
        order by due_at, reference, position""")
        .param("open", Status.OPEN.code()).param("clients", clientIds)
        .query(ImprovementActionRegister::action).list();
  }

  private static ImprovementAction action(ResultSet rs, int row) throws SQLException {
    return new ImprovementAction(rs.getLong("id"), rs.getString("reference"), rs.getString("client_id"),
        rs.getInt("position"), rs.getString("label"), rs.getString("owner_id"), rs.getString("owner_name"),
        DbTime.instant(rs, "due_at"), Status.of(rs.getString("status")), rs.getString("closed_by"),
        DbTime.instant(rs, "closed_at"), rs.getString("what_was_done"), rs.getString("effect_check"),
        rs.getString("evidence_reference"), rs.getBoolean("exercise"));
  }
}
