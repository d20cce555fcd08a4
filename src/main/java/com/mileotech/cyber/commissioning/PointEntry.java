package com.mileotech.cyber.commissioning;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/**
 * One control point of a checklist as the forms show and submit it (one item of the
 * {@code checklistSrv/Vms/Nvr/Cam} variables) and as the signed content records it. The
 * descriptive fields come from the catalogue; the others are what the technician found.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
class PointEntry {

  public String id;
  public String category;
  public String section;
  public String label;
  public String verify;

  public String status;
  public String comment;
  /** Non conforme: the date (yyyy-MM-dd, Paris) by which it is remediated. */
  public String remediationDeadline;
  public String justification;

  // Figures the guide sets, recorded on the points they concern (see Measure)
  public Integer criticalPatchDelayHours;
  public Integer vmsUpdateDeferralDays;
  public String tlsMinVersion;
  public Integer certificateValidityMonths;
  public Boolean defaultPasswordChanged;
  public Integer adminPasswordLength;
  public Boolean adminPasswordComplex;
  public Boolean telnetDisabled;
  public Boolean ftpDisabled;
  public Boolean httpsAvailable;
  public Boolean httpDisabled;
  public Boolean upnpDisabled;
  public Boolean bonjourDisabled;
  public Boolean onvifDiscoveryRequired;
  public Boolean onvifDiscoveryDisabled;

  /** Non-conformities closed by a re-verification: who, when, what was done. */
  public List<Reverification> reverifications;

  Status statusValue() {
    return Status.parse(status);
  }

  /** Copies what a person entered (not the catalogue's text) from {@code other}. */
  void takeFindingsFrom(PointEntry other) {
    status = other.status;
    comment = other.comment;
    remediationDeadline = other.remediationDeadline;
    justification = other.justification;
    criticalPatchDelayHours = other.criticalPatchDelayHours;
    vmsUpdateDeferralDays = other.vmsUpdateDeferralDays;
    tlsMinVersion = other.tlsMinVersion;
    certificateValidityMonths = other.certificateValidityMonths;
    defaultPasswordChanged = other.defaultPasswordChanged;
    adminPasswordLength = other.adminPasswordLength;
    adminPasswordComplex = other.adminPasswordComplex;
    telnetDisabled = other.telnetDisabled;
    ftpDisabled = other.ftpDisabled;
    httpsAvailable = other.httpsAvailable;
    httpDisabled = other.httpDisabled;
    upnpDisabled = other.upnpDisabled;
    bonjourDisabled = other.bonjourDisabled;
    onvifDiscoveryRequired = other.onvifDiscoveryRequired;
    onvifDiscoveryDisabled = other.onvifDiscoveryDisabled;
  }

  static PointEntry from(Catalogue.Point point) {
    PointEntry entry = new PointEntry();
    entry.id = point.id();
    entry.category = point.category();
    entry.section = point.section();
    entry.label = point.label();
    entry.verify = point.verify();
    return entry;
  }

  /** A closed non-conformity: the technician who re-verified it, when, and what was done. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Reverification(String by, String at, String finding, String deadline, String comment) {}

  List<Reverification> reverificationsOrEmpty() {
    return reverifications == null ? List.of() : reverifications;
  }

  void addReverification(Reverification r) {
    List<Reverification> list = new ArrayList<>(reverificationsOrEmpty());
    list.add(r);
    reverifications = list;
  }
}
