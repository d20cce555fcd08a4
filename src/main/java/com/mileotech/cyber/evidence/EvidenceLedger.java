package com.mileotech.cyber.evidence;

import static com.mileotech.cyber.system.DbTime.instant;
import static com.mileotech.cyber.system.DbTime.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The items and their custody ledgers. Rows are only ever inserted: an item's state (held,
 * under legal hold, destroyed, last verification) is read from its ledger.
 */
@Repository
class EvidenceLedger {

  /** The kinds of ledger entries. */
  static final String CAPTURED = "capturee";
  static final String TRANSFERRED = "transferee";
  static final String VERIFIED = "verifiee";
  static final String HOLD_PLACED = "gel-pose";
  static final String HOLD_RELEASED = "gel-leve";
  static final String DESTROYED = "detruite";

  static final String MATCH = "conforme";
  static final String MISMATCH = "non-conforme";
  static final String NOT_VERIFIABLE = "non-verifiable";

  record Item(long id, String reference, String kind, String description, String sha256, Long sizeBytes,
      boolean stored, String location, String fileName, Instant incidentAt, String capturedBy, Instant capturedAt) {}

  record Entry(long id, long itemId, String event, String actor, Instant recordedAt, String fromHolder, String toHolder,
      String reason, String outcome, String observedSha256, String procedureReference, LocalDate holdUntil,
      String authorisation) {

    static Entry of(String event, String actor, Instant at) {
      return new Entry(0, 0, event, actor, at, null, null, null, null, null, null, null, null);
    }
  }

  private final JdbcClient jdbc;

  EvidenceLedger(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Inserts the item under the request's idempotency key (or none). A key already used for this
   * incident fails on the unique index (DuplicateKeyException): another request won the race.
   */
  long insertItem(Item item, String idempotencyKey) {
    org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql("""
        insert into evidence_item (reference, kind, description, sha256, size_bytes, stored, location, file_name,
          incident_at, captured_by, captured_at, idempotency_key)
        values (:reference, :kind, :description, :sha256, :size, :stored, :location, :fileName, :incidentAt,
          :capturedBy, :capturedAt, :idempotencyKey)""")
        .param("reference", item.reference()).param("kind", item.kind()).param("description", item.description())
        .param("sha256", item.sha256()).param("size", item.sizeBytes()).param("stored", item.stored())
        .param("location", item.location()).param("fileName", item.fileName())
        .param("incidentAt", utc(item.incidentAt())).param("capturedBy", item.capturedBy())
        .param("capturedAt", utc(item.capturedAt())).param("idempotencyKey", idempotencyKey)
        .update(keys, "id");
    return keys.getKeyAs(Number.class).longValue();
  }

  void append(long itemId, Entry entry) {
    jdbc.sql("""
        insert into evidence_custody (item_id, event, actor, recorded_at, from_holder, to_holder, reason, outcome,
          observed_sha256, procedure_reference, hold_until, authorisation)
        values (:itemId, :event, :actor, :at, :fromHolder, :toHolder, :reason, :outcome, :observed, :procedure,
          :holdUntil, :authorisation)""")
        .param("itemId", itemId).param("event", entry.event()).param("actor", entry.actor())
        .param("at", utc(entry.recordedAt())).param("fromHolder", entry.fromHolder()).param("toHolder", entry.toHolder())
        .param("reason", entry.reason()).param("outcome", entry.outcome()).param("observed", entry.observedSha256())
        .param("procedure", entry.procedureReference())
        .param("holdUntil", entry.holdUntil(), java.sql.Types.DATE) // a day, bound as a day
        .param("authorisation", entry.authorisation())
        .update();
  }

  List<Item> items(String reference) {
    return jdbc.sql("select * from evidence_item where reference = :reference order by id")
        .param("reference", reference).query(EvidenceLedger::item).list();
  }

  Optional<Item> item(String reference, long id) {
    return jdbc.sql("select * from evidence_item where reference = :reference and id = :id")
        .param("reference", reference).param("id", id).query(EvidenceLedger::item).optional();
  }

  /** The item an earlier request with this idempotency key recorded for the incident. */
  Optional<Item> itemByKey(String reference, String idempotencyKey) {
    return jdbc.sql("select * from evidence_item where reference = :reference and idempotency_key = :key")
        .param("reference", reference).param("key", idempotencyKey).query(EvidenceLedger::item).optional();
  }

  List<Entry> entries(long itemId) {
    return jdbc.sql("select * from evidence_custody where item_id = :id order by id")
        .param("id", itemId).query(EvidenceLedger::entry).list();
  }

  /** Items of the incident not destroyed (of this kind, unless null). */
  long countCaptured(String reference, String kind) {
    // no "(:kind is null or ...)": PostgreSQL cannot type a parameter that is only compared to null
    var query = jdbc.sql("""
        select count(*) from evidence_item i where i.reference = :reference
          and not exists (select 1 from evidence_custody c where c.item_id = i.id and c.event = :destroyed)"""
        + (kind == null ? "" : " and i.kind = :kind"))
        .param("reference", reference).param("destroyed", DESTROYED);
    return (kind == null ? query : query.param("kind", kind)).query(Long.class).single();
  }

  /** Another item, not destroyed, whose file is this hash (the store keeps one copy for all of them). */
  boolean otherHolderOf(String sha256, long itemId) {
    return jdbc.sql("""
        select count(*) from evidence_item i where i.sha256 = :sha256 and i.stored = true and i.id <> :id
          and not exists (select 1 from evidence_custody c where c.item_id = i.id and c.event = :destroyed)""")
        .param("sha256", sha256).param("id", itemId).param("destroyed", DESTROYED).query(Long.class).single() > 0;
  }

  private static Item item(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    long size = rs.getLong("size_bytes");
    Long sizeBytes = rs.wasNull() ? null : size;
    return new Item(rs.getLong("id"), rs.getString("reference"), rs.getString("kind"), rs.getString("description"),
        rs.getString("sha256").trim(), sizeBytes, rs.getBoolean("stored"), rs.getString("location"),
        rs.getString("file_name"), instant(rs, "incident_at"), rs.getString("captured_by"), instant(rs, "captured_at"));
  }

  private static Entry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    // a day, read as a day (java.sql.Date would convert through the JVM's zone)
    LocalDate until = rs.getObject("hold_until", LocalDate.class);
    String observed = rs.getString("observed_sha256");
    return new Entry(rs.getLong("id"), rs.getLong("item_id"), rs.getString("event"), rs.getString("actor"),
        instant(rs, "recorded_at"), rs.getString("from_holder"), rs.getString("to_holder"), rs.getString("reason"),
        rs.getString("outcome"), observed == null ? null : observed.trim(), rs.getString("procedure_reference"),
        until, rs.getString("authorisation"));
  }
}
