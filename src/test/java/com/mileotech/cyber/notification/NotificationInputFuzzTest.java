package com.mileotech.cyber.notification;

import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestClients;
import com.mileotech.cyber.TestUsers;
import com.mileotech.cyber.security.Groups;
import com.mileotech.cyber.system.InputFuzz;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Malformed submissions of every form of the CNIL and ANSSI notifications, through /engine-rest
 * submit-form of a real task: a French 400 naming the field, the register and the case unchanged
 * (issue 15; the harness is system/InputFuzz).
 */
@IntegrationTest
class NotificationInputFuzzTest {

  private static final Instant AWARENESS = Instant.parse("2026-03-02T08:00:00Z");
  private static final String REFERENT = "referent.fuzz";

  @Autowired ProcessEngine engine;
  @Autowired TaskService taskService;
  @Autowired NotificationTestSupport support;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  @BeforeEach
  void setUp() {
    support.prepare();
    TestUsers.ensure(engine.getIdentityService(), REFERENT, Groups.CYBER_REFERENT);
    ClockUtil.setCurrentTime(Date.from(AWARENESS));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void malformedSubmissionsOfEveryNotificationFormAreRefusedAndChangeNothing() {
    InputFuzz fuzz = new InputFuzz(port, jdbc);

    ProcessInstance cnil = support.notification(support.qualifiedIncident(TestClients.PLAIN, true, "significatif",
        "intrusion", AWARENESS, "alerte-supervision"), "CNIL");
    support.runDueJobs(cnil);
    fuzz(fuzz, cnil, support.task(cnil, "Task_InformClient"), "notification-client-information");
    support.informClient(cnil);
    fuzz(fuzz, cnil, support.reportTask(cnil, "notification-initiale", "Task_DraftReport"), "notification-cnil-draft");
    support.completeAsReferent(support.report(cnil, "notification-initiale"), "Task_DraftReport",
        NotificationForms.cnilDraft("Accès non autorisé au serveur VMS", List.of("clients"), 40, "Enregistrements vidéo", 1200,
            "DPO <dpo@example.org>", "Atteinte à la vie privée", "Comptes révoqués", "eleve"));
    fuzz(fuzz, cnil, support.reportTask(cnil, "notification-initiale", "Task_FileReport"), "notification-cnil-filing");
    ClockUtil.setCurrentTime(Date.from(AWARENESS.plus(Duration.ofHours(30))));
    support.completeAsReferent(support.report(cnil, "notification-initiale"), "Task_FileReport",
        NotificationForms.cnilFiled("2026-03-03T10:00+01:00", "CNIL-FUZZ-1", null));
    fuzz(fuzz, cnil, support.task(cnil, "Task_DecideDataSubjectsCommunication"), "notification-data-subjects");
    support.completeAsReferent(cnil, "Task_DecideDataSubjectsCommunication",
        NotificationForms.dataSubjects("communiquer", "2026-03-03T11:00+01:00", "Affichage sur site et courriel"));
    fuzz(fuzz, cnil, support.task(cnil, "Task_FollowUpCnilNotification"), "notification-cnil-follow-up");

    ProcessInstance anssi = support.notification(support.qualifiedIncident(TestClients.OIV, false, "critique",
        "intrusion", AWARENESS, "alerte-supervision"), "ANSSI");
    support.runDueJobs(anssi);
    support.informClient(anssi);
    fuzz(fuzz, anssi, support.reportTask(anssi, "declaration-oiv", "Task_DraftReport"), "notification-anssi-draft");
    support.completeAsReferent(support.report(anssi, "declaration-oiv"), "Task_DraftReport",
        NotificationForms.oivDeclaration("Intrusion sur le VMS", "Vidéoprotection du site Nord", "Supervision interrompue 2 h"));
    fuzz(fuzz, anssi, support.reportTask(anssi, "declaration-oiv", "Task_FileReport"), "notification-anssi-filing");
    fuzz.assertNoFailures(250);
  }

  /** Every malformed submission of the task's form; the notification's register rows and reports unchanged. */
  private void fuzz(InputFuzz fuzz, ProcessInstance pi, org.camunda.bpm.engine.task.Task task, String formId) {
    fuzz.task(formId, REFERENT, task.getId(), InputFuzz.caseState(engine, task.getProcessInstanceId(),
        () -> jdbc.sql("select * from regulatory_notification where process_instance_id = ?").param(pi.getId()).query()
            .listOfRows().toString(),
        () -> jdbc.sql("select r.* from regulatory_report r join regulatory_notification n on n.id = r.notification_id "
            + "where n.process_instance_id = ? order by r.id").param(pi.getId()).query().listOfRows().toString()));
  }
}
