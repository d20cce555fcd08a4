package com.mileotech.cyber.incident;

import com.mileotech.cyber.system.Refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestClients;
import com.mileotech.cyber.reminder.Audience;
import com.mileotech.cyber.reminder.RecordingReminders.Call;
import com.mileotech.cyber.security.Groups;
import com.mileotech.cyber.update.UpdateForms;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * Lessons that flow back into hardening (issue 10): the referent links root causes to control
 * points of GUID-PREM-003; each is re-verified at every site of the client (and, if chosen, of
 * every client running the same product); the bulletin announces them, a follow-up gives results.
 */
@IntegrationTest
class LessonsLearnedHardeningTest extends IncidentScenario {

  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  final String product = "Hikvision DS-" + UUID.randomUUID().toString().substring(0, 8);

  @Test
  void aRootCauseLinkedToAControlIsReverifiedAtEverySiteOfTheClientThenInAFollowUpBulletin() throws Exception {
    ProcessInstance pi = reportOiv();
    qualify(pi, "significatif", false);
    respondUntilClosure(pi, TestClients.OIV_RSSI);
    runDueJobs(pi); // the chronology

    // unknown point: refused, naming it; nothing recorded
    assertThatThrownBy(() -> writeLessons(pi, "NVR-01, VMS-99", null, null))
        .isInstanceOf(Refusal.class)
        .hasMessageStartingWith("Retour d'expérience refusé : point de contrôle inconnu « VMS-99 »");
    assertThat(variable(pi, "hardeningControls")).isNull();
    writeLessons(pi, "nvr-01 cam-03", null, null);
    assertThat(variable(pi, "hardeningControls")).isEqualTo("NVR-01, CAM-03");
    approveLessonsLearned(pi);
    runAll(pi);

    Call bulletin = notice(pi, "security-bulletin");
    assertThat((String) bulletin.notice().model().get("body"))
        .contains("NVR-01 — Mot de passe administrateur par défaut changé")
        .contains("CAM-03 — Interfaces Telnet et FTP désactivées")
        .contains("Revérification demandée sur 2 site(s) : Client OIV — Site Nord, Client OIV — Site Sud")
        .contains("bulletin complémentaire");
    assertThat((String) bulletin.notice().model().get("fileUrl"))
        .endsWith("/api/security-incidents/" + pi.getBusinessKey() + "/file");
    // the controls in cause are in the lessons-learned section of the incident file (issue 19)
    byte[] file = jdbc.sql("select pdf from incident_file where reference = ? and file_version = 1")
        .param(pi.getBusinessKey()).query((rs, n) -> rs.getBytes(1)).single();
    try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(file)) {
      String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
      assertThat(text.substring(text.indexOf("8. Retour d'expérience"), text.indexOf("9. Versions du dossier")))
          .contains("Points de contrôle du guide de durcissement en cause",
              "NVR-01 — Mot de passe administrateur par défaut changé", "CAM-03 — Interfaces Telnet et FTP désactivées");
    }
    assertThat(pi).hasPassed("Task_PrepareReverifications", "Task_PublishSecurityBulletin").isWaitingAt("Event_ReverificationsDone");

    List<ProcessInstance> reverifications = children(pi);
    assertThat(reverifications).hasSize(4).allSatisfy(r -> {
      assertThat(r.getTenantId()).isEqualTo(TestClients.OIV);
      assertThat(r.getBusinessKey()).isEqualTo(pi.getBusinessKey());
    });
    assertThat(reverifications).extracting(r -> runtimeService.getVariable(r.getId(), "siteId") + "/"
        + runtimeService.getVariable(r.getId(), "pointId"))
        .containsExactlyInAnyOrder("site-nord/NVR-01", "site-sud/NVR-01", "site-nord/CAM-03", "site-sud/CAM-03");
    Task first = reverificationTask(reverifications.get(0));
    assertThat(first.getName()).startsWith("Revérifier le point ").contains(pi.getBusinessKey() + " — Client OIV");
    assertThat(taskService.getIdentityLinksForTask(first.getId()))
        .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo(Groups.TECHNICIANS_ID));
    Instant due = now().atZone(PARIS).plusDays(15).toInstant();
    assertThat(first.getDueDate()).isEqualTo(Date.from(due));

    // reminder 5 days before, escalation at the deadline; the work stays to do
    now(due.atZone(PARIS).minusDays(5).toInstant());
    runAll(pi);
    now(due.atZone(PARIS).minusDays(1).toInstant());
    runAll(pi);
    now(due);
    runAll(pi);
    assertThat(recorder().calls(reverifications.get(0).getId())).extracting(Call::kind, Call::at).containsExactly(
        org.assertj.core.groups.Tuple.tuple("remind", due.atZone(PARIS).minusDays(5).toInstant()),
        org.assertj.core.groups.Tuple.tuple("remind", due.atZone(PARIS).minusDays(1).toInstant()),
        org.assertj.core.groups.Tuple.tuple("escalate", due));
    assertThat(reverifications.get(0)).hasPassed("End_ReverificationReminderSent", "End_ReverificationEscalated")
        .isWaitingAt("Task_ReverifyControl");

    assertThatThrownBy(() -> reverify(reverifications.get(0), "CONFORME", null))
        .isInstanceOf(Refusal.class)
        .hasMessage("Revérification non enregistrée : constat obligatoire (ce qui a été vérifié et comment, l'écart ou la justification).");
    // in order: CAM-03 Site Nord, CAM-03 Site Sud, NVR-01 Site Nord, NVR-01 Site Sud
    reverify(reverifications.get(0), "CONFORME", "Telnet et FTP fermés (scan de ports)");
    reverify(reverifications.get(1), "NON_CONFORME", "Telnet ouvert sur la caméra C7");
    reverify(reverifications.get(2), "CONFORME", "Mot de passe changé, vérifié à la connexion");
    assertThat(pi).isWaitingAt("Event_ReverificationsDone"); // one left
    runAll(pi);
    assertThat(pi).isWaitingAt("Event_ReverificationsDone");
    reverify(reverifications.get(3), "NON_APPLICABLE", "Pas de NVR sur ce site");
    runAll(pi);
    assertThat(reverifications.get(0)).hasPassed("Task_ReportToIncident", "End_ReverificationDone")
        .hasNotPassed("Task_ReportNonConformity").isEnded();
    assertThat(reverifications.get(1)).hasPassed("Task_ReportNonConformity", "End_ReverificationDone").isEnded();
    Call nc = recorder().calls(reverifications.get(1).getId()).stream().filter(c -> c.kind().equals("inform")).findFirst().orElseThrow();
    assertThat(nc.notice().template()).isEqualTo("hardening-nonconformity");
    assertThat(nc.notice().audience()).containsExactlyInAnyOrder(Audience.PROJECT_MANAGERS, Audience.CYBER_REFERENT);
    assertThat((String) nc.notice().model().get("body")).contains("Telnet ouvert sur la caméra C7");

    // only the reinforced monitoring (30 days) is left of the incident
    assertThat(pi).hasPassed("Task_PublishFollowUpBulletin", "Event_ReverificationsPublished").isWaitingAt("Task_MonitorSystem");
    Call followUp = notice(pi, "security-bulletin-follow-up");
    assertThat(followUp.notice().audience()).containsExactly(Audience.TECHNICIANS);
    String results = (String) followUp.notice().model().get("results");
    assertThat(results.lines()).hasSize(4);
    assertThat(results).contains("- CAM-03 (Interfaces Telnet et FTP désactivées) — Client OIV, Site Nord : Conforme le ")
        .contains("- CAM-03 (Interfaces Telnet et FTP désactivées) — Client OIV, Site Sud : Non conforme le ")
        .contains(" — Telnet ouvert sur la caméra C7")
        .contains("- NVR-01 (Mot de passe administrateur par défaut changé) — Client OIV, Site Sud : Non applicable le ");
    assertThat(jdbc.sql("select count(*) from hardening_reverification where incident_reference = ? and verified_by = ?")
        .params(pi.getBusinessKey(), TECH).query(Integer.class).single()).isEqualTo(4);
  }

  @Test
  void theReferentMayExtendTheReverificationToEveryClientRunningTheSameProduct() {
    jdbc.sql("""
        insert into client_equipment (client_id, serial_number, kind, model, firmware_version, security_updates, site_id,
          last_reference, updated_at) values (?, ?, 'CAMERA', ?, '5.1', true, ?, 'CHK-TEST', ?)""")
        .params(TestClients.PLAIN, "LL" + UUID.randomUUID(), product, "boutique", Timestamp.from(now())).update();
    ProcessInstance pi = reportOiv();
    qualify(pi, "mineur", false);
    respondUntilClosure(pi, TestClients.OIV_RSSI);
    runDueJobs(pi);
    assertThatThrownBy(() -> writeLessons(pi, "CAM-01", true, null))
        .isInstanceOf(Refusal.class)
        .hasMessage("Retour d'expérience refusé : indiquez le produit dont les clients sont à revérifier.");
    assertThatThrownBy(() -> writeLessons(pi, "CAM-01", true, "Produit inexistant"))
        .isInstanceOf(Refusal.class)
        .hasMessage("Retour d'expérience refusé : produit inconnu de l'inventaire « Produit inexistant ».");
    writeLessons(pi, "CAM-01", true, product);
    approveLessonsLearned(pi);
    runAll(pi);
    assertThat(children(pi)).extracting(ProcessInstance::getTenantId)
        .containsExactlyInAnyOrder(TestClients.OIV, TestClients.OIV, TestClients.PLAIN);
    assertThat((String) notice(pi, "security-bulletin").notice().model().get("body"))
        .contains("sur 3 site(s) : Client OIV — Site Nord, Client OIV — Site Sud, Client sans régime — Boutique");
  }

  @Test
  void withoutLinkedControlsTheLessonsEndAsBefore() {
    ProcessInstance pi = reportPlain();
    qualify(pi, "mineur", false);
    respondUntilClosure(pi, TestClients.PLAIN_RSSI);
    writeLessonsLearned(pi);
    approveLessonsLearned(pi);
    runAll(pi);
    assertThat(pi).hasPassed("Task_PrepareReverifications", "Event_LessonsLearnedPublished")
        .hasNotPassed("Task_StartReverifications").isWaitingAt("Task_MonitorSystem");
    assertThat(notice(pi, "security-bulletin").notice().model()).doesNotContainKey("controls");
    assertThat(jdbc.sql("select count(*) from hardening_reverification where incident_reference = ?")
        .param(pi.getBusinessKey()).query(Integer.class).single()).isZero();
  }

  // ---------- steps

  void writeLessons(ProcessInstance pi, String controls, Boolean everyClient, String product) {
    Map<String, Object> form = new HashMap<>(Map.of(
        "lessonsRootCauses", "Mot de passe par défaut laissé sur le NVR ; Telnet ouvert",
        "lessonsResponseEffectiveness", "Confinement en 2 h",
        "lessonsImprovements", "Contrôle des comptes par défaut à chaque intervention",
        "lessonsHardeningControls", controls));
    if (everyClient != null) {
      form.put("lessonsReverifyAllClients", everyClient);
    }
    if (product != null) {
      form.put("lessonsProduct", product);
    }
    submit(pi, "Task_WriteLessonsLearned", REFERENT, Groups.CYBER_REFERENT, form);
  }

  void reverify(ProcessInstance reverification, String status, String comment) {
    submit(reverification, "Task_ReverifyControl", TECH, Groups.TECHNICIANS, UpdateForms.reverification(status, comment));
  }

  Task reverificationTask(ProcessInstance reverification) {
    return task(reverification, "Task_ReverifyControl");
  }

  List<ProcessInstance> children(ProcessInstance pi) {
    List<ProcessInstance> list = new ArrayList<>(runtimeService.createProcessInstanceQuery()
        .processDefinitionKey("hardening-reverification").processInstanceBusinessKey(pi.getBusinessKey()).list());
    list.sort(Comparator.comparing(r -> runtimeService.getVariable(r.getId(), "pointId") + "/"
        + runtimeService.getVariable(r.getId(), "siteId")));
    return list;
  }

  Call notice(ProcessInstance pi, String key) {
    return recorder().calls(pi.getId()).stream().filter(c -> key.equals(c.name())).findFirst().orElseThrow();
  }

  /** Runs every job due now of the incident and of the re-verifications it started, earliest first. */
  void runAll(ProcessInstance pi) {
    steps.runDueJobs(() -> {
      List<String> ids = new ArrayList<>(List.of(pi.getId()));
      children(pi).forEach(c -> ids.add(c.getId()));
      return ids;
    });
  }

  static Duration days(int n) {
    return Duration.ofDays(n);
  }
}
