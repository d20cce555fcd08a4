package com.mileotech.cyber.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestClients;
import com.mileotech.cyber.reminder.RecordingReminders;
import com.mileotech.cyber.reminder.Reminders;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * As shipped, Mileo is not configured as a NIS2 entity (mileo.provider.nis2-entity false): an
 * incident that affects its own service and several clients opens the clients' duties only, and
 * tells nobody in Mileo's name. (The configured case: {@link MileoOwnDutiesTest}.)
 */
@IntegrationTest
class MileoProviderNotConfiguredTest {

  private static final Instant AWARENESS = Instant.parse("2026-06-02T07:00:00Z");

  @Autowired NotificationTestSupport support;
  @Autowired RuntimeService runtime;
  @Autowired Reminders reminders;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void setUp() {
    support.prepare();
    ((RecordingReminders) reminders).clear();
  }

  @Test
  void noDutyOfMileosWhenItIsNotANis2Entity() {
    ProcessInstance incident = support.qualifiedIncident(TestClients.OIV, false, "critique", "intrusion", AWARENESS,
        "alerte-supervision");
    // the same facts as a qualification saying Mileo's platform failed three clients, then assessed again
    runtime.setVariables(incident.getId(), Map.of("mileoServiceAffected", true,
        "mileoServiceParts", "plateforme-supervision,plusieurs-clients",
        "affectedClients", String.join(",", TestClients.OIV, TestClients.PLAIN, NotificationTestSupport.NIS2_CLIENT)));
    support.requalify(incident, Map.of());

    String reference = incident.getBusinessKey();
    assertThat(support.notification(incident, "ANSSI")).isNotNull(); // the client's own duty (OIV)
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference + "-ANSSI-MILEO").count())
        .isZero();
    assertThat(jdbc.sql("select obligor from regulatory_notification where incident_reference = ?").param(reference)
        .query(String.class).list()).containsExactly("client");
    assertThat(jdbc.sql("select count(*) from provider_recipient_notice where incident_reference = ?").param(reference)
        .query(Long.class).single()).isZero();
    assertThat(((RecordingReminders) reminders).calls(incident.getId()))
        .noneMatch(c -> c.name() != null && c.name().startsWith("provider-notice-"));
  }
}
