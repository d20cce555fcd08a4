package com.mileotech.cyber.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mileotech.cyber.browser.Browser;
import com.mileotech.cyber.browser.Browser.Language;
import com.mileotech.cyber.browser.NetworkLog;
import com.mileotech.cyber.browser.NetworkLog.Request;
import com.mileotech.cyber.browser.WebApp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a person's browser transfers to open a webapp (issue 20): a real Chromium, fresh profile,
 * opens the login page, logs in and waits until the landing page is shown (Tasklist's task list,
 * Cockpit's dashboard: every request of AngularJS answered); then the same person comes back
 * another day (session cookie gone, browser cache kept) and does it again. Bytes are counted from
 * the browser's DevTools network events, as its Network panel shows them "transferred": each
 * answer's bytes on the wire (headers and compressed body; 0 for an answer from the browser's
 * cache, the headers alone for a 304). Request bytes (cookies, headers) are not counted.
 *
 * <p>Run alone against any running instance:
 * {@code java -cp ... com.mileotech.cyber.bench.WebVisits PORT APP USER PASSWORD [all]} (APP
 * tasklist or cockpit; "all" lists every request).
 */
final class WebVisits {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final java.util.regex.Pattern TASK_LIST = java.util.regex.Pattern.compile("/filter/[^/?]+/list(\\?|$)");

  /** One visit: every request, and how long from opening the login page to the landing page shown. */
  record Visit(String app, String kind, List<Request> requests, double seconds) {
    long transferred() {
      return requests.stream().mapToLong(Request::transferred).sum();
    }

    long decoded() {
      return requests.stream().mapToLong(Request::decoded).sum();
    }

    long fromCache() {
      return requests.stream().filter(Request::fromCache).count();
    }

    long notModified() {
      return requests.stream().filter(r -> r.status() == 304).count();
    }

    /** How many times the page asked for a filter's task list ({@code POST …/filter/{id}/list}): once on landing. */
    long taskListRequests() {
      return requests.stream().filter(r -> TASK_LIST.matcher(r.path()).find()).count();
    }

    /** Bytes transferred by kind: the page, scripts and styles, fonts and images, the webapps' API (XHR). */
    Map<String, Long> transferredByKind() {
      Map<String, Long> kinds = new LinkedHashMap<>();
      for (Request request : requests) {
        String kind = switch (request.type()) {
          case "Document" -> "page";
          case "XHR", "Fetch" -> "api and locales (XHR)";
          case "Script", "Stylesheet" -> "scripts and styles";
          case "Font", "Image" -> "fonts and images";
          default -> "other";
        };
        kinds.merge(kind, request.transferred(), Long::sum);
      }
      return kinds;
    }

    Map<String, Object> toMap() {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("app", app);
      map.put("visit", kind);
      map.put("requests", requests.size());
      map.put("transferredBytes", transferred());
      map.put("decodedBytes", decoded());
      map.put("fromCache", fromCache());
      map.put("notModified", notModified());
      map.put("taskListRequests", taskListRequests());
      map.put("transferredByKind", transferredByKind());
      map.put("seconds", Math.round(seconds * 100) / 100.0);
      // the largest transfers, to see where the bytes go
      map.put("largest", requests.stream().filter(r -> r.transferred() > 0)
          .sorted((a, b) -> Long.compare(b.transferred(), a.transferred())).limit(12)
          .map(r -> r.path() + " " + r.status() + " " + r.transferred() + " B" + (r.encoding().isEmpty() ? ""
              : " " + r.encoding()) + " (" + r.decoded() + " decoded)").toList());
      return map;
    }
  }

  private WebVisits() {}

  /**
   * A first visit (empty cache) and a repeat visit (cache kept, new session) of {@code app} by
   * {@code user}, in one Chromium.
   */
  static List<Visit> firstAndRepeat(int port, WebApp app, String user, String password) {
    try (Browser browser = Browser.startRecordingNetwork(port, Language.FRENCH)) {
      Visit first = visit(browser, app, "first", user, password);
      // another day: the session has ended, the browser's cache has not
      browser.driver().manage().deleteAllCookies();
      Visit repeat = visit(browser, app, "repeat", user, password);
      return List.of(first, repeat);
    }
  }

  private static Visit visit(Browser browser, WebApp app, String kind, String user, String password) {
    // a new document each time (the login page differs from the landing page by its #fragment only)
    browser.driver().get("about:blank");
    NetworkLog.clear(browser); // what came before
    long began = System.nanoTime();
    browser.login(user, password, app);
    double seconds = (System.nanoTime() - began) / 1e9;
    return new Visit(app.id(), kind, NetworkLog.read(browser), seconds);
  }

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    WebApp app = WebApp.valueOf(args[1].toUpperCase());
    for (Visit visit : firstAndRepeat(port, app, args[2], args[3])) {
      System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(visit.toMap()));
      if (args.length > 4) {
        visit.requests().forEach(r -> System.out.println("  " + r));
      }
    }
  }
}
