package com.mileotech.cyber.update;

import com.mileotech.cyber.system.Refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestClients;
import com.mileotech.cyber.commissioning.CommissioningForms;
import com.mileotech.cyber.reminder.Audience;
import com.mileotech.cyber.reminder.RecordingReminders.Call;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** Scenarios of security-update and security-update-client, the clock moved. */
@IntegrationTest
class SecurityUpdateProcessTest extends UpdateScenario {

  @Test
  void aCriticalPatchAppliedInTimeUpdatesTheInventoryAtEachClient() {
    String nord = serial();
    String sud = serial();
    String plain = serial();
    String current = serial();
    camera(TestClients.OIV, "site-nord", nord, "10.12.1");
    camera(TestClients.OIV, "site-sud", sud, "10.9.4");
    camera(TestClients.PLAIN, "boutique", plain, "10.12.4");
    camera(TestClients.PLAIN, "boutique", current, "10.12.5"); // already fixed: not concerned
    Instant published = T0.minus(Duration.ofHours(2));
    ProcessInstance update = publish(publicationForm("CAMERA_FIRMWARE", true, "<10.12.5", published));
    String reference = update.getBusinessKey();
    assertThat(reference).matches("MAJ-2026-\\d{4}");
    assertThat(update).hasPassed("Task_RegisterUpdate", "Task_FindAffectedEquipment")
        .isWaitingAt("Task_ApplyAtEachClient");
    assertThat(update.getTenantId()).isNull();
    assertThat(variable(update, "affectedClients")).isEqualTo(List.of(TestClients.OIV, TestClients.PLAIN));
    assertThat(variable(update, "deadlineRule")).isEqualTo("security-patch-critical");

    ProcessInstance oiv = atClient(update, TestClients.OIV);
    ProcessInstance plainPi = atClient(update, TestClients.PLAIN);
    assertThat(oiv.getBusinessKey()).isEqualTo(reference);
    Instant due = published.plus(Duration.ofHours(72));
    assertThat(variable(oiv, "updateDueAt")).isEqualTo(Date.from(due));
    assertThat(oiv).hasPassed("Gateway_StagingRequired").hasNotPassed("Task_ValidateInStaging").isWaitingAt("Task_ApplyUpdate");
    assertThat(task(oiv, "Task_ApplyUpdate").getDueDate()).isEqualTo(Date.from(due));
    assertThat(task(oiv, "Task_ApplyUpdate").getName()).isEqualTo("Appliquer la mise à jour " + reference + " — Client OIV");
    assertThat(task(oiv, "Task_ApplyUpdate").getFollowUpDate()).isEqualTo(Date.from(published.plus(Duration.ofHours(24))));
    assertThat((String) variable(oiv, "applicationText")).isEqualTo(nord + " ; appliquee ; 10.12.5\n" + sud + " ; appliquee ; 10.12.5");
    assertThat((String) variable(plainPi, "applicationText")).isEqualTo(plain + " ; appliquee ; 10.12.5");

    // reminders at 24 h and 48 h after publication, to the people on the task
    now(published.plus(Duration.ofHours(24)));
    runDueJobs(update);
    now(published.plus(Duration.ofHours(48)));
    runDueJobs(update);
    assertThat(calls(oiv, "remind")).extracting(Call::name, Call::at, Call::taskDefinitionKey).containsExactly(
        tuple("update", published.plus(Duration.ofHours(24)), "Task_ApplyUpdate"),
        tuple("update", published.plus(Duration.ofHours(48)), "Task_ApplyUpdate"));

    Instant appliedAt = published.plus(Duration.ofHours(49));
    now(published.plus(Duration.ofHours(50)));
    apply(oiv, nord + " ; appliquee ; 10.12.5\n" + sud + " ; appliquee ; 10.12.6", appliedAt);
    runDueJobs(update);
    assertThat(oiv).hasPassed("Gateway_EndOfSupportFound", "Task_CloseClientUpdate", "End_ClientUpdateDone")
        .hasNotPassed("Task_OpenReplacementPlan").isEnded();
    assertThat(variable(update, "reference")).isEqualTo(reference);
    assertThat(firmware(TestClients.OIV, nord)).isEqualTo("10.12.5");
    assertThat(firmware(TestClients.OIV, sud)).isEqualTo("10.12.6");
    assertThat(firmware(TestClients.PLAIN, plain)).isEqualTo("10.12.4");
    assertThat(jdbc.sql("select last_reference from client_equipment where serial_number = ?").param(nord)
        .query(String.class).single()).isEqualTo(reference);
    Map<String, Object> row = item(reference, nord);
    assertThat(row.get("OUTCOME")).isEqualTo("appliquee");
    assertThat(row.get("VERSION_BEFORE")).isEqualTo("10.12.1");
    assertThat(row.get("NEW_VERSION")).isEqualTo("10.12.5");
    assertThat(row.get("RECORDED_BY")).isEqualTo(TECH);
    assertThat(instant(row.get("APPLIED_AT"))).isEqualTo(appliedAt);
    assertThat(jdbc.sql("select deadline_met from security_update_client where reference = ? and client_id = ?")
        .params(reference, TestClients.OIV).query(Boolean.class).single()).isTrue();
    assertThat(update).isWaitingAt("Task_ApplyAtEachClient"); // the other client is still to do

    apply(plainPi, plain + " ; appliquee ; 10.12.5", appliedAt);
    assertThat(update).hasPassed("Task_CloseUpdate", "End_UpdateClosed").isEnded();
    assertThat(jdbc.sql("select status from security_update where reference = ?").param(reference).query(String.class).single())
        .isEqualTo("close");
    now(due.plusSeconds(3600));
    assertThat(managementService.createJobQuery().processInstanceId(oiv.getId()).count()).isZero();
    assertThat(calls(oiv, "escalate")).isEmpty();
  }

  @Test
  void aMissedCriticalPatchIsEscalatedAndOpensALinkedSecurityIncident() {
    String cam = serial();
    camera(TestClients.OIV, "site-sud", cam, "10.11.0");
    Instant published = T0.minus(Duration.ofHours(1));
    ProcessInstance update = publish(publicationForm("CAMERA_FIRMWARE", true, "10.0 - 10.12.4", published));
    String reference = update.getBusinessKey();
    ProcessInstance oiv = atClient(update, TestClients.OIV);
    Instant due = published.plus(Duration.ofHours(72));
    assertThat(timer(oiv, "Event_UpdateOverdue").getDuedate()).isEqualTo(Date.from(due));

    now(due.minusSeconds(60));
    runDueJobs(update);
    assertThat(calls(oiv, "escalate")).isEmpty();
    now(due);
    runDueJobs(update);
    assertThat(calls(oiv, "escalate")).singleElement().satisfies(c -> {
      assertThat(c.name()).isEqualTo("update");
      assertThat(c.at()).isEqualTo(due);
      assertThat(c.taskDefinitionKey()).isEqualTo("Task_ApplyUpdate");
    });
    assertThat(oiv).hasPassed("Task_EscalateUpdate", "Task_OpenSecurityIncident", "End_SecurityIncidentOpened")
        .isWaitingAt("Task_ApplyUpdate"); // the patch must still be applied

    String incident = (String) variable(oiv, "securityIncident");
    assertThat(incident).matches("INC-2026-\\d{4}");
    ProcessInstance inc = runtimeService.createProcessInstanceQuery().processDefinitionKey("security-incident")
        .processInstanceBusinessKey(incident).singleResult();
    assertThat(inc.getTenantId()).isEqualTo(TestClients.OIV);
    assertThat(variable(inc, "detectionSource")).isEqualTo("alerte-non-resolue");
    assertThat(variable(inc, "securityUpdate")).isEqualTo(reference);
    assertThat(variable(inc, "externalAlertId")).isEqualTo(reference + "/" + TestClients.OIV);
    assertThat(variable(inc, "siteIds")).isEqualTo("site-sud");
    assertThat(variable(inc, "detectedAt")).isEqualTo(Date.from(due));
    assertThat((String) variable(inc, "description")).startsWith("Correctif de sécurité critique " + reference)
        .contains("non appliqué dans les 72 heures").contains(cam);
    assertThat(jdbc.sql("select security_incident from security_update_client where reference = ? and client_id = ?")
        .params(reference, TestClients.OIV).query(String.class).single()).isEqualTo(incident);
    assertThat(jdbc.sql("select external_alert_id from security_incident where reference = ?").param(incident)
        .query(String.class).single()).isEqualTo(reference + "/" + TestClients.OIV);

    // applied a day late: recorded as missed
    now(due.plus(Duration.ofDays(1)));
    apply(oiv, cam + " ; appliquee ; 10.12.5", due.plus(Duration.ofHours(20)));
    assertThat(update).isEnded();
    assertThat(jdbc.sql("select deadline_met from security_update_client where reference = ? and client_id = ?")
        .params(reference, TestClients.OIV).query(Boolean.class).single()).isFalse();
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("security-incident")
        .variableValueEquals("securityUpdate", reference).count()).isEqualTo(1);
  }

  @Test
  void aVmsUpdateDeferredThirtyDaysIsEscalatedWithoutIncident() {
    vms(TestClients.PLAIN, "boutique", "2024 R1");
    Instant published = T0.minus(Duration.ofDays(1));
    ProcessInstance update = publish(publicationForm("VMS", false, "<2024 R2", "2024 R2", published));
    ProcessInstance plain = atClient(update, TestClients.PLAIN);
    assertThat(variable(plain, "updateRule")).isEqualTo("vms-update");
    // 30 calendar days in Paris: the hour stays 08:00 Paris across the change to summer time (29 March)
    Instant due = published.atZone(PARIS).plusDays(30).toInstant();
    assertThat(due).isEqualTo(Instant.parse("2026-03-31T07:00:00Z"));
    assertThat(variable(plain, "updateDueAt")).isEqualTo(Date.from(due));
    assertThat((String) variable(plain, "affectedItems")).isEqualTo("- VMS " + product + " (Boutique), version 2024 R1");

    now(due.atZone(PARIS).minusDays(7).toInstant());
    runDueJobs(update);
    now(due.atZone(PARIS).minusDays(2).toInstant());
    runDueJobs(update);
    now(due);
    runDueJobs(update);
    assertThat(recorder().calls(plain.getId())).extracting(Call::kind, Call::at).containsExactly(
        tuple("remind", due.atZone(PARIS).minusDays(7).toInstant()),
        tuple("remind", due.atZone(PARIS).minusDays(2).toInstant()),
        tuple("escalate", due));
    assertThat(plain).hasPassed("Gateway_CriticalPatch", "End_UpdateEscalated").hasNotPassed("Task_OpenSecurityIncident")
        .isWaitingAt("Task_ApplyUpdate");
    assertThat(variable(plain, "securityIncident")).isNull();

    now(due.plus(Duration.ofDays(3)));
    apply(plain, "VMS@boutique ; appliquee ; 2024 R2", due.plus(Duration.ofDays(2)));
    assertThat(plain).isEnded();
    assertThat(jdbc.sql("select version from client_software where client_id = ? and site_id = 'boutique' and kind = 'VMS'")
        .param(TestClients.PLAIN).query(String.class).single()).isEqualTo("2024 R2");
  }

  @Test
  void stagingValidationComesFirstInsideTheSameDeadline() {
    String nvr = serial();
    equipment(STAGING, "datacenter", "NVR", nvr, product, "4.1.0");
    Instant published = T0.minus(Duration.ofHours(3));
    ProcessInstance update = publish(publicationForm("NVR_FIRMWARE", true, "<=4.1.0", published));
    ProcessInstance staging = atClient(update, STAGING);
    Instant due = published.plus(Duration.ofHours(72));
    assertThat(staging).hasPassed("Gateway_StagingRequired").isWaitingAt("Task_ValidateInStaging");
    assertThat(task(staging, "Task_ValidateInStaging").getDueDate()).isEqualTo(Date.from(due));
    assertThat(timer(staging, "Event_UpdateOverdue").getDuedate()).isEqualTo(Date.from(due));

    // incomplete: refused, nothing recorded
    assertThatThrownBy(() -> submit(staging, "Task_ValidateInStaging", UpdateForms.stagingFailed(null, null)))
        .isInstanceOf(Refusal.class)
        .hasMessage("Validation non enregistrée : environnement de préproduction obligatoire ; décrivez l'échec constaté.");
    submit(staging, "Task_ValidateInStaging",
        UpdateForms.stagingFailed("Banc NVR", "Perte des flux RTSP après mise à jour"));
    runDueJobs(update);
    assertThat(staging).hasPassed("Task_ReportStagingFailure").isWaitingAt("Task_ValidateInStaging");
    Call failure = calls(staging, "inform").get(0);
    assertThat(failure.name()).isEqualTo("staging-failed-1");
    assertThat(failure.notice().template()).isEqualTo("update-staging-failed");
    assertThat(failure.notice().audience()).containsExactlyInAnyOrder(Audience.CYBER_REFERENT, Audience.PROJECT_MANAGERS);
    assertThat((String) failure.notice().model().get("body")).contains("Perte des flux RTSP après mise à jour");

    now(published.plus(Duration.ofHours(30)));
    submit(staging, "Task_ValidateInStaging", UpdateForms.stagingValidated("Banc NVR v2"));
    assertThat(staging).isWaitingAt("Task_ApplyUpdate");
    assertThat(task(staging, "Task_ApplyUpdate").getDueDate()).isEqualTo(Date.from(due)); // the same deadline
    assertThat(jdbc.sql("select staging_validated_by from security_update_client where reference = ? and client_id = ?")
        .params(update.getBusinessKey(), STAGING).query(String.class).single()).isEqualTo(TECH);
    apply(staging, nvr + " ; appliquee ; 4.2.0", published.plus(Duration.ofHours(29)));
    assertThat(staging).isEnded();
    assertThat(update).isEnded();
    assertThat(firmware(STAGING, nvr)).isEqualTo("4.2.0");
  }

  @Test
  void equipmentAtEndOfSupportOpensTheReplacementPlanAndARefusalIsRecorded() {
    String old = serial();
    String refused = serial();
    String ok = serial();
    equipment(TestClients.PLAIN, "boutique", "NVR", old, product, "3.0.2");
    equipment(TestClients.PLAIN, "boutique", "NVR", refused, product, "3.1.0");
    equipment(TestClients.PLAIN, "boutique", "NVR", ok, product, "3.1.1");
    Instant published = T0.minus(Duration.ofDays(2));
    ProcessInstance update = publish(publicationForm("NVR_FIRMWARE", false, "<3.2.0", "3.2.0", published));
    ProcessInstance plain = atClient(update, TestClients.PLAIN);
    // neither critical nor VMS: the configured default, 60 calendar days
    assertThat(variable(plain, "updateRule")).isEqualTo("security-update");
    assertThat(variable(plain, "updateDueAt")).isEqualTo(Date.from(published.atZone(PARIS).plusDays(60).toInstant()));

    now(T0.plus(Duration.ofDays(3)));
    apply(plain, old + " ; fin-de-support ; le constructeur ne publie plus de firmware pour ce modèle\n"
        + refused + " ; refus-client ; gel des changements jusqu'à la fin des soldes\n"
        + ok + " ; appliquee ; 3.2.0", T0.plus(Duration.ofDays(2)));
    runDueJobs(update);
    assertThat(plain).isWaitingAt("Task_OpenReplacementPlan");
    ProcessInstance plan = runtimeService.createProcessInstanceQuery().superProcessInstanceId(plain.getId()).singleResult();
    assertThat(plan.getProcessDefinitionId()).startsWith("equipment-replacement:");
    assertThat(plan.getTenantId()).isEqualTo(TestClients.PLAIN);
    assertThat(plan).hasPassed("Task_ReportEndOfSupport").isWaitingAt("Task_PlanReplacement");
    Call report = calls(plan, "inform").get(0);
    assertThat(report.name()).isEqualTo("equipment-end-of-support");
    assertThat(report.notice().audience()).containsExactly(Audience.CLIENT_RSSI);
    assertThat((String) report.notice().model().get("body"))
        .startsWith("Lors de la mise à jour de sécurité " + update.getBusinessKey() + " (")
        .contains("nous avons relevé 1 équipement(s)")
        .contains("NVR " + product + " (n° " + old + ", Boutique), version 3.0.2 — le constructeur ne publie plus de firmware pour ce modèle");
    assertThat(runtimeService.getVariable(plan.getId(), "siteName")).isEqualTo("Boutique");

    assertThat(jdbc.sql("select security_updates from client_equipment where serial_number = ?").param(old)
        .query(Boolean.class).single()).isFalse();
    assertThat(firmware(TestClients.PLAIN, old)).isEqualTo("3.0.2");
    assertThat(firmware(TestClients.PLAIN, refused)).isEqualTo("3.1.0");
    assertThat(firmware(TestClients.PLAIN, ok)).isEqualTo("3.2.0");
    assertThat(item(update.getBusinessKey(), old)).containsEntry("OUTCOME", "fin-de-support")
        .containsEntry("REASON", "le constructeur ne publie plus de firmware pour ce modèle").containsEntry("RECORDED_BY", TECH);
    assertThat(item(update.getBusinessKey(), refused)).containsEntry("OUTCOME", "refus-client")
        .containsEntry("REASON", "gel des changements jusqu'à la fin des soldes");
    assertThat(item(update.getBusinessKey(), refused).get("APPLIED_AT")).isNull();

    taskService.complete(task(plan, "Task_PlanReplacement").getId(),
        CommissioningForms.replacementPlan("Remplacer par un NVR de la gamme actuelle", "2026-06-30"));
    assertThat(plan).isEnded();
    assertThat(plain).hasPassed("Task_CloseClientUpdate").isEnded();
    assertThat(update).isEnded();
  }

  @Test
  void aFixingVersionThatIsItselfAffectedIsRefused() {
    camera(TestClients.OIV, "site-nord", serial(), "10.0.0");
    assertThatThrownBy(() -> publish(publicationForm("CAMERA_FIRMWARE", false, "*", T0.minusSeconds(60))))
        .isInstanceOf(Refusal.class)
        .hasMessage("Mise à jour refusée : Version corrective : la version corrective 10.12.5 fait partie des versions concernées.");
  }

  @Test
  void anAdvisoryConcerningNoInstalledVersionEndsAtOnce() {
    camera(TestClients.OIV, "site-nord", serial(), "11.0.0");
    ProcessInstance update = publish(publicationForm("CAMERA_FIRMWARE", true, "<10.12.5", T0.minusSeconds(600)));
    assertThat(update).hasPassed("Task_FindAffectedEquipment", "Task_CloseUpdate", "End_UpdateClosed")
        .hasNotPassed("Task_ApplyAtEachClient").isEnded();
    assertThat(jdbc.sql("select status from security_update where reference = ?").param(update.getBusinessKey())
        .query(String.class).single()).isEqualTo("sans-objet");
  }

  @Test
  void aRefusedPublicationNamesEachFieldAndStartsNothing() {
    camera(TestClients.OIV, "site-nord", serial(), "10.0.0");
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("security-update").count();
    Map<String, Object> form = publicationForm("CAMERA_FIRMWARE", true, "<10.12.5\n10.x -", T0.plus(Duration.ofHours(2)));
    form.put("product", "Caméra inconnue");
    form.remove("criticalAnswer");
    form.put("cveIdsText", "CVE-2026-1");
    assertThatThrownBy(() -> publish(form))
        .isInstanceOf(Refusal.class)
        .hasMessage("Mise à jour refusée : Produit : produit inconnu « Caméra inconnue » : aucun client n'a de caméra de ce nom "
            + "dans l'inventaire ; Correctif critique : criticité obligatoire : true (correctif de sécurité critique) ou false ; "
            + "Versions concernées, ligne 2 : condition de version illisible « 10.x - » (ex. 5.2.0, <5.2.1, <=5.2.0, >=5.0, "
            + "5.0 - 5.2.0 ou *) ; CVE, ligne 1 : identifiant CVE mal formé « CVE-2026-1 » (ex. CVE-2026-12345) ; "
            + "Publication : la publication ne peut pas être dans le futur (2 mars 2026 à 11 h 00, heure de Paris).");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("security-update").count()).isEqualTo(before);

    // the same advisory twice: the second is refused with the first one's reference
    Map<String, Object> valid = publicationForm("CAMERA_FIRMWARE", false, "<10.12.5", T0.minusSeconds(60));
    ProcessInstance first = publish(valid);
    Map<String, Object> again = new java.util.HashMap<>(valid);
    again.put("advisory", "  " + valid.get("advisory").toString().toLowerCase() + " ");
    assertThatThrownBy(() -> publish(again))
        .isInstanceOf(Refusal.class)
        .hasMessage("Mise à jour refusée : Bulletin : ce bulletin est déjà enregistré pour " + product
            + " sous la référence " + first.getBusinessKey() + ".");
  }

  @Test
  void anIncompleteOrInconsistentApplicationIsRefusedAsAWhole() {
    String a = serial();
    String b = serial();
    camera(TestClients.OIV, "site-nord", a, "10.1.0");
    camera(TestClients.OIV, "site-sud", b, "10.2.0");
    Instant published = T0.minus(Duration.ofHours(5));
    ProcessInstance update = publish(publicationForm("CAMERA_FIRMWARE", true, "<10.12.5", published));
    ProcessInstance oiv = atClient(update, TestClients.OIV);
    assertThatThrownBy(() -> apply(oiv, a + " ; appliquee ; 10.12.4\nXYZ ; appliquee ; 10.12.5\n"
        + a + " ; fin-de-support ; x", T0.plus(Duration.ofHours(1))))
        .isInstanceOf(Refusal.class)
        .hasMessage("Application refusée : date de l'intervention dans le futur (2 mars 2026 à 10 h 00, heure de Paris) ; "
            + "ligne 1 : la version 10.12.4 de " + a + " est encore concernée par le bulletin " + variable(oiv, "advisory")
            + " ; ligne 2 : « XYZ » n'est pas concerné par cette mise à jour chez ce client ; "
            + "ligne 3 : motif obligatoire pour " + a + " (fin-de-support) ; « " + b + " » sans résultat.");
    assertThatThrownBy(() -> apply(oiv, a + " ; installee ; 10.12.5\n" + b + " ; refus-client ;",
        published.minusSeconds(60)))
        .isInstanceOf(Refusal.class)
        .hasMessage("Application refusée : date de l'intervention antérieure à la publication (2 mars 2026 à 4 h 00, "
            + "heure de Paris) ; ligne 1 : résultat « installee » inconnu pour " + a
            + " (appliquee, fin-de-support ou refus-client) ; ligne 2 : motif obligatoire pour " + b + " (refus-client).");
    assertThat(oiv).isWaitingAt("Task_ApplyUpdate");
    assertThat(firmware(TestClients.OIV, a)).isEqualTo("10.1.0");
    assertThat(item(update.getBusinessKey(), a)).containsEntry("OUTCOME", "a-traiter");
  }
}
