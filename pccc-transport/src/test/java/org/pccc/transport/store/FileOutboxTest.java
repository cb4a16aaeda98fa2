package org.pccc.transport.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileOutboxTest {
  static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
  static final URI ENDPOINT = URI.create("https://pccc-presevo.example/exchange");

  @TempDir Path dir;

  static OutboxEntry entry(String recipient, Instant createdAt, Instant dueBy) {
    byte[] envelope = ("{\"ciphertext\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8);
    return OutboxEntry.create(UUID.randomUUID(), UUID.randomUUID(), "information-request", "MK-RS-TABANOVCE",
        recipient, ENDPOINT, envelope, createdAt, dueBy);
  }

  @Test
  void pendingEntriesSurviveReopenWithTheirEnvelopesAndRetryState() {
    OutboxEntry a = entry("RS-MK-PRESEVO", T0, T0.plus(Duration.ofHours(8)));
    OutboxEntry b = entry("AL-MK-QAFETHANE", T0.plusSeconds(1), null);
    try (FileOutbox outbox = FileOutbox.open(dir)) {
      outbox.add(a);
      outbox.add(b);
      outbox.recordAttempt(a.messageId(), a.recipientCentre(), T0.plusSeconds(30));
    }
    try (FileOutbox outbox = FileOutbox.open(dir)) {
      assertThat(outbox.pendingCount()).isEqualTo(2);
      assertThat(outbox.find(b.messageId(), b.recipientCentre())).contains(b);
      OutboxEntry reloaded = outbox.find(a.messageId(), a.recipientCentre()).orElseThrow();
      assertThat(reloaded.attempts()).isEqualTo(1);
      assertThat(reloaded.nextAttemptAt()).isEqualTo(T0.plusSeconds(30));
      assertThat(reloaded.envelope()).isEqualTo(a.envelope());
      assertThat(reloaded.dueBy()).isEqualTo(a.dueBy());
      assertThat(outbox.pending()).extracting(OutboxEntry::messageId).containsExactly(b.messageId(), a.messageId());
    }
  }

  @Test
  void dueReturnsOnlyEntriesWhoseNextAttemptHasComeEarliestFirstUpToMax() {
    try (FileOutbox outbox = FileOutbox.open(dir)) {
      OutboxEntry late = entry("RS-MK-PRESEVO", T0.plusSeconds(60), null);
      OutboxEntry first = entry("RS-MK-PRESEVO", T0, null);
      OutboxEntry second = entry("AL-MK-QAFETHANE", T0.plusSeconds(10), null);
      outbox.add(late);
      outbox.add(first);
      outbox.add(second);
      assertThat(outbox.due(T0.plusSeconds(10), 10)).extracting(OutboxEntry::messageId)
          .containsExactly(first.messageId(), second.messageId());
      assertThat(outbox.due(T0.plusSeconds(100), 1)).extracting(OutboxEntry::messageId)
          .containsExactly(first.messageId());
      assertThat(outbox.due(T0.minusSeconds(1), 10)).isEmpty();
    }
  }

  @Test
  void oneMessageToTwoRecipientsIsTwoIndependentDeliveries() {
    OutboxEntry toRs = entry("RS-MK-PRESEVO", T0, null);
    OutboxEntry toAl = new OutboxEntry(toRs.messageId(), toRs.conversationId(), toRs.kind(), toRs.senderCentre(),
        "AL-MK-QAFETHANE", ENDPOINT, toRs.envelope(), T0, null, 0, T0, toRs.envelopeSha256());
    try (FileOutbox outbox = FileOutbox.open(dir)) {
      outbox.add(toRs);
      outbox.add(toAl);
      assertThat(outbox.complete(toRs.messageId(), "RS-MK-PRESEVO", "receipt-rs".getBytes(StandardCharsets.UTF_8)))
          .isTrue();
      assertThat(outbox.pending()).containsExactly(toAl);
    }
  }

  @Test
  void completeMovesTheReceiptToDoneDurablyAndIsIdempotent() {
    OutboxEntry a = entry("RS-MK-PRESEVO", T0, null);
    byte[] receipt = "signed-receipt".getBytes(StandardCharsets.UTF_8);
    try (FileOutbox outbox = FileOutbox.open(dir)) {
      outbox.add(a);
      assertThat(outbox.complete(a.messageId(), a.recipientCentre(), receipt)).isTrue();
      assertThat(outbox.complete(a.messageId(), a.recipientCentre(), "other".getBytes(StandardCharsets.UTF_8)))
          .isFalse();
      assertThat(outbox.recordAttempt(a.messageId(), a.recipientCentre(), T0.plusSeconds(5))).isEmpty();
    }
    try (FileOutbox outbox = FileOutbox.open(dir)) {
      assertThat(outbox.pendingCount()).isZero();
      assertThat(outbox.receipt(a.messageId(), a.recipientCentre())).hasValueSatisfying(
          r -> assertThat(r).isEqualTo(receipt));
      assertThatThrownBy(() -> outbox.add(a)).isInstanceOfSatisfying(StoreException.class,
          e -> assertThat(e.code()).isEqualTo(StoreException.DUPLICATE));
    }
  }

  @Test
  void addingTheSamePairTwiceIsRefused() {
    OutboxEntry a = entry("RS-MK-PRESEVO", T0, null);
    try (FileOutbox outbox = FileOutbox.open(dir)) {
      outbox.add(a);
      assertThatThrownBy(() -> outbox.add(a)).isInstanceOfSatisfying(StoreException.class,
          e -> assertThat(e.code()).isEqualTo(StoreException.DUPLICATE));
      assertThat(outbox.pendingCount()).isEqualTo(1);
    }
  }

  @Test
  void overdueEntriesAreListedAndExpireRemovesThemDurably() {
    OutboxEntry soon = entry("RS-MK-PRESEVO", T0, T0.plusSeconds(60));
    OutboxEntry later = entry("RS-MK-PRESEVO", T0, T0.plusSeconds(3600));
    OutboxEntry never = entry("RS-MK-PRESEVO", T0, null);
    try (FileOutbox outbox = FileOutbox.open(dir)) {
      outbox.add(soon);
      outbox.add(later);
      outbox.add(never);
      assertThat(outbox.overdue(T0.plusSeconds(60))).containsExactly(soon);
      assertThat(outbox.expire(soon.messageId(), soon.recipientCentre())).isTrue();
      assertThat(outbox.expire(soon.messageId(), soon.recipientCentre())).isFalse();
    }
    try (FileOutbox outbox = FileOutbox.open(dir)) {
      assertThat(outbox.pending()).containsExactlyInAnyOrder(later, never);
      assertThat(outbox.overdue(T0.plusSeconds(7200))).containsExactly(later);
    }
  }

  @Test
  void tornTemporaryFilesFromACrashAreIgnoredAndDeleted() throws IOException {
    OutboxEntry a = entry("RS-MK-PRESEVO", T0, null);
    try (FileOutbox outbox = FileOutbox.open(dir)) {
      outbox.add(a);
    }
    Path pending = dir.resolve("pending");
    Path torn = pending.resolve("." + UUID.randomUUID() + "_RS-MK-PRESEVO.rec.tmp-0badc0de");
    Files.write(torn, "PCCC-STORE-1 outbox-pending 40 9\n{\"v\":1,\"mess".getBytes(StandardCharsets.US_ASCII));
    try (FileOutbox outbox = FileOutbox.open(dir)) {
      assertThat(outbox.pending()).containsExactly(a);
      assertThat(outbox.quarantined()).isEmpty();
    }
    assertThat(torn).doesNotExist();
  }

  @Test
  void aDamagedEntryIsQuarantinedAndTheRestStillLoad() throws IOException {
    OutboxEntry good = entry("RS-MK-PRESEVO", T0, null);
    OutboxEntry flipped = entry("RS-MK-PRESEVO", T0, null);
    OutboxEntry truncated = entry("AL-MK-QAFETHANE", T0, null);
    try (FileOutbox outbox = FileOutbox.open(dir)) {
      outbox.add(good);
      outbox.add(flipped);
      outbox.add(truncated);
    }
    Path pending = dir.resolve("pending");
    Path flippedFile = pending.resolve(flipped.messageId() + "_RS-MK-PRESEVO.rec");
    byte[] bytes = Files.readAllBytes(flippedFile);
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(flippedFile, bytes);
    Path truncatedFile = pending.resolve(truncated.messageId() + "_AL-MK-QAFETHANE.rec");
    byte[] t = Files.readAllBytes(truncatedFile);
    Files.write(truncatedFile, java.util.Arrays.copyOf(t, t.length - 10));
    Files.writeString(pending.resolve("notes.txt"), "stray file");

    try (FileOutbox outbox = FileOutbox.open(dir)) {
      assertThat(outbox.pending()).containsExactly(good);
      assertThat(outbox.quarantined()).hasSize(3).allSatisfy(p -> {
        assertThat(p).exists();
        assertThat(p.getParent()).isEqualTo(dir.resolve("quarantine"));
      });
    }
    assertThat(flippedFile).doesNotExist();
    assertThat(truncatedFile).doesNotExist();
    try (FileOutbox outbox = FileOutbox.open(dir)) {
      assertThat(outbox.quarantined()).isEmpty();
      assertThat(outbox.pendingCount()).isEqualTo(1);
    }
  }

  @Test
  void aCrashBetweenKeepingTheReceiptAndDeletingThePendingFileIsFinishedAtStartup() throws IOException {
    OutboxEntry a = entry("RS-MK-PRESEVO", T0, null);
    Path pendingFile = dir.resolve("pending").resolve(a.messageId() + "_RS-MK-PRESEVO.rec");
    Path saved = dir.resolve("saved.rec");
    try (FileOutbox outbox = FileOutbox.open(dir)) {
      outbox.add(a);
      Files.copy(pendingFile, saved);
      outbox.complete(a.messageId(), a.recipientCentre(), new byte[] {1, 2, 3});
    }
    Files.move(saved, pendingFile, StandardCopyOption.ATOMIC_MOVE);
    try (FileOutbox outbox = FileOutbox.open(dir)) {
      assertThat(outbox.pendingCount()).isZero();
      assertThat(outbox.receipt(a.messageId(), a.recipientCentre())).isPresent();
    }
    assertThat(pendingFile).doesNotExist();
  }

  @Test
  void receiptsArePurgedByWholeUtcDaysBeforeTheCutoff() {
    MutableClock clock = new MutableClock(T0);
    OutboxEntry day1 = entry("RS-MK-PRESEVO", T0, null);
    OutboxEntry day2 = entry("RS-MK-PRESEVO", T0, null);
    try (FileOutbox outbox = FileOutbox.builder(dir).clock(clock).open()) {
      outbox.add(day1);
      outbox.add(day2);
      outbox.complete(day1.messageId(), day1.recipientCentre(), new byte[] {1});
      clock.set(T0.plus(Duration.ofDays(1)));
      outbox.complete(day2.messageId(), day2.recipientCentre(), new byte[] {2});
      // Cutoff inside day 2: day 1 ended before it, day 2 did not.
      assertThat(outbox.purgeReceiptsBefore(T0.plus(Duration.ofDays(1)).plusSeconds(1))).isEqualTo(1);
      assertThat(outbox.receipt(day1.messageId(), day1.recipientCentre())).isEmpty();
      assertThat(outbox.receipt(day2.messageId(), day2.recipientCentre())).isPresent();
    }
    try (FileOutbox outbox = FileOutbox.open(dir)) {
      assertThat(outbox.receipt(day1.messageId(), day1.recipientCentre())).isEmpty();
      assertThat(outbox.receipt(day2.messageId(), day2.recipientCentre())).isPresent();
    }
  }

  @Test
  void aSecondInstanceOnTheSameFolderIsRefusedAndAClosedOneRefusesCalls() {
    FileOutbox first = FileOutbox.open(dir);
    assertThatThrownBy(() -> FileOutbox.open(dir)).isInstanceOfSatisfying(StoreException.class,
        e -> assertThat(e.code()).isEqualTo(StoreException.LOCKED));
    first.close();
    assertThatThrownBy(first::pendingCount).isInstanceOfSatisfying(StoreException.class,
        e -> assertThat(e.code()).isEqualTo(StoreException.CLOSED));
    try (FileOutbox second = FileOutbox.open(dir)) {
      assertThat(second.pendingCount()).isZero();
    }
  }

  @Test
  void concurrentAddsAndCompletionsLoseNothing() throws Exception {
    int threads = 8;
    int perThread = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (FileOutbox outbox = FileOutbox.open(dir)) {
      List<Future<List<OutboxEntry>>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(pool.submit(() -> {
          List<OutboxEntry> mine = new ArrayList<>();
          for (int i = 0; i < perThread; i++) {
            OutboxEntry e = entry("RS-MK-PRESEVO", T0, null);
            outbox.add(e);
            mine.add(e);
            if (i % 5 == 0) {
              outbox.complete(e.messageId(), e.recipientCentre(), new byte[] {(byte) i});
            }
          }
          return mine;
        }));
      }
      Set<UUID> expected = new java.util.HashSet<>();
      for (Future<List<OutboxEntry>> f : futures) {
        List<OutboxEntry> mine = f.get();
        for (int i = 0; i < mine.size(); i++) {
          if (i % 5 != 0) {
            expected.add(mine.get(i).messageId());
          }
        }
      }
      assertThat(outbox.pending().stream().map(OutboxEntry::messageId).collect(Collectors.toSet()))
          .isEqualTo(expected);
    } finally {
      pool.shutdownNow();
    }
    try (Stream<Path> s = Files.list(dir.resolve("pending"))) {
      assertThat(s.count()).isEqualTo((long) threads * perThread * 4 / 5);
    }
  }

  @Test
  void entriesRefuseAWrongDigestAndNeverPrintTheEnvelope() {
    OutboxEntry a = entry("RS-MK-PRESEVO", T0, null);
    assertThatThrownBy(() -> new OutboxEntry(a.messageId(), a.conversationId(), a.kind(), a.senderCentre(),
        a.recipientCentre(), ENDPOINT, "tampered".getBytes(StandardCharsets.UTF_8), T0, null, 0, T0,
        a.envelopeSha256())).isInstanceOf(IllegalArgumentException.class);
    assertThat(a.toString()).doesNotContain("ciphertext");
    byte[] copy = a.envelope();
    copy[0] = 'X';
    assertThat(a.envelope()[0]).isEqualTo((byte) '{');
  }

  /** A clock tests can move. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void set(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
