package com.mileotech.cyber.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The register of notifications on PostgreSQL, the production database (the shared test context
 * runs on H2): every migration, V72 included, then the register's writes and reads of the clocks —
 * the deadline to tell the client, the internal and the legal due dates, who decided and recorded.
 */
class NotificationRegisterPostgresTest {

  private static final Instant MILEO_AWARE = Instant.parse("2026-03-02T08:00:00Z");
  private static EmbeddedPostgres postgres;
  private static NotificationRegister register;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.start();
    Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").load().migrate();
    register = new NotificationRegister(JdbcClient.create(postgres.getPostgresDatabase()));
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  /** V121 on PostgreSQL: one telling per incident (a second one fails), the other duty records it as taken over. */
  @Test
  void theClientIsToldOncePerIncident() {
    String cnil = "INC-2026-0121-CNIL";
    String anssi = "INC-2026-0121-ANSSI";
    register.create(cnil, "INC-2026-0121", "client-a", "CNIL", "rgpd-art33", "RGPD art. 33", MILEO_AWARE);
    register.create(anssi, "INC-2026-0121", "client-a", "ANSSI", "oiv", "LPM", MILEO_AWARE);
    Instant told = MILEO_AWARE.plus(Duration.ofHours(1));
    NotificationRegister.ClientInformation telling = new NotificationRegister.ClientInformation(told, "Par téléphone",
        "referent.a", "telephone", true, told, MILEO_AWARE);
    register.clientInformed(cnil, telling);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> register.clientInformed(anssi, telling))
        .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    assertThat(register.clientInformation("INC-2026-0121")).hasValueSatisfying(t -> assertThat(t.notificationId()).isEqualTo(cnil));
    register.clientInformedThrough(anssi, telling, cnil);
    assertThat(register.forIncident("INC-2026-0121")).extracting(n -> n.authority() + " " + n.clientInformedAt() + " "
        + n.clientInformedThrough()).containsExactly("ANSSI " + told + " " + cnil, "CNIL " + told + " null");
    assertThat(register.authoritiesInformedThrough(cnil)).containsExactly("CNIL", "ANSSI");
  }

  @Test
  void theClocksAndTheirOwnersAreRecordedAndReadBack() {
    String id = "INC-2026-0080-CNIL";
    Instant told = MILEO_AWARE.plus(Duration.ofHours(80));
    register.create(id, "INC-2026-0080", "client-a", "CNIL", "rgpd-art33", "RGPD art. 33", MILEO_AWARE);
    register.clientInformationDue(id, MILEO_AWARE.plus(Duration.ofHours(4)));
    register.clientInformed(id, new NotificationRegister.ClientInformation(told, "Par téléphone", "referent.a", "telephone",
        false, told, MILEO_AWARE));
    register.openReport(id, ReportKind.CNIL_INITIAL, MILEO_AWARE.plus(Duration.ofHours(72)), told.plus(Duration.ofHours(72)));
    NotificationRegister.Report filed = register.fileReport(id, ReportKind.CNIL_INITIAL, MILEO_AWARE.plus(Duration.ofHours(100)),
        "rssi.a", "rssi.a", "CNIL-1", "Client informé tardivement", "faits");
    register.decision(id, "deposee", null, "rssi.a", "rssi.a");

    assertThat(filed.verdict()).isEqualTo("hors délai interne, dans le délai légal");
    NotificationRegister.Notification record = register.forIncident("INC-2026-0080").get(0);
    assertThat(record.mileoAwarenessAt()).isEqualTo(MILEO_AWARE);
    assertThat(record.earliestAwarenessAt()).isEqualTo(MILEO_AWARE);
    assertThat(record.clientAwarenessAt()).isEqualTo(told);
    assertThat(record.clientInformationDueAt()).isEqualTo(MILEO_AWARE.plus(Duration.ofHours(4)));
    assertThat(record.clientInformedOnTime()).isFalse();
    assertThat(record.clientInformedBy()).isEqualTo("referent.a");
    assertThat(record.decisionBy()).isEqualTo("rssi.a");
    assertThat(record.reports()).singleElement().satisfies(r -> {
      assertThat(r.dueAt()).isEqualTo(MILEO_AWARE.plus(Duration.ofHours(72)));
      assertThat(r.legalDueAt()).isEqualTo(told.plus(Duration.ofHours(72)));
      assertThat(r.onTime()).isFalse();
      assertThat(r.lateByMinutes()).isEqualTo(28 * 60L);
      assertThat(r.legallyOnTime()).isTrue();
      assertThat(r.legallyLateByMinutes()).isNull();
      assertThat(r.verdict()).isEqualTo("hors délai interne, dans le délai légal");
      assertThat(r.submittedBy()).isEqualTo("rssi.a");
      assertThat(r.recordedBy()).isEqualTo("rssi.a");
    });
    assertThat(List.of(record.clientInformationVerdict())).containsExactly("hors délai");
  }

  @Test
  void decisionVersionsAndTheFilingLogAreAppendOnlyOnPostgres() {
    String id = "INC-2026-0081-CNIL";
    register.create(id, "INC-2026-0081", "client-a", "CNIL", "rgpd-art33", "RGPD art. 33", MILEO_AWARE);
    register.openReport(id, ReportKind.CNIL_INITIAL, MILEO_AWARE.plus(Duration.ofHours(72)), MILEO_AWARE.plus(Duration.ofHours(72)));
    register.draftText(id, ReportKind.CNIL_INITIAL, "NOTIFICATION\n\n■ Vous êtes\nOrganisme : A\n");
    int first = register.decide(id, new NotificationRegister.DecisionInput("non-requise", NotificationRegister.CLIENT,
        "rssi.a", "rssi.a", MILEO_AWARE.plus(Duration.ofHours(10)), "improbable", "Images chiffrées", "DPO du client", 1,
        "Qualification de l'incident"));
    register.status(id, DecisionRevisits.REVISITED);
    int second = register.decide(id, new NotificationRegister.DecisionInput("deposee", NotificationRegister.CLIENT,
        null, "referent.a", MILEO_AWARE.plus(Duration.ofHours(50)), "risque", null, null, 2, "Requalification"));
    NotificationRegister.Report filed = register.fileReport(id, ReportKind.CNIL_INITIAL,
        MILEO_AWARE.plus(Duration.ofHours(80)), null, "referent.a", "CNIL-9", "Requalification tardive",
        "NOTIFICATION\n\n■ Vous êtes\nOrganisme : A\n");
    NotificationRegister.Filing corrected = register.correctFiling(filed.filings().get(0),
        MILEO_AWARE.plus(Duration.ofHours(70)), "courriel", null, null, MILEO_AWARE.plus(Duration.ofHours(71)), "AR reçu",
        null, "referent.a", "Heure corrigée");

    assertThat(List.of(first, second)).containsExactly(1, 2);
    NotificationRegister.Notification record = register.forIncident("INC-2026-0081").get(0);
    assertThat(record.status()).isEqualTo("deposee");
    assertThat(record.decisions()).extracting(NotificationRegister.Decision::version, NotificationRegister.Decision::current)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, false), org.assertj.core.groups.Tuple.tuple(2, true));
    assertThat(record.decisions().get(0).decidedAt()).isEqualTo(MILEO_AWARE.plus(Duration.ofHours(10)));
    assertThat(record.decisions().get(0).approvedBy()).isEqualTo("DPO du client");
    NotificationRegister.Report report = record.reports().get(0);
    assertThat(report.lateByMinutes()).isEqualTo(8 * 60L); // frozen at the first filing
    assertThat(report.filings()).hasSize(2);
    assertThat(report.filings().get(0).supersededById()).isEqualTo(corrected.id());
    assertThat(report.filings().get(1).submittedAt()).isEqualTo(MILEO_AWARE.plus(Duration.ofHours(70)));
    assertThat(report.filings().get(1).acknowledgedAt()).isEqualTo(MILEO_AWARE.plus(Duration.ofHours(71)));
    assertThat(report.filings().get(1).receiptReference()).isEqualTo("CNIL-9");
    assertThat(register.filingText(corrected.id())).contains("NOTIFICATION\n\n■ Vous êtes\nOrganisme : A\n");
  }
}
