package com.mileotech.cyber.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How big the benchmark is. {@code -Dbench.size=full} (default: the sizes), {@code quick}
 * (a few minutes) or {@code smoke} (seconds, H2 only: what the normal test suite runs); any value
 * can be overridden with its own property, e.g. {@code -Dbench.lifecycle.count=50}.
 */
final class Sizes {

  final String name;
  final List<String> databases;
  /** Which scenarios run: timers, lifecycle, checklists, twonodes, tasklists, storm, webassets (all by default). */
  final List<String> scenarios;
  final int rounds;
  final int drivers;
  final int lifecycleCount;
  final int checklistCount;
  final int clients;
  final int openIncidents;
  final int openChecklists;
  final int latencySamples;
  final int stormCount;
  /** Reminders of a storm run first, not judged: the reminder path compiled by the JIT as on a node in service. */
  final int stormWarmUp;
  final int stormTimeoutSeconds;
  final int twoNodeCount;
  final int twoNodeRounds;
  final int twoNodeReminders;
  final int restTimers;
  final int restTimerSpreadSeconds;
  final int loadTimers;
  final int startups;
  /** The webapps whose first and repeat visits are measured in Chromium (scenario 8). */
  final List<String> webApps;
  final int seedDrivers;
  final int seedBatch;
  final String xmx;
  final List<String> nodeArgs;
  /**
   * CPUs each node is pinned to ({@code taskset -c}), one list per node separated by {@code ;}: node-a (and the
   * restarts) the first, node-b the second. Empty: not pinned. Lets a machine with cores enough give each node its
   * own, which the two-node scenario needs to show scaling.
   */
  final List<String> nodeCpus;
  /** JVM options for every node ({@code bench.node.jvmArgs}, space-separated), e.g. a flight recording. */
  final List<String> nodeJvmArgs;
  /** Nodes start with a class data archive made by a training start, as docs/production.md deploys them. */
  final boolean cds;
  final String postgresUrl;
  final String postgresUser;
  final String postgresPassword;

  private Sizes(String name, Map<String, String> p) {
    this.name = name;
    boolean full = name.equals("full");
    boolean quick = name.equals("quick");
    databases = list(p, "bench.databases", full || quick ? "h2,postgres" : "h2");
    scenarios = list(p, "bench.scenarios", "timers,lifecycle,checklists,twonodes,tasklists,storm,webassets");
    rounds = integer(p, "bench.rounds", full ? 4 : quick ? 3 : 1);
    drivers = integer(p, "bench.drivers", 4);
    lifecycleCount = integer(p, "bench.lifecycle.count", full ? 60 : quick ? 30 : 3);
    checklistCount = integer(p, "bench.checklists.count", full ? 20 : quick ? 8 : 2);
    clients = integer(p, "bench.clients", full ? 200 : quick ? 20 : 3);
    openIncidents = integer(p, "bench.tasklists.incidents", full ? 10_000 : quick ? 1_000 : 20);
    openChecklists = integer(p, "bench.tasklists.checklists", full ? 2_000 : quick ? 200 : 4);
    latencySamples = integer(p, "bench.tasklists.samples", full ? 50 : quick ? 20 : 3);
    stormCount = integer(p, "bench.storm.count", full ? 5_000 : quick ? 500 : 10);
    stormWarmUp = integer(p, "bench.storm.warmup", stormCount <= 0 ? 0 : Math.max(10, stormCount / 10));
    stormTimeoutSeconds = integer(p, "bench.storm.timeout", full ? 600 : 300);
    twoNodeCount = integer(p, "bench.twonodes.count", full ? 60 : quick ? 30 : 0);
    twoNodeRounds = integer(p, "bench.twonodes.rounds", full ? 3 : 2);
    twoNodeReminders = integer(p, "bench.twonodes.reminders", full ? 1_000 : quick ? 200 : 0);
    // sparse, so that the node is really idle between them (a dense series keeps the job executor awake)
    restTimers = integer(p, "bench.timers.rest", full ? 6 : quick ? 4 : 0);
    restTimerSpreadSeconds = integer(p, "bench.timers.rest.spread", full ? 150 : quick ? 90 : 3);
    loadTimers = integer(p, "bench.timers.load", full ? 20 : quick ? 10 : 2);
    startups = integer(p, "bench.startups", full ? 3 : 1);
    webApps = list(p, "bench.webassets.apps", full || quick ? "tasklist,cockpit" : "tasklist");
    seedDrivers = integer(p, "bench.seed.drivers", 2);
    seedBatch = integer(p, "bench.seed.batch", 50);
    xmx = p.getOrDefault("bench.node.xmx", "1g");
    String extra = p.getOrDefault("bench.node.args", "").trim();
    nodeArgs = extra.isEmpty() ? List.of() : Arrays.asList(extra.split("\\s+"));
    String jvmArgs = p.getOrDefault("bench.node.jvmArgs", "").trim();
    nodeJvmArgs = jvmArgs.isEmpty() ? List.of() : Arrays.asList(jvmArgs.split("\\s+"));
    cds = Boolean.parseBoolean(p.getOrDefault("bench.cds", String.valueOf(full || quick)));
    String cpus = p.getOrDefault("bench.node.cpus", "").trim();
    nodeCpus = cpus.isEmpty() ? List.of() : Arrays.stream(cpus.split(";")).map(String::trim).toList();
    postgresUrl = blankToNull(p.getOrDefault("bench.postgres.url", System.getenv("BENCH_POSTGRES_URL")));
    postgresUser = p.getOrDefault("bench.postgres.user", System.getenv().getOrDefault("BENCH_POSTGRES_USER", "postgres"));
    postgresPassword = p.getOrDefault("bench.postgres.password",
        System.getenv().getOrDefault("BENCH_POSTGRES_PASSWORD", "postgres"));
  }

  static Sizes fromSystemProperties() {
    Map<String, String> properties = new LinkedHashMap<>();
    System.getProperties().forEach((k, v) -> {
      if (k.toString().startsWith("bench.") && !v.toString().isBlank()) {
        properties.put(k.toString(), v.toString());
      }
    });
    return of(properties);
  }

  static Sizes of(Map<String, String> properties) {
    String name = properties.getOrDefault("bench.size", "full");
    if (!List.of("full", "quick", "smoke").contains(name)) {
      throw new IllegalArgumentException("bench.size is full, quick or smoke, not " + name);
    }
    return new Sizes(name, properties);
  }

  Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("databases", databases);
    map.put("scenarios", scenarios);
    map.put("rounds", rounds);
    map.put("drivers", drivers);
    map.put("lifecycleCount", lifecycleCount);
    map.put("checklistCount", checklistCount);
    map.put("clients", clients);
    map.put("openIncidents", openIncidents);
    map.put("openChecklists", openChecklists);
    map.put("latencySamples", latencySamples);
    map.put("stormCount", stormCount);
    map.put("stormWarmUp", stormWarmUp);
    map.put("twoNodeCount", twoNodeCount);
    map.put("twoNodeRounds", twoNodeRounds);
    map.put("twoNodeReminders", twoNodeReminders);
    map.put("restTimers", restTimers);
    map.put("loadTimers", loadTimers);
    map.put("startups", startups);
    map.put("webApps", webApps);
    map.put("nodeHeap", xmx);
    map.put("nodeArgs", nodeArgs);
    map.put("nodeCpus", nodeCpus);
    map.put("nodeJvmArgs", nodeJvmArgs);
    map.put("cds", cds);
    return map;
  }

  private static int integer(Map<String, String> p, String key, int fallback) {
    return p.containsKey(key) ? Integer.parseInt(p.get(key)) : fallback;
  }

  private static List<String> list(Map<String, String> p, String key, String fallback) {
    return Arrays.stream(p.getOrDefault(key, fallback).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
