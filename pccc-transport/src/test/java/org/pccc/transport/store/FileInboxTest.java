package org.pccc.transport.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileInboxTest {
  static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

  @TempDir Path dir;

  static final String S = "RS-MK-PRESEVO";

  static InboxRecord record(UUID id, Instant receivedAt, String receipt) {
    return new InboxRecord(id, S, receivedAt, DurableFiles.sha256Hex(id.toString().getBytes(StandardCharsets.UTF_8)),
        receipt.getBytes(StandardCharsets.UTF_8), false);
  }

  Path recordFile(UUID id) {
    return dir.resolve("records").resolve(id.toString().substring(0, 2)).resolve(id + "." + S + ".rec");
  }

  @Test
  void aCommittedRecordSurvivesReopenAndADuplicateKeepsTheOriginalReceipt() {
    UUID id = UUID.randomUUID();
    InboxRecord original = record(id, T0, "original-receipt");
    try (FileInbox inbox = FileInbox.open(dir)) {
      assertThat(inbox.find(S, id)).isEmpty();
      assertThat(inbox.commit(original)).isTrue();
      assertThat(inbox.commit(record(id, T0.plusSeconds(5), "second-receipt"))).isFalse();
    }
    try (FileInbox inbox = FileInbox.open(dir)) {
      assertThat(inbox.find(S, id)).contains(original);
      assertThat(inbox.commit(record(id, T0.plusSeconds(9), "third-receipt"))).isFalse();
      assertThat(new String(inbox.find(S, id).orElseThrow().receipt(), StandardCharsets.UTF_8))
          .isEqualTo("original-receipt");
      assertThat(inbox.size()).isEqualTo(1);
    }
    assertThat(recordFile(id)).exists();
  }

  @Test
  void twoSendersUsingOneMessageIdAreKeptApartWithTheirOwnReceipts() {
    UUID id = UUID.randomUUID();
    String other = "AL-MK-QAFETHANE";
    InboxRecord squat = new InboxRecord(id, other, T0, DurableFiles.sha256Hex(new byte[] {1}),
        "squatter-receipt".getBytes(StandardCharsets.UTF_8), false);
    try (FileInbox inbox = FileInbox.open(dir)) {
      assertThat(inbox.commit(squat)).isTrue();
      assertThat(inbox.find(S, id)).isEmpty();
      assertThat(inbox.commit(record(id, T0.plusSeconds(1), "genuine-receipt"))).isTrue();
      assertThat(inbox.markHandled(other, id)).isTrue();
    }
    try (FileInbox inbox = FileInbox.open(dir)) {
      assertThat(new String(inbox.find(S, id).orElseThrow().receipt(), StandardCharsets.UTF_8))
          .isEqualTo("genuine-receipt");
      assertThat(inbox.find(other, id)).contains(squat.handed());
      assertThat(inbox.findAll(id)).extracting(InboxRecord::senderCentre).containsExactly(other, S);
      assertThat(inbox.unhandled()).extracting(InboxRecord::senderCentre).containsExactly(S);
      assertThat(inbox.size()).isEqualTo(2);
      assertThat(inbox.sizeFrom(other)).isEqualTo(1);
      assertThat(inbox.sizeFrom(S)).isEqualTo(1);
    }
  }

  @Test
  void aFolderOfTheFormatKeyedByIdAloneOpensAndIsRenamedToSenderKeys() throws IOException {
    UUID handed = UUID.randomUUID();
    UUID pending = UUID.randomUUID();
    UUID half = UUID.randomUUID();
    try (FileInbox inbox = FileInbox.open(dir)) {
      inbox.commit(record(handed, T0, "r1"));
      inbox.commit(record(pending, T0.plusSeconds(1), "r2"));
      inbox.commit(record(half, T0.plusSeconds(2), "r3"));
      inbox.markHandled(S, handed);
      inbox.markHandled(S, half);
    }
    // Back to the old names: <id>.rec and <id>.handled ...
    for (UUID id : List.of(handed, pending, half)) {
      Files.move(recordFile(id), recordFile(id).resolveSibling(id + ".rec"));
    }
    Files.move(recordFile(handed).resolveSibling(handed + "." + S + ".handled"),
        recordFile(handed).resolveSibling(handed + ".handled"));
    // ... and one whose migration was cut short: its marker has the new name, its record the old.
    try (FileInbox inbox = FileInbox.open(dir)) {
      assertThat(inbox.find(S, handed).orElseThrow().handedToApplication()).isTrue();
      assertThat(inbox.find(S, half).orElseThrow().handedToApplication()).isTrue();
      assertThat(new String(inbox.find(S, pending).orElseThrow().receipt(), StandardCharsets.UTF_8)).isEqualTo("r2");
      assertThat(inbox.unhandled()).extracting(InboxRecord::messageId).containsExactly(pending);
      assertThat(inbox.commit(record(handed, T0, "again"))).isFalse();
      assertThat(inbox.quarantined()).isEmpty();
    }
    for (UUID id : List.of(handed, pending, half)) {
      assertThat(recordFile(id)).exists();
      assertThat(recordFile(id).resolveSibling(id + ".rec")).doesNotExist();
    }
    assertThat(recordFile(handed).resolveSibling(handed + ".handled")).doesNotExist();
    assertThat(recordFile(handed).resolveSibling(handed + "." + S + ".handled")).exists();
  }

  @Test
  void ofEightThreadsCommittingTheSameIdExactlyOneWins() throws Exception {
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (FileInbox inbox = FileInbox.open(dir)) {
      for (int round = 0; round < 20; round++) {
        UUID id = UUID.randomUUID();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          String receipt = "receipt-of-thread-" + t;
          results.add(pool.submit(() -> {
            start.await();
            return inbox.commit(record(id, T0, receipt));
          }));
        }
        start.countDown();
        List<Integer> winners = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          if (results.get(t).get()) {
            winners.add(t);
          }
        }
        assertThat(winners).hasSize(1);
        assertThat(new String(inbox.find(S, id).orElseThrow().receipt(), StandardCharsets.UTF_8))
            .isEqualTo("receipt-of-thread-" + winners.get(0));
      }
      assertThat(inbox.size()).isEqualTo(20);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aCrashBetweenCommitAndHandOffLeavesTheMessageUnhandledUntilMarked() {
    UUID handed = UUID.randomUUID();
    UUID pending = UUID.randomUUID();
    try (FileInbox inbox = FileInbox.open(dir)) {
      inbox.commit(record(handed, T0, "r1"));
      inbox.commit(record(pending, T0.plusSeconds(1), "r2"));
      assertThat(inbox.markHandled(S, handed)).isTrue();
      assertThat(inbox.markHandled(S, handed)).isFalse();
    }
    try (FileInbox inbox = FileInbox.open(dir)) {
      assertThat(inbox.unhandled()).extracting(InboxRecord::messageId).containsExactly(pending);
      assertThat(inbox.find(S, handed).orElseThrow().handedToApplication()).isTrue();
      assertThat(inbox.find(S, pending).orElseThrow().handedToApplication()).isFalse();
      inbox.markHandled(S, pending);
    }
    try (FileInbox inbox = FileInbox.open(dir)) {
      assertThat(inbox.unhandled()).isEmpty();
    }
  }

  @Test
  void markingAnUnknownIdIsAnError() {
    try (FileInbox inbox = FileInbox.open(dir)) {
      assertThatThrownBy(() -> inbox.markHandled(S, UUID.randomUUID())).isInstanceOfSatisfying(StoreException.class,
          e -> assertThat(e.code()).isEqualTo(StoreException.NOT_FOUND));
    }
  }

  @Test
  void purgeForgetsOldHandledRecordsButKeepsUnhandledOnesAndAPurgedIdIsAcceptedAgain() {
    UUID oldHandled = UUID.randomUUID();
    UUID oldUnhandled = UUID.randomUUID();
    UUID recent = UUID.randomUUID();
    try (FileInbox inbox = FileInbox.open(dir)) {
      inbox.commit(record(oldHandled, T0, "a"));
      inbox.commit(record(oldUnhandled, T0, "b"));
      inbox.commit(record(recent, T0.plusSeconds(3600), "c"));
      inbox.markHandled(S, oldHandled);
      inbox.markHandled(S, recent);
      assertThat(inbox.purgeOlderThan(T0.plusSeconds(60))).isEqualTo(1);
      assertThat(inbox.find(S, oldHandled)).isEmpty();
    }
    assertThat(recordFile(oldHandled)).doesNotExist();
    assertThat(recordFile(oldHandled).resolveSibling(oldHandled + "." + S + ".handled")).doesNotExist();
    try (FileInbox inbox = FileInbox.open(dir)) {
      assertThat(inbox.size()).isEqualTo(2);
      assertThat(inbox.find(S, oldUnhandled)).isPresent();
      assertThat(inbox.find(S, recent)).isPresent();
      // Documented: a purged id is new again; the replay window must be shorter than retention.
      assertThat(inbox.commit(record(oldHandled, T0.plusSeconds(7200), "again"))).isTrue();
      assertThat(inbox.unhandled()).extracting(InboxRecord::messageId).contains(oldHandled);
    }
  }

  @Test
  void tornTemporaryFilesAreIgnoredAndDeleted() throws IOException {
    UUID id = UUID.randomUUID();
    try (FileInbox inbox = FileInbox.open(dir)) {
      inbox.commit(record(id, T0, "r"));
    }
    UUID crashed = UUID.fromString(id.toString().substring(0, 2) + UUID.randomUUID().toString().substring(2));
    Path torn = recordFile(id).resolveSibling("." + crashed + ".rec.tmp-00ff00ff");
    Files.write(torn, "PCCC-STORE-1 inbox-record 12".getBytes(StandardCharsets.US_ASCII));
    try (FileInbox inbox = FileInbox.open(dir)) {
      assertThat(inbox.size()).isEqualTo(1);
      assertThat(inbox.find(S, crashed)).isEmpty();
      assertThat(inbox.quarantined()).isEmpty();
      assertThat(inbox.commit(record(crashed, T0, "now"))).isTrue();
    }
    assertThat(torn).doesNotExist();
  }

  @Test
  void aDamagedRecordIsQuarantinedWithoutFailingStartup() throws IOException {
    UUID good = UUID.randomUUID();
    UUID bad = UUID.randomUUID();
    try (FileInbox inbox = FileInbox.open(dir)) {
      inbox.commit(record(good, T0, "good"));
      inbox.commit(record(bad, T0, "bad"));
    }
    byte[] bytes = Files.readAllBytes(recordFile(bad));
    bytes[bytes.length - 30] ^= 0x20;
    Files.write(recordFile(bad), bytes);
    try (FileInbox inbox = FileInbox.open(dir)) {
      assertThat(inbox.find(S, good)).isPresent();
      assertThat(inbox.find(S, bad)).isEmpty();
      assertThat(inbox.quarantined()).singleElement().satisfies(p -> {
        assertThat(p).exists();
        assertThat(p.getFileName().toString()).startsWith(bad + "." + S + ".rec.");
      });
    }
  }

  @Test
  void aStaleHandledMarkerLeftByACrashedPurgeDoesNotMarkANewCommit() throws IOException {
    UUID id = UUID.randomUUID();
    try (FileInbox inbox = FileInbox.open(dir)) {
      inbox.commit(record(UUID.fromString(id.toString().substring(0, 2) + UUID.randomUUID().toString().substring(2)),
          T0, "same shard"));
    }
    Path marker = recordFile(id).resolveSibling(id + "." + S + ".handled");
    Files.createFile(marker);
    try (FileInbox inbox = FileInbox.open(dir)) {
      assertThat(marker).doesNotExist();
      inbox.commit(record(id, T0, "new"));
      assertThat(inbox.unhandled()).extracting(InboxRecord::messageId).contains(id);
    }
  }

  @Test
  void tenThousandCommitsAndLookupsWorkAndSurviveReopen(
      @TempDir(factory = RamTempDirFactory.class) Path dir) throws Exception {
    int n = 10_000;
    int threads = 8;
    List<UUID> ids = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ids.add(UUID.randomUUID());
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (FileInbox inbox = FileInbox.open(dir)) {
      // Committed from several threads, as a node receiving from many partners does.
      List<Future<Integer>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t;
        done.add(pool.submit(() -> {
          int won = 0;
          for (int i = first; i < n; i += threads) {
            won += inbox.commit(record(ids.get(i), T0.plusMillis(i), "r" + i)) ? 1 : 0;
          }
          return won;
        }));
      }
      int won = 0;
      for (Future<Integer> f : done) {
        won += f.get();
      }
      assertThat(won).isEqualTo(n);
      for (int i = 0; i < n; i++) {
        assertThat(inbox.find(S, ids.get(i))).isPresent();
      }
      assertThat(inbox.find(S, UUID.randomUUID())).isEmpty();
    } finally {
      pool.shutdownNow();
    }
    try (FileInbox inbox = FileInbox.open(dir)) {
      assertThat(inbox.size()).isEqualTo(n);
      for (int i = 0; i < n; i++) {
        assertThat(new String(inbox.find(S, ids.get(i)).orElseThrow().receipt(), StandardCharsets.UTF_8))
            .isEqualTo("r" + i);
      }
      assertThat(inbox.commit(record(ids.get(n - 1), T0, "dup"))).isFalse();
    }
    // Sharded: no directory holds all records.
    try (Stream<Path> shards = Files.list(dir.resolve("records"))) {
      List<Path> all = shards.toList();
      assertThat(all).hasSizeGreaterThan(200);
      for (Path s : all) {
        try (Stream<Path> files = Files.list(s)) {
          assertThat(files.count()).isLessThan(200);
        }
      }
    }
  }

  @Test
  void aSecondInstanceOnTheSameFolderIsRefused() {
    try (FileInbox inbox = FileInbox.open(dir)) {
      assertThatThrownBy(() -> FileInbox.open(dir)).isInstanceOfSatisfying(StoreException.class,
          e -> assertThat(e.code()).isEqualTo(StoreException.LOCKED));
      assertThat(inbox.size()).isZero();
    }
  }
}
