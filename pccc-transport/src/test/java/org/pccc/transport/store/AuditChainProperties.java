package org.pccc.transport.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeTry;
import net.jqwik.api.constraints.IntRange;

/**
 * The audit chain's guarantees over random logs: any log verifies; any single edit, deletion,
 * swap, inserted forgery, cut tail (against an anchor) or torn last line is found, at the right
 * sequence number. Mutations are made on the text, as an attacker with the file would make them.
 */
class AuditChainProperties {
  private Path dir;
  private Anchor head;

  @BeforeTry
  void createDir() throws IOException {
    // In memory where possible: these properties are about the chain, not the disk.
    dir = RamTempDirFactory.create("pccc-audit-prop");
  }

  @AfterTry
  void deleteDir() {
    AuditFixtures.deleteRecursively(dir);
  }

  @Provide
  Arbitrary<List<AuditEvent>> logs() {
    return AuditFixtures.logs(1, 20);
  }

  @Provide
  Arbitrary<List<AuditEvent>> atLeastTwo() {
    return AuditFixtures.logs(2, 20);
  }

  /** Writes the events (half, reopen, the rest) and returns the single segment's lines. */
  private List<String> write(List<AuditEvent> events) {
    int half = events.size() / 2;
    try (FileAuditLog log = FileAuditLog.builder(dir.resolve("log")).clock(AuditFixtures.tickingClock()).open()) {
      log.appendAll(events.subList(0, half));
    }
    try (FileAuditLog log = FileAuditLog.open(dir.resolve("log"))) {
      log.appendAll(events.subList(half, events.size()));
      head = log.head();
    }
    return AuditFixtures.lines(AuditFixtures.onlySegment(dir.resolve("log")));
  }

  private AuditReport verifyLines(List<String> lines, Anchor anchor) {
    return AuditVerifier.verify(AuditFixtures.writeLines(dir.resolve("edited.jsonl"), lines), anchor);
  }

  @Property(tries = 60)
  void anyLogVerifiesAndItsHashesRecomputeIndependently(@ForAll("logs") List<AuditEvent> events) {
    List<String> lines = write(events);
    AuditReport report = AuditVerifier.verify(dir.resolve("log"), head);
    assertThat(report.ok()).as(report.toString()).isTrue();
    assertThat(report.verifiedEntries()).isEqualTo(events.size());
    assertThat(report.head()).isEqualTo(head);
    String prev = Anchor.GENESIS.hash();
    for (String line : lines) {
      TreeMap<String, Object> m = AuditFixtures.parse(line);
      assertThat(m.get("prevHash")).isEqualTo(prev);
      assertThat(AuditFixtures.independentHash(line)).isEqualTo(m.get("hash"));
      prev = (String) m.get("hash");
    }
  }

  @Property(tries = 150)
  void anySingleFieldEditIsFoundAtThatEntry(
      @ForAll("logs") List<AuditEvent> events,
      @ForAll @IntRange(min = 0, max = 10_000) int entryPick,
      @ForAll @IntRange(min = 0, max = 10_000) int fieldPick) {
    List<String> lines = write(events);
    int k = entryPick % lines.size();
    TreeMap<String, Object> m = AuditFixtures.parse(lines.get(k));
    List<String> fields = new ArrayList<>(m.keySet());
    String field = fields.get(fieldPick % fields.size());
    m.put(field, changed(field, m.get(field), fieldPick));
    lines.set(k, AuditFixtures.canonical(m));

    AuditReport report = verifyLines(lines, null);
    assertThat(report.ok()).as("edit of %s in entry %d", field, k + 1).isFalse();
    assertThat(report.firstBadSeq()).as(report.toString()).hasValue(k + 1);
  }

  @Property(tries = 100)
  void deletingAnyOneEntryIsFoundAtItsSeq(
      @ForAll("logs") List<AuditEvent> events, @ForAll @IntRange(min = 0, max = 10_000) int pick) {
    List<String> lines = write(events);
    int k = pick % lines.size();
    lines.remove(k);
    // The last entry's removal is only visible against an anchor; the others are visible anyway.
    if (k < events.size() - 1) {
      assertThat(verifyLines(lines, null).firstBadSeq()).hasValue(k + 1);
    }
    AuditReport report = verifyLines(lines, head);
    assertThat(report.ok()).isFalse();
    assertThat(report.firstBadSeq()).as(report.toString()).hasValue(k + 1);
  }

  @Property(tries = 100)
  void swappingAnyTwoEntriesIsFoundAtTheFirstOfThem(
      @ForAll("atLeastTwo") List<AuditEvent> events,
      @ForAll @IntRange(min = 0, max = 10_000) int a,
      @ForAll @IntRange(min = 0, max = 10_000) int b) {
    List<String> lines = write(events);
    int i = a % lines.size();
    int j = b % lines.size();
    if (i == j) {
      j = (i + 1) % lines.size();
    }
    int first = Math.min(i, j);
    String tmp = lines.get(i);
    lines.set(i, lines.get(j));
    lines.set(j, tmp);
    AuditReport report = verifyLines(lines, null);
    assertThat(report.ok()).isFalse();
    assertThat(report.firstBadSeq()).as(report.toString()).hasValue(first + 1);
  }

  @Property(tries = 100)
  void anInsertedForgedEntryIsFoundAtTheSeqItTakes(
      @ForAll("logs") List<AuditEvent> events,
      @ForAll @IntRange(min = 0, max = 10_000) int pick,
      @ForAll boolean forgerKnowsTheFormat) {
    List<String> lines = write(events);
    int p = pick % lines.size();
    // Forged as entry p+1, placed before the genuine entry p+1 and linked to entry p.
    TreeMap<String, Object> forged = AuditFixtures.parse(lines.get(p));
    forged.put("messageId", UUID.randomUUID().toString());
    forged.put("direction", "RECEIVED");
    String forgedLine = forgerKnowsTheFormat
        ? AuditFixtures.rehash(forged)
        : AuditFixtures.canonical(withField(forged, "hash", "ab".repeat(32)));
    lines.add(p, forgedLine);
    AuditReport report = verifyLines(lines, null);
    assertThat(report.ok()).isFalse();
    assertThat(report.firstBadSeq()).as(report.toString()).hasValue(p + 1);
  }

  @Property(tries = 60)
  void cuttingEntriesFromTheEndIsFoundAgainstAnAnchor(
      @ForAll("logs") List<AuditEvent> events, @ForAll @IntRange(min = 1, max = 10_000) int pick) {
    List<String> lines = write(events);
    int n = lines.size();
    int cut = 1 + (pick - 1) % n;
    List<String> kept = new ArrayList<>(lines.subList(0, n - cut));
    // Without an anchor a shorter log is a valid log: the limit of any unkeyed chain.
    assertThat(verifyLines(kept, null).ok()).isTrue();
    AuditReport report = verifyLines(kept, head);
    assertThat(report.ok()).isFalse();
    assertThat(report.firstBadSeq()).as(report.toString()).hasValue(n - cut + 1);
    // An anchor from earlier still holds: the log only grew since.
    Anchor earlier = new Anchor(n - cut, n - cut == 0 ? Anchor.GENESIS.hash()
        : (String) AuditFixtures.parse(lines.get(n - cut - 1)).get("hash"));
    assertThat(verifyLines(lines, earlier).ok()).isTrue();
  }

  @Property(tries = 40)
  void aTornLastLineIsReportedAndRepairedOnlyOnRequest(
      @ForAll("logs") List<AuditEvent> events, @ForAll @IntRange(min = 1, max = 10_000) int pick) throws IOException {
    List<String> lines = write(events);
    int n = lines.size();
    Path segment = AuditFixtures.onlySegment(dir.resolve("log"));
    byte[] bytes = Files.readAllBytes(segment);
    int lastLineBytes = lines.get(n - 1).getBytes(StandardCharsets.UTF_8).length;
    // Cut 1 .. lastLineBytes bytes: entry n loses its newline and maybe more.
    int cut = 1 + (pick - 1) % lastLineBytes;
    Files.write(segment, java.util.Arrays.copyOf(bytes, bytes.length - cut), StandardOpenOption.TRUNCATE_EXISTING);

    AuditReport report = AuditVerifier.verify(dir.resolve("log"));
    assertThat(report.ok()).isFalse();
    assertThat(report.tornTail()).isTrue();
    assertThat(report.firstBadSeq()).hasValue(n);
    try (FileAuditLog log = FileAuditLog.open(dir.resolve("log"))) {
      assertThat(log.hasTornTail()).isTrue();
      assertThat(log.head().seq()).isEqualTo(n - 1);
      assertThatThrownBy(() -> log.append(AuditFixtures.sent(0))).isInstanceOf(StoreException.class);
      assertThat(log.repairTornTail().orElseThrow().seq()).isEqualTo(n);
    }
    AuditReport repaired = AuditVerifier.verify(dir.resolve("log"));
    assertThat(repaired.ok()).as(repaired.toString()).isTrue();
    assertThat(repaired.verifiedEntries()).isEqualTo(n);
  }

  private static TreeMap<String, Object> withField(TreeMap<String, Object> m, String key, Object value) {
    TreeMap<String, Object> copy = new TreeMap<>(m);
    copy.put(key, value);
    return copy;
  }

  /** Returns a different value of the same field, still well-formed where possible. */
  private static Object changed(String field, Object value, int pick) {
    switch (field) {
      case "seq":
        long seq = ((Number) value).longValue();
        return pick % 2 == 0 || seq == 1 ? seq + 1 + pick % 3 : seq - 1;
      case "time":
        return ((String) value).replaceFirst("\\.(\\d)", "." + (((String) value).charAt(20) == '9' ? '0' : '9'));
      case "direction":
        List<String> others = new ArrayList<>();
        for (AuditDirection d : AuditDirection.values()) {
          if (!d.name().equals(value)) {
            others.add(d.name());
          }
        }
        return others.get(pick % others.size());
      case "recipientCentres":
        List<?> list = (List<?>) value;
        List<Object> edited = new ArrayList<>(list);
        if (!edited.isEmpty() && pick % 2 == 0) {
          edited.remove(pick % edited.size());
        } else {
          edited.add("MK-RS-TABANOVCE");
        }
        return edited;
      case "messageId":
      case "conversationId":
        return UUID.randomUUID().toString();
      case "kind":
        return value.equals("alert") ? "reply" : "alert";
      case "senderCentre":
        return value.equals("RS-MK-PRESEVO") ? "MK-RS-TABANOVCE" : "RS-MK-PRESEVO";
      case "code":
        return value.equals("PCCC-2007") ? "PCCC-2001" : "PCCC-2007";
      default:
        // Hex fields: flip one digit.
        String hex = (String) value;
        int at = pick % hex.length();
        char c = hex.charAt(at) == '0' ? '1' : '0';
        return hex.substring(0, at) + c + hex.substring(at + 1);
    }
  }
}
