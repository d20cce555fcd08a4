package com.mileotech.cyber.commissioning;

import com.mileotech.cyber.system.Refusal;
import static com.mileotech.cyber.commissioning.CommissioningForms.allConforme;
import static com.mileotech.cyber.commissioning.CommissioningForms.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks of a submitted checklist, figure by figure (the process tests cover the wiring). */
class ChecklistCheckTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
  private final Catalogue catalogue = Catalogues.read("GUID-PREM-003-v1.3");
  private final List<Equipment> inventory = List.of(new Equipment("CAMERA", "Axis", "C1", "11.9", true));

  private List<String> problems(List<PointEntry> points) {
    try {
      ChecklistCheck.check(catalogue, points, List.of(), inventory, TODAY);
      return List.of();
    } catch (Refusal refused) {
      return refused.describedProblems();
    }
  }

  @Test
  void aCompleteConsistentChecklistPassesAndIsNormalised() {
    List<PointEntry> points = with(allConforme(), "SRV-01", p -> p.justification = "sans objet");
    List<PointEntry> checked = ChecklistCheck.check(catalogue, points, List.of(), inventory, TODAY);
    assertThat(checked).hasSize(32);
    assertThat(checked.get(0).justification).isNull(); // irrelevant to Conforme: dropped
  }

  @Test
  void eachFigureTheGuideSetsIsChecked() {
    assertThat(problems(with(allConforme(), "SRV-06", p -> p.criticalPatchDelayHours = 73)))
        .containsExactly("SRV-06 : Conforme alors que correctifs critiques appliqués en 73 h, au-delà des 72 h du guide");
    assertThat(problems(with(allConforme(), "SRV-06", p -> p.criticalPatchDelayHours = 72))).isEmpty();
    assertThat(problems(with(allConforme(), "VMS-01", p -> p.vmsUpdateDeferralDays = 31)))
        .containsExactly("VMS-01 : Conforme alors que mise à jour du VMS différée de 31 jours, au-delà des 30 jours du guide");
    assertThat(problems(with(allConforme(), "VMS-03", p -> p.tlsMinVersion = null)))
        .containsExactly("VMS-03 : Conforme alors que version TLS minimale non relevée");
    assertThat(problems(with(allConforme(), "VMS-03", p -> p.tlsMinVersion = "1.3"))).isEmpty();
    assertThat(problems(with(allConforme(), "VMS-05", p -> p.certificateValidityMonths = 36)))
        .containsExactly("VMS-05 : Conforme alors que certificat valable 36 mois, au-delà des 2 ans du guide");
    assertThat(problems(with(allConforme(), "NVR-01", p -> p.defaultPasswordChanged = false)))
        .containsExactly("NVR-01 : Conforme alors que mot de passe administrateur par défaut non changé");
    assertThat(problems(with(allConforme(), "NVR-02", p -> p.adminPasswordComplex = false)))
        .containsExactly("NVR-02 : Conforme alors que complexité du mot de passe administrateur non imposée");
    assertThat(problems(with(allConforme(), "CAM-03", p -> p.telnetDisabled = false)))
        .containsExactly("CAM-03 : Conforme alors que Telnet non désactivé");
    assertThat(problems(with(allConforme(), "CAM-04", p -> {
      p.httpsAvailable = false;
      p.httpDisabled = false;
    }))).as("HTTP may stay when the device has no HTTPS").isEmpty();
    assertThat(problems(with(allConforme(), "CAM-05", p -> p.onvifDiscoveryDisabled = false)))
        .containsExactly("CAM-05 : Conforme alors que ONVIF Discovery actif sans être requis");
    assertThat(problems(with(allConforme(), "CAM-05", p -> {
      p.onvifDiscoveryRequired = true;
      p.onvifDiscoveryDisabled = false;
    }))).as("ONVIF discovery stays when the integration requires it").isEmpty();
  }

  @Test
  void nonConformeAndNonApplicableNeedTheirFields() {
    assertThat(problems(with(allConforme(), "VMS-04", p -> p.status = "NON_CONFORME"))).containsExactly(
        "VMS-04 : Non conforme sans commentaire", "VMS-04 : Non conforme sans délai de remédiation");
    assertThat(problems(with(allConforme(), "VMS-04", p -> {
      p.status = "NON_CONFORME";
      p.comment = "Auto-signé";
      p.remediationDeadline = "2026-03-02";
    }))).containsExactly("VMS-04 : délai de remédiation du 02/03/2026 déjà échu");
    assertThat(problems(with(allConforme(), "VMS-04", p -> {
      p.status = "NON_CONFORME";
      p.comment = "Auto-signé";
      p.remediationDeadline = "bientôt";
    }))).containsExactly("VMS-04 : délai de remédiation « bientôt » illisible (JJ/MM/AAAA attendu)");
    assertThat(problems(with(allConforme(), "SRV-08", p -> {
      p.status = "NON_APPLICABLE";
      p.justification = "  ";
    }))).containsExactly("SRV-08 : Non applicable sans justification");
    assertThat(problems(with(allConforme(), "SRV-08", p -> p.status = "PEUT-ETRE")))
        .containsExactly("SRV-08 : statut manquant (Conforme, Non conforme ou Non applicable)");
  }

  @Test
  void aRemediationDeadlineIsTypedDayFirstWithinAYearAndTheContract() {
    java.util.function.Function<String, List<PointEntry>> deadline = day -> with(allConforme(), "VMS-04", p -> {
      p.status = "NON_CONFORME";
      p.comment = "Auto-signé";
      p.remediationDeadline = day;
    });
    assertThat(problems(deadline.apply("31/01/2027"))).isEmpty();
    assertThat(problems(deadline.apply("01/31/2027")))
        .containsExactly("VMS-04 : délai de remédiation « 01/31/2027 » illisible (JJ/MM/AAAA attendu)");
    assertThat(problems(deadline.apply("07/01/2029")))
        .containsExactly("VMS-04 : délai de remédiation du 07/01/2029 à plus d'un an : vérifiez le jour, le mois et l'année");
    List<String> afterContract = new java.util.ArrayList<>();
    try {
      ChecklistCheck.check(catalogue, deadline.apply("30/06/2026"), List.of(), inventory, TODAY, LocalDate.of(2026, 5, 31));
    } catch (com.mileotech.cyber.system.Refusal refused) {
      afterContract.addAll(refused.describedProblems());
    }
    assertThat(afterContract).containsExactly(
        "VMS-04 : délai de remédiation du 30/06/2026 après la fin du contrat de maintenance (31/05/2026)");
  }

  @Test
  void aChecklistMustHoldEachPointOfTheCatalogueOnce() {
    List<PointEntry> points = new java.util.ArrayList<>(allConforme());
    points.remove(31);
    PointEntry extra = new PointEntry();
    extra.id = "XXX-01";
    points.add(extra);
    points.add(points.get(0));
    assertThat(problems(points)).containsExactly("XXX-01 : point inconnu du catalogue GUID-PREM-003 v1.3",
        "SRV-01 : point en double", "CAM-07 : point absent de la checklist");
  }

  @Test
  void theSignedHashDependsOnEveryFinding() {
    SignedContent a = content(allConforme());
    SignedContent b = content(with(allConforme(), "CAM-01", p -> p.comment = "vu"));
    assertThat(a.sha256()).matches("[0-9a-f]{64}").isEqualTo(content(allConforme()).sha256()).isNotEqualTo(b.sha256());
  }

  private SignedContent content(List<PointEntry> points) {
    return new SignedContent("CHK-2026-0001", null, "GUID-PREM-003", "v1.3", "c", "Client", "s", "Site", "VMS", "1",
        inventory, points);
  }
}
