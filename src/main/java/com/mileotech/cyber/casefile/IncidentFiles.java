package com.mileotech.cyber.casefile;

import static com.mileotech.cyber.system.DbTime.instant;
import static com.mileotech.cyber.system.DbTime.utc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The generated incident files (table incident_file): appended, never replaced nor deleted. The
 * PDF is kept in the row, like the checklist documents: a few hundred kilobytes, part of the
 * legal record, backed up and replicated with the rest of it.
 */
@Repository
class IncidentFiles {

  /** One version's metadata, as the API lists it. */
  record Version(String reference, int version, String clientId, String reason, String fileName, String sha256,
      String contentSha256, String generatedBy, Instant generatedAt) {}

  private final JdbcClient jdbc;

  IncidentFiles(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Version v, String triggerKey, byte[] pdf) {
    jdbc.sql("""
        insert into incident_file (reference, file_version, client_id, trigger_key, reason, file_name, sha256,
          content_sha256, generated_by, generated_at, pdf)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(v.reference(), v.version(), v.clientId(), triggerKey, v.reason(), v.fileName(), v.sha256(),
            v.contentSha256(), v.generatedBy(), utc(v.generatedAt()), pdf)
        .update();
  }

  /** Whether a version was already made for this cause (a retried job makes none). */
  Optional<Integer> versionFor(String reference, String triggerKey) {
    return jdbc.sql("select file_version from incident_file where reference = ? and trigger_key = ?")
        .params(reference, triggerKey).query(Integer.class).optional();
  }

  int lastVersion(String reference) {
    return jdbc.sql("select coalesce(max(file_version), 0) from incident_file where reference = ?")
        .param(reference).query(Integer.class).single();
  }

  List<Version> versions(String reference) {
    return jdbc.sql("""
        select reference, file_version, client_id, reason, file_name, sha256, content_sha256, generated_by, generated_at
        from incident_file where reference = ? order by file_version""")
        .param(reference)
        .query((rs, n) -> new Version(rs.getString("reference"), rs.getInt("file_version"), rs.getString("client_id"),
            rs.getString("reason"), rs.getString("file_name"), rs.getString("sha256"), rs.getString("content_sha256"), rs.getString("generated_by"),
            instant(rs, "generated_at")))
        .list();
  }

  Optional<byte[]> pdf(String reference, int version) {
    return jdbc.sql("select pdf from incident_file where reference = ? and file_version = ?")
        .params(reference, version).query((rs, n) -> rs.getBytes("pdf")).optional();
  }
}
