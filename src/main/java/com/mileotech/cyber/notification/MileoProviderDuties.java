package com.mileotech.cyber.notification;

import static com.mileotech.cyber.notification.NotificationVariables.*;

import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.incident.SecurityIncidentVariables;
import com.mileotech.cyber.reminder.Audience;
import com.mileotech.cyber.reminder.Notice;
import com.mileotech.cyber.reminder.Reminders;
import com.mileotech.cyber.security.Groups;
import com.mileotech.cyber.security.PrivilegedCall;
import com.mileotech.cyber.system.FormValues;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.Tenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Mileo's own duties as a managed service provider that is a NIS2 entity ({@link ProviderProperties}),
 * assessed beside the clients' at qualification and after each re-qualification: when the
 * qualification says Mileo's own service is affected and the incident is significant by the rule
 * table for Mileo's regime,
 * <ul>
 *   <li>Mileo's own ANSSI clock: an anssi-notification instance {@code <ref>-ANSSI-MILEO} in Mileo's
 *       tenant (staff only), its register row with obligor {@value #OBLIGOR}. Mileo is the entity:
 *       aware at its own awareness, with no client to inform, the instance starts at the regime's
 *       gateway (its early warning, notification and final report as for any NIS2 entity);</li>
 *   <li>NIS2 art. 23(1)'s notice to the recipients of the service: a mail to the RSSI of every
 *       affected client (the incident's own and those the referent chose), through the outbox, once
 *       per incident and client, recorded with who decided (the qualifying referent) and when.</li>
 * </ul>
 * A provider not configured as a NIS2 entity opens nothing. An exercise rehearses all of it, flagged.
 */
@Service
class MileoProviderDuties {

  static final String OBLIGOR = "mileo";
  /** Where Mileo's own instance starts: the choice of procedure by regime (after informing a client). */
  static final String ENTRY = "Gateway_AnssiProcedure";
  static final String NOTICE_TEMPLATE = "provider-service-notice";
  private static final Logger LOG = LoggerFactory.getLogger(MileoProviderDuties.class);

  private final ProviderProperties provider;
  private final RegulatoryObligations obligations;
  private final NotificationRegister register;
  private final ProviderNotices notices;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final PrivilegedCall privileged;
  private final Reminders reminders;
  private final ClientRepository clients;

  MileoProviderDuties(ProviderProperties provider, RegulatoryObligations obligations, NotificationRegister register,
      ProviderNotices notices, RuntimeService runtime, IdentityService identity, PrivilegedCall privileged,
      Reminders reminders, ClientRepository clients) {
    this.provider = provider;
    this.obligations = obligations;
    this.register = register;
    this.notices = notices;
    this.runtime = runtime;
    this.identity = identity;
    this.privileged = privileged;
    this.reminders = reminders;
    this.clients = clients;
  }

  /** Mileo's own notification's id (register and business key). */
  static String notificationId(String reference) {
    return reference + "-ANSSI-" + OBLIGOR.toUpperCase();
  }

  /** Opens what applies and is not open yet; returns Mileo's notification id, or null when none is owed. */
  String assess(DelegateExecution incident) {
    if (!provider.nis2Entity()
        || !Boolean.TRUE.equals(SecurityIncidentVariables.MILEO_SERVICE_AFFECTED.get(incident))) {
      return null;
    }
    // the same rule table as the clients', for Mileo's own regime: a significant incident only
    RegulatoryObligations.Obligation anssi = obligations.decide(false, SEVERITY.text(incident), NATURE.text(incident),
        provider.regime().name()).stream().filter(o -> "ANSSI".equals(o.authority())).findFirst().orElse(null);
    if (anssi == null) {
      return null;
    }
    String reference = REFERENCE.get(incident);
    String id = notificationId(reference);
    boolean exercise = Boolean.TRUE.equals(EXERCISE.get(incident));
    if (!register.exists(id)) {
      open(incident, id, reference, anssi, exercise);
    }
    notifyRecipients(incident, id, reference, exercise);
    return id;
  }

  private void open(DelegateExecution incident, String id, String reference, RegulatoryObligations.Obligation anssi,
      boolean exercise) {
    Date awareness = AWARENESS_AT.get(incident);
    String legalBasis = "NIS2 art. 23 : " + provider.name() + ", fournisseur de services gérés ("
        + provider.regime().label().toLowerCase(java.util.Locale.FRENCH) + "), incident important affectant son propre service";
    register.createProviderDuty(id, reference, provider.id(), "ANSSI", anssi.procedure(), legalBasis,
        awareness.toInstant(), OBLIGOR, exercise);
    ensureTenant();
    Map<String, Object> variables = new HashMap<>();
    COPIED_FROM_INCIDENT.forEach(variable -> variable.copy(incident, variables));
    CLIENT_ID.put(variables, provider.id()); // Mileo's tenant: staff only, never a client's RSSI
    CLIENT_NAME.put(variables, provider.name());
    NOTIFICATION_ID.put(variables, id);
    INCIDENT_PROCESS_INSTANCE_ID.put(variables, incident.getProcessInstanceId());
    AWARENESS_AT.put(variables, awareness);
    // Mileo is the entity: its awareness is the entity's, where both clocks start
    CLIENT_AWARENESS_AT.put(variables, awareness);
    EARLIEST_AWARENESS_AT.put(variables, awareness);
    AUTHORITY.put(variables, "ANSSI");
    PROCEDURE.put(variables, anssi.procedure());
    LEGAL_BASIS.put(variables, legalBasis);
    CLIENT_REGIME.put(variables, provider.regime().name());
    CLIENT_REGIME_LABEL.put(variables, provider.regime().label());
    String processInstanceId = runtime.createProcessInstanceByKey(ANSSI_PROCESS).businessKey(id)
        .setVariables(variables).startBeforeActivity(ENTRY).execute().getId();
    register.processInstance(id, processInstanceId);
    LOG.info("Security incident {}: Mileo's own ANSSI notification started ({})", reference, anssi.procedure());
  }

  /** NIS2 art. 23(1): every affected client's RSSI told, once each. */
  private void notifyRecipients(DelegateExecution incident, String id, String reference, boolean exercise) {
    Set<String> affected = new LinkedHashSet<>(
        FormValues.strings(SecurityIncidentVariables.AFFECTED_CLIENTS.get(incident)));
    if (affected.isEmpty()) {
      affected.add(CLIENT_ID.get(incident));
    }
    String decidedBy = SecurityIncidentVariables.QUALIFIED_BY.get(incident);
    for (String clientId : affected) {
      if (notices.exists(reference, clientId) || clients.find(clientId).isEmpty()) {
        continue;
      }
      String key = "provider-notice-" + clientId;
      Notice notice = Notice.of(NOTICE_TEMPLATE, Audience.CLIENT_RSSI).toClient(clientId)
          .with("title", "Incident affectant le service de " + provider.name())
          .with("providerName", provider.name())
          .with("serviceParts", SecurityIncidentVariables.MILEO_SERVICE_PARTS_LABEL.get(incident))
          .with("awarenessAt", AWARENESS_AT.get(incident))
          .with("severity", SEVERITY_LABEL.get(incident))
          .with("measures", "Surveillez les accès à votre système vidéo ; nous vous tiendrons informés des mesures prises.")
          .with("providerContact", provider.contact());
      reminders.inform(incident, key, notice);
      notices.record(new ProviderNotices.Notice(reference, clientId, id, decidedBy, RegulatoryObligations.now(),
          key, exercise));
    }
  }

  /** Mileo's own tenant, of which every staff group is a member (and no client's RSSI). */
  private void ensureTenant() {
    privileged.call(() -> {
      if (identity.createTenantQuery().tenantId(provider.id()).count() == 0) {
        Tenant tenant = identity.newTenant(provider.id());
        tenant.setName(provider.name());
        identity.saveTenant(tenant);
      }
      for (Groups staff : Groups.staff()) {
        if (identity.createTenantQuery().tenantId(provider.id()).groupMember(staff.id()).count() == 0) {
          identity.createTenantGroupMembership(provider.id(), staff.id());
        }
      }
      return null;
    });
  }

  List<ProviderNotices.Notice> notices(String reference) {
    return notices.forIncident(reference);
  }
}
