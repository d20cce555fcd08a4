package com.mileotech.cyber.commissioning;

import static com.mileotech.cyber.system.DbTime.instant;
import static com.mileotech.cyber.system.DbTime.utc;

import com.mileotech.cyber.system.Published;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What other features may read of the issued checklist documents: for each checklist, what the
 * technician signed (its first version) and what stands now (its latest version, after
 * re-verifications), point by point. Reads, never writes; the documents' table and JSON stay
 * this feature's.
 */
@Published
@Component
public class IssuedChecklists {

  private final JdbcClient jdbc;
  private final Map<String, Map<String, String>> categoryLabels = new ConcurrentHashMap<>();

  public IssuedChecklists(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * One checklist: who signed it and when (version 1), the site and the version standing now,
   * the points as signed and as they stand, and the categories of its catalogue (id → French
   * label, in the guide's order; empty for a catalogue this version does not ship).
   *
   * @param previousReference the checklist an annual audit follows, null for a commissioning
   */
  public record IssuedChecklist(String reference, String previousReference, String clientId, String siteName,
      Instant signedAt, String signerName, int standingVersion, List<CheckedPoint> signedPoints,
      List<CheckedPoint> standingPoints, Map<String, String> categories) {}

  /** One control point: its status (null when not assessed) and, non conforme, its remediation deadline. */
  public record CheckedPoint(String id, String category, String label, Status status, LocalDate remediationDeadline) {}

  /** The checklists of {@code clients} first signed in [{@code start}, {@code end}), by signature time. */
  public List<IssuedChecklist> firstSignedIn(Instant start, Instant end, List<String> clients) {
    if (clients.isEmpty()) {
      return List.of();
    }
    Map<String, Row> first = new LinkedHashMap<>();
    Map<String, Row> latest = new LinkedHashMap<>();
    jdbc.sql("""
        select d.reference, d.doc_version, d.client_id, d.signed_by, d.signed_at, d.content_json
        from commissioning_document d
        where d.reference in (select f.reference from commissioning_document f
            where f.doc_version = 1 and f.signed_at >= :start and f.signed_at < :end and f.client_id in (:clients))
          and (d.doc_version = 1 or d.doc_version =
            (select max(m.doc_version) from commissioning_document m where m.reference = d.reference))
        order by d.signed_at, d.reference, d.doc_version""")
        .param("start", utc(start)).param("end", utc(end)).param("clients", clients)
        .query((rs, n) -> new Row(rs.getString("reference"), rs.getInt("doc_version"), rs.getString("client_id"),
            rs.getString("signed_by"), instant(rs, "signed_at"), Json.read(rs.getString("content_json"),
                IssuedDocument.class)))
        .list()
        .forEach(row -> {
          if (row.version() == 1) {
            first.put(row.reference(), row);
          }
          latest.merge(row.reference(), row, (a, b) -> a.version() >= b.version() ? a : b);
        });
    List<IssuedChecklist> checklists = new ArrayList<>();
    for (Row signed : first.values()) {
      Row standing = latest.get(signed.reference());
      SignedContent content = standing.document().content();
      IssuedDocument.Signature signature = signed.document().signature();
      checklists.add(new IssuedChecklist(signed.reference(), blankToNull(content == null ? null : content.previousReference()),
          signed.clientId(), blankToNull(content == null ? null : content.siteName()), signed.signedAt(),
          Objects.requireNonNullElse(blankToNull(signature == null ? null : signature.name()), signed.signedBy()),
          standing.version(), points(signed.document().content()), points(content),
          content == null ? Map.of() : categories(content.catalogueSource(), content.catalogueVersion())));
    }
    return checklists;
  }

  private record Row(String reference, int version, String clientId, String signedBy, Instant signedAt,
      IssuedDocument document) {}

  private static List<CheckedPoint> points(SignedContent content) {
    if (content == null || content.points() == null) {
      return List.of();
    }
    return content.points().stream().map(p -> new CheckedPoint(p.id, p.category, blankToNull(p.label), p.statusValue(),
        blankToNull(p.remediationDeadline) == null ? null : LocalDate.parse(p.remediationDeadline))).toList();
  }

  /** The categories of a catalogue version (id → French label, in the guide's order), empty when unknown. */
  Map<String, String> categories(String source, String version) {
    return categoryLabels.computeIfAbsent(source + "-" + version, name -> {
      Map<String, String> labels = new LinkedHashMap<>();
      if (IssuedChecklists.class.getResource("/commissioning/catalogue/" + name + ".json") != null) {
        Catalogues.read(name).categories().forEach(c -> labels.put(c.id(), c.label()));
      }
      return labels;
    });
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
