package com.mileotech.cyber.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** An application node as the orchestrator sees it: a child JVM running {@link BenchNode}, its log in a file. */
final class Node implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The nodes' class path when it is not the driver's (the class data archive's jars, Bench). */
  static volatile String classpath;

  final String name;
  private final Process process;
  private final PrintWriter commands;
  private final Map<Integer, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();
  private final CompletableFuture<Map<String, Object>> ready = new CompletableFuture<>();
  private final AtomicInteger ids = new AtomicInteger();
  final long spawnedNanos;
  long readyNanos;
  int port;
  long startupMs;
  /** Whether the JVM said it could not use the class data archive it was given. */
  volatile boolean archiveRefused;

  private Node(String name, Process process, Path log) throws IOException {
    this.name = name;
    this.process = process;
    this.spawnedNanos = System.nanoTime();
    this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
    Writer logFile = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
    Thread reader = new Thread(() -> read(logFile), "node-" + name + "-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts a node JVM with the given heap and Spring arguments; returns once it is ready. */
  static Node start(String name, String xmx, List<String> springArgs, Path log, long timeoutSeconds) throws Exception {
    return start(name, xmx, null, List.of(), springArgs, log, timeoutSeconds);
  }

  /**
   * The same, the JVM pinned to the given CPUs ({@code taskset -c} list) unless {@code cpus} is null,
   * with extra JVM options ({@code bench.node.jvmArgs}: a flight recording, GC logging).
   */
  static Node start(String name, String xmx, String cpus, List<String> jvmArgs, List<String> springArgs, Path log,
      long timeoutSeconds) throws Exception {
    List<String> command = new ArrayList<>();
    if (cpus != null) {
      command.addAll(List.of("taskset", "-c", cpus));
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + xmx);
    command.add("-Dfile.encoding=UTF-8");
    command.addAll(jvmArgs);
    command.add("-cp");
    command.add(classpath != null ? classpath : Bench.classpath());
    command.add(BenchNode.class.getName());
    command.addAll(springArgs);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    Node node = new Node(name, process, log);
    Map<String, Object> hello;
    try {
      hello = node.ready.get(timeoutSeconds, TimeUnit.SECONDS);
    } catch (Exception e) {
      node.close();
      throw new IllegalStateException("node " + name + " did not start, see " + log, e);
    }
    node.port = ((Number) hello.get("port")).intValue();
    node.startupMs = ((Number) hello.get("startupMs")).longValue();
    return node;
  }

  long pid() {
    return process.pid();
  }

  /** Seconds from spawning the JVM to the application being ready (as the orchestrator saw it). */
  double spawnToReadySeconds() {
    return (readyNanos - spawnedNanos) / 1e9;
  }

  /** Resident memory of the node's JVM, from /proc. */
  double residentMb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
      }
    }
    return -1;
  }

  CompletableFuture<Map<String, Object>> send(Map<String, Object> command) {
    int id = ids.incrementAndGet();
    Map<String, Object> withId = new LinkedHashMap<>(command);
    withId.put("id", id);
    CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
    pending.put(id, answer);
    try {
      synchronized (commands) {
        commands.println(JSON.writeValueAsString(withId));
      }
    } catch (IOException e) {
      answer.completeExceptionally(e);
    }
    return answer;
  }

  /** Sends a command and waits for its result (fails when the node reports an error). */
  Map<String, Object> call(Map<String, Object> command) throws Exception {
    return send(command).get(2, TimeUnit.HOURS);
  }

  @SuppressWarnings("unchecked")
  private void read(Writer log) {
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        log) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith(BenchNode.READY)) {
          readyNanos = System.nanoTime();
          ready.complete(JSON.readValue(line.substring(BenchNode.READY.length()), Map.class));
        } else if (line.startsWith(BenchNode.RESULT)) {
          Map<String, Object> answer = JSON.readValue(line.substring(BenchNode.RESULT.length()), Map.class);
          CompletableFuture<Map<String, Object>> future = pending.remove(((Number) answer.get("id")).intValue());
          if (future != null) {
            if (Boolean.TRUE.equals(answer.get("ok"))) {
              future.complete((Map<String, Object>) answer.get("result"));
            } else {
              future.completeExceptionally(new IllegalStateException(name + ": " + answer.get("error")));
            }
          }
        } else {
          if (line.contains("Unable to use shared archive")) {
            archiveRefused = true;
          }
          log.write(line);
          log.write('\n');
        }
      }
    } catch (IOException e) {
      // the node went away
    } finally {
      IllegalStateException gone = new IllegalStateException("node " + name + " exited");
      ready.completeExceptionally(gone);
      pending.values().forEach(f -> f.completeExceptionally(gone));
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      synchronized (commands) {
        commands.println("{\"op\":\"stop\"}");
      }
      try {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          process.destroy();
          if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
          }
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
