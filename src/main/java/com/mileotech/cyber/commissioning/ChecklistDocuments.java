package com.mileotech.cyber.commissioning;

import static com.mileotech.cyber.system.DbTime.instant;
import static com.mileotech.cyber.system.DbTime.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The issued checklist documents (table commissioning_document): appended, never replaced.
 * There is deliberately no delete: a document is kept at least until its retain_until.
 */
@Repository
class ChecklistDocuments {

  private final JdbcClient jdbc;

  ChecklistDocuments(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A version's metadata, as the API lists it. */
  record Version(String reference, int version, String clientId, String reason, String fileName,
      String contentSha256, String signedBy, Instant signedAt, String signatureSha256, Instant issuedAt,
      LocalDate retainUntil) {}

  void insert(IssuedDocument doc, String processInstanceId, byte[] pdf, LocalDate retainUntil) {
    SignedContent c = doc.content();
    jdbc.sql("""
        insert into commissioning_document (reference, doc_version, client_id, site_id, process_instance_id, reason,
          file_name, content_json, content_sha256, signed_by, signed_at, signature_sha256, issued_at, retain_until, pdf)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(c.reference(), doc.version(), c.clientId(), c.siteId(), processInstanceId, doc.reason(),
            doc.fileName(), Json.canonical(doc), doc.contentSha256(), doc.signature().userId(),
            utc(Instant.parse(doc.signature().at())), doc.signature().sha256(),
            utc(Instant.parse(doc.issuedAt())), retainUntil, pdf)
        .update();
  }

  /** Keeps every document of the client at least until {@code until} (an extended contract). */
  void extendRetention(String clientId, LocalDate until) {
    jdbc.sql("update commissioning_document set retain_until = ? where client_id = ? and retain_until < ?")
        .params(until, clientId, until).update();
  }

  List<Version> versions(String reference) {
    return jdbc.sql("select * from commissioning_document where reference = ? order by doc_version")
        .param(reference)
        .query((rs, n) -> new Version(rs.getString("reference"), rs.getInt("doc_version"), rs.getString("client_id"),
            rs.getString("reason"), rs.getString("file_name"), rs.getString("content_sha256"), rs.getString("signed_by"),
            instant(rs, "signed_at"), rs.getString("signature_sha256"),
            instant(rs, "issued_at"), rs.getObject("retain_until", LocalDate.class)))
        .list();
  }

  Optional<String> clientOf(String reference) {
    return jdbc.sql("select client_id from commissioning_document where reference = ? order by doc_version")
        .param(reference).query(String.class).list().stream().findFirst();
  }

  int lastVersion(String reference) {
    return jdbc.sql("select coalesce(max(doc_version), 0) from commissioning_document where reference = ?")
        .param(reference).query(Integer.class).single();
  }

  Optional<byte[]> pdf(String reference, int version) {
    return jdbc.sql("select pdf from commissioning_document where reference = ? and doc_version = ?")
        .params(reference, version).query((rs, n) -> rs.getBytes("pdf")).optional();
  }

  Optional<IssuedDocument> document(String reference, int version) {
    return jdbc.sql("select content_json from commissioning_document where reference = ? and doc_version = ?")
        .params(reference, version).query(String.class).optional()
        .map(json -> Json.read(json, IssuedDocument.class));
  }

  Optional<IssuedDocument> latest(String reference) {
    int last = lastVersion(reference);
    return last == 0 ? Optional.empty() : document(reference, last);
  }
}
