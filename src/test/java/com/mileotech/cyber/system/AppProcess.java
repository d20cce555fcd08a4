package com.mileotech.cyber.system;

import com.mileotech.cyber.MileoCyberApplication;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The application in a JVM of its own, as an operator runs it ({@code java ... MileoCyberApplication}
 * with the product's classpath, not the test tree), so that a test can kill it the way a crash
 * does: {@link #kill()} is {@code kill -9}, nothing of the application runs after it.
 */
public final class AppProcess implements AutoCloseable {

  private static final String STARTED = "Started " + MileoCyberApplication.class.getSimpleName();

  private final Process process;
  private final int port;
  private final Path log;
  private final CompletableFuture<Void> started = new CompletableFuture<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private AppProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
    Thread reader = new Thread(this::copyOutput, "app-process-" + process.pid());
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts the application with these Spring arguments (plus a free port) and returns once it
   * says it started; its console goes to {@code log}.
   */
  public static AppProcess start(Path log, List<String> springArguments) {
    int port = freePort();
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-Duser.timezone=UTC", "-Dfile.encoding=UTF-8",
        "-cp", productClasspath(),
        MileoCyberApplication.class.getName(),
        "--server.port=" + port,
        "--spring.main.banner-mode=off"));
    command.addAll(springArguments);
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    AppProcess app = new AppProcess(process, port, log);
    try {
      app.started.get(180, TimeUnit.SECONDS);
    } catch (Exception e) {
      app.kill();
      throw new IllegalStateException("the application did not start, see " + log, e);
    }
    return app;
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  /** {@code kill -9}: no shutdown hook, no pending write of the JVM gets a chance. */
  public void kill() {
    process.destroyForcibly();
    waitForExit();
  }

  /** A clean stop (SIGTERM: Spring closes the context). */
  public void stop() {
    process.destroy();
    waitForExit();
  }

  /** Waits for the process to end by itself (or by another's hand); false if it still runs after the timeout. */
  public boolean waitForExit(long seconds) throws InterruptedException {
    return process.waitFor(seconds, TimeUnit.SECONDS);
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  private void waitForExit() {
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }

  /** An HTTP call with Basic credentials; the JSON body may be null. */
  public HttpResponse<String> call(String method, String path, String user, String password, String json) {
    HttpRequest.Builder request = request(path, user, password);
    if (json != null) {
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** A POST of raw bytes ({@code application/octet-stream}), as {@code curl --data-binary @file} sends a file. */
  public HttpResponse<String> postBytes(String path, String user, String password, byte[] body) {
    return send(request(path, user, password).header("Content-Type", "application/octet-stream")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)), HttpResponse.BodyHandlers.ofString());
  }

  /** A GET whose answer is read as bytes (a file). */
  public HttpResponse<byte[]> download(String path, String user, String password) {
    return send(request(path, user, password).GET(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpRequest.Builder request(String path, String user, String password) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
    try {
      return http.send(request.build(), body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void copyOutput() {
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Writer file = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
      String line;
      while ((line = out.readLine()) != null) {
        file.write(line);
        file.write('\n');
        file.flush();
        if (line.contains(STARTED)) {
          started.complete(null);
        }
      }
    } catch (IOException e) {
      // the process went away
    } finally {
      started.completeExceptionally(new IllegalStateException("the application exited"));
    }
  }

  /** The test JVM's classpath without the test tree: the product and its libraries. */
  static String productClasspath() {
    String classpath = System.getProperty("java.class.path");
    if (!classpath.contains(File.pathSeparator) && System.getProperty("surefire.test.class.path") != null) {
      classpath = System.getProperty("surefire.test.class.path"); // surefire's manifest-only jar
    }
    // no empty entry: the JVM reads one as the working directory, whose bpmn/ would deploy twice
    return Arrays.stream(classpath.split(File.pathSeparator))
        .filter(entry -> !entry.isBlank() && !Path.of(entry).endsWith("test-classes"))
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
