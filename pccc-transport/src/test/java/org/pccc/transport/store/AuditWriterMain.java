package org.pccc.transport.store;

import java.nio.file.Path;

/** Writes audit entries from a separate JVM, so tests can check a log another process wrote. */
public final class AuditWriterMain {
  private AuditWriterMain() {}

  /** Arguments: log folder, number of entries. Prints the head anchor. */
  public static void main(String[] args) {
    try (FileAuditLog log = FileAuditLog.open(Path.of(args[0]))) {
      int n = Integer.parseInt(args[1]);
      for (int i = 0; i < n; i++) {
        log.append(AuditFixtures.sent(i));
      }
      System.out.println(log.head());
    }
  }
}
