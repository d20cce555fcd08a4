package com.mileotech.cyber.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mileotech.cyber.MileoCyberApplication;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.metrics.ApplicationStartup;
import org.springframework.core.metrics.jfr.FlightRecorderApplicationStartup;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * One application node of the benchmark, in a JVM of its own: the product exactly as it runs in
 * production (its own main configuration, job executor, mail sender), started with the Spring
 * arguments given, plus the benchmark's agent reading commands from standard input (one JSON
 * object a line) and answering {@code BENCH-RESULT {...}} lines on standard output.
 */
public final class BenchNode {

  static final String READY = "BENCH-READY ";
  static final String RESULT = "BENCH-RESULT ";
  private static final ObjectMapper JSON = new ObjectMapper();

  private BenchNode() {}

  public static void main(String[] args) throws Exception {
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    ConfigurableApplicationContext context = new SpringApplicationBuilder(MileoCyberApplication.class)
        // the test tree's own beans (the shared test context's recorders...) are not part of a node
        .initializers(c -> c.getBeanFactory().registerSingleton("benchExcludesTestTree", new TestTreeExcluded()))
        // -Dbench.startup-steps=jfr: Spring's start-up steps (each bean's creation, the context's
        // phases) as JFR events, for a node started with -XX:StartFlightRecording (docs/bench.md,
        // "Start-up on a full H2 database")
        .applicationStartup("jfr".equals(System.getProperty("bench.startup-steps"))
            ? new FlightRecorderApplicationStartup() : ApplicationStartup.DEFAULT)
        .run(args);
    long ready = System.currentTimeMillis();
    String nodeId = context.getEnvironment().getProperty("mileo.mail.node-id", "node");
    Map<String, Object> hello = new LinkedHashMap<>();
    hello.put("port", Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "0")));
    hello.put("startupMs", ready - jvmStart);
    hello.put("pid", ProcessHandle.current().pid());
    print(READY + JSON.writeValueAsString(hello));

    BenchAgent agent = new BenchAgent(context, nodeId);
    ExecutorService commands = Executors.newCachedThreadPool();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isBlank()) {
        continue;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> command = JSON.readValue(line, Map.class);
      if ("stop".equals(command.get("op"))) {
        break;
      }
      commands.submit(() -> answer(agent, command));
    }
    commands.shutdownNow();
    context.close();
    System.exit(0);
  }

  private static void answer(BenchAgent agent, Map<String, Object> command) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("id", command.get("id"));
    try {
      answer.put("result", agent.handle(command));
      answer.put("ok", true);
    } catch (Throwable e) {
      answer.put("ok", false);
      answer.put("error", e.toString());
      e.printStackTrace();
    }
    try {
      print(RESULT + JSON.writeValueAsString(answer));
    } catch (IOException e) {
      e.printStackTrace();
    }
  }

  private static void print(String line) {
    synchronized (System.out) {
      System.out.println(line);
      System.out.flush();
    }
  }

  /** Component scanning of a node skips the test tree (target/test-classes). */
  static final class TestTreeExcluded extends TypeExcludeFilter {
    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
      return reader.getResource().getURL().toString().contains("/test-classes/");
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof TestTreeExcluded;
    }

    @Override
    public int hashCode() {
      return TestTreeExcluded.class.hashCode();
    }
  }
}
