package com.mileotech.cyber.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The content-addressed store of evidence files on disk: each file at {@code <store>/<sha256>}.
 * A file comes in as a stream, copied to a temporary file in the store through a fixed buffer
 * while its SHA-256 is computed, then moved to its hash: never held whole in memory, and nothing
 * is left behind when it is refused (too large, interrupted).
 */
@Component
class EvidenceStore {

  /** The copy buffer: the most of an upload that is ever in memory at once. */
  static final int BUFFER_BYTES = 64 * 1024;
  static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private final Path root;

  EvidenceStore(EvidenceProperties properties) {
    this.root = properties.store().toAbsolutePath().normalize();
  }

  /** What a stored stream turned out to be. */
  record Stored(String sha256, long size) {}

  /** The stream was longer than allowed; nothing was kept. */
  static final class TooLarge extends RuntimeException {
    TooLarge() {
      super(null, null, false, false);
    }
  }

  /** Copies {@code in} into the store, hashing it on the way; refuses (TooLarge) past {@code maxBytes}. */
  Stored put(InputStream in, long maxBytes) {
    Path temp = null;
    try {
      Files.createDirectories(root.resolve("tmp"));
      temp = Files.createTempFile(root.resolve("tmp"), "upload-", ".part");
      Stored copied;
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
          OutputStream out = Channels.newOutputStream(channel)) {
        copied = copy(in, maxBytes, out);
        // on the disk before the item is registered and answered 201: a power cut keeps what was acknowledged
        channel.force(true);
      }
      String sha256 = copied.sha256();
      long size = copied.size();
      Path target = file(sha256);
      if (Files.exists(target)) {
        // the same content is already held (content-addressed): one copy serves every item
        Files.delete(temp);
      } else {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        forceDirectory(root);
      }
      temp = null;
      return new Stored(sha256, size);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // a leftover .part file in tmp/ holds no item and is never read
        }
      }
    }
  }

  /**
   * The SHA-256 and size of {@code in}, read through the same fixed buffer, nothing written: what
   * a retried upload holds, compared with the item its first attempt recorded.
   */
  Stored digest(InputStream in, long maxBytes) {
    try {
      return copy(in, maxBytes, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads {@code in} through one fixed buffer, hashing it and writing it to {@code out} (unless null). */
  private static Stored copy(InputStream in, long maxBytes, OutputStream out) throws IOException {
    MessageDigest digest = sha256();
    long size = 0;
    byte[] buffer = new byte[BUFFER_BYTES];
    int read;
    while ((read = in.read(buffer)) != -1) {
      size += read;
      if (size > maxBytes) {
        throw new TooLarge();
      }
      digest.update(buffer, 0, read);
      if (out != null) {
        out.write(buffer, 0, read);
      }
    }
    return new Stored(HexFormat.of().formatHex(digest.digest()), size);
  }

  /** The rename itself is durable only once the directory entry is on disk (POSIX; a no-op elsewhere). */
  private static void forceDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // some platforms cannot open a directory as a channel; the file's own content is forced already
    }
  }

  /** The file of this hash, if the store holds it. */
  Optional<Path> find(String sha256) {
    Path file = file(sha256);
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  /** The SHA-256 of the file as it is on disk now, or empty when the store no longer holds it. */
  Optional<String> rehash(String sha256) {
    Optional<Path> file = find(sha256);
    if (file.isEmpty()) {
      return Optional.empty();
    }
    MessageDigest digest = sha256();
    byte[] buffer = new byte[BUFFER_BYTES];
    try (InputStream in = Files.newInputStream(file.get())) {
      int read;
      while ((read = in.read(buffer)) != -1) {
        digest.update(buffer, 0, read);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Optional.of(HexFormat.of().formatHex(digest.digest()));
  }

  void delete(String sha256) {
    try {
      Files.deleteIfExists(file(sha256));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path file(String sha256) {
    if (!SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException("not a SHA-256");
    }
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return root.resolve(sha256);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
