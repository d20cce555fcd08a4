package com.mileotech.cyber.commissioning;

import com.mileotech.cyber.system.Refusal;
import com.mileotech.cyber.MapScope;
import static com.mileotech.cyber.commissioning.CommissioningForms.allConforme;
import static com.mileotech.cyber.commissioning.CommissioningForms.equipment;
import static com.mileotech.cyber.commissioning.CommissioningForms.nonConforme;
import static com.mileotech.cyber.commissioning.CommissioningForms.standardInventory;
import static com.mileotech.cyber.commissioning.CommissioningForms.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.mileotech.cyber.EngineSteps;
import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestClients;
import com.mileotech.cyber.client.Client;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.client.ClientService;
import com.mileotech.cyber.client.ContractType;
import com.mileotech.cyber.client.RegulatoryRegime;
import com.mileotech.cyber.reminder.Audience;
import com.mileotech.cyber.reminder.RecordingReminders;
import com.mileotech.cyber.reminder.Reminders;
import com.mileotech.cyber.security.Groups;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * vms-commissioning, path by path: the checklist of GUID-PREM-003 filled, checked, signed and
 * issued; non-conformities followed against their deadline (clock moved); end-of-support
 * equipment; the Premium annual audit.
 */
@IntegrationTest
class CommissioningProcessTest {

  /** A Monday morning in Paris (winter time). */
  static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired EngineSteps steps;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired ClientRepository clientRepository;
  @Autowired ClientService clientService;
  @Autowired Reminders reminders;
  @Autowired ChecklistDocuments documents;
  @Autowired EquipmentInventory inventory;

  CommissioningFixture fx;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(processEngine);
    fx = new CommissioningFixture(runtimeService, taskService, managementService, identityService, clientRepository,
        clientService, reminders, steps);
    fx.ensureAccounts();
    ClockUtil.setCurrentTime(Date.from(T0));
    recorder().clear();
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  @Test
  void aFullyConformeChecklistIsSignedAndIssuedToTheClient() throws IOException {
    ProcessInstance pi = fx.start(TestClients.PLAIN, "boutique", false, standardInventory("OK"));
    String reference = (String) runtimeService.getVariable(pi.getId(), "reference");
    assertThat(reference).matches("CHK-2026-\\d{4}");
    assertThat(pi).isWaitingAt("Task_FillChecklist").hasBusinessKey(reference)
        .hasVariables("clientName", "siteName", "catalogueVersion");
    assertThat(runtimeService.getVariable(pi.getId(), "clientName")).isEqualTo("Client sans régime");
    assertThat(runtimeService.getVariable(pi.getId(), "siteName")).isEqualTo("Boutique");
    assertThat(task(pi).getTenantId()).isEqualTo(TestClients.PLAIN);

    fx.fill(pi, allConforme());
    assertThat(runtimeService.getVariable(pi.getId(), "checklistSummary"))
        .isEqualTo("32 points : 32 conforme(s), 0 non conforme(s), 0 non applicable(s)");
    assertThat(pi).isWaitingAt("Task_SignChecklist");
    fx.sign(pi);

    String hash = (String) runtimeService.getVariable(pi.getId(), "signatureSha256");
    assertThat(hash).matches("[0-9a-f]{64}");
    assertThat(hash).isEqualTo(ChecklistState.content(new MapScope(runtimeService.getVariables(pi.getId()))).sha256());
    assertThat(runtimeService.getVariable(pi.getId(), "signedBy")).isEqualTo(CommissioningFixture.TECHNICIAN);
    assertThat(runtimeService.getVariable(pi.getId(), "signedAt")).isEqualTo(Date.from(T0));
    assertThat(pi).isWaitingAt("Task_IssueDocument"); // async: the PDF and the mail run as a job

    fx.runDueJobs(pi);
    assertThat(pi).hasPassed("Task_VerifySignature", "Task_IssueDocument", "End_NoNonConformity",
        "End_AllEquipmentSupported", "End_NoAnnualAudit").isEnded();

    List<ChecklistDocuments.Version> versions = documents.versions(reference);
    assertThat(versions).hasSize(1);
    assertThat(versions.get(0).signatureSha256()).isEqualTo(hash);
    assertThat(versions.get(0).contentSha256()).isEqualTo(hash);
    assertThat(versions.get(0).signedBy()).isEqualTo(CommissioningFixture.TECHNICIAN);
    assertThat(versions.get(0).retainUntil()).isEqualTo(LocalDate.of(2027, 12, 31));

    RecordingReminders.Call mail = recorder().calls(pi.getId()).stream()
        .filter(c -> c.name().equals("checklist-issued-v1")).findFirst().orElseThrow();
    assertThat(mail.notice().template()).isEqualTo("checklist-issued");
    assertThat(mail.notice().audience()).containsExactly(Audience.CLIENT_RSSI);
    assertThat((String) mail.notice().model().get("title")).isEqualTo("Checklist de durcissement VMS " + reference + " — version 1");
    assertThat(mail.notice().attachments()).singleElement().satisfies(a -> {
      assertThat(a.fileName()).isEqualTo("checklist-durcissement-" + reference + "-v1.pdf");
      assertThat(a.contentType()).isEqualTo("application/pdf");
      assertThat(a.content()).isEqualTo(documents.pdf(reference, 1).orElseThrow());
    });

    String text = pdfText(documents.pdf(reference, 1).orElseThrow());
    for (Catalogue.Point point : Catalogues.read("GUID-PREM-003-v1.3").points()) {
      assertThat(text).contains(point.id());
    }
    assertThat(text).contains(reference, "Client sans régime", "Boutique", "Milestone XProtect Corporate 2024 R2",
        "Prénom Nom (tech.commissioning)", hash, "GUID-PREM-003 v1.3", "OK-CAM2", "11.8.64",
        "Version TLS minimale acceptée : TLS 1.2", "Conservé jusqu'au", "31/12/2027");
    assertThat(text).doesNotContain("Non conforme");

    assertThat(inventory.of(TestClients.PLAIN)).filteredOn(i -> i.serialNumber().equals("OK-CAM2")).singleElement()
        .satisfies(i -> {
          assertThat(i.firmwareVersion()).isEqualTo("11.8.64");
          assertThat(i.lastReference()).isEqualTo(reference);
        });
  }

  @Test
  void aNonConformityWithoutRemediationDeadlineIsRefusedAndNothingIsSaved() {
    ProcessInstance pi = fx.start(TestClients.PLAIN, "boutique", false, standardInventory("NCD"));
    Object before = runtimeService.getVariable(pi.getId(), "checklistVms").toString();
    List<PointEntry> points = with(allConforme(), "VMS-04", p -> {
      p.status = "NON_CONFORME";
      p.comment = "Certificat auto-signé en production";
    });
    with(points, "SRV-02", p -> p.status = null);

    assertThatThrownBy(() -> fx.fill(pi, points))
        .isInstanceOf(Refusal.class)
        .hasMessage("Checklist refusée : SRV-02 : statut manquant (Conforme, Non conforme ou Non applicable) ; "
            + "VMS-04 : Non conforme sans délai de remédiation.");
    assertThat(pi).isWaitingAt("Task_FillChecklist");
    assertThat(runtimeService.getVariable(pi.getId(), "checklistVms").toString()).isEqualTo(before);
    assertThat(runtimeService.getVariable(pi.getId(), "checklistSummary")).isNull();
  }

  @Test
  void aNonApplicablePointWithoutJustificationIsRefused() {
    ProcessInstance pi = fx.start(TestClients.PLAIN, "boutique", false, standardInventory("NAJ"));
    List<PointEntry> points = with(allConforme(), "SRV-08", p -> p.status = "NON_APPLICABLE");
    assertThatThrownBy(() -> fx.fill(pi, points))
        .isInstanceOf(Refusal.class)
        .hasMessage("Checklist refusée : SRV-08 : Non applicable sans justification.");
    assertThat(pi).isWaitingAt("Task_FillChecklist");

    with(points, "SRV-08", p -> p.justification = "Le client n'a pas de SIEM");
    fx.fill(pi, points);
    assertThat(pi).isWaitingAt("Task_SignChecklist");
  }

  @Test
  void aConformePointContradictedByItsFigureOrTheInventoryIsRefused() {
    List<Map<String, Object>> inventory = List.of(
        equipment("SERVER", "Dell R760", "FIG-SRV1", "2.3.5", true),
        equipment("CAMERA", "Vieille caméra", "FIG-CAM1", "1.0", false));
    ProcessInstance pi = fx.start(TestClients.PLAIN, "boutique", false, inventory);
    List<PointEntry> points = allConforme();
    with(points, "VMS-03", p -> p.tlsMinVersion = "1.1");
    with(points, "CAM-02", p -> p.adminPasswordLength = 10);
    with(points, "NVR-04", p -> p.httpDisabled = false);

    assertThatThrownBy(() -> fx.fill(pi, points))
        .isInstanceOf(Refusal.class)
        .hasMessage("Checklist refusée : "
            + "VMS-03 : Conforme alors que TLS 1.1 accepté, le guide exige TLS 1.2 minimum ; "
            + "NVR-04 : Conforme alors que HTTP actif alors que HTTPS est disponible ; "
            + "CAM-02 : Conforme alors que mot de passe administrateur de 10 caractères, le guide en exige 12 au moins ; "
            + "CAM-07 : Conforme alors que Caméra Vieille caméra (n° FIG-CAM1) ne reçoit plus de mises à jour de sécurité.");
  }

  @Test
  void editingTheChecklistAfterSigningVoidsTheSignatureAndAsksForANewOne() {
    ProcessInstance pi = fx.start(TestClients.PLAIN, "boutique", true, standardInventory("VOID"));
    fx.fill(pi, allConforme());
    fx.sign(pi);
    String firstHash = (String) runtimeService.getVariable(pi.getId(), "signatureSha256");
    assertThat(pi).isWaitingAt("Task_ReviewChecklist");

    // someone changes a point after the signature (Cockpit, REST API...)
    List<PointEntry> edited = with(allConforme(), "VMS-06", p -> p.comment = "ajouté après la signature");
    runtimeService.setVariable(pi.getId(), "checklistVms", CommissioningForms.fill(edited).get("checklistVms"));
    fx.completeAs(CommissioningFixture.PROJECT_MANAGER, Groups.PROJECT_MANAGERS, pi, "Task_ReviewChecklist",
        Map.of("reviewDecision", "APPROVE"));

    assertThat(pi).hasPassed("Task_VerifySignature", "Task_VoidSignature").isWaitingAt("Task_FillChecklist");
    assertThat(runtimeService.getVariable(pi.getId(), "signatureSha256")).isNull();
    assertThat(runtimeService.getVariable(pi.getId(), "signedBy")).isNull();
    assertThat(runtimeService.getVariable(pi.getId(), "signatureVoidReason"))
        .isEqualTo("checklist modifiée après la signature de tech.commissioning");
    assertThat(documents.versions((String) runtimeService.getVariable(pi.getId(), "reference"))).isEmpty();

    fx.fill(pi, edited);
    fx.sign(pi);
    String secondHash = (String) runtimeService.getVariable(pi.getId(), "signatureSha256");
    assertThat(secondHash).isNotEqualTo(firstHash);
    String reference = (String) runtimeService.getVariable(pi.getId(), "reference");
    fx.completeAs(CommissioningFixture.PROJECT_MANAGER, Groups.PROJECT_MANAGERS, pi, "Task_ReviewChecklist",
        Map.of("reviewDecision", "APPROVE"));
    fx.runDueJobs(pi);
    assertThat(pi).isEnded();
    assertThat(documents.versions(reference)).singleElement()
        .satisfies(v -> assertThat(v.signatureSha256()).isEqualTo(secondHash));
  }

  @Test
  void theProjectManagerAskingForCorrectionsVoidsTheSignature() {
    ProcessInstance pi = fx.start(TestClients.PLAIN, "boutique", true, standardInventory("REV"));
    fx.fill(pi, allConforme());
    fx.sign(pi);
    fx.completeAs(CommissioningFixture.PROJECT_MANAGER, Groups.PROJECT_MANAGERS, pi, "Task_ReviewChecklist",
        Map.of("reviewDecision", "CHANGES", "reviewComment", "Préciser la version du VMS"));
    assertThat(pi).hasPassed("Task_VoidSignature").isWaitingAt("Task_FillChecklist");
    assertThat(runtimeService.getVariable(pi.getId(), "signatureSha256")).isNull();
    assertThat(runtimeService.getVariable(pi.getId(), "signatureVoidReason"))
        .isEqualTo("corrections demandées par le chef de projet : Préciser la version du VMS");
  }

  @Test
  void theTechnicianMayGoBackToTheFillInInsteadOfSigning() {
    ProcessInstance pi = fx.start(TestClients.PLAIN, "boutique", false, standardInventory("EDIT"));
    fx.fill(pi, allConforme());
    fx.completeAs(CommissioningFixture.TECHNICIAN, Groups.TECHNICIANS, pi, "Task_SignChecklist",
        Map.of("signatureDecision", "EDIT"));
    assertThat(pi).isWaitingAt("Task_FillChecklist");
    assertThat(runtimeService.getVariable(pi.getId(), "signedBy")).isNull();
  }

  @Test
  void signingNeedsTheCertificationAndAnAuthenticatedTechnician() {
    ProcessInstance pi = fx.start(TestClients.PLAIN, "boutique", false, standardInventory("CERT"));
    fx.fill(pi, allConforme());
    Task sign = fx.task(pi, "Task_SignChecklist");
    assertThatThrownBy(() -> taskService.complete(sign.getId(), Map.of("signatureDecision", "SIGN", "signatureConfirmed", true)))
        .isInstanceOf(Refusal.class)
        .hasMessage("Signature impossible : aucun utilisateur authentifié.");
    assertThatThrownBy(() -> fx.completeAs(CommissioningFixture.TECHNICIAN, Groups.TECHNICIANS, pi, "Task_SignChecklist",
        Map.of("signatureDecision", "SIGN", "signatureConfirmed", false)))
        .isInstanceOf(Refusal.class)
        .hasMessage("Signature refusée : cochez la certification avant de signer.");
    assertThat(pi).isWaitingAt("Task_SignChecklist");
  }

  @Test
  void aNonConformityIsRemindedThenClosedByAReverificationWhichIssuesANewVersion() throws IOException {
    ProcessInstance pi = fx.start(TestClients.PLAIN, "boutique", false, standardInventory("REM"));
    LocalDate deadline = LocalDate.of(2026, 3, 31);
    fx.fill(pi, with(allConforme(), "VMS-03", p -> {
      nonConforme(p, deadline);
      p.tlsMinVersion = "1.0";
    }));
    fx.sign(pi);
    fx.runDueJobs(pi);
    String reference = (String) runtimeService.getVariable(pi.getId(), "reference");
    assertThat(pi).hasPassed("Task_IssueDocument").isWaitingAt("Task_RemediateNonConformity");
    Task remediation = fx.task(pi, "Task_RemediateNonConformity");
    assertThat(remediation.getName()).startsWith("Lever la non-conformité VMS-03 CHK-").endsWith(" — Client sans régime, Boutique");
    // due at the end of the technician's date in Paris: 1 April 00:00 (summer time) = 31 March 22:00 UTC
    Instant due = Instant.parse("2026-03-31T22:00:00Z");
    assertThat(remediation.getDueDate()).isEqualTo(Date.from(due));
    // the deadline variables are local to the non-conformity's instance, not on the process
    assertThat(runtimeService.getVariableLocal(pi.getId(), "remediationDueAt")).isNull();
    assertThat(pdfText(documents.pdf(reference, 1).orElseThrow())).contains("Non conforme", "Remédiation avant le 31/03/2026");

    // P7D before the due date: first reminder (the rule's reminders-before-due: P7D, P1D)
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.ofInstant(due, CommissioningFixture.PARIS).minusDays(7).toInstant()));
    fx.runDueJobs(pi);
    assertThat(recorder().calls(pi.getId())).filteredOn(c -> c.kind().equals("remind")).singleElement().satisfies(c -> {
      assertThat(c.name()).isEqualTo("remediation");
      assertThat(c.taskDefinitionKey()).isEqualTo("Task_RemediateNonConformity");
    });

    // the technician re-verifies: a refusal first (TLS still 1.1), then the fix
    Map<String, Object> refused = Map.of("reverification", Json.variable(Map.of(
        "tlsMinVersion", "1.1", "comment", "Suites TLS reconfigurées", "confirmed", true)));
    assertThatThrownBy(() -> fx.completeAs(CommissioningFixture.OTHER_TECHNICIAN, Groups.TECHNICIANS, pi,
        "Task_RemediateNonConformity", refused))
        .isInstanceOf(Refusal.class)
        .hasMessage("Revérification refusée : VMS-03 : Conforme alors que TLS 1.1 accepté, le guide exige TLS 1.2 minimum.");
    fx.completeAs(CommissioningFixture.OTHER_TECHNICIAN, Groups.TECHNICIANS, pi, "Task_RemediateNonConformity",
        Map.of("reverification", Json.variable(Map.of("tlsMinVersion", "1.3", "comment", "TLS 1.0 et 1.1 désactivés",
            "confirmed", true, "firmwareUpdates", "REM-NVR1 ; V4.80.000"))));
    fx.runDueJobs(pi);
    assertThat(pi).hasPassed("Task_ReissueDocument", "End_NonConformitiesClosed").isEnded();

    PointEntry point = ChecklistState.point(new MapScope(historicVariables(pi)), "VMS-03");
    assertThat(point.status).isEqualTo("CONFORME");
    assertThat(point.tlsMinVersion).isEqualTo("1.3");
    assertThat(point.reverifications).singleElement().satisfies(r -> {
      assertThat(r.by()).isEqualTo("Prénom Nom (tech.remediation)");
      assertThat(r.at()).isEqualTo(ClockUtil.getCurrentTime().toInstant().toString());
      assertThat(r.finding()).isEqualTo("Constat sur VMS-03");
    });
    assertThat(historicVariables(pi).get("remediationMet")).isNull(); // local to the finished instance
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("remediationMet").singleResult().getValue()).isEqualTo(true);

    List<ChecklistDocuments.Version> versions = documents.versions(reference);
    assertThat(versions).extracting(ChecklistDocuments.Version::version).containsExactly(1, 2);
    assertThat(versions.get(1).reason()).isEqualTo("Non-conformité VMS-03 levée après revérification");
    assertThat(versions.get(1).contentSha256()).isNotEqualTo(versions.get(1).signatureSha256());
    assertThat(versions.get(1).signatureSha256()).isEqualTo(versions.get(0).signatureSha256());
    String v2 = pdfText(documents.pdf(reference, 2).orElseThrow());
    assertThat(v2).contains("Non-conformité levée le", "Prénom Nom (tech.remediation)", "TLS 1.0 et 1.1 désactivés",
        versions.get(1).contentSha256(), "Historique des versions", "Émission de la checklist signée");
    assertThat(v2).doesNotContain("Remédiation avant le");
    assertThat(inventory.of(TestClients.PLAIN)).filteredOn(i -> i.serialNumber().equals("REM-NVR1"))
        .singleElement().satisfies(i -> assertThat(i.firmwareVersion()).isEqualTo("V4.80.000"));
    assertThat(recorder().calls(pi.getId())).filteredOn(c -> c.name().equals("checklist-issued-v2")).hasSize(1);
  }

  @Test
  void anOverdueNonConformityIsEscalatedToTheProjectManagersAndStaysOpen() {
    ProcessInstance pi = fx.start(TestClients.PLAIN, "boutique", false, standardInventory("LATE"));
    fx.fill(pi, with(with(allConforme(), "SRV-06", p -> {
      nonConforme(p, LocalDate.of(2026, 3, 20));
      p.criticalPatchDelayHours = 240;
    }), "CAM-05", p -> nonConforme(p, LocalDate.of(2026, 6, 30))));
    fx.sign(pi);
    fx.runDueJobs(pi);
    assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_RemediateNonConformity").count())
        .isEqualTo(2);

    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-21T00:00:00Z"))); // 20 March ended in Paris
    fx.runDueJobs(pi);
    List<RecordingReminders.Call> escalations = recorder().calls(pi.getId()).stream()
        .filter(c -> c.kind().equals("escalate")).toList();
    assertThat(escalations).singleElement().satisfies(c -> {
      assertThat(c.name()).isEqualTo("remediation");
      assertThat(c.at()).isEqualTo(Instant.parse("2026-03-20T23:00:00Z"));
    });
    // the remediation of SRV-06 is still to be done; CAM-05's deadline is not reached
    assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_RemediateNonConformity").count())
        .isEqualTo(2);
    assertThat(recorder().calls(pi.getId())).filteredOn(c -> c.kind().equals("remind")).extracting(RecordingReminders.Call::at)
        .containsExactly(Instant.parse("2026-03-19T23:00:00Z")); // the latest reminder due, not every missed one
  }

  @Test
  void equipmentWithoutSecurityUpdatesIsReportedAndOpensAReplacementPlan() {
    List<Map<String, Object>> inventory = List.of(
        equipment("SERVER", "Dell R760", "EOS-SRV1", "2.3.5", true),
        equipment("CAMERA", "Caméra ancienne génération", "EOS-CAM1", "5.2.1", false));
    ProcessInstance pi = fx.start(TestClients.PLAIN, "boutique", false, inventory);
    fx.fill(pi, with(allConforme(), "CAM-07", p -> nonConforme(p, LocalDate.of(2026, 9, 30))));
    fx.sign(pi);
    fx.runDueJobs(pi);

    // the replacement plan is the shared process equipment-replacement, called with this checklist's facts
    assertThat(pi).isWaitingAt("Task_OpenReplacementPlan", "Task_RemediateNonConformity");
    ProcessInstance plan = runtimeService.createProcessInstanceQuery().superProcessInstanceId(pi.getId()).singleResult();
    assertThat(plan.getProcessDefinitionId()).startsWith("equipment-replacement:");
    assertThat(plan.getTenantId()).isEqualTo(TestClients.PLAIN);
    assertThat(plan.getBusinessKey()).isEqualTo(pi.getBusinessKey());
    fx.runDueJobs(plan);
    assertThat(plan).hasPassed("Task_ReportEndOfSupport").isWaitingAt("Task_PlanReplacement");
    RecordingReminders.Call report = recorder().calls(plan.getId()).stream()
        .filter(c -> c.name().equals("equipment-end-of-support")).findFirst().orElseThrow();
    assertThat(report.notice().audience()).containsExactly(Audience.CLIENT_RSSI);
    assertThat(report.notice().template()).isEqualTo("equipment-end-of-support");
    assertThat((String) report.notice().model().get("body")).startsWith("Lors de la mise en service " + pi.getBusinessKey()
        + ", nous avons relevé 1 équipement(s)")
        .contains("Caméra Caméra ancienne génération (n° EOS-CAM1), firmware 5.2.1");
    assertThat(fx.task(plan, "Task_PlanReplacement").getName()).startsWith("Établir le plan de remplacement CHK-");
    assertThat(taskService.getIdentityLinksForTask(fx.task(plan, "Task_PlanReplacement").getId()))
        .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo(Groups.PROJECT_MANAGERS_ID));

    assertThatThrownBy(() -> taskService.complete(fx.task(plan, "Task_PlanReplacement").getId(),
        CommissioningForms.replacementPlan("Remplacer par une Axis P3265", "2026-01-15")))
        .isInstanceOf(Refusal.class)
        .hasMessage("Plan de remplacement refusé : Date cible du remplacement : le 15 janvier 2026 n'est pas à venir.");
    // typed day first: 05/06/2026 is the 5th of June, never 6 May
    taskService.complete(fx.task(plan, "Task_PlanReplacement").getId(),
        CommissioningForms.replacementPlan("Remplacer par une Axis P3265", "05/06/2026"));
    assertThat(plan).isEnded();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(plan.getId())
        .variableName("replacementTargetDay").singleResult().getValue())
        .isEqualTo(java.util.Date.from(LocalDate.of(2026, 6, 5).atStartOfDay(java.time.ZoneId.of("Europe/Paris")).toInstant()));
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(plan.getId())
        .variableName("replacementTargetLabel").singleResult().getValue()).isEqualTo("5 juin 2026");
    assertThat(pi).hasPassed("End_ReplacementPlanned");
    assertThat(this.inventory.of(TestClients.PLAIN)).filteredOn(i -> i.serialNumber().equals("EOS-CAM1"))
        .singleElement().satisfies(i -> assertThat(i.securityUpdates()).isFalse());
  }

  @Test
  void aPremiumContractStartsThePrefilledAnnualAuditTwelveMonthsAfterSignature() throws IOException {
    ProcessInstance pi = fx.start(TestClients.OIV, "site-nord", false, standardInventory("AUD"));
    fx.fill(pi, with(allConforme(), "SRV-08", p -> {
      p.status = "NON_APPLICABLE";
      p.justification = "Pas de SIEM chez le client";
    }));
    fx.sign(pi);
    fx.runDueJobs(pi);
    String reference = (String) runtimeService.getVariable(pi.getId(), "reference");
    assertThat(pi).isWaitingAt("Event_AnnualAuditDue");
    Job timer = managementService.createJobQuery().processInstanceId(pi.getId()).activityId("Event_AnnualAuditDue").singleResult();
    assertThat(timer.getDuedate()).isEqualTo(Date.from(Instant.parse("2027-03-02T08:00:00Z")));

    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-03-01T08:00:00Z")));
    assertThat(fx.dueJobs(pi.getId())).isEmpty();
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-03-02T08:00:00Z")));
    fx.runDueJobs(pi);
    assertThat(pi).hasPassed("Task_CheckContract", "Task_StartAnnualAudit").isEnded();

    ProcessInstance audit = runtimeService.createProcessInstanceQuery().processDefinitionKey("vms-commissioning")
        .variableValueEquals("previousReference", reference).singleResult();
    assertThat(audit).isNotNull();
    assertThat(audit).isWaitingAt("Task_FillChecklist");
    assertThat(audit.getBusinessKey()).matches("CHK-2027-\\d{4}");
    assertThat(audit.getTenantId()).isEqualTo(TestClients.OIV);
    List<PointEntry> prefilled = ChecklistState.points(new MapScope(runtimeService.getVariables(audit.getId())));
    assertThat(prefilled).hasSize(32).allSatisfy(p -> assertThat(p.status).isEqualTo(p.id.equals("SRV-08") ? "NON_APPLICABLE" : "CONFORME"));
    Map<String, String> lastYear = Json.readMap(runtimeService.getVariable(audit.getId(), "previousChecklist"), String.class);
    assertThat(lastYear).hasSize(32).containsEntry("SRV_08", "Non applicable").containsEntry("CAM_07", "Conforme");
    assertThat(prefilled).filteredOn(p -> p.id.equals("SRV-08")).singleElement()
        .satisfies(p -> assertThat(p.justification).isEqualTo("Pas de SIEM chez le client"));
    assertThat(prefilled).filteredOn(p -> p.id.equals("VMS-03")).singleElement()
        .satisfies(p -> assertThat(p.tlsMinVersion).isEqualTo("1.2"));
    assertThat(Json.readList(runtimeService.getVariable(audit.getId(), "equipment"), Equipment.class))
        .extracting(Equipment::serialNumber).containsExactly("AUD-SRV1", "AUD-NVR1", "AUD-CAM1", "AUD-CAM2");

    // re-verified: the SIEM now exists; re-signed; the new document says what changed
    List<PointEntry> reverified = with(prefilled, "SRV-08", p -> {
      p.status = "CONFORME";
      p.justification = null;
    });
    fx.fill(audit, reverified);
    fx.sign(audit);
    fx.runDueJobs(audit);
    String text = pdfText(documents.pdf(audit.getBusinessKey(), 1).orElseThrow());
    assertThat(text).contains("Évolutions depuis la checklist précédente (" + reference + ", version 1)",
        "Non applicable Conforme", "Checklist précédente");
    assertThat(text.replace("\n", " ")).contains("SRV-08 Journaux de l'EDR centralisés dans le SIEM Non applicable Conforme");
    // and the next audit is planned twelve months after this signature
    assertThat(audit).isWaitingAt("Event_AnnualAuditDue");
  }

  @Test
  void noAnnualAuditOnceThePremiumContractHasEnded() {
    ensureClient("client-premium-fin", ContractType.PREMIUM, LocalDate.of(2026, 12, 31));
    ProcessInstance pi = fx.start("client-premium-fin", "entrepot", false, standardInventory("END"));
    fx.fill(pi, allConforme());
    fx.sign(pi);
    fx.runDueJobs(pi);
    String reference = (String) runtimeService.getVariable(pi.getId(), "reference");
    assertThat(pi).isWaitingAt("Event_AnnualAuditDue");

    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-03-02T08:00:00Z")));
    fx.runDueJobs(pi);
    assertThat(pi).hasPassed("Task_CheckContract", "End_ContractEnded").hasNotPassed("Task_StartAnnualAudit").isEnded();
    assertThat(runtimeService.createProcessInstanceQuery().variableValueEquals("previousReference", reference).count()).isZero();
    // the document outlives the process: kept until the contract's end, whatever the engine's history does
    assertThat(documents.versions(reference)).singleElement()
        .satisfies(v -> assertThat(v.retainUntil()).isEqualTo(LocalDate.of(2026, 12, 31)));
  }

  @Test
  void anExtendedPremiumContractKeepsAuditing() {
    ensureClient("client-premium-prolonge", ContractType.PREMIUM, LocalDate.of(2026, 12, 31));
    ProcessInstance pi = fx.start("client-premium-prolonge", "entrepot", false, standardInventory("EXT"));
    fx.fill(pi, allConforme());
    fx.sign(pi);
    fx.runDueJobs(pi);
    String reference = (String) runtimeService.getVariable(pi.getId(), "reference");
    Client client = clientRepository.find("client-premium-prolonge").orElseThrow();
    clientService.update(new Client(client.id(), client.name(), client.regime(),
        new Client.Contract(ContractType.PREMIUM, client.contract().start(), LocalDate.of(2029, 12, 31)),
        client.rssiContacts(), client.dpo(), client.sites()));

    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-03-02T08:00:00Z")));
    fx.runDueJobs(pi);
    assertThat(pi).hasPassed("Task_StartAnnualAudit").isEnded();
    assertThat(runtimeService.createProcessInstanceQuery().variableValueEquals("previousReference", reference).count()).isEqualTo(1);
    // restore for the next run of this test in the same database
    clientService.update(client);
  }

  @Test
  void aStandardContractHasNoAnnualAudit() {
    ProcessInstance pi = fx.start(TestClients.PLAIN, "boutique", false, standardInventory("STD"));
    fx.fill(pi, allConforme());
    fx.sign(pi);
    fx.runDueJobs(pi);
    assertThat(pi).hasPassed("End_NoAnnualAudit").hasNotPassed("Task_ComputeAuditDate").isEnded();
    assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  @Test
  void aStartWithAnUnknownClientOrDuplicateSerialNumbersIsRefused() {
    List<Map<String, Object>> inventory = List.of(
        equipment("CAMERA", "Axis", "DUP-1", "1.0", true),
        equipment("CAMERA", "Axis", "DUP-1", "1.0", true));
    assertThatThrownBy(() -> fx.start("client-inconnu", "boutique", false, inventory))
        .isInstanceOf(Refusal.class)
        .hasMessage("Mise en service refusée : client : client inconnu du registre : client-inconnu ; "
            + "equipment[1].serialNumber : numéro de série « DUP-1 » en double (déjà en equipment[0]).");
    assertThatThrownBy(() -> fx.start(TestClients.PLAIN, "site-nord", false, standardInventory("X")))
        .isInstanceOf(Refusal.class)
        .hasMessage("Mise en service refusée : site : site inconnu pour ce client (sites : boutique).");
  }

  @Test
  void aChecklistCanBeCancelledWhileBeingFilledIn() {
    ProcessInstance pi = fx.start(TestClients.PLAIN, "boutique", false, standardInventory("DEL"));
    // the validation listeners run on the tasks' end, but not when the instance is cancelled
    runtimeService.deleteProcessInstance(pi.getId(), "Mise en service annulée par le client");
    assertThat(pi).isEnded();
  }

  private void ensureClient(String id, ContractType type, LocalDate end) {
    if (!clientRepository.exists(id)) {
      clientService.create(new Client(id, "Client " + id, RegulatoryRegime.NONE,
          new Client.Contract(type, LocalDate.of(2025, 1, 1), end),
          List.of(), null, List.of(new Client.Site("entrepot", "Entrepôt", null))));
    }
  }

  private Map<String, Object> historicVariables(ProcessInstance pi) {
    Map<String, Object> variables = new java.util.HashMap<>();
    historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).list().stream()
        .filter(v -> v.getActivityInstanceId().equals(pi.getId()) || v.getActivityInstanceId().equals(pi.getProcessInstanceId()))
        .forEach(v -> variables.put(v.getName(), v.getValue()));
    return variables;
  }

  private Task task(ProcessInstance pi) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
  }

  private RecordingReminders recorder() {
    return (RecordingReminders) reminders;
  }

  static String pdfText(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }
}
