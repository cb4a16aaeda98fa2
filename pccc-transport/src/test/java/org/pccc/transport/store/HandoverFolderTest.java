package org.pccc.transport.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hand-over files are bound to the inbox record that commits to them (issue 14, finding 13). */
class HandoverFolderTest {
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  static final String SENDER = "RS-MK-PRESEVO";

  @TempDir Path dir;

  private HandoverFolder folder() {
    return HandoverFolder.open(dir, Clock.fixed(T0, ZoneOffset.UTC));
  }

  private static InboxRecord recordOf(UUID id, byte[] envelope) {
    return new InboxRecord(id, SENDER, T0, DurableFiles.sha256Hex(envelope), new byte[] {1}, false);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aKeptEnvelopeIsReadBackOnlyWhileItsDigestIsTheRecords() throws IOException {
    HandoverFolder handover = folder();
    InboxRecord r = recordOf(UUID.randomUUID(), bytes("{\"genuine\":1}"));
    handover.keep(r, bytes("{\"genuine\":1}"));
    assertThat(handover.read(r)).isInstanceOfSatisfying(HandoverFolder.Kept.Envelope.class,
        e -> assertThat(e.bytes()).isEqualTo(bytes("{\"genuine\":1}")));

    Path file = dir.resolve(HandoverFolder.fileName(r.messageId(), SENDER, r.envelopeSha256()));
    Files.write(file, bytes("{\"swapped\":1}"));
    assertThat(handover.read(r)).isInstanceOfSatisfying(HandoverFolder.Kept.Quarantined.class,
        q -> assertThat(q.movedTo()).exists().hasParent(dir.resolve("quarantine")));
    assertThat(file).doesNotExist();
    assertThat(handover.read(r)).isInstanceOf(HandoverFolder.Kept.Missing.class);
  }

  @Test
  void aFileOfTheFormerNameIsStillReadUnderTheSameCheck() throws IOException {
    HandoverFolder handover = folder();
    InboxRecord genuine = recordOf(UUID.randomUUID(), bytes("{\"a\":1}"));
    Files.write(dir.resolve(genuine.messageId() + ".env"), bytes("{\"a\":1}"));
    assertThat(handover.read(genuine)).isInstanceOf(HandoverFolder.Kept.Envelope.class);

    InboxRecord other = recordOf(UUID.randomUUID(), bytes("{\"b\":1}"));
    Files.write(dir.resolve(other.messageId() + ".env"), bytes("{\"not-b\":1}"));
    assertThat(handover.read(other)).isInstanceOf(HandoverFolder.Kept.Quarantined.class);

    handover.release(genuine);
    assertThat(dir.resolve(genuine.messageId() + ".env")).doesNotExist();
  }

  @Test
  void filesNoWaitingRecordNamesAreDeletedAtStart() throws IOException {
    HandoverFolder handover = folder();
    InboxRecord waiting = recordOf(UUID.randomUUID(), bytes("{\"w\":1}"));
    InboxRecord done = recordOf(UUID.randomUUID(), bytes("{\"d\":1}"));
    handover.keep(waiting, bytes("{\"w\":1}"));
    handover.keep(done, bytes("{\"d\":1}"));
    assertThat(handover.retainOnly(List.of(waiting))).isEqualTo(1);
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .containsExactly(HandoverFolder.fileName(waiting.messageId(), SENDER, waiting.envelopeSha256()));
    }
  }
}
