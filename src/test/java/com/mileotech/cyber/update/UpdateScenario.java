package com.mileotech.cyber.update;

import static org.assertj.core.api.Assertions.assertThat;

import com.mileotech.cyber.EngineSteps;
import com.mileotech.cyber.EngineSteps.Person;
import com.mileotech.cyber.TestClients;
import com.mileotech.cyber.TestUsers;
import com.mileotech.cyber.client.Client;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.client.ClientService;
import com.mileotech.cyber.client.ContractType;
import com.mileotech.cyber.client.RegulatoryRegime;
import com.mileotech.cyber.reminder.RecordingReminders;
import com.mileotech.cyber.reminder.Reminders;
import com.mileotech.cyber.security.Groups;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the security update scenarios share: people, clock, an inventory of their own (products
 * named for the test, so the shared database does not mix them up), and the steps as people
 * perform them through their forms.
 */
abstract class UpdateScenario {

  static final String TECH = "tech.update";
  static final String MANAGER = "cdp.update";
  static final String REFERENT = "referent.update";
  /** A client whose contract requires staging validation (GUID-PREM-003 §01). */
  static final String STAGING = "client-staging";
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  /** Staff belong to every client's tenant. */
  static final List<String> EVERY_CLIENT = List.of(TestClients.OIV, TestClients.PLAIN, STAGING);
  /** Monday 2 March 2026, 09:00 in Paris. */
  static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired ManagementService managementService;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;
  @Autowired ClientRepository clientRepository;
  @Autowired ClientService clientService;
  @Autowired Reminders reminders;
  @Autowired JdbcClient jdbc;
  @Autowired EngineSteps steps;

  /** A product name no other test uses. */
  final String product = "Axis Q" + UUID.randomUUID().toString().substring(0, 8);

  @BeforeEach
  void setUpScenario() {
    BpmnAwareTests.init(processEngine);
    TestClients.ensure(identityService, clientRepository, clientService);
    TestUsers.ensure(identityService, TECH, Groups.TECHNICIANS);
    TestUsers.ensure(identityService, MANAGER, Groups.PROJECT_MANAGERS);
    TestUsers.ensure(identityService, REFERENT, Groups.CYBER_REFERENT);
    if (!clientRepository.exists(STAGING)) {
      clientService.create(new Client(STAGING, "Client avec préproduction", RegulatoryRegime.NIS2_IMPORTANT,
          new Client.Contract(ContractType.PREMIUM, LocalDate.of(2025, 1, 1), LocalDate.of(2030, 12, 31), true),
          List.of(), null, List.of(new Client.Site("datacenter", "Datacenter", "1 quai de la Seine, 75019 Paris"))));
    }
    recorder().clear();
    ClockUtil.setCurrentTime(Date.from(T0));
  }

  @AfterEach
  void tearDownScenario() {
    identityService.clearAuthentication();
    ClockUtil.reset();
  }

  RecordingReminders recorder() {
    return (RecordingReminders) reminders;
  }

  void now(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  // ---------- inventory

  void camera(String clientId, String siteId, String serial, String firmware) {
    equipment(clientId, siteId, "CAMERA", serial, product, firmware);
  }

  void equipment(String clientId, String siteId, String kind, String serial, String model, String firmware) {
    jdbc.sql("""
        insert into client_equipment (client_id, serial_number, kind, model, firmware_version, security_updates, site_id,
          last_reference, updated_at) values (?, ?, ?, ?, ?, true, ?, 'CHK-TEST', ?)""")
        .params(clientId, serial, kind, model, firmware, siteId, Timestamp.from(T0.minusSeconds(86_400 * 100))).update();
  }

  void vms(String clientId, String siteId, String version) {
    jdbc.sql("delete from client_software where client_id = ? and site_id = ? and kind = 'VMS'").params(clientId, siteId).update();
    jdbc.sql("""
        insert into client_software (client_id, site_id, kind, product, version, last_reference, updated_at)
        values (?, ?, 'VMS', ?, ?, 'CHK-TEST', ?)""")
        .params(clientId, siteId, product, version, Timestamp.from(T0.minusSeconds(86_400 * 100))).update();
  }

  String firmware(String clientId, String serial) {
    return jdbc.sql("select firmware_version from client_equipment where client_id = ? and serial_number = ?")
        .params(clientId, serial).query(String.class).single();
  }

  static String serial() {
    return "SN" + UUID.randomUUID().toString().substring(0, 10).toUpperCase();
  }

  // ---------- publication

  /** The publication form of this test's product, a new advisory, fixed in 10.12.5 ({@link UpdateForms}). */
  Map<String, Object> publicationForm(String kind, boolean critical, String versions, Instant publishedAt) {
    return publicationForm(kind, critical, versions, "10.12.5", publishedAt);
  }

  Map<String, Object> publicationForm(String kind, boolean critical, String versions, String fixedVersion,
      Instant publishedAt) {
    return UpdateForms.publication(kind, product, critical, versions, fixedVersion,
        "AXIS-OS-" + UUID.randomUUID().toString().substring(0, 6), "CVE-2026-10001, CVE-2026-10002", publishedAt);
  }

  /** The Tasklist start form as the referent submits it; the search of the inventory runs (a job). */
  ProcessInstance publish(Map<String, Object> form) {
    ProcessInstance pi = steps.start(SecurityUpdateVariables.PROCESS_KEY,
        Person.of(REFERENT, Groups.CYBER_REFERENT, EVERY_CLIENT), form);
    runDueJobs(pi);
    return pi;
  }

  static String paris(Instant instant) {
    return UpdateForms.paris(instant);
  }

  /** The per-client instance of the update. */
  ProcessInstance atClient(ProcessInstance update, String clientId) {
    ProcessInstance pi = runtimeService.createProcessInstanceQuery().superProcessInstanceId(update.getId())
        .tenantIdIn(clientId).singleResult();
    assertThat(pi).as("instance at " + clientId).isNotNull();
    return pi;
  }

  Task task(ProcessInstance pi, String key) {
    return steps.task(pi, key);
  }

  /** Submits the task's form as the technician (the way Tasklist does). */
  void submit(ProcessInstance pi, String key, Map<String, Object> form) {
    steps.submit(pi, key, Person.of(TECH, Groups.TECHNICIANS, EVERY_CLIENT), form);
  }

  void apply(ProcessInstance atClient, String lines, Instant at) {
    submit(atClient, "Task_ApplyUpdate", UpdateForms.application(lines, at));
  }

  Object variable(ProcessInstance pi, String name) {
    return runtimeService.getVariable(pi.getId(), name);
  }

  /** Runs the jobs due now of the instance and the instances it called, earliest first ({@link EngineSteps#runDueJobs}). */
  void runDueJobs(ProcessInstance pi) {
    steps.runDueJobs(pi);
  }

  Job timer(ProcessInstance pi, String activityId) {
    return steps.timer(pi.getId(), activityId);
  }

  List<RecordingReminders.Call> calls(ProcessInstance pi, String kind) {
    return recorder().calls(pi.getId()).stream().filter(c -> c.kind().equals(kind)).toList();
  }

  static Instant instant(Object timestamp) {
    return timestamp instanceof java.time.OffsetDateTime o ? o.toInstant() : ((java.sql.Timestamp) timestamp).toInstant();
  }

  Map<String, Object> item(String reference, String itemId) {
    return jdbc.sql("select * from security_update_item where reference = ? and item_id = ?").params(reference, itemId)
        .query().singleRow();
  }
}
