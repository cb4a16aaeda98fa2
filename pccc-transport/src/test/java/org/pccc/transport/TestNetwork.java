package org.pccc.transport;

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
import org.pccc.model.body.Body;
import org.pccc.model.json.PcccJson;

/** Shared fixtures for node tests: a development network of three centres and message makers. */
final class TestNetwork {
  static final String A = "MK-RS-TABANOVCE";
  static final String B = "RS-BA-SREMSKA-RACA";
  static final String C = "BG-MK-GYUESHEVO";

  /**
   * Node tests run on the real clock, so the network does too: its certificates are valid from an
   * hour before the tests start and messages are made at the time they are sent.
   */
  static final InsecureDevelopmentNetwork NET = InsecureDevelopmentNetwork.builder("SEE-TEST")
      .insecureSeed(7)
      .clock(Clock.systemUTC())
      .centre(A, "MK")
      .centre(B, "RS")
      .centre(C, "BG")
      .build();

  private TestNetwork() {}

  /** A store folder in memory where the OS has one: this disk syncs about 100 times a second. */
  static Path fastStore(String name) throws java.io.IOException {
    Path shm = Path.of("/dev/shm");
    Path base = Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
    return Files.createTempDirectory(base, "pccc-" + name + "-");
  }

  /** An example's body with its instants moved to now (see {@link Examples#readAt}). */
  static Body body(String example) {
    return PcccJson.create().readValid(Examples.readAt(example, Instant.now())).body();
  }

  static Message message(String from, List<String> to, String example, UUID inReplyTo) {
    Instant now = Instant.now();
    Message template = PcccJson.create().readValid(Examples.readAt(example, now));
    Header t = template.header();
    List<Party> recipients = new ArrayList<>();
    for (String c : to) {
      recipients.add(Party.of(c, c.substring(0, 2)));
    }
    UUID id = UUID.randomUUID();
    Header h = new Header(id, inReplyTo == null ? id : inReplyTo, inReplyTo, Party.of(from, from.substring(0, 2)),
        recipients, t.createdAt(), t.urgency(), t.urgencyReason(), null, t.handling(), t.language(),
        t.legalBasis(), t.purpose(), t.evaluation());
    return Message.of(h, template.body());
  }
}
