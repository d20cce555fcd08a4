package com.mileotech.cyber.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mileotech.cyber.browser.Browser;
import com.mileotech.cyber.browser.Browser.Language;
import com.mileotech.cyber.browser.WebApp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

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

  /** One request of a visit as the browser's network saw it. */
  record Request(String url, String type, int status, long transferred, long decoded, String encoding,
      boolean fromCache) {
    String path() {
      return url.replaceFirst("^https?://[^/]+", "");
    }
  }

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
    browser.driver().manage().logs().get(LogType.PERFORMANCE); // drains what came before
    long began = System.nanoTime();
    browser.login(user, password, app);
    double seconds = (System.nanoTime() - began) / 1e9;
    // the log may lag behind the page: read it until every request it names has ended
    List<LogEntry> log = new ArrayList<>();
    long giveUp = System.nanoTime() + Browser.TIMEOUT.toNanos();
    do {
      browser.driver().manage().logs().get(LogType.PERFORMANCE).forEach(log::add);
    } while (pending(log) > 0 && System.nanoTime() < giveUp && pause());
    return new Visit(app.id(), kind, requests(log), seconds);
  }

  /** Requests of the log not yet finished (nor failed). */
  private static long pending(List<LogEntry> log) {
    java.util.Set<String> open = new java.util.HashSet<>();
    for (LogEntry entry : log) {
      String message = entry.getMessage();
      String id = requestId(message);
      if (message.contains("\"Network.requestWillBeSent\"")) {
        open.add(id);
      } else if (message.contains("\"Network.loadingFinished\"") || message.contains("\"Network.loadingFailed\"")) {
        open.remove(id);
      }
    }
    return open.size();
  }

  private static String requestId(String message) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"requestId\":\"([^\"]+)\"").matcher(message);
    return m.find() ? m.group(1) : "";
  }

  private static boolean pause() {
    try {
      Thread.sleep(200);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Each request of the log, with the bytes of its answer. */
  private static List<Request> requests(List<LogEntry> log) {
    Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
    for (LogEntry entry : log) {
      JsonNode message;
      try {
        message = JSON.readTree(entry.getMessage()).path("message");
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
      JsonNode params = message.path("params");
      String id = params.path("requestId").asText();
      switch (message.path("method").asText()) {
        case "Network.requestWillBeSent" -> {
          Map<String, Object> request = byId.computeIfAbsent(id, k -> new LinkedHashMap<>());
          request.put("url", params.path("request").path("url").asText());
          request.put("type", params.path("type").asText("Other"));
        }
        case "Network.responseReceived" -> {
          Map<String, Object> request = byId.computeIfAbsent(id, k -> new LinkedHashMap<>());
          JsonNode response = params.path("response");
          request.put("status", response.path("status").asInt());
          request.put("encoding", header(response.path("headers"), "content-encoding"));
          if (response.path("fromDiskCache").asBoolean() || response.path("fromPrefetchCache").asBoolean()) {
            request.put("fromCache", true);
          }
        }
        // the status on the wire: a revalidated file is a 304 there, a 200 (from the cache) above
        case "Network.responseReceivedExtraInfo" -> byId.computeIfAbsent(id, k -> new LinkedHashMap<>())
            .put("wireStatus", params.path("statusCode").asInt());
        case "Network.requestServedFromCache" -> byId.computeIfAbsent(id, k -> new LinkedHashMap<>()).put("fromCache", true);
        case "Network.dataReceived" -> byId.computeIfAbsent(id, k -> new LinkedHashMap<>())
            .merge("decoded", params.path("dataLength").asLong(), (a, b) -> (Long) a + (Long) b);
        case "Network.loadingFinished" -> byId.computeIfAbsent(id, k -> new LinkedHashMap<>())
            .put("transferred", params.path("encodedDataLength").asLong());
        default -> {
          // other events: not needed
        }
      }
    }
    List<Request> requests = new ArrayList<>();
    for (Map<String, Object> r : byId.values()) {
      if (r.get("url") == null || !((String) r.get("url")).startsWith("http")) {
        continue; // data: URLs, about:blank
      }
      requests.add(new Request((String) r.get("url"), (String) r.get("type"),
          (Integer) r.getOrDefault("wireStatus", r.getOrDefault("status", 0)),
          (Long) r.getOrDefault("transferred", 0L), (Long) r.getOrDefault("decoded", 0L),
          (String) r.getOrDefault("encoding", ""), Boolean.TRUE.equals(r.get("fromCache"))));
    }
    return requests;
  }

  private static String header(JsonNode headers, String name) {
    for (var field : (Iterable<Map.Entry<String, JsonNode>>) headers::fields) {
      if (field.getKey().equalsIgnoreCase(name)) {
        return field.getValue().asText();
      }
    }
    return "";
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
