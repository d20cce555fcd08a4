package com.mileotech.cyber.browser;

import com.mileotech.cyber.browser.Browser.Language;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Opens browsers for a test and cleans up after it: on failure each browser still open saves a
 * screenshot and its page source to {@value #SCREENSHOTS} ({@code <Class>.<method>[-<n>].png/.html}),
 * then every browser is closed ({@code -Dbrowser.screenshots=always} keeps them for passing tests too). Use as {@code @RegisterExtension final Browsers browsers = new Browsers();}
 * and {@code browsers.open(port, Language.FRENCH)}; a scenario with several people opens one browser each.
 */
public class Browsers implements AfterTestExecutionCallback, AfterEachCallback {

  public static final String SCREENSHOTS = "target/browser-screenshots";

  private final List<Browser> open = new ArrayList<>();

  /** A new browser on the application listening on {@code port}, preferring {@code language}. */
  public Browser open(int port, Language language) {
    Browser browser = Browser.start(port, language);
    open.add(browser);
    return browser;
  }

  /** A new browser preferring {@code language} whose own locale (Intl's default) is {@code locale}, e.g. "en-US". */
  public Browser open(int port, Language language, String locale) {
    Browser browser = Browser.start(port, language, locale);
    open.add(browser);
    return browser;
  }

  /** A new browser preferring {@code language} that records what it sends ({@link NetworkLog}). */
  public Browser openRecordingNetwork(int port, Language language) {
    Browser browser = Browser.startRecordingNetwork(port, language);
    open.add(browser);
    return browser;
  }

  /** Runs before @AfterEach methods, while the pages are still as the failure left them. */
  @Override
  public void afterTestExecution(ExtensionContext context) {
    boolean failed = context.getExecutionException().isPresent();
    if (!failed && !"always".equals(System.getProperty("browser.screenshots"))) {
      return;
    }
    String method = context.getRequiredTestMethod().getName();
    String display = context.getDisplayName();
    String name = context.getRequiredTestClass().getSimpleName() + "." + method
        + (display.startsWith(method + "(") ? "" : "_" + display.replaceAll("[^A-Za-z0-9]+", "_"));
    for (int i = 0; i < open.size(); i++) {
      String file = open.size() == 1 ? name : name + "-" + (i + 1);
      try {
        open.get(i).saveScreenshot(Path.of(SCREENSHOTS), file);
        System.err.println("[browser tests] screenshot" + (failed ? " of the failure: " : ": ")
            + Path.of(SCREENSHOTS, file + ".png"));
      } catch (Exception e) {
        System.err.println("[browser tests] no screenshot for " + file + ": " + e);
      }
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    for (Browser browser : open) {
      try {
        browser.close();
      } catch (RuntimeException e) {
        System.err.println("[browser tests] could not close a browser: " + e);
      }
    }
    open.clear();
  }
}
