package com.mileotech.cyber.commissioning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The catalogue of GUID-PREM-003 v1.3 as §04 announces it, and the fill-in form built on it. */
class CatalogueTest {

  private final Catalogue catalogue = Catalogues.read("GUID-PREM-003-v1.3");

  @Test
  void thirtyTwoPointsInFourCategoriesAsTheGuideCountsThem() {
    assertThat(catalogue.source()).isEqualTo("GUID-PREM-003");
    assertThat(catalogue.version()).isEqualTo("v1.3");
    assertThat(catalogue.points()).hasSize(32);
    assertThat(catalogue.pointsOf("SRV")).hasSize(8);
    assertThat(catalogue.pointsOf("VMS")).hasSize(10);
    assertThat(catalogue.pointsOf("NVR")).hasSize(7);
    assertThat(catalogue.pointsOf("CAM")).hasSize(7);
    for (Catalogue.Category category : catalogue.categories()) {
      assertThat(catalogue.pointsOf(category.id())).as(category.label()).hasSize(category.points());
    }
  }

  @Test
  void idsAreUniqueStableAndNumberedWithinTheirCategory() {
    Set<String> ids = new HashSet<>();
    for (Catalogue.Point p : catalogue.points()) {
      assertThat(ids.add(p.id())).as("unique %s", p.id()).isTrue();
      assertThat(p.id()).matches(p.category() + "-\\d{2}");
      assertThat(p.section()).isIn("§01", "§02", "§03");
      assertThat(p.label()).isNotBlank();
      assertThat(p.verify()).isNotBlank();
    }
    for (Catalogue.Category category : catalogue.categories()) {
      List<String> expected = new ArrayList<>();
      for (int i = 1; i <= category.points(); i++) {
        expected.add(String.format("%s-%02d", category.id(), i));
      }
      assertThat(catalogue.pointsOf(category.id())).extracting(Catalogue.Point::id).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void everyFigureOfTheGuideHasAPointThatRecordsIt() {
    assertThat(catalogue.points().stream().map(Catalogue.Point::measure).filter(m -> m != null).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(Measure.values());
  }

  /**
   * The fill-in form has, for each point of the catalogue, its status and exactly the fields of the
   * figure the catalogue names for it (keys checklistSrv.SRV_01.status...), and the conditional
   * fields of Non conforme and Non applicable.
   */
  @Test
  void theFillInFormHoldsEachPointWithItsStatusAndTheFieldsOfItsFigure() throws IOException {
    JsonNode form = new ObjectMapper().readTree(new File(ChecklistForm.resource(catalogue)));
    Map<String, JsonNode> fields = new TreeMap<>();
    collect(form, fields);
    Map<String, Set<String>> measureFields = Map.of(
        "patch", Set.of("criticalPatchDelayHours"), "vmsUpdate", Set.of("vmsUpdateDeferralDays"),
        "tls", Set.of("tlsMinVersion"), "certificate", Set.of("certificateValidityMonths"),
        "defaultPassword", Set.of("defaultPasswordChanged"), "password", Set.of("adminPasswordLength", "adminPasswordComplex"),
        "legacyInterfaces", Set.of("telnetDisabled", "ftpDisabled"), "https", Set.of("httpsAvailable", "httpDisabled"),
        "discovery", Set.of("upnpDisabled", "bonjourDisabled", "onvifDiscoveryRequired", "onvifDiscoveryDisabled"),
        "vendorSupport", Set.of());
    for (Catalogue.Point p : catalogue.points()) {
      String base = ChecklistState.VARIABLES.get(p.category()) + "." + ChecklistState.key(p.id()) + ".";
      Set<String> keys = fields.keySet().stream().filter(k -> k.startsWith(base)).map(k -> k.substring(base.length()))
          .collect(Collectors.toCollection(TreeSet::new));
      Set<String> expected = new TreeSet<>(List.of("status", "comment", "remediationDeadline", "justification"));
      if (p.measure() != null) {
        expected.addAll(measureFields.get(p.measure().key()));
      }
      assertThat(keys).as(p.id()).isEqualTo(expected);
      assertThat(fields.get(base + "status").path("validate").path("required").asBoolean()).isTrue();
      assertThat(fields.get(base + "comment").path("conditional").path("hide").asText())
          .isEqualTo("=" + base + "status != \"NON_CONFORME\"");
      assertThat(fields.get(base + "remediationDeadline").path("conditional").path("hide").asText())
          .isEqualTo("=" + base + "status != \"NON_CONFORME\"");
      assertThat(fields.get(base + "justification").path("conditional").path("hide").asText())
          .isEqualTo("=" + base + "status != \"NON_APPLICABLE\"");
    }
    assertThat(fields.keySet()).filteredOn(k -> k.startsWith("checklist")).hasSize(32 * 4
        + catalogue.points().stream().filter(p -> p.measure() != null).mapToInt(p -> measureFields.get(p.measure().key()).size()).sum());
  }

  private static void collect(JsonNode container, Map<String, JsonNode> fields) {
    for (JsonNode component : container.path("components")) {
      if (component.has("key")) {
        fields.put(component.get("key").asText(), component);
      }
      collect(component, fields);
    }
  }
}
