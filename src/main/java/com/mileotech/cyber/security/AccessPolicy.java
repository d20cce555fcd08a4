package com.mileotech.cyber.security;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ_TASK;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;

/**
 * THE place where each group gets its Camunda authorizations: one row per (group, resource,
 * resource id, permissions). {@link AccessPolicyStep} creates them at start-up, idempotently.
 * Each process feature adds its rows here; nothing else in the code grants anything (task
 * candidates aside, which the engine grants itself: TASK_WORK on the task, see
 * default-user-permission-name-for-task; no history of it, enable-historic-instance-permissions
 * being off). Rows an earlier version granted beyond their purpose are withdrawn here too.
 *
 * <p>Client separation is not here: it is the tenant check (see ClientTenants).
 */
public final class AccessPolicy {

  /** One row of the table. {@code resourceId} "*" means every resource of that type. */
  public record Grant(Groups group, Resource resource, String resourceId, List<Permission> permissions) {}

  private static final List<Grant> GRANTS = new ArrayList<>();
  /** Permissions an earlier version granted and this one must take back from existing databases. */
  private static final List<Grant> WITHDRAWN = new ArrayList<>();

  static {
    // --- Webapps: Tasklist for everyone who works tasks; Cockpit for those who monitor ----------
    grant(Groups.TECHNICIANS, Resources.APPLICATION, "tasklist", ACCESS);
    grant(Groups.PROJECT_MANAGERS, Resources.APPLICATION, "tasklist", ACCESS);
    grant(Groups.PROJECT_MANAGERS, Resources.APPLICATION, "cockpit", ACCESS);
    grant(Groups.CYBER_REFERENT, Resources.APPLICATION, "tasklist", ACCESS);
    grant(Groups.CYBER_REFERENT, Resources.APPLICATION, "cockpit", ACCESS);
    grant(Groups.CLIENT_RSSI, Resources.APPLICATION, "tasklist", ACCESS);

    // --- Administrators: everything, including Admin, users, authorizations, deployments ------
    for (Resources resource : Resources.values()) {
      grant(Groups.ADMINISTRATORS, resource, "*", ALL);
    }

    // --- VMS commissioning checklist (GUID-PREM-003), process vms-commissioning -----------------
    // Project managers and technicians start it (Tasklist or POST /api/commissionings); the
    // referent and project managers follow it in Cockpit. Client RSSIs get nothing here: they
    // download the document through /api/commissionings/{reference}/document, for their client only.
    grant(Groups.TECHNICIANS, Resources.PROCESS_DEFINITION, "vms-commissioning", READ, CREATE_INSTANCE);
    grant(Groups.PROJECT_MANAGERS, Resources.PROCESS_DEFINITION, "vms-commissioning",
        READ, CREATE_INSTANCE, READ_INSTANCE, READ_HISTORY, READ_TASK);
    grant(Groups.CYBER_REFERENT, Resources.PROCESS_DEFINITION, "vms-commissioning",
        READ, READ_INSTANCE, READ_HISTORY, READ_TASK);
    grant(Groups.TECHNICIANS, Resources.PROCESS_INSTANCE, "*", CREATE);
    grant(Groups.PROJECT_MANAGERS, Resources.PROCESS_INSTANCE, "*", CREATE);

    // --- Integrations (service accounts): no webapp (ServiceAccountLoginFilter), no task, no
    // history, no grant at all. They feed the product only through our API (POST
    // /api/security-incidents, /api/security-updates), whose controllers admit them and start the
    // process themselves (PrivilegedCall): a CREATE_INSTANCE would also let them start it through
    // /engine-rest, bypassing the API's validation and de-duplication.

    // --- Regulatory notifications (cnil-notification, anssi-notification, and regulatory-report,
    // the block each of their reports runs in, as a called instance): started by the
    // incident process, never by hand. The referent and project managers follow them in
    // Cockpit; the referent records ANSSI's requests for an intermediate report through POST
    // /api/security-incidents/{ref}/notifications/anssi/intermediate-report-requests, which
    // correlates the message itself: no UPDATE_INSTANCE (it would also let them rewrite the
    // notification's variables or suspend it).
    for (String process : List.of("cnil-notification", "anssi-notification", "regulatory-report")) {
      grant(Groups.CYBER_REFERENT, Resources.PROCESS_DEFINITION, process,
          ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
          ProcessDefinitionPermissions.READ_HISTORY);
      grant(Groups.PROJECT_MANAGERS, Resources.PROCESS_DEFINITION, process,
          ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
          ProcessDefinitionPermissions.READ_HISTORY);
    }
    withdraw(Groups.CYBER_REFERENT, Resources.PROCESS_DEFINITION, "anssi-notification",
        ProcessDefinitionPermissions.UPDATE_INSTANCE);
    // Recurring incidents (recurring-incidents-review, issue 18): started by the incident's
    // assessment; the referent decides in its task (candidate group), both follow it in Cockpit.
    // Improvement actions of the lessons learned (improvement-action, issue 19): started by the
    // incident's approval; the owner works in the task assigned to them, the referent and project
    // managers (told when one is late) follow them all in Cockpit.
    for (Groups group : List.of(Groups.CYBER_REFERENT, Groups.PROJECT_MANAGERS)) {
      grant(group, Resources.PROCESS_DEFINITION, "improvement-action", ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
    }
    for (Groups group : List.of(Groups.CYBER_REFERENT, Groups.PROJECT_MANAGERS)) {
      grant(group, Resources.PROCESS_DEFINITION, "recurring-incidents-review", ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
    }
    grant(Groups.CYBER_REFERENT, Resources.DECISION_DEFINITION, "regulatory-obligations",
        Permissions.READ, Permissions.READ_HISTORY);
    // --- Security incidents (PROC-CYB-005, process security-incident) -------------------------
    // Staff report from Tasklist's start form; the supervision platform through POST
    // /api/security-incidents only (see Integrations above). The referent and project managers
    // follow every incident in Cockpit. Task work comes with the candidate groups.
    String securityIncident = "security-incident";
    grant(Groups.TECHNICIANS, Resources.PROCESS_DEFINITION, securityIncident, READ, CREATE_INSTANCE);
    grant(Groups.PROJECT_MANAGERS, Resources.PROCESS_DEFINITION, securityIncident,
        READ, CREATE_INSTANCE, READ_INSTANCE, READ_HISTORY);
    grant(Groups.CYBER_REFERENT, Resources.PROCESS_DEFINITION, securityIncident,
        READ, CREATE_INSTANCE, READ_INSTANCE, READ_HISTORY);
    withdraw(Groups.INTEGRATIONS, Resources.PROCESS_DEFINITION, securityIncident, CREATE_INSTANCE);
    for (Groups starter : List.of(Groups.TECHNICIANS, Groups.PROJECT_MANAGERS, Groups.CYBER_REFERENT)) {
      grant(starter, Resources.PROCESS_INSTANCE, "*", CREATE);
    }
    withdraw(Groups.INTEGRATIONS, Resources.PROCESS_INSTANCE, "*", CREATE);

    // --- Client RSSI: their own client's cases, read-only (tasks come with the candidate groups).
    // The grants name every client's processes; the tenant check narrows them to the RSSI's own
    // client, so another client's instances, history and variables stay invisible, and unknown by
    // id (TenantScopedEntityManager). READ on a definition does not open its start form: an RSSI
    // starts nothing (StartFormsForStarters).
    for (String process : List.of(securityIncident, "cnil-notification", "anssi-notification", "regulatory-report",
        "vms-commissioning", "security-update-client", "equipment-replacement", "hardening-reverification",
        "improvement-action")) {
      grant(Groups.CLIENT_RSSI, Resources.PROCESS_DEFINITION, process, READ, READ_INSTANCE, READ_HISTORY);
    }
    // Camunda lets a group's members read the group; the RSSIs of all clients share one, and reading
    // it told an RSSI which accounts are other clients' RSSIs (GET /engine-rest/group?member=rssi.x).
    withdraw(Groups.CLIENT_RSSI, Resources.GROUP, Groups.CLIENT_RSSI_ID, READ);

    // --- Security updates (GUID-PREM-003 §01, §03; issue 10) -------------------------------------
    // Staff publish an update from Tasklist's start form (security-update); a maker's or CERT feed
    // through POST /api/security-updates only (see Integrations above). The
    // per-client work (security-update-client), the shared replacement plan (equipment-replacement)
    // and the hardening re-verifications (hardening-reverification) are started by the processes
    // themselves, in jobs. The referent and project managers follow all of them in Cockpit.
    grant(Groups.TECHNICIANS, Resources.PROCESS_DEFINITION, "security-update", READ, CREATE_INSTANCE);
    grant(Groups.PROJECT_MANAGERS, Resources.PROCESS_DEFINITION, "security-update",
        READ, CREATE_INSTANCE, READ_INSTANCE, READ_HISTORY);
    grant(Groups.CYBER_REFERENT, Resources.PROCESS_DEFINITION, "security-update",
        READ, CREATE_INSTANCE, READ_INSTANCE, READ_HISTORY);
    withdraw(Groups.INTEGRATIONS, Resources.PROCESS_DEFINITION, "security-update", CREATE_INSTANCE);
    for (String process : List.of("security-update-client", "equipment-replacement", "hardening-reverification")) {
      grant(Groups.PROJECT_MANAGERS, Resources.PROCESS_DEFINITION, process, READ, READ_INSTANCE, READ_HISTORY);
      grant(Groups.CYBER_REFERENT, Resources.PROCESS_DEFINITION, process, READ, READ_INSTANCE, READ_HISTORY);
    }
  }

  private AccessPolicy() {}

  private static void grant(Groups group, Resource resource, String resourceId, Permission... permissions) {
    GRANTS.add(new Grant(group, resource, resourceId, List.of(permissions)));
  }

  private static void withdraw(Groups group, Resource resource, String resourceId, Permission... permissions) {
    WITHDRAWN.add(new Grant(group, resource, resourceId, List.of(permissions)));
  }

  public static List<Grant> grants() {
    return Collections.unmodifiableList(GRANTS);
  }

  /** Removed at every start wherever present, even when an administrator added them back by hand. */
  public static List<Grant> withdrawn() {
    return Collections.unmodifiableList(WITHDRAWN);
  }
}
