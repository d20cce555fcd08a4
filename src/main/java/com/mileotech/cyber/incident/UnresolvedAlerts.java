package com.mileotech.cyber.incident;

import com.mileotech.cyber.system.Published;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * For other features: a security alert not resolved in time is a security incident (PROC-CYB-005
 * §01), detection source {@code alerte-non-resolue}. The alert's id makes it idempotent: the same
 * alert reported again answers the incident already opened. Added for the security updates
 * feature (issue 10): a critical patch whose deadline passed.
 */
@Published
@Service
public class UnresolvedAlerts {

  private final SecurityIncidentIntake intake;

  UnresolvedAlerts(SecurityIncidentIntake intake) {
    this.intake = intake;
  }

  /**
   * The alert: client, sites, equipment, what is unresolved, when it became so, its id, and the
   * process variables that link the incident back to its origin (e.g. {@code securityUpdate}).
   */
  public record Alert(String clientId, List<String> siteIds, String equipment, String description, Instant detectedAt,
      String alertId, Map<String, Object> links) {}

  /** The reference of the security incident opened (or already opened) for the alert. */
  public String open(Alert alert) {
    SecurityIncidentReport report = new SecurityIncidentReport(alert.clientId(), alert.siteIds(),
        DetectionSource.UNRESOLVED_ALERT.code(), alert.equipment(), alert.description(), alert.detectedAt(), null,
        alert.alertId(), null);
    return intake.report(report, null, alert.links()).reference();
  }
}
