package com.mileotech.cyber.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared limits (docs/limits.md) and how a refusal quotes its input, without an engine. */
class LimitsTest {

  @Test
  void aTextIsRefusedForItsLengthOrACharacterNoDatabaseKeepsNotForItsScript() {
    assertThat(Limits.textProblem("é".repeat(4000), 4000)).isNull();
    assertThat(Limits.textProblem("é".repeat(4001), 4000)).isEqualTo("texte trop long (4001 caractères, au plus 4000)");
    assertThat(Limits.textProblem("Caméra 🎥 « Nord »\tligne\r\nsuivante, العربية, 中文", 4000)).isNull();
    assertThat(Limits.characterProblem("ab\u0000c")).isEqualTo("caractère de contrôle interdit (U+0000) en position 3");
    assertThat(Limits.characterProblem("\u001b[31m")).startsWith("caractère de contrôle interdit (U+001B)");
    assertThat(Limits.characterProblem("a\u0085")).startsWith("caractère de contrôle interdit (U+0085)");
    assertThat(Limits.characterProblem("x\ud800")).isEqualTo("caractère invalide (moitié d'une paire UTF-16) en position 2");
    assertThat(Limits.characterProblem("\udc00x")).startsWith("caractère invalide");
    assertThat(Limits.idProblem("site-nord")).isNull();
    assertThat(Limits.idProblem("a\tb")).isEqualTo("identifiant sur une seule ligne attendu");
    assertThat(Limits.idProblem("x".repeat(65))).startsWith("identifiant trop long (65 caractères");
    assertThat(Limits.listProblem(List.of(1, 2, 3), 2)).isEqualTo("liste trop longue (3 éléments, au plus 2)");
    assertThat(Limits.pastProblem(Instant.parse("1999-12-31T23:59:59Z"))).isNotNull();
    assertThat(Limits.pastProblem(Instant.parse("2000-01-01T00:00:00Z"))).isNull();
  }

  @Test
  void aRefusalQuotesAShortenedInputWithItsControlCharactersShown() {
    assertThat(Limits.quote("perdu")).isEqualTo("« perdu »");
    assertThat(Limits.quote("a\u0000b")).isEqualTo("« a\\u0000b »");
    assertThat(Limits.quote("x".repeat(5000))).isEqualTo("« " + "x".repeat(60) + "… (5000 caractères) »");
    assertThat(Limits.quote("🎥".repeat(3))).isEqualTo("« 🎥🎥🎥 »");
  }

  @Test
  void aComposedTextIsCutToWholeLinesThatFitAndSaysWhatWasLeftOut() {
    String lines = String.join("\n", java.util.Collections.nCopies(100, "- Caméra Axis P3265-LVE (n° ACCC8E0001), firmware 11.9"));
    String fit = Limits.fit(lines, 1000);
    assertThat(fit.length()).isLessThanOrEqualTo(1000);
    assertThat(fit).endsWith("ligne(s) de plus : voir le registre)").contains("- Caméra Axis P3265-LVE (n° ACCC8E0001), firmware 11.9\n");
    assertThat(Limits.fit("court", 1000)).isEqualTo("court");
    assertThat(Limits.shorten("é".repeat(1200), 1000)).hasSize(1000).endsWith("…");
    assertThat(Limits.shorten("🎥".repeat(600), 1000)).hasSizeLessThanOrEqualTo(1000).doesNotContain("\ud83c…");
  }

  @Test
  void camundaCannotReadAVariableOfAnotherTypeThanItClaimsSoItIsNamedFirst() throws Exception {
    ObjectMapper json = new ObjectMapper();
    assertThat(EngineRequestBodies.problem(json.readTree("{\"value\": \"abc\", \"type\": \"Integer\"}")))
        .isEqualTo("nombre entier attendu");
    assertThat(EngineRequestBodies.problem(json.readTree("{\"value\": 3000000000, \"type\": \"Integer\"}")))
        .startsWith("nombre entier hors limites");
    assertThat(EngineRequestBodies.problem(json.readTree("{\"value\": \"x\", \"type\": \"File\"}")))
        .startsWith("type de valeur non admis « File »");
    assertThat(EngineRequestBodies.problem(json.readTree("{\"value\": \"{\\\"a\\\": [\", \"type\": \"Json\"}")))
        .isEqualTo("valeur JSON illisible");
    assertThat(EngineRequestBodies.problem(json.readTree("{\"value\": \"demain\", \"type\": \"Date\"}")))
        .startsWith("date illisible « demain »");
    assertThat(EngineRequestBodies.problem(json.readTree("{\"value\": [1], \"type\": \"String\"}"))).isEqualTo("texte attendu");
    assertThat(EngineRequestBodies.problem(json.readTree("[1]"))).startsWith("objet attendu");
    for (String fine : List.of("{\"value\": \"12\", \"type\": \"Integer\"}", "{\"value\": 12}", "{\"value\": null}",
        "{\"value\": \"2026-03-02T14:30:00.000+0100\", \"type\": \"Date\"}", "{\"value\": \"[1, 2]\", \"type\": \"Json\"}",
        "{\"value\": \"true\", \"type\": \"boolean\"}", "{\"value\": 1.5, \"type\": \"Double\"}")) {
      assertThat(EngineRequestBodies.problem(json.readTree(fine))).as(fine).isNull();
    }
  }
}
