package com.mileotech.cyber.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The application patches two of Camunda's MyBatis mappings (Task.xml and VariableInstance.xml) to
 * check permissions with an EXISTS instead of a join with every grant of the user's groups
 * (docs/bench.md, "Task lists"). The patches are src/main/camunda-patches/*.patch, applied at build
 * time to the engine jar's files (src/build/ApplyCamundaPatches.java, which refuses a file other than
 * the one a patch was written against). This checks the result is what the engine loads, derived from
 * the engine in use. AccessMatrixTest proves that the patched queries still show each role exactly
 * what it may see; docs/upgrading-camunda.md says what to do when Camunda changes.
 */
class TaskQueryMappingTest {

  static final String DIR = "org/camunda/bpm/engine/impl/mapping/entity/";
  static final Pattern AGAINST = Pattern.compile("(?m)^Against-SHA-256: ([0-9a-f]{64})\\s*$");

  @ParameterizedTest
  @CsvSource({
      // file, a fragment of the join that must be gone
      "Task.xml, AUTH ON (AUTH.RESOURCE_ID_",
      "VariableInstance.xml, AUTH ON (AUTH.RESOURCE_ID_"})
  void thePatchedMappingIsTheOneLoadedAndDerivedFromTheEngineInUse(String file, String removedJoin) throws Exception {
    List<URL> copies = Collections.list(getClass().getClassLoader().getResources(DIR + file));
    assertThat(copies).hasSize(2);
    // ours first (target/classes, or BOOT-INF/classes in the packaged jar), the engine's second
    assertThat(copies.get(0).toString()).doesNotContain("camunda-engine");
    assertThat(copies.get(1).toString()).contains("camunda-engine-" + ProcessEngine.class.getPackage().getImplementationVersion());
    Matcher against = AGAINST.matcher(Files.readString(Path.of("src/main/camunda-patches", file + ".patch")));
    assertThat(against.find()).isTrue();
    assertThat(sha256(copies.get(1))).as("Camunda's " + file + " changed: re-derive the patch (docs/upgrading-camunda.md)")
        .isEqualTo(against.group(1));
    String ours = new String(read(copies.get(0)), StandardCharsets.UTF_8);
    assertThat(ours).contains("MILEO PATCH", "patched at build time").doesNotContain(removedJoin);
  }

  private static String sha256(URL url) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(read(url)));
  }

  private static byte[] read(URL url) throws Exception {
    try (InputStream in = url.openStream()) {
      return in.readAllBytes();
    }
  }
}
