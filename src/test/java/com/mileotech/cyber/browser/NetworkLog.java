package com.mileotech.cyber.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The requests a browser opened with {@link Browser#startRecordingNetwork} (or
 * {@link Browsers#openRecordingNetwork}) sent, read from Chromium's DevTools network events: each
 * request's method and address, and its answer as the Network panel shows it (status on the wire,
 * bytes "transferred": headers and compressed body, 0 for an answer from the cache). What the
 * benchmark's web visits count bytes from, and what the browser tests count requests with.
 */
public final class NetworkLog {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern REQUEST_ID = Pattern.compile("\"requestId\":\"([^\"]+)\"");

  /** One request as the browser's network saw it. */
  public record Request(String method, String url, String type, int status, long transferred, long decoded,
      String encoding, boolean fromCache) {
    /** The address without scheme and host: {@code /camunda/api/engine/engine/default/task/…?…}. */
    public String path() {
      return url.replaceFirst("^https?://[^/]+", "");
    }

    /** "GET /camunda/api/…": what a person reading a list of requests wants to see. */
    @Override
    public String toString() {
      return method + " " + path() + " → " + status + (fromCache ? " (cache)" : "") + ", " + transferred + " B";
    }
  }

  private NetworkLog() {}

  /** Forgets what the browser sent so far: the next {@link #read} starts from here. */
  public static void clear(Browser browser) {
    browser.driver().manage().logs().get(LogType.PERFORMANCE);
  }

  /**
   * Every request sent since the last read or {@link #clear}, once each of them has ended (the log
   * may lag behind the page; waits at most {@link Browser#TIMEOUT}). Call it when the page is idle
   * ({@link Browser#waitUntilAngularIsIdle}): requests sent later belong to the next read.
   */
  public static List<Request> read(Browser browser) {
    List<LogEntry> log = new ArrayList<>();
    long giveUp = System.nanoTime() + Browser.TIMEOUT.toNanos();
    do {
      browser.driver().manage().logs().get(LogType.PERFORMANCE).forEach(log::add);
    } while (pending(log) > 0 && System.nanoTime() < giveUp && pause());
    return requests(log);
  }

  /** Requests of the log not yet finished (nor failed). */
  private static long pending(List<LogEntry> log) {
    Set<String> open = new HashSet<>();
    for (LogEntry entry : log) {
      String message = entry.getMessage();
      Matcher id = REQUEST_ID.matcher(message);
      String requestId = id.find() ? id.group(1) : "";
      if (message.contains("\"Network.requestWillBeSent\"")) {
        open.add(requestId);
      } else if (message.contains("\"Network.loadingFinished\"") || message.contains("\"Network.loadingFailed\"")) {
        open.remove(requestId);
      }
    }
    return open.size();
  }

  /** A short wait between two reads of the log; the log is polled, nothing races the application. */
  private static boolean pause() {
    try {
      Thread.sleep(200);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Each request of the log, in the order it was sent, with its answer. */
  private static List<Request> requests(List<LogEntry> log) {
    Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
    for (LogEntry entry : log) {
      JsonNode message;
      try {
        message = JSON.readTree(entry.getMessage()).path("message");
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      JsonNode params = message.path("params");
      Map<String, Object> request = byId.computeIfAbsent(params.path("requestId").asText(), k -> new LinkedHashMap<>());
      switch (message.path("method").asText()) {
        case "Network.requestWillBeSent" -> {
          request.put("url", params.path("request").path("url").asText());
          request.put("method", params.path("request").path("method").asText());
          request.put("type", params.path("type").asText("Other"));
        }
        case "Network.responseReceived" -> {
          JsonNode response = params.path("response");
          request.put("status", response.path("status").asInt());
          request.put("encoding", header(response.path("headers"), "content-encoding"));
          if (response.path("fromDiskCache").asBoolean() || response.path("fromPrefetchCache").asBoolean()) {
            request.put("fromCache", true);
          }
        }
        // the status on the wire: a revalidated file is a 304 there, a 200 (from the cache) above
        case "Network.responseReceivedExtraInfo" -> request.put("wireStatus", params.path("statusCode").asInt());
        case "Network.requestServedFromCache" -> request.put("fromCache", true);
        case "Network.dataReceived" -> request.merge("decoded", params.path("dataLength").asLong(),
            (a, b) -> (Long) a + (Long) b);
        case "Network.loadingFinished" -> request.put("transferred", params.path("encodedDataLength").asLong());
        default -> {
          // other events: not needed
        }
      }
    }
    List<Request> requests = new ArrayList<>();
    for (Map<String, Object> r : byId.values()) {
      if (r.get("url") == null || !((String) r.get("url")).startsWith("http")) {
        continue; // data: URLs, about:blank, events of requests sent before the last read
      }
      requests.add(new Request((String) r.get("method"), (String) r.get("url"), (String) r.get("type"),
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
}
