package org.pccc.transport;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.pccc.crypto.InsecureDevelopmentNetwork;
import org.pccc.model.Header;
import org.pccc.model.Message;
import org.pccc.model.Party;
import org.pccc.transport.file.FileTransport;
import org.pccc.transport.store.StoreException;

/**
 * The sender of {@link CrashRecoveryTest}, run in a child JVM that the test kills with SIGKILL:
 * sends messages 0..n-1 with deterministic ids over {@code file:} drop folders, skipping those
 * its outbox already holds, and exits once every receipt has arrived.
 */
public final class KillableSender {
  static final String A = "MK-RS-TABANOVCE";
  static final String B = "RS-BA-SREMSKA-RACA";

  private KillableSender() {}

  /**
   * Both processes build the same network: fixed seed, same drop folders, and certificates and
   * directory dated from the same start instant, which the test takes from the real clock that the
   * nodes run on.
   */
  static InsecureDevelopmentNetwork network(Path dropRoot, Instant start) {
    return InsecureDevelopmentNetwork.builder("SEE-CRASH")
        .insecureSeed(99)
        .clock(Clock.fixed(start, ZoneOffset.UTC))
        .centre(A, "MK", "PCCC A", List.of(dropRoot.resolve(A).toUri().toString()), null)
        .centre(B, "RS", "PCCC B", List.of(dropRoot.resolve(B).toUri().toString()), null)
        .build();
  }

  static UUID id(int i) {
    return UUID.nameUUIDFromBytes(("crash-test-message-" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  static Message message(int i) {
    Message template = TestNetwork.message(A, List.of(B), "alert-stolen-vehicle.json", null);
    Header t = template.header();
    UUID id = id(i);
    Header h = new Header(id, id, null, Party.of(A, "MK"), List.of(Party.of(B, "RS")), t.createdAt(), t.urgency(),
        t.urgencyReason(), null, t.handling(), t.language(), t.legalBasis(), t.purpose(), null);
    return Message.of(h, template.body());
  }

  /**
   * Runs the sender.
   *
   * @param args store folder, drop root, message count, the test's start instant
   */
  public static void main(String[] args) throws Exception {
    Path store = Path.of(args[0]);
    Path dropRoot = Path.of(args[1]);
    int count = Integer.parseInt(args[2]);
    InsecureDevelopmentNetwork net = network(dropRoot, Instant.parse(args[3]));
    try (FileTransport transport = FileTransport.builder().scanInterval(Duration.ofMillis(20)).build();
        PcccNode node = PcccNode.builder(net.keys(A), net.directory(), store)
            .transport(transport)
            .retryPolicy(new RetryPolicy(Duration.ofMillis(50), Duration.ofMillis(500), 2.0, Duration.ofSeconds(2)))
            .pollInterval(Duration.ofMillis(20))
            .build()
            .start()) {
      for (int i = 0; i < count; i++) {
        try {
          node.send(message(i));
        } catch (StoreException e) {
          if (!StoreException.DUPLICATE.equals(e.code())) {
            throw e;
          }
        }
        System.out.println("sent " + i);
      }
      long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
      while (node.pendingDeliveries() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      System.out.println(node.pendingDeliveries() == 0 ? "DONE" : "PENDING " + node.pendingDeliveries());
    }
  }

  static URI endpoint(Path dropRoot, String centre) {
    return dropRoot.resolve(centre).toUri();
  }
}
