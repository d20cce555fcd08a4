package com.mileotech.cyber.commissioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fill-in forms of forms/ are what {@link ChecklistForm} builds from the catalogues, one per
 * catalogue file, and nothing else: a hand edit, a catalogue changed without its form, a new
 * catalogue without its form or a form left behind by a removed catalogue fails here (in
 * {@code mvn verify}). To write them: {@code mvn test -Dtest=ChecklistFormTest -Dregenerate=true}.
 */
class ChecklistFormTest {

  private static final Path CATALOGUES = Path.of("src/main/resources/commissioning/catalogue");
  private static final boolean REGENERATE = Boolean.getBoolean("regenerate");
  private static final String HOW = "generated from the catalogue by ChecklistForm; "
      + "run: mvn test -Dtest=ChecklistFormTest -Dregenerate=true";

  /** With -Dregenerate=true: writes every catalogue's form and removes those of no catalogue. */
  @BeforeAll
  static void regenerate() throws IOException {
    if (!REGENERATE) {
      return;
    }
    List<String> catalogues = catalogues();
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path stale : forms.filter(f -> f.getFileName().toString().startsWith(ChecklistForm.FORM_PREFIX)).toList()) {
        Files.delete(stale);
      }
    }
    for (String name : catalogues) {
      Catalogue catalogue = Catalogues.read(name);
      Files.writeString(Path.of(ChecklistForm.resource(catalogue)), ChecklistForm.render(catalogue), StandardCharsets.UTF_8);
    }
  }

  @Test
  void eachCatalogueHasItsGeneratedFillInForm() throws IOException {
    for (String name : catalogues()) {
      Catalogue catalogue = Catalogues.read(name);
      assertThat(ChecklistForm.formId(catalogue)).as("form id of %s", name).isEqualTo(ChecklistForm.FORM_PREFIX + name);
      Path file = Path.of(ChecklistForm.resource(catalogue));
      String generated = ChecklistForm.render(catalogue);
      assertThat(file).as("%s (%s)", file, HOW).exists();
      assertThat(Files.readString(file, StandardCharsets.UTF_8)).as("%s (%s)", file, HOW).isEqualTo(generated);
    }
  }

  @Test
  void noFillInFormWithoutItsCatalogue() throws IOException {
    List<String> expected = catalogues().stream().map(name -> ChecklistForm.FORM_PREFIX + name + ".form").toList();
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      List<String> generated = forms.map(f -> f.getFileName().toString())
          .filter(f -> f.startsWith(ChecklistForm.FORM_PREFIX)).sorted().toList();
      assertThat(generated).as("fill-in forms in forms/ (%s)", HOW).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test
  void theFormIdsAreThoseTheTaskOpens() {
    assertThat(ChecklistForm.formId("GUID-PREM-003", "v1.3")).isEqualTo("commissioning-fill-GUID-PREM-003-v1.3");
    assertThat(ChecklistForm.render(Catalogues.read("GUID-PREM-003-v1.3")))
        .contains("\"id\": \"commissioning-fill-GUID-PREM-003-v1.3\"")
        .contains("\"id\": \"Field_VMS04_Status\"")
        .contains("\"id\": \"Date_checklistVms_VMS_04_remediationDeadline\"")
        .contains("\"id\": \"ReadBack_checklistVms_VMS_04_remediationDeadline\"")
        .doesNotContain("\"id\": \"Field_9\"");
  }

  /** The catalogue files' names without .json, e.g. GUID-PREM-003-v1.3. */
  static List<String> catalogues() throws IOException {
    try (Stream<Path> files = Files.list(CATALOGUES)) {
      return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".json"))
          .map(f -> f.substring(0, f.length() - ".json".length())).sorted().toList();
    }
  }
}
