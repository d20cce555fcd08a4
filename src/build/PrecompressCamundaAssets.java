import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Build step (process-resources, see pom.xml; docs/bench.md, "Web assets"): compresses the large
 * scripts, styles and locales of Camunda's webapp webjar with brotli at its best level (too slow to
 * do on the fly: 6 s of CPU for deps.js) into target/classes/META-INF/mileo-precompressed, with a
 * manifest of each source file's SHA-256. The application serves a .br file only when the file it
 * would serve has that hash (system/WebAssetsConfiguration): an upgrade of Camunda or a file of
 * ours shadowing Camunda's never gets a stale one. Files we override are skipped; so is a file
 * whose output is up to date. Usage:
 * {@code java -cp <brotli4j> PrecompressCamundaAssets.java <webjar jar> <our overrides dir> <output dir>}.
 */
public class PrecompressCamundaAssets {

  private static final String WEBJAR = "META-INF/resources/webjars/camunda/";
  /** Below this, brotli gains a few hundred bytes over Tomcat's gzip: not worth a file. */
  private static final long MIN_SIZE = 16 * 1024;

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: PrecompressCamundaAssets <webjar jar> <overrides dir> <output dir>");
    }
    Path overrides = Path.of(args[1]);
    Path output = Path.of(args[2]);
    Path manifestFile = output.resolve("manifest.properties");
    Properties before = new Properties();
    if (Files.exists(manifestFile)) {
      try (InputStream in = Files.newInputStream(manifestFile)) {
        before.load(in);
      }
    }
    Brotli4jLoader.ensureAvailability();
    Encoder.Parameters best = new Encoder.Parameters().setQuality(11).setMode(Encoder.Mode.TEXT);
    Properties manifest = new Properties();
    int compressed = 0;
    try (ZipFile jar = new ZipFile(args[0])) {
      for (ZipEntry entry : Collections.list(jar.entries())) {
        String name = entry.getName();
        if (entry.isDirectory() || !name.startsWith(WEBJAR) || !name.matches(".*\\.(js|css|json|svg)")
            || entry.getSize() < MIN_SIZE) {
          continue;
        }
        String relative = name.substring(WEBJAR.length());
        if (Files.exists(overrides.resolve(relative))) {
          continue; // ours is served, not Camunda's
        }
        byte[] content;
        try (InputStream in = jar.getInputStream(entry)) {
          content = in.readAllBytes();
        }
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        Path target = output.resolve(relative + ".br");
        manifest.setProperty(relative, hash);
        if (hash.equals(before.getProperty(relative)) && Files.exists(target)) {
          continue;
        }
        Files.createDirectories(target.getParent());
        Files.write(target, Encoder.compress(content, best));
        compressed++;
      }
    }
    Files.createDirectories(output);
    try (OutputStream out = Files.newOutputStream(manifestFile)) {
      manifest.store(out, "source file (under " + WEBJAR + ") = SHA-256 of its content; <file>.br is its brotli form");
    }
    System.out.println("[precompress] " + manifest.size() + " Camunda webapp files in brotli, " + compressed
        + " compressed now, under " + output);
  }
}
