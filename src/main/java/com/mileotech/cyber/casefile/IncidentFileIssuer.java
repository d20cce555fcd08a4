package com.mileotech.cyber.casefile;

import com.mileotech.cyber.incident.SecurityIncidentAccount;
import com.mileotech.cyber.system.Moments;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes a version of the incident file: renders it from the incident's record as it stands, stores
 * it beside the earlier ones (kept), once per cause: the same cause again (a retried job) returns
 * the version it already made.
 */
@Component
class IncidentFileIssuer {

  private final IncidentFiles files;
  private final IncidentFilePdf pdf;
  private final SecurityIncidentAccount incidents;
  private final Moments moments;

  IncidentFileIssuer(IncidentFiles files, IncidentFilePdf pdf, SecurityIncidentAccount incidents, Moments moments) {
    this.files = files;
    this.pdf = pdf;
    this.incidents = incidents;
    this.moments = moments;
  }

  /**
   * The version made for {@code triggerKey} (made now unless it exists).
   *
   * @param generatedBy the user whose decision caused it (the approver, the referent who regenerates)
   */
  @Transactional
  int issue(String reference, String triggerKey, String reason, String generatedBy) {
    Integer existing = files.versionFor(reference, triggerKey).orElse(null);
    if (existing != null) {
      return existing;
    }
    String clientId = incidents.clientOf(reference).orElseThrow(
        () -> new IllegalStateException("Security incident " + reference + " is not in the register"));
    List<IncidentFiles.Version> earlier = files.versions(reference);
    int version = earlier.size() + 1;
    var now = moments.now();
    IncidentFilePdf.Rendered rendered = pdf.render(new IncidentFilePdf.Issue(reference, version, reason, now,
        incidents.person(generatedBy), false, earlier));
    files.insert(new IncidentFiles.Version(reference, version, clientId, reason, fileName(reference, version),
        IncidentFilePdf.sha256(rendered.pdf()), rendered.contentSha256(), generatedBy == null ? "systeme" : generatedBy,
        now), triggerKey, rendered.pdf());
    return version;
  }

  /** A draft of the next version, not stored: what the approver is about to approve. */
  byte[] preview(String reference, String viewer) {
    List<IncidentFiles.Version> earlier = files.versions(reference);
    return pdf.render(new IncidentFilePdf.Issue(reference, earlier.size() + 1, "Projet soumis à approbation",
        moments.now(), incidents.person(viewer), true, earlier)).pdf();
  }

  int versionsOf(String reference) {
    return files.lastVersion(reference);
  }

  static String fileName(String reference, int version) {
    return "dossier-incident-" + reference + "-v" + version + ".pdf";
  }
}
