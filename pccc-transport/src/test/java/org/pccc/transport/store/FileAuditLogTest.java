package org.pccc.transport.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileAuditLogTest {
  @TempDir Path dir;

  @Test
  void theLineFormatAndHashAreExactlyAsDocumented() throws IOException {
    Clock fixed = Clock.fixed(Instant.parse("2025-03-01T10:15:30.123456Z"), ZoneOffset.UTC);
    UUID messageId = UUID.fromString("0b6c5d2e-9a41-4c3e-8f57-1a2b3c4d5e6f");
    UUID conversationId = UUID.fromString("7f000000-0000-4000-8000-000000000001");
    String sha = "ab".repeat(32);
    try (FileAuditLog log = FileAuditLog.builder(dir).clock(fixed).open()) {
      log.append(AuditEvent.of(AuditDirection.SENT, messageId, conversationId, "alert", "MK-RS-TABANOVCE",
          List.of("RS-MK-PRESEVO", "AL-MK-QAFETHANE"), sha));
    }
    String withoutHash = "{\"conversationId\":\"7f000000-0000-4000-8000-000000000001\",\"direction\":\"SENT\","
        + "\"envelopeSha256\":\"" + sha + "\",\"kind\":\"alert\",\"messageId\":\"0b6c5d2e-9a41-4c3e-8f57-1a2b3c4d5e6f\","
        + "\"prevHash\":\"" + "0".repeat(64) + "\",\"recipientCentres\":[\"RS-MK-PRESEVO\",\"AL-MK-QAFETHANE\"],"
        + "\"senderCentre\":\"MK-RS-TABANOVCE\",\"seq\":1,\"time\":\"2025-03-01T10:15:30.123Z\"}";
    String hash = AuditFixtures.sha256(withoutHash);
    String expectedLine = withoutHash.replace(",\"kind\":", ",\"hash\":\"" + hash + "\",\"kind\":");
    Path segment = dir.resolve("audit-00000000000000000001.jsonl");
    assertThat(Files.readString(segment, StandardCharsets.UTF_8)).isEqualTo(expectedLine + "\n");
    assertThat(AuditVerifier.verify(dir, new Anchor(1, hash)).ok()).isTrue();
  }

  @Test
  void entriesAreChainedAndEveryHashCanBeRecomputedIndependently() {
    List<AuditEntry> written = new ArrayList<>();
    try (FileAuditLog log = FileAuditLog.builder(dir).clock(AuditFixtures.tickingClock()).open()) {
      for (int i = 0; i < 5; i++) {
        written.add(log.append(AuditFixtures.sent(i)));
      }
      written.add(log.append(AuditEvent.rejected(null, "RS-MK-PRESEVO", "cd".repeat(32), "PCCC-2007")));
      assertThat(log.head()).isEqualTo(written.get(5).anchor());
    }
    assertThat(written.get(0).prevHash()).isEqualTo(Anchor.GENESIS.hash());
    for (int i = 0; i < written.size(); i++) {
      AuditEntry e = written.get(i);
      assertThat(e.seq()).isEqualTo(i + 1);
      assertThat(e.hashMatches()).isTrue();
      if (i > 0) {
        assertThat(e.prevHash()).isEqualTo(written.get(i - 1).hash());
      }
    }
    List<String> lines = AuditFixtures.lines(AuditFixtures.onlySegment(dir));
    assertThat(lines).hasSize(6);
    for (int i = 0; i < lines.size(); i++) {
      assertThat(AuditFixtures.independentHash(lines.get(i))).isEqualTo(written.get(i).hash());
      assertThat(lines.get(i)).isEqualTo(written.get(i).toJsonLine());
    }
  }

  @Test
  void reopeningContinuesTheChain() {
    Anchor first;
    try (FileAuditLog log = FileAuditLog.open(dir)) {
      log.append(AuditFixtures.sent(1));
      first = log.append(AuditFixtures.sent(2)).anchor();
    }
    try (FileAuditLog log = FileAuditLog.open(dir)) {
      assertThat(log.head()).isEqualTo(first);
      AuditEntry third = log.append(AuditFixtures.sent(3));
      assertThat(third.seq()).isEqualTo(3);
      assertThat(third.prevHash()).isEqualTo(first.hash());
    }
    AuditReport report = AuditVerifier.verify(dir);
    assertThat(report.ok()).as(report.toString()).isTrue();
    assertThat(report.verifiedEntries()).isEqualTo(3);
  }

  @Test
  void aLogWrittenByAnotherJvmVerifiesAndCanBeContinued() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        AuditWriterMain.class.getName(), dir.toString(), "20")
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    Anchor otherHead = Anchor.parse(out.strip().lines().reduce((a, b) -> b).orElseThrow());
    assertThat(otherHead.seq()).isEqualTo(20);

    AuditReport report = AuditVerifier.verify(dir, otherHead);
    assertThat(report.ok()).as(report.toString()).isTrue();
    try (FileAuditLog log = FileAuditLog.open(dir)) {
      assertThat(log.head()).isEqualTo(otherHead);
      log.append(AuditFixtures.sent(21));
    }
    assertThat(AuditVerifier.verify(dir, otherHead).verifiedEntries()).isEqualTo(21);
  }

  @Test
  void aTornLastLineIsReportedRefusesAppendsAndIsCutOnlyByAnExplicitRepair() throws IOException {
    try (FileAuditLog log = FileAuditLog.open(dir)) {
      log.append(AuditFixtures.sent(1));
      log.append(AuditFixtures.sent(2));
    }
    Path segment = AuditFixtures.onlySegment(dir);
    byte[] torn = "{\"conversationId\":\"7f00".getBytes(StandardCharsets.UTF_8);
    Files.write(segment, torn, StandardOpenOption.APPEND);
    long sizeWithTornTail = Files.size(segment);

    AuditReport before = AuditVerifier.verify(dir);
    assertThat(before.ok()).isFalse();
    assertThat(before.tornTail()).isTrue();
    assertThat(before.firstBadSeq()).hasValue(3);
    assertThat(before.line()).hasValue(3);

    try (FileAuditLog log = FileAuditLog.open(dir)) {
      assertThat(log.hasTornTail()).isTrue();
      assertThatThrownBy(() -> log.append(AuditFixtures.sent(3))).isInstanceOfSatisfying(StoreException.class,
          e -> assertThat(e.code()).isEqualTo(StoreException.AUDIT_TORN_TAIL));
      assertThat(Files.size(segment)).as("nothing is cut silently").isEqualTo(sizeWithTornTail);

      AuditEntry repair = log.repairTornTail().orElseThrow();
      assertThat(repair.direction()).isEqualTo(AuditDirection.REPAIR);
      assertThat(repair.seq()).isEqualTo(3);
      assertThat(repair.code()).isEqualTo(StoreException.AUDIT_TORN_TAIL);
      assertThat(log.hasTornTail()).isFalse();
      assertThat(log.repairTornTail()).isEmpty();
      assertThat(log.append(AuditFixtures.sent(4)).seq()).isEqualTo(4);
    }
    try (Stream<Path> s = Files.list(dir)) {
      Path side = s.filter(f -> f.getFileName().toString().contains(".torn-")).findFirst().orElseThrow();
      assertThat(Files.readAllBytes(side)).isEqualTo(torn);
    }
    AuditReport after = AuditVerifier.verify(dir);
    assertThat(after.ok()).as(after.toString()).isTrue();
    assertThat(after.verifiedEntries()).isEqualTo(4);
  }

  @Test
  void aLastEntryThatDoesNotVerifyRefusesToOpen() throws IOException {
    try (FileAuditLog log = FileAuditLog.open(dir)) {
      log.append(AuditFixtures.sent(1));
      log.append(AuditFixtures.sent(2));
    }
    Path segment = AuditFixtures.onlySegment(dir);
    List<String> lines = AuditFixtures.lines(segment);
    lines.set(1, lines.get(1).replace("\"SENT\"", "\"RECEIVED\""));
    AuditFixtures.writeLines(segment, lines);
    assertThatThrownBy(() -> FileAuditLog.open(dir)).isInstanceOfSatisfying(StoreException.class,
        e -> assertThat(e.code()).isEqualTo(StoreException.AUDIT_BROKEN));
    // The failed open released the folder.
    lines.set(1, lines.get(1).replace("\"RECEIVED\"", "\"SENT\""));
    AuditFixtures.writeLines(segment, lines);
    try (FileAuditLog log = FileAuditLog.open(dir)) {
      assertThat(log.head().seq()).isEqualTo(2);
    }
  }

  @Test
  void segmentsRotateBySizeAndTheChainContinuesAcrossThem() throws IOException {
    List<AuditEntry> written = new ArrayList<>();
    try (FileAuditLog log = FileAuditLog.builder(dir).maxSegmentBytes(2048).open()) {
      for (int i = 0; i < 20; i++) {
        written.add(log.append(AuditFixtures.sent(i)));
      }
    }
    try (FileAuditLog log = FileAuditLog.builder(dir).maxSegmentBytes(2048).open()) {
      for (int i = 20; i < 30; i++) {
        written.add(log.append(AuditFixtures.sent(i)));
      }
    }
    List<Path> segments = FileAuditLog.segments(dir);
    assertThat(segments).hasSizeGreaterThan(3);
    for (Path s : segments) {
      assertThat(Files.size(s)).isLessThanOrEqualTo(2048);
      assertThat(AuditFixtures.parse(AuditFixtures.lines(s).get(0)).get("seq"))
          .isEqualTo((int) FileAuditLog.firstSeqOf(s));
    }
    Anchor head = written.get(29).anchor();
    assertThat(AuditVerifier.verify(dir, head).ok()).isTrue();

    // A removed middle segment breaks the chain at its first entry.
    Path middle = segments.get(1);
    long firstOfMiddle = FileAuditLog.firstSeqOf(middle);
    Files.move(middle, dir.resolve("elsewhere.bak"));
    AuditReport report = AuditVerifier.verify(dir, head);
    assertThat(report.ok()).isFalse();
    assertThat(report.firstBadSeq()).hasValue(firstOfMiddle);
    // A later segment on its own does not pass as a whole log.
    assertThat(AuditVerifier.verify(segments.get(2)).firstBadSeq()).hasValue(1);
  }

  @Test
  void concurrentAppendsFormOneUnbrokenChain() throws Exception {
    int threads = 4;
    int each = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (FileAuditLog log = FileAuditLog.open(dir)) {
      List<Future<List<Long>>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(pool.submit(() -> {
          List<Long> seqs = new ArrayList<>();
          for (int i = 0; i < each; i++) {
            seqs.add(log.append(AuditFixtures.sent(i)).seq());
          }
          return seqs;
        }));
      }
      Set<Long> all = new java.util.HashSet<>();
      for (Future<List<Long>> f : futures) {
        all.addAll(f.get());
      }
      assertThat(all).hasSize(threads * each);
      assertThat(log.head().seq()).isEqualTo(threads * each);
    } finally {
      pool.shutdownNow();
    }
    assertThat(AuditVerifier.verify(dir).verifiedEntries()).isEqualTo(threads * each);
  }

  @Test
  void appendAllWritesABatchInOrder() {
    try (FileAuditLog log = FileAuditLog.open(dir)) {
      log.append(AuditFixtures.sent(0));
      List<AuditEntry> batch = log.appendAll(List.of(AuditFixtures.sent(1), AuditFixtures.sent(2)));
      assertThat(batch).extracting(AuditEntry::seq).containsExactly(2L, 3L);
    }
    assertThat(AuditVerifier.verify(dir).ok()).isTrue();
  }

  @Test
  void eventsHaveNoPlaceForFreeText() {
    UUID id = UUID.randomUUID();
    assertThatThrownBy(() -> AuditEvent.of(AuditDirection.RECEIVED, id, null, "Marko Petrovski", null, List.of(), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AuditEvent.of(AuditDirection.RECEIVED, id, null, null, "Marko Petrovski", List.of(), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AuditEvent.of(AuditDirection.RECEIVED, id, null, null, null,
        List.of("passport MK1234567"), null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AuditEvent.of(AuditDirection.RECEIVED, id, null, null, null, List.of(), "not a digest"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AuditEvent.rejected(id, null, null, "name did not match"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AuditEvent(AuditDirection.REPAIR, id, null, null, null, List.of(), null, null))
        .isInstanceOf(IllegalArgumentException.class);
    Set<String> components = Stream.of(AuditEvent.class.getRecordComponents())
        .map(c -> c.getType().getSimpleName()).collect(Collectors.toSet());
    assertThat(components).containsExactlyInAnyOrder("AuditDirection", "UUID", "String", "List");
  }

  @Test
  void aSecondInstanceIsRefusedAndAnchorsRoundTrip() {
    try (FileAuditLog log = FileAuditLog.open(dir)) {
      Anchor a = log.append(AuditFixtures.sent(1)).anchor();
      assertThat(Anchor.parse(a.toString())).isEqualTo(a);
      assertThatThrownBy(() -> FileAuditLog.open(dir)).isInstanceOfSatisfying(StoreException.class,
          e -> assertThat(e.code()).isEqualTo(StoreException.LOCKED));
    }
    assertThatThrownBy(() -> Anchor.parse("12:nothex")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anEmptyLogVerifiesButNotAgainstAnAnchorBeyondIt() {
    assertThat(AuditVerifier.verify(dir).ok()).isTrue();
    AuditReport r = AuditVerifier.verify(dir, new Anchor(3, "ef".repeat(32)));
    assertThat(r.ok()).isFalse();
    assertThat(r.firstBadSeq()).hasValue(1);
  }
}
