package org.pccc.transport.kafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.pccc.crypto.InsecureDevelopmentNetwork;
import org.pccc.model.Examples;
import org.pccc.model.Header;
import org.pccc.model.Message;
import org.pccc.model.Party;
import org.pccc.model.json.PcccJson;

/** Three development centres whose endpoints are inbox topics on one Kafka cluster, and message makers. */
final class KafkaCentres {
  static final String A = "MK-RS-TABANOVCE";
  static final String B = "RS-BA-SREMSKA-RACA";
  static final String C = "BG-MK-GYUESHEVO";
  static final List<String> ALL = List.of(A, B, C);

  private KafkaCentres() {}

  /**
   * A development network (insecure keys, fixed seed) with {@code kafka://bootstrap/CENTRE}
   * endpoints, on the real clock like the nodes that use it.
   */
  static InsecureDevelopmentNetwork network(String bootstrap) {
    InsecureDevelopmentNetwork.Builder b = InsecureDevelopmentNetwork.builder("SEE-KAFKA-TEST").insecureSeed(11)
        .clock(Clock.systemUTC());
    for (String c : ALL) {
      b.centre(c, c.substring(0, 2), "PCCC " + c, List.of("kafka://" + bootstrap + "/" + c), null);
    }
    return b.build();
  }

  /** A store folder in memory where the OS has one (this machine's disk syncs slowly). */
  static Path fastStore(String name) throws IOException {
    Path shm = Path.of("/dev/shm");
    Path base = Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
    return Files.createTempDirectory(base, "pccc-kafka-" + name + "-");
  }

  /** A small valid message from one centre to others. */
  static Message message(String from, List<String> to) {
    Message template = PcccJson.create().readValid(Examples.readAt("receipt.json", Instant.now()));
    Header t = template.header();
    List<Party> recipients = new ArrayList<>();
    for (String c : to) {
      recipients.add(Party.of(c, c.substring(0, 2)));
    }
    UUID id = UUID.randomUUID();
    Header h = new Header(id, id, null, Party.of(from, from.substring(0, 2)), recipients, t.createdAt(), t.urgency(),
        t.urgencyReason(), null, t.handling(), t.language(), t.legalBasis(), t.purpose(), t.evaluation());
    return Message.of(h, template.body());
  }

  /** Deletes a store folder. */
  static void delete(Path folder) {
    try (var walk = Files.walk(folder)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A leftover folder in /dev/shm or the temp directory is harmless.
    }
  }
}
