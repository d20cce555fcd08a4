package com.mileotech.cyber.security;

import com.mileotech.cyber.system.Published;
import java.util.LinkedHashMap;
import java.util.Map;
import net.logstash.logback.marker.Markers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail: one JSON event per line on the {@code AUDIT} logger, which logback writes to
 * logs/audit.jsonl and, with the {@code siem} profile, ships to a collector off the server.
 */
@Published
public final class AuditTrail {

  private static final Logger AUDIT = LoggerFactory.getLogger("AUDIT");

  private AuditTrail() {}

  public static void login(String userId, boolean success, String reason) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("event", success ? "login.success" : "login.failure");
    fields.put("user", userId);
    if (reason != null) {
      fields.put("reason", reason);
    }
    write(fields, (success ? "Login succeeded for " : "Login failed for ") + userId);
  }

  public static void event(String event, Map<String, ?> details) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("event", event);
    fields.putAll(details);
    write(fields, event);
  }

  /** The caller's address comes from the MDC (see AccessLogFilter), which the encoder includes. */
  private static void write(Map<String, Object> fields, String message) {
    AUDIT.info(Markers.appendEntries(fields), message);
  }
}
