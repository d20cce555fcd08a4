package com.mileotech.cyber.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules of docs/development.md, "Feature boundaries", for the features under a root package
 * (each direct sub-package of the root is a feature, its own sub-packages included):
 * <ul>
 *   <li>no cycle between features;</li>
 *   <li>a class uses another feature's type only if that type, or a type enclosing it, is
 *       annotated {@code Published} (any annotation of that simple name: the fixtures have theirs);</li>
 *   <li>the shared kernel ({@code system}) uses no feature;</li>
 *   <li>only the kernel writes date patterns (system/Moments, the one French time formatter).</li>
 * </ul>
 */
final class FeatureBoundaries {

  static final String PUBLISHED = "Published";
  static final String KERNEL = "system";

  private FeatureBoundaries() {}

  static ArchRule noCycle(String root) {
    return slices().matching(root + ".(*)..").namingSlices("feature $1").should().beFreeOfCycles()
        .because("a feature builds on the features below it, never on one that builds on it");
  }

  static ArchRule onlyPublishedTypesOfOtherFeatures(String root) {
    return classes().that().resideInAPackage(root + "..")
        .should(useOnlyPublishedTypesOfOtherFeatures(root))
        .because("what a feature does not publish is its own, to change without asking");
  }

  static ArchRule kernelUsesNoFeature(String root) {
    return classes().that().resideInAPackage(root + "." + KERNEL + "..")
        .should(new ArchCondition<JavaClass>("use no feature") {
          @Override
          public void check(JavaClass item, ConditionEvents events) {
            for (Dependency d : item.getDirectDependenciesFromSelf()) {
              Optional<String> target = feature(root, d.getTargetClass());
              if (target.isPresent() && !target.get().equals(KERNEL)) {
                events.add(SimpleConditionEvent.violated(d, d.getDescription()));
              }
            }
          }
        })
        .because("system is what every feature shares; a feature's rule belongs to that feature");
  }

  /** Every French date pattern is in the kernel's formatter (system/Moments): one way to write a date. */
  static ArchRule onlyTheKernelWritesDatePatterns(String root) {
    return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackage(root + "." + KERNEL + "..")
        .should().callMethod(DateTimeFormatter.class, "ofPattern", String.class)
        .orShould().callMethod(DateTimeFormatter.class, "ofPattern", String.class, Locale.class)
        .because("dates are written one way, in mileo.zone, by system's Moments");
  }

  private static ArchCondition<JavaClass> useOnlyPublishedTypesOfOtherFeatures(String root) {
    return new ArchCondition<>("use only published types of other features") {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        Optional<String> own = feature(root, item);
        for (Dependency d : item.getDirectDependenciesFromSelf()) {
          JavaClass target = d.getTargetClass();
          Optional<String> other = feature(root, target);
          if (own.isPresent() && other.isPresent() && !own.equals(other) && !published(target)) {
            events.add(SimpleConditionEvent.violated(d, d.getDescription()
                + " — " + target.getName() + " is not @" + PUBLISHED + " by feature " + other.get()));
          }
        }
      }
    };
  }

  /** The feature a class belongs to: the first package segment under the root. */
  static Optional<String> feature(String root, JavaClass javaClass) {
    JavaClass base = javaClass.getBaseComponentType();
    String pkg = base.getPackageName();
    if (!pkg.startsWith(root + ".")) {
      return Optional.empty();
    }
    String rest = pkg.substring(root.length() + 1);
    int dot = rest.indexOf('.');
    return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
  }

  static boolean published(JavaClass javaClass) {
    for (Optional<JavaClass> c = Optional.of(javaClass.getBaseComponentType()); c.isPresent();
        c = c.get().getEnclosingClass()) {
      if (c.get().isAnnotatedWith(DescribedPredicate.describe(PUBLISHED,
          a -> a.getRawType().getSimpleName().equals(PUBLISHED)))) {
        return true;
      }
    }
    return false;
  }
}
