package com.mileotech.cyber.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Browser tests need Debian's chromium and chromium-driver. Where they are missing the tests are
 * skipped with the reason — except on CI ({@code CI=true}), where .ci/run installs them: there a
 * missing browser must fail the build rather than hide the tests.
 */
public class ChromiumInstalled implements ExecutionCondition {

  /** Where Debian installs them; {@code -Dbrowser.chromium=...} and {@code -Dbrowser.chromedriver=...} override. */
  static Path chromium() {
    return Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
  }

  static Path chromedriver() {
    return Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));
  }

  /** Null when both are installed, otherwise what is missing and how to install it. */
  static String missing() {
    StringBuilder missing = new StringBuilder();
    for (Path binary : new Path[] {chromium(), chromedriver()}) {
      if (!Files.isExecutable(binary)) {
        missing.append(missing.isEmpty() ? "" : " and ").append(binary);
      }
    }
    return missing.isEmpty() ? null
        : missing + " not found: install them with `apt-get install chromium chromium-driver` (Debian)";
  }

  static boolean onCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    String missing = missing();
    if (missing == null) {
      return ConditionEvaluationResult.enabled("Chromium and ChromeDriver are installed");
    }
    if (onCi()) {
      return ConditionEvaluationResult.enabled("on CI the browser tests always run (" + missing + ")");
    }
    System.err.println("[browser tests] SKIPPED: " + missing);
    return ConditionEvaluationResult.disabled("Browser tests skipped: " + missing);
  }
}
