package com.mileotech.cyber.playbook;

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
 * {@code GET /api/security-incidents/{ref}/playbook}: the playbook version an incident follows and
 * the actions recorded. Who may read it follows the incident: staff, and the RSSI of its client;
 * for anyone else the incident does not exist (404).
 */
@RestController
class PlaybookController {

  private static final Groups[] READERS = {Groups.TECHNICIANS, Groups.PROJECT_MANAGERS, Groups.CYBER_REFERENT,
      Groups.ADMINISTRATORS, Groups.CLIENT_RSSI};

  private final PlaybookActions actions;
  private final CurrentUser currentUser;
  private final SecurityIncidentAccount incidents;

  PlaybookController(PlaybookActions actions, CurrentUser currentUser, SecurityIncidentAccount incidents) {
    this.actions = actions;
    this.currentUser = currentUser;
    this.incidents = incidents;
  }

  @GetMapping("/api/security-incidents/{reference}/playbook")
  Map<String, Object> playbook(@PathVariable String reference) {
    currentUser.require(READERS);
    visibleIncident(reference);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("reference", reference);
    actions.followed(reference).ifPresentOrElse(f -> {
      body.put("playbookId", f.playbookId());
      body.put("playbookVersion", f.playbookVersion());
      body.put("title", f.title());
      body.put("inForce", f.inForce());
      body.put("chosenAt", f.chosenAt().toString());
    }, () -> body.put("playbookId", null));
    List<Map<String, Object>> recorded = actions.recorded(reference).stream().map(PlaybookController::json).toList();
    body.put("actions", recorded);
    return body;
  }

  private static Map<String, Object> json(RecordedAction action) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("phase", action.phase().name());
    row.put("phaseLabel", action.phaseLabel());
    row.put("round", action.round());
    row.put("nature", action.natureCode());
    row.put("actionCode", action.actionCode());
    row.put("label", action.label());
    row.put("status", action.status().name());
    row.put("statusLabel", action.statusLabel());
    row.put("comment", action.comment());
    row.put("recordedBy", action.recordedBy());
    row.put("recordedByName", action.recordedByName());
    row.put("recordedAt", action.recordedAt().toString());
    row.put("playbookId", action.playbookId());
    row.put("playbookVersion", action.playbookVersion());
    return row;
  }

  /** 404 for an unknown incident and for one of another client alike: references are not to be guessed. */
  private void visibleIncident(String reference) {
    String tenant = incidents.tenantOf(reference).orElse(null);
    if (tenant == null || !currentUser.canSeeClient(tenant)) {
      throw ApiException.notFound("Incident de sécurité inconnu : " + reference);
    }
  }
}
