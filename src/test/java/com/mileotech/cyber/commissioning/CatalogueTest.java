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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  /** The fill-in form shows each figure's fields exactly on the points whose catalogue entry names that figure. */
  @Test
  void theFillInFormShowsEachFigureOnThePointsThatRecordIt() throws IOException {
    JsonNode form = new ObjectMapper().readTree(new File("forms/commissioning-fill.form"));
    Map<String, Set<String>> expected = new TreeMap<>();
    for (Catalogue.Point p : catalogue.points()) {
      if (p.measure() != null && p.measure() != Measure.VENDOR_SUPPORT) {
        expected.computeIfAbsent(p.measure().key(), k -> new TreeSet<>()).add(p.id());
      }
    }
    Map<String, String> fieldMeasure = Map.ofEntries(
        Map.entry("criticalPatchDelayHours", "patch"), Map.entry("vmsUpdateDeferralDays", "vmsUpdate"),
        Map.entry("tlsMinVersion", "tls"), Map.entry("certificateValidityMonths", "certificate"),
        Map.entry("defaultPasswordChanged", "defaultPassword"), Map.entry("adminPasswordLength", "password"),
        Map.entry("adminPasswordComplex", "password"), Map.entry("telnetDisabled", "legacyInterfaces"),
        Map.entry("ftpDisabled", "legacyInterfaces"), Map.entry("httpsAvailable", "https"),
        Map.entry("httpDisabled", "https"), Map.entry("upnpDisabled", "discovery"), Map.entry("bonjourDisabled", "discovery"),
        Map.entry("onvifDiscoveryRequired", "discovery"), Map.entry("onvifDiscoveryDisabled", "discovery"));
    Pattern id = Pattern.compile("\"([A-Z]{3}-\\d{2})\"");
    int lists = 0;
    for (JsonNode component : form.get("components")) {
      if (!component.path("path").asText().startsWith("checklist")) {
        continue;
      }
      lists++;
      for (JsonNode field : component.get("components")) {
        String measure = fieldMeasure.get(field.path("key").asText());
        if (measure == null) {
          continue;
        }
        Set<String> shownOn = new TreeSet<>();
        Matcher m = id.matcher(field.path("conditional").path("hide").asText());
        while (m.find()) {
          shownOn.add(m.group(1));
        }
        assertThat(shownOn).as(field.path("key").asText()).isEqualTo(expected.get(measure));
      }
    }
    assertThat(lists).isEqualTo(4);
  }
}
