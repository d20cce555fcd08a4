package com.mileotech.cyber.events;

import com.mileotech.cyber.system.Published;
import java.util.Arrays;
import java.util.Optional;

/**
 * The steps of a case other tools can follow, as CloudEvents types ({@link #type()}, e.g.
 * {@code com.mileotech.cyber.security-incident.qualified}). The codes are a contract with the
 * subscribers: add types, never rename one (docs/events.md lists them).
 */
@Published
public enum EventType {
  SECURITY_INCIDENT_REPORTED("security-incident.reported"),
  SECURITY_INCIDENT_QUALIFIED("security-incident.qualified"),
  SECURITY_INCIDENT_CLOSED("security-incident.closed"),
  EVIDENCE_ADDED("security-incident.evidence-added"),
  EVIDENCE_VERIFICATION_FAILED("security-incident.evidence-verification-failed"),
  REGULATORY_REPORT_FILED("regulatory-report.filed"),
  CHECKLIST_ISSUED("commissioning.checklist-issued"),
  DEADLINE_NEAR("deadline.near"),
  DEADLINE_MISSED("deadline.missed");

  /** The prefix of every type: reverse DNS of Mileo, then the product. */
  public static final String PREFIX = "com.mileotech.cyber.";

  private final String code;

  EventType(String code) {
    this.code = code;
  }

  /** The short code, e.g. {@code security-incident.qualified}. */
  public String code() {
    return code;
  }

  /** The CloudEvents {@code type} attribute. */
  public String type() {
    return PREFIX + code;
  }

  /** The type of a full CloudEvents type or short code, if it is one of ours. */
  public static Optional<EventType> find(String typeOrCode) {
    String text = typeOrCode == null ? "" : typeOrCode.trim();
    return Arrays.stream(values()).filter(t -> t.type().equals(text) || t.code.equals(text)).findFirst();
  }
}
