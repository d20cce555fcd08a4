package com.mileotech.cyber.incident;

import static com.mileotech.cyber.system.DbTime.instant;
import static com.mileotech.cyber.system.DbTime.utc;

import com.mileotech.cyber.system.Published;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What other features may read of the security incident register: one {@link Incident} per
 * incident, as its process recorded it, and the lessons-learned deadline of the closed ones.
 * Reads, never writes; the register's table and the process's variables stay this feature's.
 */
@Published
@Component
public class SecurityIncidentFacts {

  private final JdbcClient jdbc;
  private final HistoryService historyService;

  public SecurityIncidentFacts(JdbcClient jdbc, HistoryService historyService) {
    this.jdbc = jdbc;
    this.historyService = historyService;
  }

  /**
   * One security incident (nature and severity null until qualified; an unknown code reads as
   * null), its MTTD and MTTR in minutes once closed; {@code exercise}: an exercise, which no
   * figure counts (readers filter it out).
   */
  public record Incident(String reference, String processInstanceId, String clientId, DetectionSource detectionSource,
      Nature nature, Severity severity, boolean closed, Instant detectedAt, Instant closedAt, Long mttdMinutes,
      Long mttrMinutes, boolean exercise) {}

  /**
   * The report of lessons learned owed within 15 days of the closure (PROC-CYB-005 §06): due,
   * written ({@code doneAt}, null until then) and whether it was on time ({@code met}, null until done).
   */
  public record LessonsLearnedDeadline(Instant dueAt, Instant doneAt, Boolean met) {}

  /** The incidents of {@code clients} detected in [{@code start}, {@code end}), by detection time. */
  public List<Incident> detectedIn(Instant start, Instant end, List<String> clients) {
    if (clients.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("""
        select reference, process_instance_id, client_id, detection_source, nature, severity, status, detected_at,
          closed_at, mttd_minutes, mttr_minutes, exercise
        from security_incident
        where detected_at >= :start and detected_at < :end and client_id in (:clients)
        order by detected_at, reference""")
        .param("start", utc(start)).param("end", utc(end)).param("clients", clients)
        .query((rs, n) -> new Incident(rs.getString("reference"), rs.getString("process_instance_id"),
            rs.getString("client_id"), Code.find(DetectionSource.class, rs.getString("detection_source")).orElse(null),
            Code.find(Nature.class, rs.getString("nature")).orElse(null),
            Code.find(Severity.class, rs.getString("severity")).orElse(null),
            SecurityIncidentRepository.STATUS_CLOSED.equals(rs.getString("status")), instant(rs, "detected_at"),
            instant(rs, "closed_at"), nullableLong(rs, "mttd_minutes"), nullableLong(rs, "mttr_minutes"),
            rs.getBoolean("exercise")))
        .list();
  }

  /**
   * The lessons-learned deadline of each closed incident of {@code incidents} whose fifteen days
   * have started, by reference, from the process history (ended processes included). Engine
   * queries run with the caller's engine authorizations: call it for a scope already checked.
   */
  public Map<String, LessonsLearnedDeadline> lessonsLearned(List<Incident> incidents) {
    Map<String, String> references = new HashMap<>();
    incidents.stream().filter(Incident::closed).forEach(i -> references.put(i.processInstanceId(), i.reference()));
    Map<String, LessonsLearnedDeadline> byReference = new HashMap<>();
    if (references.isEmpty()) {
      return byReference;
    }
    Map<String, Map<String, Object>> byInstance = new HashMap<>();
    for (HistoricVariableInstance v : historyService.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(references.keySet().toArray(String[]::new))
        .variableNameIn(LESSONS_DUE, LESSONS_DONE, LESSONS_MET).disableCustomObjectDeserialization().list()) {
      if (v.getValue() != null) {
        byInstance.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>()).put(v.getName(), v.getValue());
      }
    }
    byInstance.forEach((instance, v) -> {
      if (v.get(LESSONS_DUE) instanceof Date due) {
        Date done = (Date) v.get(LESSONS_DONE);
        byReference.put(references.get(instance), new LessonsLearnedDeadline(due.toInstant(),
            done == null ? null : done.toInstant(), (Boolean) v.get(LESSONS_MET)));
      }
    });
    return byReference;
  }

  /** The lessons-learned deadline's variables (reminder.Deadlines, name lessonsLearned). */
  private static final String LESSONS_DUE = "lessonsLearnedDueAt";
  private static final String LESSONS_DONE = "lessonsLearnedDoneAt";
  private static final String LESSONS_MET = "lessonsLearnedMet";

  private static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }
}
