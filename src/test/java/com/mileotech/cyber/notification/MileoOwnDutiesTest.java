package com.mileotech.cyber.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.mileotech.cyber.TestClients;
import com.mileotech.cyber.TestSupport;
import com.mileotech.cyber.TestUsers;
import com.mileotech.cyber.client.Client;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.client.ClientService;
import com.mileotech.cyber.client.ContractType;
import com.mileotech.cyber.client.RegulatoryRegime;
import com.mileotech.cyber.reminder.Notice;
import com.mileotech.cyber.reminder.RecordingReminders;
import com.mileotech.cyber.reminder.Reminders;
import com.mileotech.cyber.security.Groups;
import com.mileotech.cyber.system.References;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Mileo's own duties as a managed service provider that is a NIS2 entity (mileo.provider.nis2-entity
 * true, in an application of its own): an incident on its supervision platform affecting three
 * clients opens Mileo's own ANSSI clock beside the client's, in Mileo's tenant, and tells each
 * client's RSSI once (NIS2 art. 23(1)), recorded; an exercise rehearses the same, every mail marked.
 */
// its own engine and database (the provider switch is configuration, read at start)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"camunda.bpm.process-engine-name=providercheck", "camunda.bpm.job-execution.enabled=false",
        "mileo.provider.nis2-entity=true", "mileo.provider.regime=NIS2_ESSENTIAL",
        "mileo.provider.contact-email=cyber@mileo.example",
        "spring.datasource.url=jdbc:h2:mem:mileo-provider-test;DB_CLOSE_DELAY=-1"})
@ActiveProfiles("test")
@Import(TestSupport.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@Tag("own-engine")
class MileoOwnDutiesTest {

  private static final Instant AWARENESS = Instant.parse("2026-06-01T07:00:00Z"); // 09:00 in Paris
  static final String THIRD = "client-troisieme";
  static final String THIRD_RSSI = "rssi.troisieme";
  static final String REFERENT = "referent.provider";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService taskService;
  @Autowired NotificationTestSupport support;
  @Autowired ClientRepository clients;
  @Autowired ClientService clientService;
  @Autowired References references;
  @Autowired Reminders reminders;
  @Autowired JdbcClient jdbc;
  @Autowired org.springframework.boot.test.web.client.TestRestTemplate http;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    support.prepare();
    TestUsers.ensure(engine.getIdentityService(), THIRD_RSSI, Groups.CLIENT_RSSI);
    if (!clients.exists(THIRD)) {
      clientService.create(new Client(THIRD, "Client Troisième", RegulatoryRegime.NONE,
          new Client.Contract(ContractType.STANDARD, LocalDate.of(2025, 1, 1), LocalDate.of(2030, 1, 1)),
          List.of(new Client.Contact("RSSI Troisième", THIRD_RSSI + "@test.example", null, THIRD_RSSI)), null,
          List.of(new Client.Site("entrepot", "Entrepôt", null))));
    }
    ClockUtil.setCurrentTime(Date.from(AWARENESS.plus(Duration.ofMinutes(10))));
    ((RecordingReminders) reminders).clear();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void anIncidentOnTheSupervisionPlatformOpensMileosOwnClockAndTellsThreeClients() {
    ProcessInstance incident = incident(TestClients.OIV, List.of(TestClients.OIV, TestClients.PLAIN, THIRD), false);
    String reference = incident.getBusinessKey();

    // the client's own duty (OIV) and, beside it, Mileo's own
    assertThat(support.notification(incident, "ANSSI")).isNotNull();
    ProcessInstance mileo = mileoDuty(reference);
    assertThat(mileo).isNotNull();
    assertThat(mileo.getTenantId()).isEqualTo("mileo");
    assertThat(runtime.getVariable(mileo.getId(), "clientName")).isEqualTo("Mileo Technology");
    assertThat(runtime.getVariable(mileo.getId(), "clientRegime")).isEqualTo("NIS2_ESSENTIAL");
    // Mileo is the entity: no client to inform, its early warning's clock runs from its own awareness
    assertThat(mileo).isWaitingAt("Task_IssueEarlyWarning");
    assertThat(runtime.getVariable(mileo.getId(), "earlyWarningDueAt"))
        .isEqualTo(Date.from(AWARENESS.plus(Duration.ofHours(24))));
    assertThat(support.report(mileo, "alerte-precoce")).isWaitingAt("Task_DraftReport");

    // the register: Mileo's own row beside the client's
    assertThat(jdbc.sql("""
        select id, client_id, obligor, exercise from regulatory_notification where incident_reference = ? order by id""")
        .param(reference).query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " "
            + rs.getBoolean(4)).list())
        .containsExactly(reference + "-ANSSI client-oiv client false", reference + "-ANSSI-MILEO mileo mileo false");

    // NIS2 art. 23(1): each affected client's RSSI told through the outbox, recorded with who decided
    assertThat(jdbc.sql("""
        select client_id || ' ' || notification_id || ' ' || decided_by from provider_recipient_notice
        where incident_reference = ? order by client_id""").param(reference).query(String.class).list())
        .containsExactly(TestClients.OIV + " " + reference + "-ANSSI-MILEO " + REFERENT,
            TestClients.PLAIN + " " + reference + "-ANSSI-MILEO " + REFERENT,
            THIRD + " " + reference + "-ANSSI-MILEO " + REFERENT);
    List<Map<String, Object>> mails = noticeMails(incident);
    assertThat(mails).extracting(m -> m.get("client_id") + " " + m.get("recipients")).containsExactlyInAnyOrder(
        TestClients.OIV + " " + TestClients.OIV_RSSI + "@test.example",
        TestClients.PLAIN + " " + TestClients.PLAIN_RSSI + "@test.example",
        THIRD + " " + THIRD_RSSI + "@test.example");
    assertThat(mails).allSatisfy(m -> {
      assertThat(m.get("subject")).isEqualTo("Incident affectant le service de Mileo Technology — " + reference);
      assertThat((String) m.get("body_text")).contains("NIS2, article 23, paragraphe 1")
          .contains("plateforme de supervision, plusieurs clients à la fois").contains("cyber@mileo.example")
          .doesNotContain("EXERCICE");
    });

    // a re-qualification assesses again: nothing opened twice, nobody told twice
    support.requalify(incident, Map.of());
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("anssi-notification")
        .processInstanceBusinessKey(reference + "-ANSSI-MILEO").count())
        .isEqualTo(1);
    assertThat(noticeMails(incident)).hasSize(3);
    assertThat(jdbc.sql("select count(*) from provider_recipient_notice where incident_reference = ?")
        .param(reference).query(Long.class).single()).isEqualTo(3);

    // Mileo's own duty is Mileo's: a client's RSSI sees none of its tasks
    ProcessInstance report = support.report(mileo, "alerte-precoce");
    engine.getIdentityService().setAuthentication(TestClients.OIV_RSSI, List.of(Groups.CLIENT_RSSI.id()),
        List.of(TestClients.OIV));
    try {
      assertThat(taskService.createTaskQuery().processInstanceId(report.getId()).count()).isZero();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(taskService.createTaskQuery().processInstanceId(report.getId()).singleResult().getTenantId())
        .isEqualTo("mileo");

    // the register over HTTP: staff see Mileo's own duty beside the client's, the client's RSSI only the client's
    TestUsers.ensure(engine.getIdentityService(), REFERENT, Groups.CYBER_REFERENT);
    String path = "/api/security-incidents/" + reference + "/notifications";
    assertThat(http.withBasicAuth(REFERENT, TestUsers.PASSWORD).getForObject(path, String.class))
        .contains(reference + "-ANSSI\"", reference + "-ANSSI-MILEO");
    assertThat(http.withBasicAuth(TestClients.OIV_RSSI, TestUsers.PASSWORD).getForObject(path, String.class))
        .contains(reference + "-ANSSI\"").doesNotContain("MILEO");
  }

  @Test
  void aServiceNotAffectedOrAMinorIncidentOpensNoDutyOfMileos() {
    ProcessInstance notAffected = incident(TestClients.PLAIN, null, false);
    assertThat(mileoDuty(notAffected.getBusinessKey())).isNull();
    assertThat(noticeMails(notAffected)).isEmpty();

    Map<String, Object> minor = facts(TestClients.PLAIN, List.of(TestClients.PLAIN, THIRD), false);
    minor.put("severity", "mineur");
    ProcessInstance minorIncident = start(minor);
    assertThat(mileoDuty(minorIncident.getBusinessKey())).isNull();
    assertThat(noticeMails(minorIncident)).isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void anExerciseRehearsesMileosDutyWithEveryMailMarked() {
    ProcessInstance incident = incident(TestClients.PLAIN, List.of(TestClients.PLAIN, THIRD), true);
    String reference = incident.getBusinessKey();
    ProcessInstance mileo = mileoDuty(reference);
    assertThat(mileo).isNotNull();
    assertThat(runtime.getVariable(mileo.getId(), "exercise")).isEqualTo(true);
    assertThat(runtime.getVariable(support.report(mileo, "alerte-precoce").getId(), "exercise")).isEqualTo(true);
    assertThat(jdbc.sql("select exercise from regulatory_notification where id = ?").param(reference + "-ANSSI-MILEO")
        .query(Boolean.class).single()).isTrue();
    List<Map<String, Object>> mails = noticeMails(incident);
    assertThat(mails).hasSize(2).allSatisfy(m -> {
      assertThat((String) m.get("subject")).startsWith("[EXERCICE] Incident affectant le service de Mileo Technology");
      assertThat((String) m.get("body_text")).startsWith("EXERCICE — Ce message concerne un exercice");
      assertThat((String) m.get("body_html")).contains("EXERCICE — Ce message concerne un exercice");
    });
    assertThat(jdbc.sql("select count(*) from provider_recipient_notice where incident_reference = ? and exercise")
        .param(reference).query(Long.class).single()).isEqualTo(2);

    // the per-incident register shows whose duty it is and that it is an exercise's (the client, under
    // no regime, owes ANSSI nothing)
    TestUsers.ensure(engine.getIdentityService(), REFERENT, Groups.CYBER_REFERENT);
    org.springframework.http.ResponseEntity<List> register = http.withBasicAuth(REFERENT, TestUsers.PASSWORD)
        .getForEntity("/api/security-incidents/" + reference + "/notifications", List.class);
    assertThat(register.getStatusCode().value()).isEqualTo(200);
    assertThat((List<Map<String, Object>>) register.getBody())
        .extracting(n -> n.get("id") + " " + n.get("obligor") + " " + n.get("exercise"))
        .containsExactly(reference + "-ANSSI-MILEO mileo true");
  }

  /** A significant intrusion qualified by the referent; Mileo's service affected when {@code affected} is given. */
  private ProcessInstance incident(String clientId, List<String> affected, boolean exercise) {
    return start(facts(clientId, affected, exercise));
  }

  private Map<String, Object> facts(String clientId, List<String> affected, boolean exercise) {
    Map<String, Object> v = new HashMap<>();
    v.put("reference", references.next("TNO"));
    v.put("clientId", clientId);
    v.put("clientName", clients.find(clientId).orElseThrow().name());
    v.put("siteName", "Site principal");
    v.put("severity", "significatif");
    v.put("nature", "intrusion");
    v.put("severityLabel", "Significatif");
    v.put("personalDataInvolved", false);
    v.put("awarenessAt", Date.from(AWARENESS));
    v.put("detectedAt", Date.from(AWARENESS));
    v.put("detectionSource", "alerte-supervision");
    v.put("description", "Compromission de la plateforme de supervision");
    v.put("qualifiedBy", REFERENT);
    v.put("exercise", exercise);
    if (affected != null) {
      v.put("mileoServiceAffected", true);
      v.put("mileoServiceParts", "plateforme-supervision,plusieurs-clients");
      v.put("mileoServicePartsLabel", "plateforme de supervision, plusieurs clients à la fois");
      v.put("affectedClients", String.join(",", affected));
    } else {
      v.put("mileoServiceAffected", false);
    }
    return v;
  }

  private ProcessInstance start(Map<String, Object> variables) {
    return runtime.startProcessInstanceByKey(NotificationTestSupport.INCIDENT, (String) variables.get("reference"),
        variables);
  }

  private ProcessInstance mileoDuty(String reference) {
    return runtime.createProcessInstanceQuery().processDefinitionKey("anssi-notification")
        .processInstanceBusinessKey(reference + "-ANSSI-MILEO").singleResult();
  }

  /** The outbox rows of Mileo's notices for this incident (written in its process's name). */
  private List<Map<String, Object>> noticeMails(ProcessInstance incident) {
    assertThat(((RecordingReminders) reminders).calls(incident.getId()).stream()
        .filter(c -> c.name().startsWith("provider-notice-"))
        .map(c -> c.notice().model().get(Notice.RECIPIENT_CLIENT)).distinct().count())
        .isEqualTo(jdbc.sql("select count(*) from provider_recipient_notice where incident_reference = ?")
            .param(incident.getBusinessKey()).query(Long.class).single());
    return jdbc.sql("""
        select client_id, cast(recipients as varchar) as recipients, subject, cast(body_text as varchar) as body_text,
          cast(body_html as varchar) as body_html from mail_outbox
        where process_instance_id = ? and template = 'provider-service-notice' order by client_id""")
        .param(incident.getId()).query().listOfRows();
  }
}
