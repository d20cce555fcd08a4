package com.mileotech.cyber.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import com.mileotech.cyber.incident.Nature;
import com.mileotech.cyber.incident.ResponseStep;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each playbook version has its two generated forms, equal to what {@link PlaybookForm} builds from
 * it, and no generated form is left without its playbook. The product's playbooks are under
 * src/main/resources/playbooks (forms in forms/); the test's newer version under
 * src/test/resources/playbooks (forms in src/test/resources/forms). With -Dregenerate=true the forms
 * are rewritten.
 */
class PlaybookFormTest {

  private static final boolean REGENERATE = Boolean.getBoolean("regenerate");
  private static final String HOW = "generated from the playbook by PlaybookForm; "
      + "run: mvn test -Dtest=PlaybookFormTest -Dregenerate=true";
  private static final Path MAIN_PLAYBOOKS = Path.of("src/main/resources/playbooks");
  private static final Path TEST_PLAYBOOKS = Path.of("src/test/resources/playbooks");
  private static final Path MAIN_FORMS = Path.of("forms");
  private static final Path TEST_FORMS = Path.of("src/test/resources/forms");

  @BeforeAll
  static void regenerate() throws IOException {
    if (!REGENERATE) {
      return;
    }
    for (Path forms : List.of(MAIN_FORMS, TEST_FORMS)) {
      for (Path stale : generated(forms)) {
        Files.delete(stale);
      }
    }
    for (Playbook playbook : Playbooks.readAll()) {
      Path forms = formsOf(playbook);
      for (ResponseStep phase : ResponseStep.values()) {
        Files.writeString(forms.resolve(PlaybookForm.formId(playbook, phase) + ".form"),
            PlaybookForm.render(playbook, phase), StandardCharsets.UTF_8);
      }
    }
  }

  @Test
  void eachPlaybookVersionHasItsTwoGeneratedForms() throws IOException {
    List<Playbook> all = Playbooks.readAll();
    assertThat(all).extracting(Playbook::name).contains("PB-CYB-005 v1", "PB-CYB-005 v2");
    for (Playbook playbook : all) {
      for (ResponseStep phase : ResponseStep.values()) {
        Path file = formsOf(playbook).resolve(PlaybookForm.formId(playbook, phase) + ".form");
        assertThat(file).as("%s (%s)", file, HOW).exists();
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).as("%s (%s)", file, HOW)
            .isEqualTo(PlaybookForm.render(playbook, phase));
      }
    }
  }

  @Test
  void noGeneratedFormWithoutItsPlaybook() throws IOException {
    List<String> expected = new ArrayList<>();
    for (Playbook playbook : Playbooks.readAll()) {
      for (ResponseStep phase : ResponseStep.values()) {
        expected.add(formsOf(playbook).resolve(PlaybookForm.formId(playbook, phase) + ".form").toString());
      }
    }
    List<String> found = new ArrayList<>();
    for (Path forms : List.of(MAIN_FORMS, TEST_FORMS)) {
      generated(forms).forEach(f -> found.add(f.toString()));
    }
    assertThat(found).containsExactlyInAnyOrderElementsOf(expected);
  }

  /** Every nature has actions in each phase, and intrusion and malware differ (the point of a playbook per nature). */
  @Test
  void everyNatureHasItsActionsAndTheyDiffer() {
    Playbook v1 = Playbooks.readAll().stream().filter(p -> p.name().equals("PB-CYB-005 v1")).findFirst().orElseThrow();
    for (Nature nature : Nature.values()) {
      for (ResponseStep phase : ResponseStep.values()) {
        assertThat(v1.applicable(phase, nature.code(), Set.of())).as("%s %s", nature, phase).isNotEmpty();
      }
    }
    assertThat(codes(v1, ResponseStep.CONTAINMENT, "intrusion", Set.of("NVR")))
        .contains("ISOLATE_RECORDER_SEGMENT", "REVOKE_ACCOUNTS").doesNotContain("DISCONNECT_INFECTED_HOST");
    assertThat(codes(v1, ResponseStep.CONTAINMENT, "malware", Set.of("SERVER")))
        .contains("DISCONNECT_INFECTED_HOST").doesNotContain("REVOKE_ACCOUNTS");
    // equipment: the camera ports only where cameras are involved; nothing known, every action of the nature
    assertThat(codes(v1, ResponseStep.CONTAINMENT, "intrusion", Set.of("NVR"))).doesNotContain("ISOLATE_CAMERA_PORTS");
    assertThat(codes(v1, ResponseStep.CONTAINMENT, "intrusion", Set.of("CAMERA"))).contains("ISOLATE_CAMERA_PORTS")
        .doesNotContain("ISOLATE_RECORDER_SEGMENT");
    assertThat(codes(v1, ResponseStep.CONTAINMENT, "intrusion", Set.of()))
        .contains("ISOLATE_CAMERA_PORTS", "ISOLATE_RECORDER_SEGMENT");
  }

  @Test
  void theKindsOfEquipmentAreReadFromWhatPeopleType() {
    assertThat(IncidentEquipment.named("NVR-01 (Milestone XProtect)")).containsExactlyInAnyOrder("NVR", "VMS");
    assertThat(IncidentEquipment.named("Caméra du parking CAM-12, enregistreur")).containsExactlyInAnyOrder("CAMERA", "NVR");
    assertThat(IncidentEquipment.named("Serveur d'enregistrement SRV-02 sous Windows"))
        .containsExactlyInAnyOrder("SERVER", "OS");
    assertThat(IncidentEquipment.named("VLAN vidéo")).isEmpty();
  }

  private static List<String> codes(Playbook playbook, ResponseStep phase, String nature, Set<String> kinds) {
    return playbook.applicable(phase, nature, kinds).stream().map(Playbook.Action::code).toList();
  }

  private static Path formsOf(Playbook playbook) {
    return Files.exists(MAIN_PLAYBOOKS.resolve(playbook.id() + "-" + playbook.version() + ".json")) ? MAIN_FORMS : TEST_FORMS;
  }

  private static List<Path> generated(Path forms) throws IOException {
    if (!Files.isDirectory(forms)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(forms)) {
      return files.filter(f -> {
        String name = f.getFileName().toString();
        return (name.startsWith(PlaybookForm.prefix(ResponseStep.CONTAINMENT))
            || name.startsWith(PlaybookForm.prefix(ResponseStep.ERADICATION))) && name.endsWith(".form");
      }).toList();
    }
  }
}
