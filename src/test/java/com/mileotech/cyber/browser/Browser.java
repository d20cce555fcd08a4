package com.mileotech.cyber.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * One headless Chromium (Debian's chromium and chromium-driver) on the application under test,
 * with helpers for what every scenario does: open a page, log in to a webapp, wait, read the page.
 * Obtain it from {@link Browsers}, which closes it after the test and keeps a screenshot on failure.
 */
public final class Browser implements AutoCloseable {

  /**
   * An upper bound, not a pace (waits end as soon as the page is ready): long enough for the
   * webapps' first load (4 MB of scripts), which took over a minute on two loaded cores.
   */
  public static final Duration TIMEOUT = Duration.ofSeconds(180);

  /** The browser's time zone. */
  public static final String ZONE = "Europe/Paris";

  /** The browser's preferred language: what Tasklist chooses its locale from. */
  public enum Language {
    FRENCH("fr", "fr-FR,fr", "fr-FR"),
    ENGLISH("en", "en-US,en", "en-US");

    final String lang;
    final String acceptLanguages;
    /** The browser's own locale that goes with it (what {@code Intl} formats in by default). */
    final String locale;

    Language(String lang, String acceptLanguages, String locale) {
      this.lang = lang;
      this.acceptLanguages = acceptLanguages;
      this.locale = locale;
    }
  }

  /**
   * Selenium warns at every start that it has no DevTools (CDP) binding for this Chromium release:
   * the tests use WebDriver only, so that is noise. Kept referenced: JUL holds loggers weakly.
   */
  private static final List<java.util.logging.Logger> QUIET = List.of(
      java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder"),
      java.util.logging.Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver"));

  static {
    QUIET.forEach(logger -> logger.setLevel(java.util.logging.Level.SEVERE));
  }

  private final String baseUrl;
  private final Path profile;
  private final ChromeDriverService service;
  private final WebDriver driver;

  private Browser(String baseUrl, Path profile, ChromeDriverService service, WebDriver driver) {
    this.baseUrl = baseUrl;
    this.profile = profile;
    this.service = service;
    this.driver = driver;
  }

  /** Null when Chromium and ChromeDriver are installed, otherwise what is missing (outside JUnit: the benchmark). */
  public static String missing() {
    return ChromiumInstalled.missing();
  }

  /** Starts a new browser (fresh profile: no cookie, no session) on http://localhost:{port}. */
  static Browser start(int port, Language language) {
    return start(port, language, language.locale);
  }

  /**
   * A new browser (fresh profile: no cookie, no session, empty cache) that records the network
   * events of DevTools in its "performance" log (what the benchmark's web visits count bytes
   * from). Outside a test: the caller closes it.
   */
  public static Browser startRecordingNetwork(int port, Language language) {
    return start(port, language, language.locale, true);
  }

  /**
   * A new browser preferring {@code language} (navigator.languages, Accept-Language: what
   * Tasklist picks its labels from) whose own locale is {@code locale} (Intl's default, what
   * form-js and {@code toLocaleDateString} format in: "en-US" is an English browser with French
   * as its preferred language). Headless Chromium's Intl stays en-US whatever --lang, LANG or
   * the preferences say; only the DevTools locale override changes it.
   */
  static Browser start(int port, Language language, String locale) {
    return start(port, language, locale, false);
  }

  private static Browser start(int port, Language language, String locale, boolean recordNetwork) {
    String missing = ChromiumInstalled.missing();
    if (missing != null) {
      throw new IllegalStateException("Cannot start the browser: " + missing);
    }
    Path profile;
    try {
      profile = Files.createTempDirectory("mileo-chromium-");
    } catch (IOException e) {
      throw new IllegalStateException("Cannot create a Chromium profile directory", e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(ChromiumInstalled.chromium().toFile());
    options.addArguments(
        "--headless=new",
        // root in a container: no sandbox; no GPU; /dev/shm is small in containers
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        // nothing but the application under test on the network
        "--disable-background-networking", "--disable-component-update", "--no-first-run",
        "--disable-search-engine-choice-screen", "--password-store=basic",
        "--user-data-dir=" + profile,
        "--window-size=1400,1000",
        "--lang=" + language.lang);
    options.setExperimentalOption("prefs", Map.of(
        "intl.accept_languages", language.acceptLanguages,
        "credentials_enable_service", false,
        "profile.password_manager_enabled", false));
    if (recordNetwork) {
      options.setCapability("goog:loggingPrefs", Map.of("performance", "ALL"));
      options.setExperimentalOption("perfLoggingPrefs", Map.of("enableNetwork", true, "enablePage", false));
    }
    // the driver we name: Selenium Manager would otherwise try to download one
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(ChromiumInstalled.chromedriver().toFile())
        .usingAnyFreePort()
        // the users' time zone, whatever the machine's: dates on screen are predictable
        .withEnvironment(Map.of("TZ", ZONE))
        .build();
    try {
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().pageLoadTimeout(TIMEOUT).scriptTimeout(TIMEOUT);
      // the browser's own locale (kept across navigations of this tab) and, again, its zone
      driver.executeCdpCommand("Emulation.setLocaleOverride", Map.of("locale", locale));
      driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", ZONE));
      return new Browser("http://localhost:" + port, profile, service, driver);
    } catch (RuntimeException e) {
      service.stop();
      FileSystemUtils.deleteRecursively(profile.toFile());
      throw e;
    }
  }

  /**
   * Runs {@code script} in every page this browser opens from now on, before the page's own
   * scripts (DevTools' {@code Page.addScriptToEvaluateOnNewDocument}).
   */
  public Browser beforeEachPage(String script) {
    ((ChromeDriver) driver).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", script));
    return this;
  }

  /** The Selenium driver, for what the helpers do not cover. */
  public WebDriver driver() {
    return driver;
  }

  public String url(String path) {
    return baseUrl + path;
  }

  /** Opens a path of the application ("/camunda/app/tasklist/"). */
  public Browser open(String path) {
    driver.get(url(path));
    return this;
  }

  /**
   * Opens a task in Tasklist by its id ({@code …/#/?task=<id>}) and waits until Tasklist shows it
   * (its task card). Right after a login Tasklist may still be settling its first route (the
   * default filter) and drop the task from the address, leaving « Sélectionnez une tâche dans la
   * liste »: the task is then asked for again (the page reloaded if the address kept it), until it
   * is shown or the wait ends.
   */
  public Browser openTask(String taskId) {
    String path = "/camunda/app/tasklist/default/#/?task=" + taskId;
    open(path);
    try {
      waitUntil(d -> {
        waitUntilAngularIsIdle();
        boolean addressed = d.getCurrentUrl().contains("task=" + taskId);
        if (addressed && !d.findElements(By.cssSelector("section.task-card")).isEmpty()) {
          return true;
        }
        if (addressed) {
          driver.navigate().refresh(); // addressed but not shown once idle: Tasklist loaded again, from the start
        } else {
          open(path);
        }
        return false;
      });
    } catch (RuntimeException e) {
      throw new AssertionError("Tasklist never showed task " + taskId + " (" + currentUrl() + "); the page shows: "
          + visibleText(), e);
    }
    return this;
  }

  public String currentUrl() {
    return driver.getCurrentUrl();
  }

  /** Opens the webapp's login page and submits the form, without waiting for the outcome. */
  public Browser submitLogin(String userId, String password, WebApp app) {
    open(app.loginPath());
    waitForVisible(By.cssSelector("form[name='signinForm']"));
    // on a loaded machine the form can be shown before AngularJS has bound its fields, and what was
    // typed then was lost (a login that never left the form): type once it is idle, and check what
    // the fields hold before submitting
    waitUntilAngularIsIdle();
    waitUntil(d -> {
      WebElement form = d.findElement(By.cssSelector("form[name='signinForm']"));
      WebElement user = form.findElement(By.cssSelector("input[type='text']"));
      WebElement secret = form.findElement(By.cssSelector("input[type='password']"));
      if (!userId.equals(user.getAttribute("value"))) {
        user.clear();
        user.sendKeys(userId);
      }
      if (!password.equals(secret.getAttribute("value"))) {
        secret.clear();
        secret.sendKeys(password);
      }
      return userId.equals(user.getAttribute("value")) && password.equals(secret.getAttribute("value"));
    });
    waitUntilAngularIsIdle();
    driver.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
    return this;
  }

  /** Logs in to the webapp and waits until its authenticated page is shown; fails otherwise. */
  public Browser login(String userId, String password, WebApp app) {
    submitLogin(userId, password, app);
    try {
      waitUntil(d -> isLoggedIn() && !d.getCurrentUrl().contains("/login"));
    } catch (RuntimeException e) {
      throw new AssertionError("Login of " + userId + " to " + app.id() + " did not succeed; the page says: "
          + visibleText(), e);
    }
    waitUntilAngularIsIdle();
    return this;
  }

  /** Logged in: the webapp header shows the application's brand only to an authenticated user. */
  public boolean isLoggedIn() {
    return !driver.findElements(By.cssSelector("[cam-widget-header] a.navbar-brand")).isEmpty();
  }

  /** Whether the webapp shows its login form. */
  public boolean showsLoginForm() {
    return driver.findElements(By.cssSelector("form[name='signinForm']")).stream().anyMatch(WebElement::isDisplayed);
  }

  public WebElement waitForVisible(By locator) {
    return waitUntil(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  /** Waits until the visible text of the page contains {@code text}. */
  public Browser waitForText(String text) {
    try {
      waitUntil(d -> visibleText().contains(text));
    } catch (RuntimeException e) {
      throw new AssertionError("The page never showed \"" + text + "\"; it shows: " + visibleText(), e);
    }
    return this;
  }

  /** Waits until the condition gives a value (not null, not false); AngularJS re-rendering an element is no failure. */
  public <T> T waitUntil(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, TIMEOUT).ignoring(StaleElementReferenceException.class).until(condition);
  }

  /**
   * Waits until AngularJS (the Camunda webapps' framework) is stable: no pending HTTP request,
   * timeout or digest (its testability API, as Protractor used it), so the page shows its final state.
   */
  public Browser waitUntilAngularIsIdle() {
    waitUntil(d -> (Boolean) ((JavascriptExecutor) d).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        const root = document.documentElement;
        if (!window.angular || !angular.element(root).injector()) {
          done(document.readyState === 'complete'); // not (yet) an AngularJS page
          return;
        }
        angular.getTestability(root).whenStable(() => done(true));
        """));
    return this;
  }

  /**
   * Clicks what shows {@code text}: a link, button, tab, filter or task name as the user reads it
   * (the innermost displayed element whose visible text is that text, or starts with it, as a
   * filter name followed by its counter).
   */
  public Browser click(String text) {
    try {
      // found and clicked in one step, again until it works: the page may re-render or fade in a dialog
      waitUntil(d -> {
        WebElement element = find(text);
        if (element == null) {
          return false;
        }
        try {
          // in the middle of its scrolling list: at the edge, Tasklist's footer or header takes the click
          ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
              "arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", element);
          element.click();
          return true;
        } catch (ElementNotInteractableException | org.openqa.selenium.StaleElementReferenceException e) {
          // covered by a dialog fading in, not yet enabled, re-rendered...
          return false;
        }
      });
    } catch (RuntimeException e) {
      throw new AssertionError("Nothing to click showing \"" + text + "\"; the page shows: " + visibleText(), e);
    }
    waitUntilAngularIsIdle();
    return this;
  }

  /** The displayed element showing {@code text} (see {@link #click}), or null. */
  public WebElement find(String text) {
    List<WebElement> candidates = driver.findElements(containing(text)).stream()
        .filter(WebElement::isDisplayed).toList();
    return candidates.stream().filter(e -> normalized(e.getText()).equals(text)).findFirst()
        .orElse(candidates.stream().filter(e -> normalized(e.getText()).startsWith(text)).findFirst().orElse(null));
  }

  /** The innermost elements whose text (hidden parts included) contains {@code text}. */
  private static By containing(String text) {
    String literal = text.contains("'") ? "concat('" + text.replace("'", "', \"'\", '") + "')" : "'" + text + "'";
    return By.xpath("//*[contains(normalize-space(.), " + literal + ") and not(*[contains(normalize-space(.), "
        + literal + ")])]");
  }

  private static String normalized(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }

  /** Types a key combination on the page, as a keyboard shortcut ({@code Keys.CONTROL, Keys.ALT, "p"}). */
  public Browser press(CharSequence... keys) {
    driver.findElement(By.tagName("body")).sendKeys(Keys.chord(keys));
    waitUntilAngularIsIdle();
    return this;
  }

  /** The value of an attribute of the first displayed element matching the selector. */
  public String attribute(By locator, String name) {
    return waitForVisible(locator).getDomAttribute(name);
  }

  /** What a person sees: the visible text of the page (hidden elements excluded). */
  public String visibleText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  public String pageSource() {
    return driver.getPageSource();
  }

  /** The elements matching the selector that are displayed. */
  public List<WebElement> visible(By locator) {
    return driver.findElements(locator).stream().filter(WebElement::isDisplayed).toList();
  }

  /** Saves a PNG screenshot and the page source as {@code <dir>/<name>.png} and {@code .html}. */
  public void saveScreenshot(Path dir, String name) throws IOException {
    Files.createDirectories(dir);
    byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    Files.write(dir.resolve(name + ".png"), png);
    Files.writeString(dir.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.stop();
      FileSystemUtils.deleteRecursively(profile.toFile());
    }
  }
}
