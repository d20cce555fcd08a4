package com.mileotech.cyber.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestClients;
import com.mileotech.cyber.TestIncidents;
import com.mileotech.cyber.TestUsers;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.client.ClientService;
import com.mileotech.cyber.security.Groups;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The evidence feature's webhook events (docs/events.md) are written to the outbox in the
 * transaction of the ledger entry, not beside it: a ledger write rolled back leaves no event, one
 * that commits leaves exactly its event (issue 19, "nothing lost or sent twice").
 */
@IntegrationTest
class EvidenceEventsTransactionTest {

  static final String SUPERVISION = "supervision.evidence-events";
  static final String TECH = "tech.evidence-events";

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired ClientRepository clientRepository;
  @Autowired ClientService clientService;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;
  @Autowired Evidence evidence;
  private final ObjectMapper json = new ObjectMapper();
  private String reference;
  private String subscription;

  @BeforeEach
  void incidentAndSubscriber() throws Exception {
    TestClients.ensure(identityService, clientRepository, clientService);
    TestUsers.ensure(identityService, SUPERVISION, Groups.INTEGRATIONS);
    TestUsers.ensure(identityService, TECH, Groups.TECHNICIANS);
    reference = TestIncidents.reportedBySupervision(http, SUPERVISION, "NVR-02",
        "Connexions SSH répétées depuis une adresse étrangère");
    // an event no subscriber may see is not written at all: the client's SIEM subscribes
    ResponseEntity<Map> subscribed = http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD).postForEntity(
        "/api/webhook-subscriptions", Map.of("name", "SIEM du client OIV", "clientId", TestClients.OIV,
            "url", "https://siem.client-oiv.example/mileo", "eventTypes", List.of("security-incident.evidence-added")),
        Map.class);
    assertThat(subscribed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    subscription = (String) subscribed.getBody().get("id");
  }

  @AfterEach
  void unsubscribe() {
    http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD).delete("/api/webhook-subscriptions/" + subscription);
  }

  @Test
  void anEvidenceItemRolledBackLeavesNoEventAndOneCommittedLeavesExactlyItsEvent() {
    Evidence.Incident incident = new Evidence.Incident(reference, TestClients.OIV, Instant.now());
    transactions.executeWithoutResult(status -> {
      evidence.declare(incident, "dump-memoire", "Dump mémoire (annulé)", "cd".repeat(32), "Scellé S-1", TECH, null);
      assertThat(events()).as("written with the ledger entry, in its transaction").hasSize(1);
      status.setRollbackOnly(); // e.g. a later statement of the same request fails
    });
    assertThat(evidence.list(reference)).isEmpty();
    assertThat(events()).as("the ledger rolled back: no event either").isEmpty();

    long item = evidence.declare(incident, "dump-memoire", "Dump mémoire du serveur VMS", "ef".repeat(32),
        "Scellé S-2", TECH, null).view().item().id();
    assertThat(evidence.list(reference)).hasSize(1);
    assertThat(events()).containsExactly("evidence-added:" + item);
  }

  /** The occurrence keys of this incident's events in the outbox (docs/events.md, V82). */
  private List<String> events() {
    return jdbc.sql("select idempotency_key from webhook_event where subject = ? order by idempotency_key")
        .param(reference).query(String.class).list();
  }
}
