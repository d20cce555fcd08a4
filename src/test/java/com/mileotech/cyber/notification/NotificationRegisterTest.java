package com.mileotech.cyber.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestClients;
import com.mileotech.cyber.TestUsers;
import com.mileotech.cyber.security.Groups;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 18, the register as a regulator would audit it: the decision not to notify as versioned
 * records (revisited on re-qualification, each version kept), the append-only filing log with the
 * client-ready texts, a complement, a correction that supersedes and leaves the lateness as frozen.
 */
@IntegrationTest
class NotificationRegisterTest {

  private static final Instant AWARENESS = Instant.parse("2026-03-02T08:00:00Z");

  @Autowired ProcessEngine engine;
  @Autowired TaskService taskService;
  @Autowired NotificationTestSupport support;
  @Autowired NotificationRegister register;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    support.prepare();
    TestUsers.ensure(engine.getIdentityService(), "referent.register", Groups.CYBER_REFERENT);
    ClockUtil.setCurrentTime(Date.from(AWARENESS));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void notNotifiedWithDecisionAndApprovalThenRevisitedOnRequalification() {
    ProcessInstance incident = support.qualifiedIncident(TestClients.PLAIN, true, "mineur", "intrusion", AWARENESS,
        "alerte-supervision");
    ProcessInstance cnil = support.notification(incident, "CNIL");
    support.informClient(cnil);
    draft(cnil, "improbable");
    ClockUtil.setCurrentTime(Date.from(AWARENESS.plus(Duration.ofHours(20))));
    Task filing = support.reportTask(cnil, "notification-initiale", "Task_FileReport");
    // the filing form links to the text to paste
    long draftId = register.forIncident(incident.getBusinessKey()).stream().filter(n -> n.authority().equals("CNIL"))
        .findFirst().orElseThrow().reports().get(0).id();
    assertThat(engine.getRuntimeService().getVariable(support.report(cnil, "notification-initiale").getId(), "filingTextLink"))
        .isEqualTo("/api/security-incidents/" + incident.getBusinessKey() + "/notifications/cnil/reports/" + draftId
            + "/text?format=pdf");
    support.asRssi(TestClients.PLAIN_RSSI, TestClients.PLAIN, () -> taskService.complete(filing.getId(),
        NotificationForms.cnilNotRequired("Images chiffrées, clé non compromise : aucune personne identifiable")));
    assertThat(cnil).isEnded().hasPassed("Event_CnilNotRequired");

    NotificationRegister.Notification record = record(incident);
    assertThat(record.status()).isEqualTo("non-requise");
    assertThat(record.decisions()).singleElement().satisfies(d -> {
      assertThat(d.version()).isEqualTo(1);
      assertThat(d.decision()).isEqualTo("non-requise");
      assertThat(d.deciderRole()).isEqualTo("client");
      assertThat(d.decidedBy()).isEqualTo(TestClients.PLAIN_RSSI);
      assertThat(d.recordedBy()).isEqualTo(TestClients.PLAIN_RSSI);
      assertThat(d.decidedAt()).isEqualTo(AWARENESS.plus(Duration.ofHours(20)));
      assertThat(d.riskToPersons()).isEqualTo("improbable");
      assertThat(d.riskAssessment()).startsWith("Images chiffrées");
      assertThat(d.approvedBy()).isEqualTo(NotificationForms.APPROVER);
      assertThat(d.occasion()).isEqualTo("Qualification de l'incident");
      assertThat(d.current()).isTrue();
    });
    assertThat(record.decisionBy()).isEqualTo(TestClients.PLAIN_RSSI);
    assertThat(record.reports()).singleElement().satisfies(r -> {
      assertThat(r.submittedAt()).isNull();
      assertThat(r.filings()).isEmpty();
    });
    // the draft's text is there all the same, in the CNIL's sections
    String draftText = register.reportText(record.id(), record.reports().get(0).id()).orElseThrow();
    assertThat(FilingTexts.parse(draftText).sections()).extracting(FilingTexts.Section::title)
        .startsWith("Vous êtes", "La violation", "Les données", "Les personnes concernées", "Les conséquences",
            "Les mesures prises", "L'information des personnes");

    // re-qualified two days later, still personal data: the decision is asked again
    ClockUtil.setCurrentTime(Date.from(AWARENESS.plus(Duration.ofHours(48))));
    support.requalify(incident, Map.of("severity", "critique", "personalDataInvolved", true));
    ProcessInstance again = support.notification(incident, "CNIL");
    assertThat(again).isNotNull().isActive();
    assertThat(again.getId()).isNotEqualTo(cnil.getId());
    assertThat(again.getTenantId()).isEqualTo(TestClients.PLAIN);
    assertThat(record(incident).status()).isEqualTo("a-reexaminer");
    assertThat(record(incident).decisions()).hasSize(1); // nothing overwritten, nothing decided yet
    Map<String, Object> variables = engine.getRuntimeService().getVariables(again.getId());
    assertThat(variables).containsEntry("severity", "critique").doesNotContainKey("cnilDecision")
        .doesNotContainKey("cnilNotRequiredReason");
    assertThat((String) variables.get("decisionOccasion")).startsWith("Décision réexaminée après la requalification");

    draft(again, "risque");
    ClockUtil.setCurrentTime(Date.from(AWARENESS.plus(Duration.ofHours(60))));
    Task refile = support.reportTask(again, "notification-initiale", "Task_FileReport");
    support.asRssi(TestClients.PLAIN_RSSI, TestClients.PLAIN, () -> taskService.complete(refile.getId(),
        NotificationForms.cnilFiled("04/03/2026 20:00", "CNIL-2026-0042", null)));
    assertThat(again).isWaitingAt("Task_FollowUpCnilNotification");

    record = record(incident);
    assertThat(record.status()).isEqualTo("deposee");
    assertThat(record.decisions()).extracting(NotificationRegister.Decision::version,
        NotificationRegister.Decision::decision, NotificationRegister.Decision::supersededBy,
        NotificationRegister.Decision::current)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "non-requise", 2, false),
            org.assertj.core.groups.Tuple.tuple(2, "deposee", null, true));
    assertThat(record.decisions().get(0).approvedBy()).isEqualTo(NotificationForms.APPROVER); // kept as it was
    assertThat(record.decisions().get(1).occasion()).startsWith("Décision réexaminée après la requalification");
    assertThat(record.reports()).singleElement().satisfies(r -> {
      assertThat(r.submittedAt()).isEqualTo(Instant.parse("2026-03-04T19:00:00Z"));
      assertThat(r.verdict()).isEqualTo("dans le délai");
      assertThat(r.filings()).singleElement().satisfies(f -> {
        assertThat(f.receiptReference()).isEqualTo("CNIL-2026-0042");
        assertThat(f.channel()).isEqualTo("teleservice-cnil");
        assertThat(f.filedBy()).isEqualTo(TestClients.PLAIN_RSSI);
        assertThat(f.current()).isTrue();
      });
    });
    String sent = register.filingText(record.reports().get(0).filings().get(0).id()).orElseThrow();
    assertThat(sent).contains("■ Vous êtes").contains("Organisme (responsable du traitement) : Client sans régime")
        .contains("Évaluation du risque pour les personnes : risque");
    assertThat(FilingTexts.sha256(sent)).isEqualTo(record.reports().get(0).filings().get(0).textSha256());
  }

  @Test
  void aComplementIsLoggedAndACorrectionSupersedesWithTheLatenessFrozen() {
    ProcessInstance incident = support.qualifiedIncident(TestClients.PLAIN, true, "significatif", "intrusion", AWARENESS,
        "alerte-supervision");
    ProcessInstance cnil = support.notification(incident, "CNIL");
    support.informClient(cnil);
    draft(cnil, "risque");
    // filed 80 hours after the awareness: late, with the reasons
    ClockUtil.setCurrentTime(Date.from(AWARENESS.plus(Duration.ofHours(81))));
    support.completeAsReferent(support.report(cnil, "notification-initiale"), "Task_FileReport",
        NotificationForms.cnilFiled("2026-03-05T16:00:00Z", "CNIL-LATE-1", "Enquête interne sur l'étendue de la fuite"));
    NotificationRegister.Report initial = record(incident).reports().get(0);
    assertThat(initial.verdict()).isEqualTo("hors délai légal");
    assertThat(initial.lateByMinutes()).isEqualTo(8 * 60L);
    NotificationRegister.Filing first = initial.filings().get(0);
    assertThat(first.filedBy()).isNull(); // the referent recorded the client's filing
    assertThat(first.recordedBy()).isEqualTo(NotificationTestSupport.REFERENT);
    assertThat(first.delayReasons()).startsWith("Enquête interne");

    // art. 33(4): a complement, logged with its own text
    ClockUtil.setCurrentTime(Date.from(AWARENESS.plus(Duration.ofHours(100))));
    support.completeAsReferent(cnil, "Task_FollowUpCnilNotification", NotificationForms.cnilComplement(
        "2026-03-06T10:00+01:00", "CNIL-LATE-1-C1", "Nombre de personnes précisé : 52"));
    NotificationRegister.Notification record = record(incident);
    assertThat(record.reports()).extracting(NotificationRegister.Report::kind)
        .containsExactly("notification-initiale", "complement");
    NotificationRegister.Filing complement = record.reports().get(1).filings().get(0);
    assertThat(complement.kind()).isEqualTo("complement");
    assertThat(complement.receiptReference()).isEqualTo("CNIL-LATE-1-C1");
    assertThat(register.filingText(complement.id()).orElseThrow())
        .contains("■ Notification complémentaire (RGPD art. 33(4))").contains("Nombre de personnes précisé : 52")
        .contains("CNIL-LATE-1");

    // the initial filing's time was mistyped: in truth within the 72 hours. The correction is a new
    // row superseding the first; the duty's lateness stays as frozen at the first filing
    NotificationRegister.Filing correction = register.correctFiling(first, Instant.parse("2026-03-05T07:00:00Z"), null,
        null, "CNIL-LATE-1-bis", null, null, null, "referent.register", "Heure mal saisie : dépôt fait à 8 h");
    assertThat(correction.supersedesId()).isEqualTo(first.id());
    assertThat(correction.receiptReference()).isEqualTo("CNIL-LATE-1-bis");
    assertThat(correction.channel()).isEqualTo(first.channel());
    assertThat(correction.textSha256()).isEqualTo(first.textSha256()); // the same text, carried over
    initial = record(incident).reports().get(0);
    assertThat(initial.filings()).extracting(NotificationRegister.Filing::id, NotificationRegister.Filing::current)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(first.id(), false),
            org.assertj.core.groups.Tuple.tuple(correction.id(), true));
    assertThat(initial.filings().get(0).receiptReference()).isEqualTo("CNIL-LATE-1"); // never overwritten
    assertThat(initial.filings().get(0).supersededById()).isEqualTo(correction.id());
    assertThat(initial.submittedAt()).isEqualTo(Instant.parse("2026-03-05T16:00:00Z"));
    assertThat(initial.verdict()).isEqualTo("hors délai légal");
    assertThat(initial.lateByMinutes()).isEqualTo(8 * 60L);
  }

  private void draft(ProcessInstance cnil, String risk) {
    taskService.complete(support.reportTask(cnil, "notification-initiale", "Task_DraftReport").getId(),
        NotificationForms.cnilDraft(risk));
  }

  private NotificationRegister.Notification record(ProcessInstance incident) {
    List<NotificationRegister.Notification> all = register.forIncident(incident.getBusinessKey());
    return all.stream().filter(n -> n.authority().equals("CNIL")).findFirst().orElseThrow();
  }
}
