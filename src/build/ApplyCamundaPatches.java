import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Build step (process-resources, see pom.xml): applies each unified diff of src/main/camunda-patches
 * to the file of the Camunda engine jar it names, and writes the result under target/classes, where
 * it comes first on the class path and shadows the engine's own. Runs with the JDK alone
 * ({@code java ApplyCamundaPatches.java <engine jar> <patch dir> <output dir>}).
 *
 * <p>Strict on purpose: each patch states the SHA-256 of the file it was written against
 * ({@code Against-SHA-256:} in its header) and every context line must match exactly. When
 * Camunda is upgraded and a patched file changed, the build stops here and says which: re-derive
 * the patch (docs/upgrading-camunda.md).
 */
public class ApplyCamundaPatches {

  private static final Pattern HUNK = Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@.*");
  private static final Pattern AGAINST = Pattern.compile("(?m)^Against-SHA-256: ([0-9a-f]{64})\\s*$");

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: ApplyCamundaPatches <engine jar> <patch dir> <output dir>");
    }
    Path jar = Path.of(args[0]);
    Path patches = Path.of(args[1]);
    Path output = Path.of(args[2]);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(patches)) {
      files = walk.filter(p -> p.toString().endsWith(".patch")).sorted().toList();
    }
    try (ZipFile engine = new ZipFile(jar.toFile())) {
      for (Path patch : files) {
        String text = Files.readString(patch, StandardCharsets.UTF_8);
        String target = target(text, patch);
        ZipEntry entry = engine.getEntry(target);
        if (entry == null) {
          fail(patch, target + " is not in " + jar.getFileName());
        }
        byte[] original;
        try (InputStream in = engine.getInputStream(entry)) {
          original = in.readAllBytes();
        }
        Matcher against = AGAINST.matcher(text);
        if (!against.find()) {
          fail(patch, "no 'Against-SHA-256:' line in its header");
        }
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(original));
        if (!sha.equals(against.group(1))) {
          fail(patch, target + " of " + jar.getFileName() + " is not the file this patch was written against (SHA-256 "
              + sha + ", expected " + against.group(1) + "): re-derive the patch, see docs/upgrading-camunda.md");
        }
        String patched = apply(new String(original, StandardCharsets.UTF_8), text, patch);
        Path out = output.resolve(target);
        Files.createDirectories(out.getParent());
        Files.writeString(out, patched, StandardCharsets.UTF_8);
        System.out.println("[camunda-patches] " + target + " patched by " + patches.relativize(patch));
      }
    }
  }

  /** The file a patch changes: its "+++ b/<path>" line. */
  private static String target(String patch, Path file) {
    for (String line : patch.split("\n")) {
      if (line.startsWith("+++ ")) {
        String path = line.substring(4).split("\t")[0].trim();
        return path.startsWith("b/") ? path.substring(2) : path;
      }
    }
    fail(file, "no '+++ b/<path>' line");
    return null;
  }

  /** Applies the hunks in order; each must find its removed and context lines exactly where it says. */
  static String apply(String original, String patch, Path file) {
    boolean finalNewline = original.endsWith("\n");
    List<String> source = new ArrayList<>(List.of(original.split("\n", -1)));
    if (finalNewline) {
      source.remove(source.size() - 1);
    }
    List<String> result = new ArrayList<>();
    int next = 0; // next source line (0-based) not yet copied
    String[] lines = patch.split("\n", -1);
    int i = 0;
    while (i < lines.length && !lines[i].startsWith("@@")) {
      i++;
    }
    while (i < lines.length) {
      Matcher hunk = HUNK.matcher(lines[i]);
      if (!hunk.matches()) {
        i++;
        continue;
      }
      int start = Integer.parseInt(hunk.group(1)) - 1;
      if (hunk.group(2) != null && Integer.parseInt(hunk.group(2)) == 0) {
        start++; // a pure insertion after line 'start'
      }
      if (start < next) {
        fail(file, "hunks overlap at line " + (start + 1));
      }
      while (next < start) {
        result.add(source.get(next++));
      }
      i++;
      for (; i < lines.length && !lines[i].startsWith("@@"); i++) {
        String line = lines[i];
        if (line.startsWith("\\")) {
          continue; // "\ No newline at end of file"
        }
        if (line.isEmpty() && i == lines.length - 1) {
          break;
        }
        char kind = line.isEmpty() ? ' ' : line.charAt(0);
        String content = line.isEmpty() ? "" : line.substring(1);
        switch (kind) {
          case ' ', '-' -> {
            if (next >= source.size() || !source.get(next).equals(content)) {
              fail(file, "line " + (next + 1) + " is not what the patch expects:\n  expected: " + content
                  + "\n  found:    " + (next < source.size() ? source.get(next) : "(end of file)"));
            }
            if (kind == ' ') {
              result.add(content);
            }
            next++;
          }
          case '+' -> result.add(content);
          default -> fail(file, "unexpected line in a hunk: " + line);
        }
      }
    }
    while (next < source.size()) {
      result.add(source.get(next++));
    }
    return String.join("\n", result) + (finalNewline ? "\n" : "");
  }

  private static void fail(Path patch, String why) {
    throw new IllegalStateException("Camunda patch " + patch + ": " + why);
  }
}
