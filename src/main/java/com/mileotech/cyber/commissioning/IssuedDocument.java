package com.mileotech.cyber.commissioning;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One issued version of the checklist document: the signed content, the signature, what this
 * version changed, and the history of the versions before it. Stored as JSON beside its PDF.
 *
 * @param contentSha256 SHA-256 of the content of this version (equals the signature's hash on the
 *     version that was signed; differs after a re-verification changed a point)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record IssuedDocument(
    int version,
    String reason,
    String issuedAt,
    SignedContent content,
    String contentSha256,
    Signature signature,
    List<VersionEntry> history,
    String comparedWith,
    List<Change> changes,
    String retainUntil) {

  /** The technician's signature: their authenticated identity, the time and the hash of what they signed. */
  record Signature(String userId, String name, String at, String sha256) {}

  /** A version issued before (or this one, last in the list). */
  record VersionEntry(int version, String issuedAt, String reason, String contentSha256) {}

  /** What changed since the previous checklist (annual audit): e.g. VMS-03, Non conforme → Conforme. */
  record Change(String subject, String before, String after) {}

  String fileName() {
    return "checklist-durcissement-" + content.reference() + "-v" + version + ".pdf";
  }
}
