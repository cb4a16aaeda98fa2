package org.pccc.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.pccc.model.Limits;

/** Reading the files named on the command line ("-" is stdin) and writing results. */
final class Inputs {
  /** Nothing the commands read is larger than this (envelopes are limited to 4 MiB). */
  static final int MAX_INPUT_BYTES = Limits.MAX_ENVELOPE_BYTES;

  private Inputs() {}

  /** Reads a file or, for "-", stdin; a missing or unreadable file is a configuration error. */
  static byte[] read(String name, String what) {
    try {
      if ("-".equals(name)) {
        return readBounded(System.in, what);
      }
      Path p = Path.of(name);
      if (Files.size(p) > MAX_INPUT_BYTES) {
        throw CliException.config(what + " " + name + " is larger than " + MAX_INPUT_BYTES + " bytes");
      }
      return Files.readAllBytes(p);
    } catch (NoSuchFileException e) {
      throw CliException.config(what + " not found: " + name);
    } catch (IOException e) {
      throw CliException.config("cannot read " + what + " " + name + " (" + e.getClass().getSimpleName() + ")");
    }
  }

  /**
   * Reads a document that a parser or opener judges: at most {@code maxBytes + 1} bytes. A file larger
   * than the parser's limit is bad input like any other (exit 1 with the parser's size code), not a
   * configuration error, and is never read whole.
   *
   * @param name a file name, or "-" for stdin
   * @param what what the file is, for error messages
   * @param maxBytes the limit of the parser the bytes go to
   * @return the bytes; longer than {@code maxBytes} if the document is too large
   */
  static byte[] readDocument(String name, String what, int maxBytes) {
    try (InputStream in = "-".equals(name) ? null : Files.newInputStream(Path.of(name))) {
      return (in == null ? System.in : in).readNBytes(maxBytes + 1);
    } catch (NoSuchFileException e) {
      throw CliException.config(what + " not found: " + name);
    } catch (IOException e) {
      throw CliException.config("cannot read " + what + " " + name + " (" + e.getClass().getSimpleName() + ")");
    }
  }

  static byte[] read(Path path, String what) {
    return read(path.toString(), what);
  }

  private static byte[] readBounded(InputStream in, String what) throws IOException {
    byte[] bytes = in.readNBytes(MAX_INPUT_BYTES + 1);
    if (bytes.length > MAX_INPUT_BYTES) {
      throw CliException.config(what + " on stdin is larger than " + MAX_INPUT_BYTES + " bytes");
    }
    return Arrays.copyOf(bytes, bytes.length);
  }

  /** Writes a file atomically (temp file, then rename), creating the parent folder. */
  static void write(Path path, byte[] bytes) {
    try {
      Path abs = path.toAbsolutePath();
      Files.createDirectories(abs.getParent());
      Path tmp = Files.createTempFile(abs.getParent(), ".pccc-", ".tmp");
      Files.write(tmp, bytes);
      Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw CliException.config("cannot write " + path + " (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** Writes a secret (a private key), readable by the owner only where POSIX allows. */
  static void writeSecret(Path path, byte[] bytes) {
    write(path, bytes);
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException | IOException e) {
      // Not a POSIX file system: the folder's own protection applies.
    }
  }
}
