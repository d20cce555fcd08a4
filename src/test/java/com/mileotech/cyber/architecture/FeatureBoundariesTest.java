package com.mileotech.cyber.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The feature packages of the application (com.mileotech.cyber.incident, .notification, ...) and
 * their boundaries, as docs/development.md, "Feature boundaries", states them. Main code only: a
 * test may drive another feature's forms and tables to set up its case. Each rule also runs on two
 * fixtures (architecture/fixture): one it must accept, one it must refuse, so that it can fail.
 */
class FeatureBoundariesTest {

  static final String ROOT = "com.mileotech.cyber";
  static final String FIXTURES = "com.mileotech.cyber.architecture.fixture";

  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
      .importPackages(ROOT);

  @Test
  void noCycleBetweenFeatures() {
    FeatureBoundaries.noCycle(ROOT).check(MAIN);
  }

  @Test
  void aFeatureUsesOnlyWhatAnotherPublishes() {
    FeatureBoundaries.onlyPublishedTypesOfOtherFeatures(ROOT).check(MAIN);
  }

  @Test
  void theSharedKernelUsesNoFeature() {
    FeatureBoundaries.kernelUsesNoFeature(ROOT).check(MAIN);
  }

  @Test
  void onlyTheSharedKernelWritesDatePatterns() {
    FeatureBoundaries.onlyTheKernelWritesDatePatterns(ROOT).check(MAIN);
  }

  @Test
  void eachRuleAcceptsALayeredFixtureAndRefusesATangledOne() {
    JavaClasses layered = fixture("layered");
    JavaClasses tangled = fixture("tangled");
    String layeredRoot = FIXTURES + ".layered";
    String tangledRoot = FIXTURES + ".tangled";
    List<Function<String, ArchRule>> rules = List.of(FeatureBoundaries::noCycle,
        FeatureBoundaries::onlyPublishedTypesOfOtherFeatures, FeatureBoundaries::kernelUsesNoFeature,
        FeatureBoundaries::onlyTheKernelWritesDatePatterns);
    rules.forEach(rule -> rule.apply(layeredRoot).check(layered));
    assertThatThrownBy(() -> FeatureBoundaries.noCycle(tangledRoot).check(tangled))
        .hasMessageContaining("Cycle detected: feature alpha");
    assertThatThrownBy(() -> FeatureBoundaries.onlyPublishedTypesOfOtherFeatures(tangledRoot).check(tangled))
        .hasMessageContaining("tangled.beta.BetaInternal is not @Published by feature beta")
        .hasMessageNotContaining("AlphaApi is not");
    assertThatThrownBy(() -> FeatureBoundaries.kernelUsesNoFeature(tangledRoot).check(tangled))
        .hasMessageContaining("tangled.system.Kernel.api()");
    assertThatThrownBy(() -> FeatureBoundaries.onlyTheKernelWritesDatePatterns(tangledRoot).check(tangled))
        .hasMessageContaining("tangled.alpha.AlphaService.use");
  }

  private static JavaClasses fixture(String name) {
    return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
        .importPackages(FIXTURES + "." + name);
  }
}
