package com.mileotech.cyber.notification;

import com.mileotech.cyber.security.CurrentUser;
import com.mileotech.cyber.security.Groups;
import com.mileotech.cyber.security.PrivilegedCall;
import com.mileotech.cyber.system.ApiException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The register of one incident's regulatory notifications, for the client's file and for audits,
 * and the recording of an ANSSI request for an intermediate report.
 */
@RestController
class NotificationController {

  private final NotificationRegister register;
  private final CurrentUser currentUser;
  private final HistoryService history;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final PrivilegedCall privileged;

  NotificationController(NotificationRegister register, CurrentUser currentUser, HistoryService history,
      RuntimeService runtime, IdentityService identity, PrivilegedCall privileged) {
    this.register = register;
    this.currentUser = currentUser;
    this.history = history;
    this.runtime = runtime;
    this.identity = identity;
    this.privileged = privileged;
  }

  /** Each obligation with its reports: due date, filing time, receipt reference, on time or late and why. */
  @GetMapping("/api/security-incidents/{reference}/notifications")
  List<NotificationRegister.Notification> notifications(@PathVariable String reference) {
    currentUser.require(Groups.TECHNICIANS, Groups.PROJECT_MANAGERS, Groups.CYBER_REFERENT, Groups.ADMINISTRATORS,
        Groups.CLIENT_RSSI);
    requireVisibleIncident(reference);
    // Mileo's own duty (issue 18) is in Mileo's name, not the client's: staff only
    return register.forIncident(reference).stream().filter(n -> currentUser.canSeeClient(n.clientId())).toList();
  }

  /** ANSSI asked for an intermediate report (NIS2 art. 23(4)(c)): the referent records the request. */
  @PostMapping("/api/security-incidents/{reference}/notifications/anssi/intermediate-report-requests")
  ResponseEntity<Map<String, String>> intermediateReportRequested(@PathVariable String reference) {
    currentUser.require(Groups.CYBER_REFERENT, Groups.ADMINISTRATORS);
    requireVisibleIncident(reference);
    String businessKey = reference + "-ANSSI";
    // the referent holds no UPDATE_INSTANCE on anssi-notification (it would also let them rewrite
    // its variables or suspend it): their right to record this request was checked above
    var correlated = privileged.call(() -> runtime.createMessageCorrelation("AnssiIntermediateReportRequested")
        .processInstanceBusinessKey(businessKey).correlateAllWithResult());
    if (correlated.isEmpty()) {
      throw ApiException.conflict("Aucune notification ANSSI en cours pour l'incident " + reference);
    }
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(Map.of("reference", reference, "message", "Demande de rapport intermédiaire enregistrée"));
  }

  /** 404 for an unknown incident and for one of another client alike: ids are not to be guessed. */
  private void requireVisibleIncident(String reference) {
    String clientId = incidentClient(reference);
    if (clientId == null || !currentUser.canSeeClient(clientId)) {
      throw ApiException.notFound("Incident de sécurité inconnu : " + reference);
    }
  }

  /** The incident's client, looked up as the application (the caller's rights are checked after). */
  private String incidentClient(String reference) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference).list().stream()
          .map(HistoricProcessInstance::getTenantId).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }
}
