package org.pccc.transport.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Test helpers for the audit log: random events, and an independent reading of the log format
 * (a plain Jackson mapper, as another language would do) to edit lines and recompute hashes.
 */
final class AuditFixtures {
  static final List<String> CENTRES = List.of("MK-RS-TABANOVCE", "RS-MK-PRESEVO", "AL-MK-QAFETHANE", "BG-MK-DEVE-BAIR",
      "GR-MK-EVZONI", "X");
  static final List<String> KINDS = List.of("information-request", "reply", "alert", "operational-notice",
      "situation-report", "receipt", "error");
  static final List<String> CODES = List.of("PCCC-2001", "PCCC-2007", "PCCC-3002", "PCCC-0042");
  /** A plain mapper: no SDK configuration, like a verifier written elsewhere. */
  static final ObjectMapper PLAIN = new ObjectMapper();

  private AuditFixtures() {}

  static Arbitrary<AuditEvent> events() {
    Arbitrary<AuditDirection> direction = Arbitraries.of(AuditDirection.class).filter(d -> d != AuditDirection.REPAIR);
    Arbitrary<UUID> uuid = Arbitraries.create(UUID::randomUUID).injectNull(0.1);
    Arbitrary<String> kind = Arbitraries.of(KINDS).injectNull(0.2);
    Arbitrary<String> centre = Arbitraries.of(CENTRES).injectNull(0.2);
    Arbitrary<List<String>> recipients = Arbitraries.of(CENTRES).list().ofMaxSize(4);
    Arbitrary<String> sha = Arbitraries.strings().withChars("0123456789abcdef").ofLength(64).injectNull(0.2);
    Arbitrary<String> code = Arbitraries.of(CODES).injectNull(0.6);
    return Combinators.combine(direction, uuid, uuid, kind, centre, recipients, sha, code)
        .as(AuditEvent::new);
  }

  static Arbitrary<List<AuditEvent>> logs(int min, int max) {
    return events().list().ofMinSize(min).ofMaxSize(max);
  }

  static AuditEvent sent(int i) {
    return AuditEvent.of(AuditDirection.SENT, UUID.randomUUID(), UUID.randomUUID(), "information-request",
        "MK-RS-TABANOVCE", List.of("RS-MK-PRESEVO", "AL-MK-QAFETHANE"),
        DurableFiles.sha256Hex(("envelope " + i).getBytes(StandardCharsets.UTF_8)));
  }

  /** A clock that moves on one second and 1 ms per reading. */
  static Clock tickingClock() {
    AtomicLong millis = new AtomicLong(Instant.parse("2025-03-01T10:00:00Z").toEpochMilli());
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return Instant.ofEpochMilli(millis.getAndAdd(1001));
      }
    };
  }

  static List<String> lines(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      List<String> out = new ArrayList<>(List.of(text.split("\n", -1)));
      if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
        out.remove(out.size() - 1);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path writeLines(Path file, List<String> lines) {
    StringBuilder sb = new StringBuilder();
    for (String l : lines) {
      sb.append(l).append('\n');
    }
    try {
      return Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path onlySegment(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> segs = s.filter(p -> p.getFileName().toString().endsWith(".jsonl")).toList();
      if (segs.size() != 1) {
        throw new IllegalStateException("expected one segment, found " + segs.size());
      }
      return segs.get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static TreeMap<String, Object> parse(String line) {
    try {
      return PLAIN.readValue(line, new TypeReference<TreeMap<String, Object>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sorted keys, no whitespace: what the format documentation prescribes. */
  static String canonical(Map<String, Object> fields) {
    try {
      return PLAIN.writeValueAsString(new TreeMap<>(fields));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Recomputes an entry's hash from its line following only the documented rule. */
  static String independentHash(String line) {
    TreeMap<String, Object> m = parse(line);
    m.remove("hash");
    return sha256(canonical(m));
  }

  /** Returns the line with its hash recomputed, as a forger who knows the format would. */
  static String rehash(TreeMap<String, Object> fields) {
    TreeMap<String, Object> m = new TreeMap<>(fields);
    m.remove("hash");
    m.put("hash", sha256(canonical(m)));
    return canonical(m);
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static void deleteRecursively(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
