package com.mileotech.cyber.incident;

import com.mileotech.cyber.system.Refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestClients;
import com.mileotech.cyber.reminder.Audience;
import com.mileotech.cyber.reminder.RecordingReminders;
import com.mileotech.cyber.security.Groups;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.Test;

/** Every path of security-incident, as the people of each role walk it through their forms. */
@IntegrationTest
class SecurityIncidentProcessTest extends IncidentScenario {

  @Test
  void aMinorIncidentWithoutPersonalDataRunsFromReportToClosure() {
    Map<String, Object> form = reportForm(TestClients.PLAIN, List.of("boutique"));
    form.put("detectedAtInput", "2026-03-02T08:30"); // Paris, i.e. 07:30 UTC
    form.put("beganAtInput", "2026-03-02T07:00");
    ProcessInstance pi = report(form);

    String reference = pi.getBusinessKey();
    assertThat(reference).matches("INC-2026-\\d{4}");
    assertThat(pi.getTenantId()).isEqualTo(TestClients.PLAIN);
    Map<String, Object> v = runtimeService.getVariables(pi.getId());
    assertThat(v).containsEntry("reference", reference).containsEntry("clientId", TestClients.PLAIN)
        .containsEntry("clientName", "Client sans régime").containsEntry("siteIds", "boutique")
        .containsEntry("sites", "Boutique").containsEntry("siteName", "Boutique")
        .containsEntry("detectionSource", "technicien-sur-site").containsEntry("equipment", "NVR-01 (Milestone XProtect)")
        .containsEntry("detectedAt", Date.from(Instant.parse("2026-03-02T07:30:00Z")))
        .containsEntry("beganAt", Date.from(Instant.parse("2026-03-02T06:00:00Z")))
        .containsEntry("reportedBy", TECH)
        .containsEntry("detectedAtLabel", "2 mars 2026 à 8 h 30, heure de Paris")
        // no alert id, no earlier incident: absent while unknown (ProcessVariable.absentWhenNull)
        .doesNotContainKeys("detectedAtInput", "beganAtInput", "externalAlertId", "relatedIncident");
    assertThat(jdbc.sql("select status from security_incident where reference = ?").param(reference)
        .query(String.class).single()).isEqualTo("signale");

    // every suspicion straight to the referent: a task, and a mail through the reminder interface
    assertThat(pi).isWaitingAt("Task_InformReferent", "Task_QualifyIncident");
    assertThat(taskService.getIdentityLinksForTask(task(pi, "Task_QualifyIncident").getId()))
        .extracting(IdentityLink::getGroupId).containsExactly(Groups.CYBER_REFERENT_ID);
    runDueJobs(pi);
    RecordingReminders.Call notice = recorder().calls(pi.getId()).get(0);
    assertThat(notice.kind()).isEqualTo("inform");
    assertThat(notice.name()).isEqualTo("incident-reported");
    assertThat(notice.notice().template()).isEqualTo("incident-reported");
    assertThat(notice.notice().audience()).containsExactly(Audience.CYBER_REFERENT);
    assertThat(notice.notice().model().get("title").toString()).contains(reference).contains("Client sans régime");
    assertThat(notice.notice().model().get("body").toString()).contains("Compte administrateur inconnu");

    now(T0.plusSeconds(600));
    qualify(pi, "mineur", false);
    assertThat(pi).hasPassed("Task_RecordQualification", "Task_AssessRegulatoryObligations");
    v = runtimeService.getVariables(pi.getId());
    assertThat(v).containsEntry("nature", "intrusion").containsEntry("severity", "mineur")
        .containsEntry("personalDataInvolved", false).containsEntry("qualificationVersion", 1)
        .containsEntry("awarenessAt", Date.from(T0.plusSeconds(600)))
        .containsEntry("qualifiedAt", Date.from(T0.plusSeconds(600))).containsEntry("qualifiedBy", REFERENT)
        .containsEntry("affectedSystems", "NVR-01, VLAN vidéo")
        .doesNotContainKeys("requalifiedAt", "awarenessChoice", "awarenessConfirmed");
    assertThat(pi).isWaitingAt("Task_RequalifyIncident", "Task_CaptureEvidence", "Task_ContainIncident");

    respondUntilClosure(pi, TestClients.PLAIN_RSSI);
    Instant closure = now();
    assertThat(pi).hasPassed("Task_CloseSecurityIncident", "EndEvent_IncidentClosed");
    v = runtimeService.getVariables(pi.getId());
    assertThat(v).containsEntry("returnedToServiceAt", Date.from(closure)).containsEntry("closedAt", Date.from(closure))
        .containsEntry("mttdMinutes", 90L)
        .containsEntry("mttrMinutes", Duration.between(Instant.parse("2026-03-02T07:30:00Z"), closure).toMinutes())
        .containsEntry("indicatorsLabel", "MTTD : 1 h 30 (détection − début) ; MTTR : "
            + com.mileotech.cyber.system.Moments.duration(Duration.between(Instant.parse("2026-03-02T07:30:00Z"), closure).toMinutes())
            + " (remise en service − détection)");
    // re-qualification is possible until closure, not after
    assertThat(active(pi, "Task_RequalifyIncident")).isFalse();
    assertThat(pi).isWaitingAt("Task_MonitorSystem", "Task_BuildChronology");
    Map<String, Object> row = jdbc.sql("select status, mttd_minutes, closed_at from security_incident where reference = ?")
        .param(reference).query().singleRow();
    assertThat(row.get("status")).isEqualTo("clos");
    assertThat(((Number) row.get("mttd_minutes")).longValue()).isEqualTo(90L);

    writeLessonsLearned(pi);
    approveLessonsLearned(pi);
    runDueJobs(pi);
    assertThat(pi).hasPassed("Task_StoreLessonsLearned", "Task_ShareLessonsLearned", "Task_PublishSecurityBulletin",
        "Event_LessonsLearnedPublished");
    assertThat(variable(pi, "lessonsLearnedMet")).isEqualTo(true);

    now(((Date) variable(pi, "reinforcedMonitoringDueAt")).toInstant());
    runDueJobs(pi);
    submit(pi, "Task_ConfirmMonitoringEnd", REFERENT, Groups.CYBER_REFERENT, IncidentForms.monitoringQuiet());
    assertThat(pi).isEnded().hasPassed("Event_MonitoringClosed");
  }

  @Test
  void aCriticalIncidentAtAnOivClientInvolvesItsOwnRssiOnly() {
    ProcessInstance pi = reportOiv();
    assertThat(pi.getTenantId()).isEqualTo(TestClients.OIV);
    runDueJobs(pi);

    Map<String, Object> form = qualification("critique", true, "site-nord,site-sud");
    form.put("awarenessChoice", "autre");
    form.put("awarenessInput", "2026-03-02T08:15"); // 07:15 UTC, before now (09:00 Paris)
    submit(pi, "Task_QualifyIncident", REFERENT, Groups.CYBER_REFERENT, form);
    assertThat(variable(pi, "awarenessAt")).isEqualTo(Date.from(Instant.parse("2026-03-02T07:15:00Z")));
    assertThat(variable(pi, "awarenessAtLabel")).isEqualTo("2 mars 2026 à 8 h 15, heure de Paris");
    assertThat(variable(pi, "personalDataInvolved")).isEqualTo(true);
    assertThat(variable(pi, "severity")).isEqualTo("critique");
    assertThat(pi).isWaitingAt("Task_AssessRegulatoryObligations");
    runDueJobs(pi);
    assertThat(pi).hasPassed("Task_AssessRegulatoryObligations");

    captureEvidence(pi);
    contain(pi);
    eradicate(pi);
    verifyIntegrity(pi, true, null);
    Instant proposed = T0.plus(Duration.ofDays(2));
    proposeRecovery(pi, proposed);
    assertThat(variable(pi, "recoveryProposedAt")).isEqualTo(Date.from(proposed));

    // the RSSI of another client neither sees nor completes it
    as(OTHER_RSSI, Groups.CLIENT_RSSI);
    assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
    asNobody();
    String agreement = task(pi, "Task_AgreeRecoveryDate").getId();
    as(OTHER_RSSI, Groups.CLIENT_RSSI);
    assertThatThrownBy(() -> formService.submitTaskForm(agreement, IncidentForms.recoveryAgreed()))
        .isInstanceOfAny(AuthorizationException.class, org.camunda.bpm.engine.ProcessEngineException.class);
    asNobody();
    assertThat(active(pi, "Task_AgreeRecoveryDate")).isTrue();

    // that client's RSSI proposes another date; the project manager accepts it
    Instant other = T0.plus(Duration.ofDays(3));
    submit(pi, "Task_AgreeRecoveryDate", TestClients.OIV_RSSI, Groups.CLIENT_RSSI,
        IncidentForms.recoveryOtherDate(paris(other)));
    assertThat(pi).isWaitingAt("Task_ProposeRecoveryDate");
    assertThat(variable(pi, "recoveryClientProposalAt")).isEqualTo(Date.from(other));
    submit(pi, "Task_ProposeRecoveryDate", MANAGER, Groups.PROJECT_MANAGERS, IncidentForms.recoveryClientDateAccepted());
    assertThat(pi).isWaitingAt("Task_ReturnToService", "Task_RequalifyIncident");
    assertThat(variable(pi, "recoveryAgreedAt")).isEqualTo(Date.from(other));
    assertThat(variable(pi, "recoveryAgreedBy")).isEqualTo(TestClients.OIV_RSSI);
    assertThat(task(pi, "Task_ReturnToService").getDueDate()).isEqualTo(Date.from(other));
  }

  @Test
  void reQualificationMidwayRecordsTheNewFactsAndReassessesWithoutRestartingPhases() {
    ProcessInstance pi = reportOiv();
    qualify(pi, "mineur", false);
    contain(pi);
    captureEvidence(pi);
    assertThat(pi).isWaitingAt("Task_RequalifyIncident", "Task_EradicateThreat", "Task_ProposeRecoveryDate");

    // without a reason nothing changes
    Map<String, Object> requalification = qualification("critique", true, "site-nord");
    requalification.put("awarenessChoice", "maintenant");
    String taskId = task(pi, "Task_RequalifyIncident").getId();
    as(REFERENT, Groups.CYBER_REFERENT);
    assertThatThrownBy(() -> formService.submitTaskForm(taskId, requalification))
        .isInstanceOf(Refusal.class)
        .hasMessage("Requalification refusée : motif de la requalification obligatoire (quels faits nouveaux ?).");
    asNobody();
    assertThat(variable(pi, "qualificationVersion")).isEqualTo(1);
    assertThat(variable(pi, "severity")).isEqualTo("mineur");

    Instant day2 = T0.plus(Duration.ofDays(1));
    now(day2);
    requalification.put("requalificationReason", "Images de personnes identifiables exfiltrées");
    submit(pi, "Task_RequalifyIncident", REFERENT, Groups.CYBER_REFERENT, requalification);
    assertThat(variable(pi, "qualificationVersion")).isEqualTo(2);
    assertThat(variable(pi, "requalifiedAt")).isEqualTo(Date.from(day2));
    assertThat(variable(pi, "awarenessAt")).isEqualTo(Date.from(day2));
    assertThat(variable(pi, "personalDataInvolved")).isEqualTo(true);
    assertThat(variable(pi, "siteIds")).isEqualTo("site-nord");
    assertThat(variable(pi, "siteName")).isEqualTo("Site Nord");
    assertThat(pi).isWaitingAt("Task_AssessRegulatoryObligations");
    runDueJobs(pi);

    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId("Task_AssessRegulatoryObligations").finished().count()).isEqualTo(2);
    // the phases already done are not restarted; the re-qualification stays available
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId("Task_CaptureEvidence").count()).isEqualTo(1);
    assertThat(pi).isWaitingAt("Task_RequalifyIncident", "Task_EradicateThreat", "Task_ProposeRecoveryDate");
    assertThat(jdbc.sql("select severity from security_incident_qualification where reference = ? order by version")
        .param(pi.getBusinessKey()).query(String.class).list()).containsExactly("mineur", "critique");
    assertThat(jdbc.sql("select reason from security_incident_qualification where reference = ? and version = 2")
        .param(pi.getBusinessKey()).query(String.class).single()).isEqualTo("Images de personnes identifiables exfiltrées");
  }

  @Test
  void anIntegrityCheckThatFailsSendsTheWorkBackToEradicationWithTheReason() {
    ProcessInstance pi = reportPlain();
    qualify(pi, "significatif", false);
    captureEvidence(pi);
    contain(pi);
    eradicate(pi);

    // a point not confirmed needs a reason
    String verify = task(pi, "Task_VerifyIntegrity").getId();
    as(TECH, Groups.TECHNICIANS);
    assertThatThrownBy(() -> formService.submitTaskForm(verify, IncidentForms.integrity(false, null)))
        .isInstanceOf(Refusal.class).hasMessageContaining("non confirmé : firmware à jour");
    asNobody();

    verifyIntegrity(pi, false, "Firmware 5.2 non publié par le constructeur");
    assertThat(pi).isWaitingAt("Task_EradicateThreat");
    assertThat(variable(pi, "integrityConfirmed")).isEqualTo(false);
    assertThat(variable(pi, "integrityFailureReason"))
        .isEqualTo("Non confirmé : firmware à jour. Firmware 5.2 non publié par le constructeur");
    assertThat(variable(pi, "integrityFirmwareUpToDate")).isNull();

    eradicate(pi);
    assertThat(variable(pi, "eradicationRound")).isEqualTo(2);
    verifyIntegrity(pi, true, null);
    assertThat(variable(pi, "integrityConfirmed")).isEqualTo(true);
    assertThat(variable(pi, "integrityFailureReason")).isNull();
    assertThat(variable(pi, "integrityChecks")).isEqualTo(2);
    assertThat(pi).isWaitingAt("Task_ProposeRecoveryDate");
  }

  @Test
  void onlyTheReferentWaivesEvidenceCaptureAndTheReasonIsKept() {
    ProcessInstance pi = reportPlain();
    qualify(pi, "mineur", false);

    String capture = task(pi, "Task_CaptureEvidence").getId();
    as(TECH, Groups.TECHNICIANS);
    assertThatThrownBy(() -> formService.submitTaskForm(capture,
        IncidentForms.evidenceWaived("Pressé")))
        .isInstanceOf(Refusal.class)
        .hasMessage("Preuves non enregistrées : seul le référent cybersécurité peut renoncer à la capture des preuves.");
    asNobody();
    assertThat(active(pi, "Task_CaptureEvidence")).isTrue();

    submit(pi, "Task_CaptureEvidence", REFERENT, Groups.CYBER_REFERENT,
        IncidentForms.evidenceWaived("Équipement remplacé à l'identique par le client avant signalement"));
    assertThat(variable(pi, "evidenceStatus")).isEqualTo("renonciation");
    assertThat(variable(pi, "evidenceRecordedBy")).isEqualTo(REFERENT);
    Map<String, Object> row = jdbc.sql("select evidence_status, evidence_waiver_reason from security_incident where reference = ?")
        .param(pi.getBusinessKey()).query().singleRow();
    assertThat(row).containsEntry("EVIDENCE_STATUS", "renonciation")
        .containsEntry("EVIDENCE_WAIVER_REASON", "Équipement remplacé à l'identique par le client avant signalement");
    contain(pi);
    assertThat(pi).isWaitingAt("Task_EradicateThreat");
  }

  @Test
  void noEradicationBeforeTheEvidenceIsRecorded() {
    ProcessInstance pi = reportPlain();
    qualify(pi, "significatif", false);
    contain(pi);
    assertThat(active(pi, "Task_EradicateThreat")).isFalse();
    assertThat(pi).isWaitingAt("Task_CaptureEvidence");

    String capture = task(pi, "Task_CaptureEvidence").getId();
    as(TECH, Groups.TECHNICIANS);
    Map<String, Object> badHash = new HashMap<>(evidence(1, "journaux", SHA));
    badHash.putAll(evidence(2, "connexions-actives", "abc123"));
    badHash.put("evidence1More", true);
    badHash.putAll(evidence(3, "dump-memoire", "not submitted: slot 2 did not open slot 3"));
    badHash.put("evidenceDecision", "capturees");
    assertThatThrownBy(() -> formService.submitTaskForm(capture, badHash))
        .isInstanceOf(Refusal.class)
        .hasMessage("Preuves non enregistrées : preuve n° 2 : empreinte SHA-256 invalide (64 caractères hexadécimaux attendus).");
    // video footage kept past the purge only with a ground, a justification and an end date
    Map<String, Object> hold = new HashMap<>(evidence(1, "enregistrement-video", SHA));
    hold.put("evidenceDecision", "capturees");
    hold.put("videoLegalHold", true);
    assertThatThrownBy(() -> formService.submitTaskForm(capture, hold))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("fondement légal").hasMessageContaining("justification obligatoire")
        .hasMessageContaining("date de fin obligatoire");
    asNobody();
    assertThat(active(pi, "Task_EradicateThreat")).isFalse();
    assertThat(jdbc.sql("select count(*) from security_incident_evidence where reference = ?")
        .param(pi.getBusinessKey()).query(Long.class).single()).isZero();

    hold.put("videoLegalHoldGround", "requisition-judiciaire");
    hold.put("videoLegalHoldJustification", "Réquisition du parquet de Paris n° 26/1234");
    hold.put("videoLegalHoldUntilInput", "2026-09-30");
    submit(pi, "Task_CaptureEvidence", TECH, Groups.TECHNICIANS, hold);
    assertThat(pi).isWaitingAt("Task_EradicateThreat");
    assertThat(variable(pi, "videoLegalHold")).isEqualTo(true);
    assertThat(variable(pi, "videoLegalHoldUntilLabel")).isEqualTo("30 septembre 2026");
    Map<String, Object> item = jdbc.sql("select kind, sha256, captured_by, captured_at from security_incident_evidence where reference = ?")
        .param(pi.getBusinessKey()).query().singleRow();
    assertThat(item.get("KIND")).isEqualTo("enregistrement-video");
    assertThat(item.get("SHA256")).isEqualTo(SHA);
    assertThat(item.get("CAPTURED_BY")).isEqualTo(TECH);
    assertThat(jdbc.sql("select video_legal_hold_until from security_incident where reference = ?")
        .param(pi.getBusinessKey()).query(java.time.LocalDate.class).single()).isEqualTo(java.time.LocalDate.of(2026, 9, 30));
  }

  @Test
  void qualificationRefusesAnAwarenessInTheFutureOrUnconfirmed() {
    ProcessInstance pi = reportPlain();
    runDueJobs(pi);
    Map<String, Object> form = qualification("mineur", false, "boutique");
    form.put("awarenessChoice", "autre");
    form.put("awarenessInput", "2026-03-02T11:00"); // 10:00 UTC, two hours ahead
    form.put("awarenessConfirmed", false);
    String taskId = task(pi, "Task_QualifyIncident").getId();
    as(REFERENT, Groups.CYBER_REFERENT);
    assertThatThrownBy(() -> formService.submitTaskForm(taskId, form))
        .isInstanceOf(Refusal.class)
        .hasMessage("Qualification refusée : la prise de connaissance ne peut pas être dans le futur "
            + "(2 mars 2026 à 11 h 00, heure de Paris) ; confirmez l'heure de prise de connaissance affichée "
            + "(elle fait courir les délais légaux).");
    asNobody();
    assertThat(variable(pi, "qualificationVersion")).isNull();
    assertThat(pi).isWaitingAt("Task_QualifyIncident");
  }

  @Test
  void implausibleTimesAreRefusedInFrench() {
    ProcessInstance pi = reportPlain();
    runDueJobs(pi);
    String taskId = task(pi, "Task_QualifyIncident").getId();
    as(REFERENT, Groups.CYBER_REFERENT);
    // typed day first, month first by mistake: days before the detection
    Map<String, Object> swapped = qualification("mineur", false, "boutique");
    swapped.put("awarenessChoice", "autre");
    swapped.put("awarenessInput", "02/01/2026 08:00");
    assertThatThrownBy(() -> formService.submitTaskForm(taskId, swapped)).isInstanceOf(Refusal.class)
        .hasMessageContaining("la prise de connaissance (2 janvier 2026 à 8 h 00, heure de Paris) précéderait de plus de "
            + "24 heures la détection");
    // a confirmation of another time than the one submitted is no confirmation
    Map<String, Object> stale = qualification("mineur", false, "boutique");
    stale.put("awarenessChoice", "autre");
    stale.put("awarenessInput", "02/03/2026 08:00");
    stale.put("awarenessConfirmed", "autre 02/03/2026 07:00 ");
    assertThatThrownBy(() -> formService.submitTaskForm(taskId, stale)).isInstanceOf(Refusal.class)
        .hasMessageContaining("confirmez l'heure de prise de connaissance affichée");
    stale.put("awarenessConfirmed", "autre 02/03/2026 08:00 ");
    formService.submitTaskForm(taskId, stale);
    asNobody();
    runDueJobs(pi);
    assertThat(variable(pi, "awarenessAt")).isEqualTo(Date.from(Instant.parse("2026-03-02T07:00:00Z")));

    captureEvidence(pi);
    contain(pi);
    eradicate(pi);
    verifyIntegrity(pi, true, null);
    proposeRecovery(pi, now().plusSeconds(86_400));
    agreeRecovery(pi, TestClients.PLAIN_RSSI);
    // a day before the agreed date, without the client's agreement to it
    Map<String, Object> withoutAgreement = IncidentForms.returnToService();
    withoutAgreement.remove("earlyReturnAgreement");
    assertThatThrownBy(() -> submit(pi, "Task_ReturnToService", TECH, Groups.TECHNICIANS, withoutAgreement))
        .isInstanceOf(Refusal.class)
        .hasMessageStartingWith("Remise en service non enregistrée : la date convenue avec le client est le ")
        .hasMessageEndingWith(" : pour remettre en service avant, indiquez comment le client l'a accepté.");
    assertThat(pi).isWaitingAt("Task_ReturnToService");
    returnToService(pi); // with the client's agreement noted
    assertThat(variable(pi, "earlyReturnAgreement")).isEqualTo("Accord du RSSI par téléphone");
  }
}
