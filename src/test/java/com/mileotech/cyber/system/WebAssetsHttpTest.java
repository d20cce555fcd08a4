package com.mileotech.cyber.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.Decoder;
import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestUsers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a browser is told to keep, and how much it downloads (issue 20; docs/bench.md, "Web
 * assets"): Camunda's versioned files are compressed and kept a year; our own files and the pages
 * are revalidated each visit (a deploy is seen at once); API answers are compressed and never
 * stored. Against the running application, with the plain HTTP client (no automatic decompression:
 * the bytes counted are the bytes sent).
 */
@IntegrationTest
class WebAssetsHttpTest {

  private static final String VERSION = "?bust=7.24.0";
  private static final String YEAR = "public, max-age=31536000, immutable";
  private static final String OVERRIDES = "src/main/resources/META-INF/resources/webjars/camunda";

  @LocalServerPort int port;
  /** A browser's: its session cookie kept, opened by the page as a browser's is. */
  private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

  @BeforeEach
  void openThePage() throws Exception {
    get("/camunda/app/tasklist/default/");
  }

  @Test
  void camundasVersionedFilesAreCompressedAndKeptAYear() throws Exception {
    byte[] original = webjarFile("lib/deps.js");
    HttpResponse<byte[]> plain = get("/camunda/lib/deps.js" + VERSION, "Accept-Encoding", "identity");
    HttpResponse<byte[]> gzip = get("/camunda/lib/deps.js" + VERSION, "Accept-Encoding", "gzip, deflate");

    assertThat(plain.statusCode()).isEqualTo(200);
    assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(plain.body()).hasSize(original.length);
    assertThat(gzip.statusCode()).isEqualTo(200);
    assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(gunzip(gzip.body())).isEqualTo(original);
    // 3.86 MB sent as about 1.16 MB
    assertThat(gzip.body().length).isLessThan(original.length / 3);
    for (HttpResponse<byte[]> answer : List.of(plain, gzip)) {
      assertThat(answer.headers().allValues("Cache-Control")).containsExactly(YEAR);
    }
    assertThat(gzip.headers().allValues("Vary").toString()).containsIgnoringCase("accept-encoding");

    for (String file : List.of("/camunda/app/tasklist/camunda-tasklist-bootstrap.css", "/camunda/app/cockpit/camunda-cockpit-bootstrap.js",
        "/camunda/assets/IBMPlexSans-Regular.woff2", "/camunda/api/cockpit/plugin/cockpitPlugins/static/app/plugin.js",
        "/webjars/chartjs/4.4.3/dist/chart.umd.js")) {
      HttpResponse<byte[]> answer = get(file + (file.startsWith("/webjars/") ? "" : VERSION), "Accept-Encoding", "gzip");
      assertThat(answer.statusCode()).as(file).isEqualTo(200);
      assertThat(answer.headers().allValues("Cache-Control")).as(file).containsExactly(YEAR);
      assertThat(answer.headers().firstValue("Content-Encoding")).as(file)
          .isEqualTo(file.endsWith(".woff2") ? java.util.Optional.empty() : java.util.Optional.of("gzip"));
    }
  }

  /** Compressed once at build time (src/build/PrecompressCamundaAssets.java), for browsers that take it. */
  @Test
  void camundasLargestFilesComeInBrotliToBrowsersThatTakeIt() throws Exception {
    Brotli4jLoader.ensureAvailability();
    for (String file : List.of("lib/deps.js", "app/tasklist/camunda-tasklist-bootstrap.js",
        "app/cockpit/camunda-cockpit-bootstrap.css", "app/cockpit/locales/en.json")) {
      byte[] original = webjarFile(file);
      HttpResponse<byte[]> gzip = get("/camunda/" + file + VERSION, "Accept-Encoding", "gzip, deflate");
      HttpResponse<byte[]> brotli = get("/camunda/" + file + VERSION, "Accept-Encoding", "gzip, deflate, br, zstd");

      assertThat(brotli.statusCode()).as(file).isEqualTo(200);
      assertThat(brotli.headers().firstValue("Content-Encoding")).as(file).hasValue("br");
      assertThat(Decoder.decompress(brotli.body()).getDecompressedData()).as(file).isEqualTo(original);
      assertThat(brotli.body().length).as(file).isLessThan(gzip.body().length * 85 / 100);
      assertThat(brotli.headers().allValues("Cache-Control")).as(file).containsExactly(YEAR);
      assertThat(brotli.headers().allValues("Vary").toString()).as(file).containsIgnoringCase("accept-encoding");
      assertThat(brotli.headers().firstValue("Content-Type")).as(file).isEqualTo(gzip.headers().firstValue("Content-Type"));
    }
    // refused with q=0, or not versioned (revalidated by date: Camunda's handler answers), or ours
    assertThat(get("/camunda/lib/deps.js" + VERSION, "Accept-Encoding", "gzip, br;q=0").headers()
        .firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(get("/camunda/lib/deps.js", "Accept-Encoding", "gzip, br").headers()
        .firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(get("/camunda/app/tasklist/locales/fr.json" + VERSION, "Accept-Encoding", "gzip, br").headers()
        .firstValue("Content-Encoding")).hasValue("gzip");
    HttpResponse<byte[]> head = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
        + "/camunda/lib/deps.js" + VERSION)).method("HEAD", HttpRequest.BodyPublishers.noBody())
        .header("Accept-Encoding", "br").build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(head.headers().firstValue("Content-Encoding")).hasValue("br");
    assertThat(head.body()).isEmpty();
  }

  @Test
  void aVersionedAnswerThatSetsACookieIsKeptByTheBrowserOnly() throws Exception {
    // no session yet: Camunda's CSRF filter opens one and sets its cookies
    HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + "/camunda/app/tasklist/camunda-tasklist-bootstrap.js" + VERSION)).build(),
        HttpResponse.BodyHandlers.ofByteArray());

    assertThat(answer.headers().allValues("Set-Cookie")).isNotEmpty();
    assertThat(answer.headers().allValues("Cache-Control")).containsExactly("private, max-age=31536000, immutable");
  }

  @Test
  void nothingUnversionedOrFailedIsKeptWithoutAsking() throws Exception {
    for (String path : List.of("/camunda/app/tasklist/default/", "/camunda/app/tasklist/default/?bust=7.24.0",
        "/camunda/app/cockpit/default/", "/camunda/assets/IBMPlexSans-Regular.woff2", "/camunda/lib/missing.js" + VERSION,
        "/camunda/app/tasklist/")) {
      HttpResponse<byte[]> answer = get(path, "Accept-Encoding", "gzip");
      assertThat(answer.headers().allValues("Cache-Control")).as(path + " answered " + answer.statusCode())
          .containsExactly("no-cache");
    }
    HttpResponse<byte[]> page = get("/camunda/app/tasklist/default/", "Accept-Encoding", "gzip");
    assertThat(page.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(new String(gunzip(page.body()), StandardCharsets.UTF_8)).contains("nonce=");

    // Camunda's file without its version is revalidated by its date
    HttpResponse<byte[]> font = get("/camunda/assets/IBMPlexSans-Regular.woff2");
    HttpResponse<byte[]> again = get("/camunda/assets/IBMPlexSans-Regular.woff2", "If-Modified-Since",
        font.headers().firstValue("Last-Modified").orElseThrow());
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
  }

  /** Each file we add to or override in Camunda's webapps, whatever its URL says: a deploy is seen at once. */
  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void ourOwnFilesAreRevalidatedByTheirContent(String app) throws Exception {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(Path.of(OVERRIDES, "app", app))) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      String path = "/camunda/" + Path.of(OVERRIDES).relativize(file).toString().replace('\\', '/');
      HttpResponse<byte[]> answer = get(path + VERSION, "Accept-Encoding", "identity");
      assertThat(answer.statusCode()).as(path).isEqualTo(200);
      assertThat(answer.body()).as(path).isEqualTo(Files.readAllBytes(file));
      assertThat(answer.headers().allValues("Cache-Control")).as(path).containsExactly("no-cache");
      String etag = answer.headers().firstValue("ETag").orElseThrow(() -> new AssertionError(path + " has no ETag"));
      assertThat(etag).as(path).startsWith("W/\"");

      HttpResponse<byte[]> unchanged = get(path + VERSION, "If-None-Match", etag);
      assertThat(unchanged.statusCode()).as(path).isEqualTo(304);
      assertThat(unchanged.body()).as(path).isEmpty();
      assertThat(unchanged.headers().allValues("Cache-Control")).as(path).containsExactly("no-cache");
      // another content (an earlier deploy's tag): the whole file, even when its date has not changed
      HttpResponse<byte[]> changed = get(path + VERSION, "If-None-Match", "W/\"0123456789abcdef01234567\"",
          "If-Modified-Since", "Fri, 01 Jan 2100 00:00:00 GMT");
      assertThat(changed.statusCode()).as(path).isEqualTo(200);
      assertThat(changed.body()).as(path).isEqualTo(Files.readAllBytes(file));
    }
  }

  @Test
  void ourScriptsAreCompressedToo() throws Exception {
    HttpResponse<byte[]> answer = get("/camunda/app/tasklist/scripts/french-forms.js" + VERSION, "Accept-Encoding", "gzip");

    assertThat(answer.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(answer.body().length).isLessThan(Files.readAllBytes(Path.of(OVERRIDES, "app/tasklist/scripts/french-forms.js")).length / 2);
  }

  @Test
  void apiAnswersAreCompressedAndNeverStored() throws Exception {
    // JSON larger than the 1 KB threshold: the deployed processes
    HttpResponse<byte[]> definitions = get("/engine-rest/process-definition", "Accept-Encoding", "gzip",
        "Authorization", basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD), "Accept", "application/json");

    assertThat(definitions.statusCode()).isEqualTo(200);
    assertThat(definitions.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(new String(gunzip(definitions.body()), StandardCharsets.UTF_8)).startsWith("[{\"id\":");
    assertThat(definitions.headers().allValues("Cache-Control")).containsExactly("no-store");

    for (String path : List.of("/engine-rest/task", "/camunda/api/engine/engine/", "/api/clients",
        "/camunda/api/tasklist/plugin/tasklistPlugins/unknown")) {
      HttpResponse<byte[]> answer = get(path + VERSION, "Accept-Encoding", "gzip",
          "Authorization", basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD));
      assertThat(answer.headers().allValues("Cache-Control")).as(path).containsExactly("no-store");
    }
  }

  private HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static byte[] webjarFile(String file) throws IOException {
    try (InputStream in = WebAssetsHttpTest.class.getClassLoader()
        .getResourceAsStream("META-INF/resources/webjars/camunda/" + file)) {
      assertThat(in).as(file).isNotNull();
      return in.readAllBytes();
    }
  }

  private static byte[] gunzip(byte[] compressed) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
      return in.readAllBytes();
    }
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
