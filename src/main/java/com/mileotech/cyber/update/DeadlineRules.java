package com.mileotech.cyber.update;

/**
 * The keys under {@code mileo.deadlines} this feature uses (their spans, reminders and escalation
 * are configuration). A critical patch: 72 h after publication (GUID-PREM-003 §01), whatever its
 * kind; a VMS update otherwise: 30 days; anything else: the configured default.
 */
final class DeadlineRules {

  static final String CRITICAL_PATCH = "security-patch-critical";
  static final String VMS_UPDATE = "vms-update";
  static final String DEFAULT = "security-update";
  static final String REVERIFICATION = "hardening-reverification";

  private DeadlineRules() {}
}
