package org.pccc.crypto.internal.pki;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.pccc.crypto.pki.KeyLoadingException;

/**
 * Reads key and certificate input with a size limit, so that a wrong path (a log file, a disk
 * image) fails fast instead of filling the heap. Stateless and thread-safe.
 */
public final class BoundedInput {
  private BoundedInput() {}

  /** Reads the whole stream, failing if it holds more than {@code maxBytes}. */
  public static byte[] read(InputStream in, int maxBytes, String what) {
    try {
      byte[] bytes = in.readNBytes(maxBytes + 1);
      if (bytes.length > maxBytes) {
        Arrays.fill(bytes, (byte) 0);
        throw new KeyLoadingException(what + " is larger than " + maxBytes + " bytes");
      }
      return bytes;
    } catch (IOException e) {
      throw new KeyLoadingException("cannot read " + what, e);
    }
  }

  /** Reads the whole file, failing if it holds more than {@code maxBytes}. */
  public static byte[] read(Path file, int maxBytes, String what) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, maxBytes, what + " " + file.getFileName());
    } catch (IOException e) {
      throw new KeyLoadingException("cannot read " + what + " " + file.getFileName(), e);
    }
  }
}
