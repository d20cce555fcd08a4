package com.mileotech.cyber.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The application shadows two of Camunda's MyBatis mappings (src/main/resources/org/camunda/bpm/
 * engine/impl/mapping/entity/Task.xml and VariableInstance.xml) to check permissions with an EXISTS
 * instead of a join with every grant of the user's groups (docs/bench.md, "Task lists"). This pins
 * them to the Camunda release they were derived from: after an upgrade the engine's own files
 * change, this test fails, and the patches must be re-applied to the new files. AccessMatrixTest
 * proves that the patched queries still show each role exactly what it may see.
 */
class TaskQueryMappingTest {

  static final String DIR = "org/camunda/bpm/engine/impl/mapping/entity/";

  @ParameterizedTest
  @CsvSource({
      // file, SHA-256 of Camunda 7.24.0's file our copy was derived from, a fragment of the join that must be gone
      "Task.xml, 616c3e9cdf4055cab8493558ece2d3bce0a3edb7bb9fe88570758b5103caf821, AUTH ON (AUTH.RESOURCE_ID_",
      "VariableInstance.xml, 1f821a226c583750f84a6d24f342288d74eae6eb6d2a70a6a3d659c650930a1a, AUTH ON (AUTH.RESOURCE_ID_"})
  void ourMappingIsTheOneLoadedAndDerivedFromTheEngineInUse(String file, String derivedFrom, String removedJoin)
      throws Exception {
    List<URL> copies = Collections.list(getClass().getClassLoader().getResources(DIR + file));
    assertThat(copies).hasSize(2);
    // ours first (target/classes, or BOOT-INF/classes in the packaged jar), the engine's second
    assertThat(copies.get(0).toString()).doesNotContain("camunda-engine");
    assertThat(copies.get(1).toString()).contains("camunda-engine-" + ProcessEngine.class.getPackage().getImplementationVersion());
    assertThat(sha256(copies.get(1))).as("Camunda's " + file + " changed: re-derive ours from it (see docs/bench.md)")
        .isEqualTo(derivedFrom);
    String ours = new String(read(copies.get(0)), StandardCharsets.UTF_8);
    assertThat(ours).contains("MILEO PATCH", derivedFrom).doesNotContain(removedJoin);
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
