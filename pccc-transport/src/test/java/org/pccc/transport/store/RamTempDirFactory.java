package org.pccc.transport.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * Puts a temporary directory in memory (/dev/shm) where the platform has one, for volume tests:
 * the code path is the same (every fsync is still made) but it does not wait for a disk, so
 * thousands of durable writes stay quick. Falls back to the default temporary directory.
 */
final class RamTempDirFactory implements TempDirFactory {
  @Override
  public Path createTempDirectory(AnnotatedElementContext elementContext, ExtensionContext extensionContext)
      throws IOException {
    return create("pccc-store-test");
  }

  /** Creates a temporary directory in memory if possible; the caller deletes it. */
  static Path create(String prefix) throws IOException {
    Path shm = Paths.get("/dev/shm");
    if (Files.isDirectory(shm) && Files.isWritable(shm)) {
      return Files.createTempDirectory(shm, prefix);
    }
    return Files.createTempDirectory(prefix);
  }
}
