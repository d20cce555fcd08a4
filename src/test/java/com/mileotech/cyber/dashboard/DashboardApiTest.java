package com.mileotech.cyber.dashboard;

import static com.mileotech.cyber.dashboard.DashboardData.ALPHA;
import static com.mileotech.cyber.dashboard.DashboardData.ALPHA_NAME;
import static com.mileotech.cyber.dashboard.DashboardData.BETA;
import static com.mileotech.cyber.dashboard.DashboardData.BETA_NAME;
import static com.mileotech.cyber.dashboard.DashboardData.BETA_RSSI;
import static org.assertj.core.api.Assertions.assertThat;

import com.mileotech.cyber.notification.NotificationForms;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestUsers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * GET /api/dashboard and its CSV and PDF exports on the known year 2031 of {@link DashboardData},
 * looked at on 20 March 2031 at noon (Paris): every figure exact, a client RSSI confined to their
 * client, and the refusals.
 */
@IntegrationTest
class DashboardApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate http;
  @Autowired DashboardData data;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @BeforeEach
  void setUp() {
    data.build();
    ClockUtil.setCurrentTime(Date.from(DashboardData.NOW));
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  // ------------------------------------------------------------------ figures

  @Test
  void staffSeeTheFiguresOfTheYearForAllClients() throws IOException {
    JsonNode d = get(DashboardData.REFERENT, "/api/dashboard");

    JsonNode scope = d.path("scope");
    assertThat(scope.path("year").asInt()).isEqualTo(2031); // the current year by default
    assertThat(scope.path("period").asText()).isEqualTo("année 2031");
    assertThat(scope.path("from").asText()).isEqualTo("2031-01-01");
    assertThat(scope.path("to").asText()).isEqualTo("2031-12-31");
    assertThat(scope.path("clientId").isMissingNode()).isTrue();
    assertThat(texts(scope.path("clients"), "id")).contains(ALPHA, BETA);
    assertThat(d.path("months")).hasSize(12);
    assertThat(d.path("months").get(0).path("label").asText()).isEqualTo("janvier 2031");

    JsonNode incidents = d.path("incidents");
    assertThat(incidents.path("total").asInt()).isEqualTo(5);
    assertThat(incidents.path("closed").asInt()).isEqualTo(4);
    assertThat(incidents.path("open").asInt()).isEqualTo(1);
    assertThat(longs(incidents.path("byMonth"), "count")).containsExactly(1L, 1L, 3L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L);
    assertThat(incidents.path("byMonth").get(2).path("bySeverity").toString())
        .isEqualTo("{\"critique\":0,\"significatif\":2,\"mineur\":1}");
    assertThat(counts(incidents.path("bySeverity"))).containsExactly("critique=1", "significatif=2", "mineur=2");
    assertThat(counts(incidents.path("byNature"))).containsExactly("intrusion=2", "malware=1", "deni-de-service=1",
        "erreur-humaine=1", "autre=0");
    assertThat(counts(incidents.path("byDetectionSource"))).containsExactly("alerte-supervision=2",
        "signalement-client=1", "technicien-sur-site=1", "notification-constructeur-cert=1", "alerte-non-resolue=0");
    assertThat(incidents.path("bySeverity").get(0).path("label").asText()).isEqualTo("Critique");

    // MTTD 30, 60, 240 ; MTTR 600, 1500, 1800, 2880 (minutes)
    JsonNode indicators = d.path("indicators");
    assertThat(summary(indicators.path("mttd"))).isEqualTo("3 60.0 204.0");
    assertThat(summary(indicators.path("mttr"))).isEqualTo("4 1650.0 2556.0");
    assertThat(breakdowns(indicators.path("bySeverity"))).containsExactly(
        "critique: 1 60.0 60.0 | 1 1800.0 1800.0",
        "significatif: 1 240.0 240.0 | 1 2880.0 2880.0",
        "mineur: 1 30.0 30.0 | 2 1050.0 1410.0");
    assertThat(breakdowns(indicators.path("byClient"))).containsExactly(
        ALPHA + ": 2 150.0 222.0 | 3 1800.0 2664.0",
        BETA + ": 1 30.0 30.0 | 1 1500.0 1500.0");
    assertThat(breakdowns(indicators.path("byMonth")).subList(0, 4)).containsExactly(
        "2031-01: 1 60.0 60.0 | 1 1800.0 1800.0",
        "2031-02: 0 null null | 1 600.0 600.0",
        "2031-03: 2 135.0 219.0 | 2 2190.0 2742.0",
        "2031-04: 0 null null | 0 null null");

    JsonNode deadlines = d.path("deadlines");
    JsonNode cnil = authority(deadlines, "CNIL");
    assertThat(cnil.path("notifications").asInt()).isEqualTo(3);
    assertThat(cnil.path("notRequired").asInt()).isEqualTo(1);
    assertThat(tally(cnil.path("reports"))).isEqualTo("due 2, on time 1, late 1, overdue 0, pending 0, late by 540.0/540");
    // the breach register (issue 18): A notified on time, D notified 9 h late with its reasons, E not notified
    JsonNode breaches = deadlines.path("breaches");
    assertThat(breaches.path("total").asInt()).isEqualTo(3);
    assertThat(breaches.path("notified").asInt()).isEqualTo(2);
    assertThat(breaches.path("notifiedLate").asInt()).isEqualTo(1);
    assertThat(breaches.path("notNotified").asInt()).isEqualTo(1);
    assertThat(breaches.path("undecided").asInt()).isEqualTo(0);
    assertThat(breaches.path("lateItems").get(0).path("reference").asText()).isEqualTo(ref("D"));
    assertThat(breaches.path("lateItems").get(0).path("lateByMinutes").asLong()).isEqualTo(540);
    assertThat(breaches.path("lateItems").get(0).path("delayReasons").asText()).startsWith("Le client a transmis");
    JsonNode notNotified = breaches.path("notNotifiedItems").get(0);
    assertThat(notNotified.path("reference").asText()).isEqualTo(ref("E"));
    assertThat(notNotified.path("decidedBy").asText()).isEqualTo(BETA_RSSI);
    assertThat(notNotified.path("approvedBy").asText()).isEqualTo(NotificationForms.APPROVER);
    assertThat(notNotified.path("decisionVersion").asInt()).isEqualTo(1);
    assertThat(notNotified.path("reason").asText()).startsWith("Flux indisponibles");
    JsonNode anssi = authority(deadlines, "ANSSI");
    assertThat(anssi.path("notifications").asInt()).isEqualTo(2);
    assertThat(anssi.path("notRequired").asInt()).isEqualTo(0);
    assertThat(tally(anssi.path("reports"))).isEqualTo("due 4, on time 1, late 1, overdue 1, pending 1, late by 90.0/90");
    assertThat(kinds(anssi)).containsExactly(
        "declaration-oiv: due 2, on time 1, late 1, overdue 0, pending 0, late by 90.0/90",
        "rapport-avancement: due 2, on time 0, late 0, overdue 1, pending 1, late by null/null");
    assertThat(tally(deadlines.path("lessonsLearned").path("tally")))
        .isEqualTo("due 4, on time 1, late 1, overdue 1, pending 1, late by 3780.0/3780");
    // Mileo's own deadline to tell the client, "sans délai" (4 h) from its awareness: E told 4 h 30 after
    assertThat(tally(deadlines.path("clientInformation").path("tally")))
        .isEqualTo("due 5, on time 4, late 1, overdue 0, pending 0, late by 30.0/30");
    assertThat(StreamSupport.stream(deadlines.path("clientInformation").path("byAuthority").spliterator(), false)
        .map(k -> k.path("code").asText() + ": " + tally(k.path("tally"))).toList()).containsExactly(
        "CNIL: due 3, on time 2, late 1, overdue 0, pending 0, late by 30.0/30",
        "ANSSI: due 2, on time 2, late 0, overdue 0, pending 0, late by null/null");
    // most late first; not done: late so far (20/03 12:00 Paris)
    assertThat(lateItems(deadlines.path("late"))).containsExactly(
        ref("A") + " ANSSI rapport-avancement not done 53330",
        ref("C") + " null retour-experience done 3780",
        ref("B") + " null retour-experience not done 1620",
        ref("D") + " CNIL notification-initiale done 540",
        ref("A") + " ANSSI declaration-oiv done 90",
        ref("E") + " CNIL information-client done 30");

    JsonNode hardening = d.path("hardening");
    assertThat(hardening.path("checklistsSigned").asInt()).isEqualTo(2);
    assertThat(hardening.path("commissionings").asInt()).isEqualTo(2);
    assertThat(hardening.path("annualAudits").asInt()).isEqualTo(0);
    assertThat(shares(hardening.path("byCategory"))).containsExactly(
        "SRV Serveur et OS: 16 = 14 + 0 + 2 (87.5 / 0.0 / 12.5)",
        "VMS VMS applicatif: 20 = 20 + 0 + 0 (100.0 / 0.0 / 0.0)",
        "NVR NVR et stockage: 14 = 13 + 0 + 1 (92.9 / 0.0 / 7.1)",
        "CAM Caméras IP: 14 = 12 + 2 + 0 (85.7 / 14.3 / 0.0)");
    assertThat(share(hardening.path("overall"))).isEqualTo("total Tous les points: 64 = 59 + 2 + 3 (92.2 / 3.1 / 4.7)");
    JsonNode nc = hardening.path("nonConformities");
    assertThat(nc.path("found").asInt()).isEqualTo(3);
    assertThat(nc.path("lifted").asInt()).isEqualTo(1);
    assertThat(nc.path("open").asInt()).isEqualTo(2);
    assertThat(nc.path("overdue").asInt()).isEqualTo(1);
    assertThat(StreamSupport.stream(nc.path("openItems").spliterator(), false)
        .map(r -> r.path("reference").asText() + " " + r.path("pointId").asText() + " " + r.path("deadline").asText()
            + " " + r.path("overdue").asBoolean() + " " + r.path("daysOverdue").asInt() + " " + r.path("siteName").asText())
        .toList()).containsExactly(
        ref("K1") + " CAM-02 2031-03-10 true 10 Poste Nord",
        ref("K1") + " CAM-07 2031-06-30 false 0 Poste Nord");
    assertThat(StreamSupport.stream(hardening.path("checklists").spliterator(), false)
        .map(r -> r.path("reference").asText() + " " + r.path("clientName").asText() + " " + r.path("signedAt").asText()
            + " v" + r.path("version").asInt() + " " + r.path("conforme").asInt() + "/" + r.path("nonConforme").asInt()
            + "/" + r.path("nonApplicable").asInt())
        .toList()).containsExactly(
        ref("K1") + " " + ALPHA_NAME + " 2031-02-03T09:00:00Z v2 29/2/1",
        ref("K2") + " " + BETA_NAME + " 2031-03-03T09:00:00Z v1 30/0/2");
  }

  /**
   * Issue 18: the year holds two exercises, X (declared in its report) and Y (converted by the
   * referent), run through every step — notifications rehearsed, X's declaration overdue, X closed —
   * and the figures of {@link #staffSeeTheFiguresOfTheYearForAllClients} count neither: no incident,
   * indicator, duty, deadline, late item, open task or export line of theirs.
   */
  @Test
  void exercisesCountInNoFigure() throws IOException {
    List<String> exercises = List.of(ref("X"), ref("Y"));
    assertThat(jdbc.sql("select reference, exercise_origin, status from security_incident where exercise order by reference")
        .query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3)).list())
        .contains(ref("X") + " signalement clos", ref("Y") + " conversion en-traitement");
    assertThat(jdbc.sql("select id from regulatory_notification where exercise and incident_reference in (:refs) order by id")
        .param("refs", exercises).query(String.class).list())
        .containsExactly(ref("X") + "-ANSSI", ref("X") + "-CNIL", ref("Y") + "-CNIL");
    // every mail since it became an exercise says so (Y's first mails went out as a real incident's)
    assertThat(jdbc.sql("""
        select count(*) from mail_outbox m join security_incident i on i.reference = m.reference
        where i.reference in (:refs) and m.created_at >= i.exercise_recorded_at""")
        .param("refs", exercises).query(Long.class).single()).isGreaterThanOrEqualTo(2); // X's client told once for both duties
    assertThat(jdbc.sql("""
        select count(*) from mail_outbox m join security_incident i on i.reference = m.reference
        where i.reference in (:refs) and m.created_at >= i.exercise_recorded_at and m.subject not like '[EXERCICE] %'""")
        .param("refs", exercises).query(Long.class).single()).isZero();

    for (String path : List.of("/api/dashboard", "/api/dashboard?client=" + ALPHA, "/api/dashboard?client=" + BETA)) {
      JsonNode d = get(DashboardData.REFERENT, path);
      assertThat(d.toString()).as(path).doesNotContain(ref("X"), ref("Y"));
    }
    JsonNode all = get(DashboardData.REFERENT, "/api/dashboard");
    assertThat(all.path("incidents").path("total").asInt()).isEqualTo(5);
    assertThat(authority(all.path("deadlines"), "CNIL").path("notifications").asInt()).isEqualTo(3);
    assertThat(authority(all.path("deadlines"), "ANSSI").path("notifications").asInt()).isEqualTo(2);
    assertThat(summary(all.path("indicators").path("mttr"))).isEqualTo("4 1650.0 2556.0");
    JsonNode rssi = get(DashboardData.ALPHA_RSSI, "/api/dashboard");
    assertThat(rssi.toString()).doesNotContain(ref("X"));
    String csv = as(DashboardData.REFERENT).getForObject("/api/dashboard/export.csv", String.class);
    assertThat(csv).doesNotContain(ref("X"), ref("Y"));
  }

  @Test
  void oneClientShowsItsOwnFiguresItsEquipmentAndItsOpenTasksOverdueFirst() throws IOException {
    JsonNode d = get(DashboardData.MANAGER, "/api/dashboard?year=2031&client=" + ALPHA);

    assertThat(d.path("scope").path("clientId").asText()).isEqualTo(ALPHA);
    assertThat(d.path("scope").path("clientName").asText()).isEqualTo(ALPHA_NAME);
    assertThat(d.path("incidents").path("total").asInt()).isEqualTo(3);
    assertThat(summary(d.path("indicators").path("mttr"))).isEqualTo("3 1800.0 2664.0");
    assertThat(authority(d.path("deadlines"), "CNIL").path("notifications").asInt()).isEqualTo(1);
    assertThat(tally(d.path("deadlines").path("lessonsLearned").path("tally")))
        .isEqualTo("due 3, on time 1, late 1, overdue 1, pending 0, late by 3780.0/3780");
    assertThat(d.path("hardening").path("checklistsSigned").asInt()).isEqualTo(1);

    JsonNode equipment = d.path("hardening").path("unsupportedEquipment");
    assertThat(equipment).hasSize(1);
    assertThat(equipment.get(0).path("serialNumber").asText()).isEqualTo("K1-CAM9");
    assertThat(equipment.get(0).path("kindLabel").asText()).isEqualTo("Caméra");
    assertThat(equipment.get(0).path("siteName").asText()).isEqualTo("Poste Nord");
    assertThat(equipment.get(0).path("lastReference").asText()).isEqualTo(ref("K1"));

    JsonNode open = d.path("openItems");
    List<JsonNode> items = new ArrayList<>();
    open.path("items").forEach(items::add);
    assertThat(items).isNotEmpty().allSatisfy(i -> {
      assertThat(i.path("clientId").asText()).isEqualTo(ALPHA);
      assertThat(i.path("url").asText()).isEqualTo("/camunda/app/tasklist/default/#/?task=" + i.path("taskId").asText());
      assertThat(i.path("name").asText()).doesNotStartWith("Requalifier");
    });
    assertThat(open.path("total").asInt()).isEqualTo(items.size());
    // overdue first, the most overdue on top; then by due date; those without one last
    long overdue = items.stream().filter(i -> i.path("overdue").asBoolean()).count();
    assertThat(open.path("overdue").asLong()).isEqualTo(overdue).isPositive();
    assertThat(items.subList(0, (int) overdue)).allSatisfy(i -> assertThat(i.path("overdueMinutes").asLong()).isPositive());
    assertThat(items.subList((int) overdue, items.size()))
        .allSatisfy(i -> assertThat(i.path("overdue").asBoolean()).isFalse());
    List<String> dues = items.stream().filter(i -> i.hasNonNull("dueAt")).map(i -> i.path("dueAt").asText()).toList();
    assertThat(dues).isSorted();
    assertThat(items.stream().dropWhile(i -> i.hasNonNull("dueAt")).allMatch(i -> !i.hasNonNull("dueAt"))).isTrue();

    JsonNode cam02 = item(items, "Lever la non-conformité CAM-02");
    assertThat(cam02.path("dueAt").asText()).isEqualTo("2031-03-10T23:00:00Z"); // end of 10 March in Paris
    assertThat(cam02.path("overdue").asBoolean()).isTrue();
    assertThat(cam02.path("overdueMinutes").asLong()).isEqualTo(9 * 1440 + 12 * 60);
    assertThat(cam02.path("reference").asText()).isEqualTo(ref("K1"));
    assertThat(cam02.path("process").asText()).isEqualTo("Checklist de durcissement");
    assertThat(texts(cam02.path("candidateGroups"), null)).containsExactly("technicians");
    JsonNode lessonsB = item(items, "Rédiger le retour d'expérience " + ref("B"));
    assertThat(lessonsB.path("reference").asText()).isEqualTo(ref("B"));
    assertThat(lessonsB.path("dueAt").asText()).isEqualTo("2031-03-19T08:00:00Z"); // 15 days after closure
    assertThat(lessonsB.path("overdueMinutes").asLong()).isEqualTo(27 * 60);
    assertThat(item(items, "Lever la non-conformité CAM-07").path("overdue").asBoolean()).isFalse();
    assertThat(item(items, "Compléter ou clore la notification CNIL " + ref("A")).path("dueAt").isMissingNode()).isTrue();
  }

  @Test
  void aClientRssiSeesTheirOwnClientOnlyAndNeverAnother() throws IOException {
    JsonNode own = get(BETA_RSSI, "/api/dashboard");
    assertThat(texts(own.path("scope").path("clients"), "id")).containsExactly(BETA);
    assertThat(own.path("incidents").path("total").asInt()).isEqualTo(2);
    assertThat(counts(own.path("incidents").path("bySeverity"))).containsExactly("critique=0", "significatif=1",
        "mineur=1");
    assertThat(summary(own.path("indicators").path("mttd"))).isEqualTo("1 30.0 30.0");
    assertThat(summary(own.path("indicators").path("mttr"))).isEqualTo("1 1500.0 1500.0");
    assertThat(breakdowns(own.path("indicators").path("byClient"))).containsExactly(BETA + ": 1 30.0 30.0 | 1 1500.0 1500.0");
    JsonNode cnil = authority(own.path("deadlines"), "CNIL");
    assertThat(cnil.path("notifications").asInt()).isEqualTo(2);
    assertThat(cnil.path("notRequired").asInt()).isEqualTo(1);
    assertThat(tally(cnil.path("reports"))).isEqualTo("due 1, on time 0, late 1, overdue 0, pending 0, late by 540.0/540");
    assertThat(authority(own.path("deadlines"), "ANSSI").path("notifications").asInt()).isZero();
    assertThat(tally(own.path("deadlines").path("lessonsLearned").path("tally")))
        .isEqualTo("due 1, on time 0, late 0, overdue 0, pending 1, late by null/null");
    assertThat(lateItems(own.path("deadlines").path("late"))).containsExactly(ref("D") + " CNIL notification-initiale done 540",
        ref("E") + " CNIL information-client done 30");
    assertThat(own.path("hardening").path("checklistsSigned").asInt()).isEqualTo(1);
    assertThat(share(own.path("hardening").path("overall"))).isEqualTo("total Tous les points: 32 = 30 + 0 + 2 (93.8 / 0.0 / 6.3)");
    assertThat(own.path("hardening").path("unsupportedEquipment")).isEmpty();
    assertThat(own.toString()).doesNotContain(ALPHA).doesNotContain(ALPHA_NAME).doesNotContain(ref("A"));

    // the same figures as staff asking for that client
    JsonNode staff = get(DashboardData.REFERENT, "/api/dashboard?client=" + BETA);
    for (String part : List.of("incidents", "indicators", "deadlines", "hardening")) {
      assertThat(own.path(part)).as(part).isEqualTo(staff.path(part));
    }
    // their open items: the tasks offered to them (CNIL follow-up of D...), none of Mileo's internal ones
    assertThat(own.path("openItems").path("items")).isNotEmpty().allSatisfy(i -> {
      assertThat(i.path("clientId").asText()).isEqualTo(BETA);
      assertThat(texts(i.path("candidateGroups"), null)).contains("client-rssi");
    });
    assertThat(staff.path("openItems").path("total").asInt()).isGreaterThan(own.path("openItems").path("total").asInt());

    // another client, or one that does not exist: the same 404, no figure
    for (String client : List.of(ALPHA, "client-inexistant")) {
      ResponseEntity<String> refused = as(BETA_RSSI).getForEntity("/api/dashboard?client=" + client, String.class);
      assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(refused.getBody()).contains("Client introuvable").doesNotContain("incidents");
      assertThat(as(BETA_RSSI).getForEntity("/api/dashboard/export.csv?client=" + client, String.class).getStatusCode())
          .isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(as(BETA_RSSI).getForEntity("/api/dashboard/report.pdf?client=" + client, String.class).getStatusCode())
          .isEqualTo(HttpStatus.NOT_FOUND);
    }
  }

  @Test
  void aCustomPeriodCoversItsDaysOnly() throws IOException {
    JsonNode d = get(DashboardData.TECH, "/api/dashboard?from=2031-03-01&to=2031-03-31");
    assertThat(d.path("scope").path("period").asText()).isEqualTo("du 1 mars 2031 au 31 mars 2031");
    assertThat(d.path("scope").path("year").isMissingNode()).isTrue();
    assertThat(texts(d.path("months"), "month")).containsExactly("2031-03");
    assertThat(d.path("incidents").path("total").asInt()).isEqualTo(3);
    assertThat(summary(d.path("indicators").path("mttr"))).isEqualTo("2 2190.0 2742.0");
    assertThat(d.path("hardening").path("checklistsSigned").asInt()).isEqualTo(1);

    JsonNode empty = get(DashboardData.TECH, "/api/dashboard?year=2032&client=" + ALPHA);
    assertThat(empty.path("incidents").path("total").asInt()).isZero();
    assertThat(summary(empty.path("indicators").path("mttr"))).isEqualTo("0 null null");
    assertThat(tally(authority(empty.path("deadlines"), "CNIL").path("reports")))
        .isEqualTo("due 0, on time 0, late 0, overdue 0, pending 0, late by null/null");
    assertThat(share(empty.path("hardening").path("overall"))).isEqualTo("total Tous les points: 0 = 0 + 0 + 0 (0.0 / 0.0 / 0.0)");
  }

  // ------------------------------------------------------------------ refusals

  @Test
  void refusalsNameTheirReason() throws IOException {
    assertThat(http.getForEntity("/api/dashboard", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.getForEntity("/api/dashboard/export.csv", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth("inconnu.dashboard", "Mauvais-Mot-De-Passe-1!").getForEntity("/api/dashboard",
        String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    for (String user : List.of(DashboardData.INTEGRATION, DashboardData.NOBODY)) {
      ResponseEntity<String> forbidden = as(user).getForEntity("/api/dashboard", String.class);
      assertThat(forbidden.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(forbidden.getBody()).doesNotContain("incidents");
      assertThat(as(user).getForEntity("/api/dashboard/report.pdf", String.class).getStatusCode())
          .isEqualTo(HttpStatus.FORBIDDEN);
    }

    assertBadRequest("/api/dashboard?year=deux-mille", "year", "année invalide « deux-mille »");
    assertBadRequest("/api/dashboard?year=1999", "year", "une année entre 2000 et 2100");
    assertBadRequest("/api/dashboard?year=2031&from=2031-01-01&to=2031-02-01", "year", "pas les deux");
    assertBadRequest("/api/dashboard?from=2031-01-01", "to", "obligatoire avec from");
    assertBadRequest("/api/dashboard?from=2031-13-01&to=2031-12-31", "from", "date invalide « 2031-13-01 »");
    assertBadRequest("/api/dashboard?from=2031-05-01&to=2031-04-30", "to", "précède son début");
    assertBadRequest("/api/dashboard?from=2020-01-01&to=2031-12-31", "to", "60 mois au plus");
    assertBadRequest("/api/dashboard?client=client-inexistant", "client", "client inconnu : « client-inexistant »");
    assertBadRequest("/api/dashboard/export.csv?client=client-inexistant&year=x", "client", "client inconnu");
  }

  private void assertBadRequest(String path, String field, String message) throws IOException {
    ResponseEntity<String> response = as(DashboardData.REFERENT).getForEntity(path, String.class);
    assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode body = JSON.readTree(response.getBody());
    assertThat(body.path("status").asInt()).isEqualTo(400);
    assertThat(body.path("message").asText()).isEqualTo("Requête invalide");
    assertThat(StreamSupport.stream(body.path("errors").spliterator(), false)
        .anyMatch(e -> e.path("field").asText().equals(field) && e.path("message").asText().contains(message)))
        .as(path + " → " + body).isTrue();
  }

  // ------------------------------------------------------------------ exports

  @Test
  void theCsvOpensInFrenchExcelWithTheSameFigures() {
    ResponseEntity<byte[]> response = as(DashboardData.REFERENT)
        .getForEntity("/api/dashboard/export.csv?year=2031&client=" + ALPHA, byte[].class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentType().toString()).isEqualTo("text/csv;charset=UTF-8");
    assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .isEqualTo("attachment; filename=\"tableau-de-bord-cyber-2031-" + ALPHA + ".csv\"");
    byte[] bytes = response.getBody();
    assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF); // UTF-8 byte order mark
    String csv = new String(bytes, StandardCharsets.UTF_8).substring(1);
    List<String> lines = List.of(csv.split("\r\n", -1));
    assertThat(lines.get(0)).isEqualTo("Rubrique;Indicateur;Détail;Valeur;Unité");
    assertThat(lines).contains(
        "Périmètre;Période;;année 2031;",
        "Périmètre;Client;;" + ALPHA_NAME + " (" + ALPHA + ");",
        "Périmètre;Établi le;;20/03/2031 12:00;heure de Paris",
        "Incidents de sécurité;Détectés dans la période;Total;3;incidents",
        "Incidents de sécurité;Par mois;mars 2031;1;incidents",
        "Incidents de sécurité;Par gravité;Critique;1;incidents",
        "Incidents de sécurité;Par nature;Erreur humaine;1;incidents",
        "MTTD (détection − début);Médiane;Tous les incidents;150;minutes",
        "MTTD (détection − début);90e centile;Tous les incidents;222;minutes",
        "MTTR (remise en service − détection);Médiane;Tous les incidents;1800;minutes",
        "MTTR (remise en service − détection);90e centile;Tous les incidents;2664;minutes",
        "MTTR (remise en service − détection);Médiane;Mois : février 2031;600;minutes",
        "Échéances réglementaires;ANSSI (NIS2 / OIV);Échéances;4;rapports",
        "Échéances réglementaires;ANSSI (NIS2 / OIV);Faits en retard;1;rapports",
        "Échéances réglementaires;ANSSI (NIS2 / OIV);Retard maximal (faits en retard);90;minutes",
        "Information du client;Information du client (sans délai);Échéances;3;notifications",
        "Information du client;Information du client (sans délai);Faits à temps;3;notifications",
        "Information du client;Information du client (sans délai) — ANSSI (NIS2 / OIV);Échéances;2;notifications",
        "Durcissement (GUID-PREM-003);Part Conforme;Serveur et OS;87,5;%",
        "Durcissement (GUID-PREM-003);Part Non conforme;Caméras IP;28,6;%",
        "Durcissement (GUID-PREM-003);Non-conformités;Ouvertes, délai de remédiation dépassé;1;non-conformités",
        "Durcissement (GUID-PREM-003);Équipements sans mises à jour de sécurité;Total (inventaire actuel);1;équipements",
        "",
        DashboardCsv.OPEN_ITEMS_HEADER);
    assertThat(lines).anyMatch(l -> l.startsWith("Retards;Rapport d'avancement à l'ANSSI;" + ref("A") + " — "
        + ALPHA_NAME + " — échéance 11/02/2031 11:10 — non fait;53330;minutes"));
    assertThat(lines).anyMatch(l -> l.startsWith("Lever la non-conformité CAM-02 " + ref("K1"))
        && l.contains(";11/03/2031 00:00;oui;9 j 12 h 00;" + ref("K1") + ";" + ALPHA_NAME + ";Checklist de durcissement;")
        && l.endsWith(";http://localhost:8080/camunda/app/tasklist/default/#/?task="
            + l.substring(l.lastIndexOf('=') + 1)));
    // every line of the figures table has the five columns
    lines.subList(0, lines.indexOf("")).forEach(l -> assertThat(l.split(";", -1)).as(l).hasSize(5));
  }

  @Test
  void thePdfReportForTheAnnualAuditReadsBack() throws IOException {
    ResponseEntity<byte[]> response = as(DashboardData.REFERENT)
        .getForEntity("/api/dashboard/report.pdf?year=2031&client=" + ALPHA, byte[].class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .isEqualTo("attachment; filename=\"rapport-cyber-2031-" + ALPHA + ".pdf\"");
    Files.write(Path.of("target", "dashboard-report-2031.pdf"), response.getBody()); // for people to look at
    String text;
    try (PDDocument pdf = Loader.loadPDF(response.getBody())) {
      assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(2);
      text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
    }
    assertThat(text)
        .contains("Tableau de bord cybersécurité — année 2031")
        .contains("Client : " + ALPHA_NAME)
        .contains("Établi le 20 mars 2031 à 12 h 00")
        .contains("3 incident(s) détecté(s) dans la période : 3 clos, 0 en cours.")
        .contains("janvier 2031 1 1 0 0")
        .contains("Tous les incidents 2 / 3 2 h 30 3 h 42 30 h 00 44 h 24") // MTTD 150/222 min, MTTR 1800/2664
        .contains("Retours d'expérience (15 jours après la clôture) 3 1 1 1 0 2 j 15 h 00 2 j 15 h 00")
        .contains("Rapport d'avancement à l'ANSSI")
        .contains("1 checklist(s) signée(s) dans la période : 1 mise(s) en service, 0 audit(s) annuel(s).")
        .contains("Caméras IP 7 5 (71,4 %) 2 (28,6 %) 0 (0 %)")
        .contains("Non-conformités : 3 relevée(s) à la signature, 1 levée(s) depuis, 2 ouverte(s), dont 1 au délai de remédiation dépassé.")
        .contains("CAM-02")
        .contains("K1-CAM9")
        .contains("5. Actions en attente")
        .contains("Lever la non-conformité CAM-02")
        .doesNotContain(BETA_NAME)
        .contains("Mileo Technology — tableau de bord cybersécurité — année 2031 — " + ALPHA_NAME + " — page 1 /");
  }

  // ------------------------------------------------------------------ helpers

  private TestRestTemplate as(String user) {
    return http.withBasicAuth(user, TestUsers.PASSWORD);
  }

  private JsonNode get(String user, String path) throws IOException {
    ResponseEntity<String> response = as(user).getForEntity(path, String.class);
    assertThat(response.getStatusCode()).as(path + " " + response.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getCacheControl()).isEqualTo("no-store");
    return JSON.readTree(response.getBody());
  }

  private String ref(String key) {
    return data.references.get(key);
  }

  private static JsonNode authority(JsonNode deadlines, String code) {
    return StreamSupport.stream(deadlines.path("authorities").spliterator(), false)
        .filter(a -> a.path("code").asText().equals(code)).findFirst().orElseThrow();
  }

  private static JsonNode item(List<JsonNode> items, String namePrefix) {
    return items.stream().filter(i -> i.path("name").asText().startsWith(namePrefix)).findFirst()
        .orElseThrow(() -> new AssertionError("no open item " + namePrefix + " in " + items));
  }

  private static List<String> texts(JsonNode array, String field) {
    return StreamSupport.stream(array.spliterator(), false)
        .map(n -> field == null ? n.asText() : n.path(field).asText()).toList();
  }

  private static List<Long> longs(JsonNode array, String field) {
    return StreamSupport.stream(array.spliterator(), false).map(n -> n.path(field).asLong()).toList();
  }

  private static List<String> counts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false)
        .map(n -> n.path("code").asText() + "=" + n.path("count").asLong()).toList();
  }

  private static String summary(JsonNode s) {
    return s.path("count").asInt() + " " + number(s.path("median")) + " " + number(s.path("p90"));
  }

  private static String number(JsonNode n) {
    return n.isMissingNode() || n.isNull() ? "null" : Double.toString(n.asDouble());
  }

  private static List<String> breakdowns(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false)
        .map(b -> b.path("code").asText() + ": " + summary(b.path("mttd")) + " | " + summary(b.path("mttr"))).toList();
  }

  private static String tally(JsonNode t) {
    return "due " + t.path("due").asInt() + ", on time " + t.path("onTime").asInt() + ", late " + t.path("late").asInt()
        + ", overdue " + t.path("overdue").asInt() + ", pending " + t.path("pending").asInt() + ", late by "
        + number(t.path("lateMedianMinutes")) + "/" + (t.hasNonNull("lateMaxMinutes") ? t.path("lateMaxMinutes").asText() : "null");
  }

  private static List<String> kinds(JsonNode authority) {
    return StreamSupport.stream(authority.path("byKind").spliterator(), false)
        .map(k -> k.path("code").asText() + ": " + tally(k.path("tally"))).toList();
  }

  private static List<String> lateItems(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false)
        .map(l -> l.path("reference").asText() + " " + (l.hasNonNull("authority") ? l.path("authority").asText() : "null")
            + " " + l.path("kind").asText() + " " + (l.path("done").asBoolean() ? "done" : "not done") + " "
            + l.path("lateByMinutes").asLong())
        .toList();
  }

  private static List<String> shares(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(DashboardApiTest::share).toList();
  }

  private static String share(JsonNode c) {
    return c.path("code").asText() + " " + c.path("label").asText() + ": " + c.path("points").asInt() + " = "
        + c.path("conforme").asInt() + " + " + c.path("nonConforme").asInt() + " + " + c.path("nonApplicable").asInt()
        + " (" + c.path("conformePercent").asDouble() + " / " + c.path("nonConformePercent").asDouble() + " / "
        + c.path("nonApplicablePercent").asDouble() + ")";
  }
}
