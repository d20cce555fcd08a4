package com.mileotech.cyber.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.client.RegulatoryRegime;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Every rule of the DMN table regulatory-obligations, and the cases where nothing is due. */
@IntegrationTest
class RegulatoryObligationsDecisionTest {

  @Autowired RegulatoryObligations obligations;

  @ParameterizedTest(name = "personal data {0}, {1}, {2}, {3} -> {4}")
  @CsvSource(delimiter = ';', value = {
      // GDPR art. 33: personal data, whatever the regime or severity
      "true;  mineur;       erreur-humaine;  NONE;            CNIL/rgpd-art33",
      "true;  critique;     intrusion;       NONE;            CNIL/rgpd-art33",
      // NIS2 art. 23: significant incidents of essential and important entities
      "false; significatif; malware;         NIS2_ESSENTIAL;  ANSSI/nis2",
      "false; critique;     deni-de-service; NIS2_IMPORTANT;  ANSSI/nis2",
      "false; mineur;       malware;         NIS2_ESSENTIAL;  ''",
      // OIV: significant incidents, and any compromise of its systems
      "false; critique;     autre;           OIV;             ANSSI/oiv",
      "false; significatif; erreur-humaine;  OIV;             ANSSI/oiv",
      "false; mineur;       intrusion;       OIV;             ANSSI/oiv",
      "false; mineur;       malware;         OIV;             ANSSI/oiv",
      "false; mineur;       erreur-humaine;  OIV;             ''",
      // both at once
      "true;  critique;     intrusion;       OIV;             CNIL/rgpd-art33 ANSSI/oiv",
      "true;  significatif; malware;         NIS2_IMPORTANT;  CNIL/rgpd-art33 ANSSI/nis2",
      // nothing due
      "false; critique;     intrusion;       NONE;            ''",
  })
  void decides(boolean personalData, String severity, String nature, String regime, String expected) {
    List<String> decided = obligations.decide(personalData, severity, nature, regime).stream()
        .map(o -> o.authority() + "/" + o.procedure()).sorted().toList();
    List<String> wanted = expected.isBlank() ? List.of() : List.of(expected.trim().split(" "));
    assertThat(decided).containsExactlyElementsOf(wanted.stream().sorted().toList());
    obligations.decide(personalData, severity, nature, regime)
        .forEach(o -> assertThat(o.legalBasis()).as("legal basis of " + o).isNotBlank());
  }

  /** The NIS2 rules read the verdict of the significance test, not the severity, once it is answered. */
  @ParameterizedTest(name = "NIS2 significant {0}, {1} -> {2}")
  @CsvSource(delimiter = ';', value = {
      "true;  mineur;       ANSSI/nis2",
      "false; critique;     ''",
      // not answered (qualified before the test existed): the severity stands in for it
      ";      significatif; ANSSI/nis2",
      ";      mineur;       ''",
  })
  void theNis2RulesReadTheSignificanceVerdict(Boolean significant, String severity, String expected) {
    List<String> decided = obligations.decide(new RegulatoryObligations.Facts(false, severity, "autre", significant,
            LocalDate.of(2026, 12, 5)), List.of(RegulatoryRegime.NIS2_IMPORTANT), LocalDate.of(2024, 10, 18))
        .stream().map(o -> o.authority() + "/" + o.procedure()).toList();
    assertThat(decided).containsExactlyElementsOf(expected.isBlank() ? List.of() : List.of(expected.trim()));
  }

  /** An OIV that is also an essential entity owes one ANSSI duty per regime, the CNIL once. */
  @Test
  void aDualRegimeClientOwesTheDutiesOfEachRegime() {
    List<RegulatoryObligations.Obligation> decided = obligations.decide(new RegulatoryObligations.Facts(true,
            "critique", "intrusion", true, LocalDate.of(2026, 12, 5)),
        List.of(RegulatoryRegime.OIV, RegulatoryRegime.NIS2_ESSENTIAL), LocalDate.of(2024, 10, 18));
    assertThat(decided).extracting(o -> o.authority() + "/" + o.procedure() + "/" + o.regime())
        .containsExactly("CNIL/rgpd-art33/null", "ANSSI/oiv/OIV", "ANSSI/nis2/NIS2_ESSENTIAL");
    assertThat(decided).extracting(RegulatoryObligations.Obligation::ruleVersion).allSatisfy(version ->
        assertThat(version).matches("(rgpd-art33@2018-05-25|lpm-oiv@2013-12-19|nis2-art23@2024-10-18) "
            + "· regulatory-obligations 2026-12 v[0-9]+"));
  }
}
