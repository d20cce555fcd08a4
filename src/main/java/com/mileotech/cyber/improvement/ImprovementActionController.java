package com.mileotech.cyber.improvement;

import com.mileotech.cyber.incident.SecurityIncidentAccount;
import com.mileotech.cyber.security.CurrentUser;
import com.mileotech.cyber.security.Groups;
import com.mileotech.cyber.system.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The improvement actions of a security incident's lessons-learned report: who may see the
 * incident sees them (staff, and the RSSI of its client); for anyone else the incident does not
 * exist (404, as an unknown one).
 */
@RestController
class ImprovementActionController {

  private static final Groups[] READERS = {Groups.TECHNICIANS, Groups.PROJECT_MANAGERS, Groups.CYBER_REFERENT,
      Groups.ADMINISTRATORS, Groups.CLIENT_RSSI};

  private final ImprovementActions actions;
  private final CurrentUser currentUser;
  private final SecurityIncidentAccount incidents;

  ImprovementActionController(ImprovementActions actions, CurrentUser currentUser, SecurityIncidentAccount incidents) {
    this.actions = actions;
    this.currentUser = currentUser;
    this.incidents = incidents;
  }

  @GetMapping("/api/security-incidents/{reference}/improvement-actions")
  List<Map<String, Object>> list(@PathVariable String reference) {
    currentUser.require(READERS);
    String tenant = incidents.tenantOf(reference).orElse(null);
    if (tenant == null || !currentUser.canSeeClient(tenant)) {
      throw ApiException.notFound("Incident de sécurité inconnu : " + reference);
    }
    return actions.forIncident(reference).stream().map(ImprovementActionController::json).toList();
  }

  private static Map<String, Object> json(ImprovementAction a) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", a.id());
    json.put("reference", a.reference());
    json.put("position", a.position());
    json.put("label", a.label());
    json.put("owner", a.owner());
    json.put("ownerName", a.ownerName());
    json.put("dueAt", a.dueAt());
    json.put("status", a.status().code());
    json.put("statusLabel", a.status().label());
    json.put("closedBy", a.closedBy());
    json.put("closedAt", a.closedAt());
    json.put("whatWasDone", a.whatWasDone());
    json.put("effectCheck", a.effectCheck());
    json.put("evidenceReference", a.evidenceReference());
    return json;
  }
}
