package com.mileotech.cyber.reminder.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestUsers;
import com.mileotech.cyber.reminder.mail.OutboxMail.Kind;
import com.mileotech.cyber.security.Groups;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * While the SMTP server is down the outbox is DEGRADED in /actuator/health (still 200: the node
 * serves), with the age of the oldest pending mail and the last error for administrators only;
 * anonymous callers and other staff see the status alone. SMTP back, it is UP again.
 */
@IntegrationTest
class OutboxHealthTest {

  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

  @Autowired TestRestTemplate http;
  @Autowired Outbox outbox;
  @Autowired OutboxSender sender;
  @Autowired IdentityService identityService;
  @Autowired JdbcClient jdbc;
  private final ObjectMapper json = new ObjectMapper();

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void smtpDownMakesTheOutboxDegradedWithTheAgeOfTheOldestPendingMailForAdministratorsOnly() throws Exception {
    String tech = TestUsers.ensure(identityService, "tech.health", Groups.TECHNICIANS);
    try (TestSmtp smtp = new TestSmtp()) {
      ClockUtil.setCurrentTime(Date.from(NOW));
      drain(smtp); // what other tests left due goes first
      smtp.stop();
      OutboxMail mail = mail();
      outbox.insertIfAbsent(mail);
      ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofMinutes(3))));
      sender.sendDue(smtp.mailSender());
      assertThat(outbox.find(mail.id()).orElseThrow().attempts()).isEqualTo(1);

      ResponseEntity<String> anonymous = http.getForEntity("/actuator/health", String.class);
      assertThat(anonymous.getStatusCode().value()).isEqualTo(200);
      assertThat(json.readTree(anonymous.getBody())).isEqualTo(json.readTree("{\"status\":\"DEGRADED\"}"));
      assertThat(json.readTree(http.withBasicAuth(tech, TestUsers.PASSWORD).getForObject("/actuator/health", String.class)))
          .isEqualTo(json.readTree("{\"status\":\"DEGRADED\"}"));

      JsonNode admin = json.readTree(http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
          .getForObject("/actuator/health", String.class));
      JsonNode outboxHealth = admin.at("/components/outbox");
      assertThat(outboxHealth.path("status").asText()).isEqualTo("DEGRADED");
      assertThat(outboxHealth.at("/details/retrying").asLong()).isPositive();
      assertThat(outboxHealth.at("/details/oldestPendingAgeSeconds").asLong()).isGreaterThanOrEqualTo(180);
      assertThat(outboxHealth.at("/details/lastError").asText()).contains("MailConnectException");
      assertThat(admin.at("/components/db/status").asText()).isEqualTo("UP");

      smtp.start();
      ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofMinutes(10))));
      drain(smtp);
      assertThat(outbox.find(mail.id()).orElseThrow().status()).isEqualTo(OutboxMail.Status.SENT);
      // UP again unless another test left a mail waiting for its next attempt (then still DEGRADED, by it)
      long othersRetrying = jdbc.sql("select count(*) from mail_outbox where status = 'pending' and attempts > 0")
          .query(Long.class).single();
      assertThat(json.readTree(http.getForObject("/actuator/health", String.class)).path("status").asText())
          .isEqualTo(othersRetrying == 0 ? "UP" : "DEGRADED");
    }
  }

  private void drain(TestSmtp smtp) {
    for (int round = 0; round < 20 && sender.sendDue(smtp.mailSender()) > 0; round++) {
      // until nothing is due
    }
  }

  private static OutboxMail mail() {
    ProcessFacts facts = new ProcessFacts(null, null, "SANTE-1", null, null, null, null);
    Recipients to = new Recipients(List.of(new Recipients.Person(null, "sante@test.example", "sante@test.example")));
    return OutboxMail.pending(UUID.randomUUID().toString(), "notice:health:" + UUID.randomUUID(), Kind.NOTICE, "notice",
        facts, null, null, null, null, to, new RenderedMail("notice", "Santé", "Texte", "<html><body>HTML</body></html>"),
        List.of(), NOW);
  }
}
