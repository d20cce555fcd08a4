package com.mileotech.cyber.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.mileotech.cyber.MapScope;
import com.mileotech.cyber.system.Moments;
import com.mileotech.cyber.system.ZoneProperties;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The client-ready texts in the structure of the authorities' online forms, read back by sections. */
class FilingTextsTest {

  private final FilingTexts texts = new FilingTexts(new Moments(new ZoneProperties(ZoneId.of("Europe/Paris"))));

  @Test
  void anAnssiEarlyWarningFollowsTheDeclaration() {
    Map<String, Object> v = new HashMap<>();
    v.put("reference", "INC-2026-0042");
    v.put("clientName", "Hexa Énergie");
    v.put("clientRegimeLabel", "Entité essentielle (NIS2)");
    v.put("legalBasis", "NIS2 art. 23");
    v.put("natureLabel", "Intrusion");
    v.put("severityLabel", "Critique");
    v.put("detectedAt", Date.from(Instant.parse("2026-03-02T08:00:00Z")));
    v.put("clientAwarenessAt", Date.from(Instant.parse("2026-03-02T09:00:00Z")));
    v.put("ewSummary", "Accès à l'enregistreur depuis une adresse inconnue");
    v.put("ewMaliciousSuspected", "oui");
    v.put("ewCrossBorderImpact", "inconnu");
    FilingTexts.FilingText text = texts.of(new MapScope(v), ReportKind.EARLY_WARNING);

    assertThat(text.title()).isEqualTo("ALERTE PRÉCOCE À L'ANSSI (24 H) — incident INC-2026-0042");
    assertThat(text.sections()).extracting(FilingTexts.Section::title).containsExactly("Entité déclarante", "Incident",
        "Alerte précoce à l'ANSSI (24 h)", "Impacts", "Indicateurs de compromission", "Mesures");
    assertThat(text.sections().get(0).lines()).contains("Entité : Hexa Énergie", "Régime : Entité essentielle (NIS2)");
    assertThat(text.sections().get(1).lines()).contains("Date de détection : 2 mars 2026 à 9 h 00, heure de Paris",
        "Équipements : non renseigné");
    assertThat(text.sections().get(2).lines()).containsExactly(
        "Résumé de l'incident : Accès à l'enregistreur depuis une adresse inconnue",
        "Cause illicite ou malveillante suspectée : Oui");
    assertThat(text.sections().get(3).lines()).containsExactly("Impact transfrontière possible : Inconnu à ce stade");

    // stored as plain text, read back into the same sections
    FilingTexts.FilingText back = FilingTexts.parse(text.text());
    assertThat(back).isEqualTo(text);
    assertThat(FilingTexts.sha256(text.text())).hasSize(64).isEqualTo(FilingTexts.sha256(back.text()));
  }

  @Test
  void aTextFiledBeforeTheSectionsIsReadAsOneSection() {
    FilingTexts.FilingText legacy = FilingTexts.parse("ewSummary : résumé\newCrossBorderImpact : non");
    assertThat(legacy.title()).isEqualTo(FilingTexts.LEGACY_TITLE);
    assertThat(legacy.sections()).singleElement().satisfies(s -> assertThat(s.lines())
        .containsExactly("ewSummary : résumé", "ewCrossBorderImpact : non"));
  }
}
