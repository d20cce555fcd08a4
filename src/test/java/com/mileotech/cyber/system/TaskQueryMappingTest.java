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
import org.junit.jupiter.api.Test;

/**
 * The application shadows Camunda's Task.xml mapping (src/main/resources/org/camunda/bpm/engine/
 * impl/mapping/entity/Task.xml) to check task permissions with an EXISTS instead of a join
 * (docs/bench.md). This pins it to the Camunda release it was derived from: after an upgrade the
 * engine's own file changes, this test fails, and the patch must be re-applied to the new file.
 */
class TaskQueryMappingTest {

  static final String RESOURCE = "org/camunda/bpm/engine/impl/mapping/entity/Task.xml";
  /** SHA-256 of Camunda 7.24.0's Task.xml, the file our copy was derived from. */
  static final String DERIVED_FROM = "616c3e9cdf4055cab8493558ece2d3bce0a3edb7bb9fe88570758b5103caf821";

  @Test
  void ourTaskMappingIsTheOneLoadedAndDerivedFromTheEngineInUse() throws Exception {
    List<URL> copies = Collections.list(getClass().getClassLoader().getResources(RESOURCE));
    assertThat(copies).hasSize(2);
    // ours first (target/classes, or BOOT-INF/classes in the packaged jar), the engine's second
    assertThat(copies.get(0).toString()).doesNotContain("camunda-engine");
    assertThat(copies.get(1).toString()).contains("camunda-engine-" + ProcessEngine.class.getPackage().getImplementationVersion());
    assertThat(sha256(copies.get(1))).as("Camunda's Task.xml changed: re-derive ours from it (see docs/bench.md)")
        .isEqualTo(DERIVED_FROM);
    String ours = new String(read(copies.get(0)), StandardCharsets.UTF_8);
    assertThat(ours).contains("MILEO PATCH", DERIVED_FROM).doesNotContain("AUTH ON (AUTH.RESOURCE_ID_");
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
