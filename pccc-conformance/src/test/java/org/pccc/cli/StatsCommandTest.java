package org.pccc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.pccc.transport.store.AuditDirection;
import org.pccc.transport.store.AuditEvent;
import org.pccc.transport.store.FileAuditLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pccc stats}: the statistics of a period from a node's audit log, exit codes 0/1/2. */
class StatsCommandTest {
  private static final Instant T0 = Instant.parse("2026-06-01T06:00:00Z");
  @TempDir Path temp;
  private Path store;

  /** A small log on a fixed clock: a request sent and answered 90 minutes later, one rejection. */
  @BeforeEach
  void writeLog() {
    store = temp.resolve("store");
    UUID request = UUID.randomUUID();
    try (FileAuditLog log = FileAuditLog.builder(store.resolve("audit"))
        .clock(Clock.fixed(T0, ZoneOffset.UTC)).open()) {
      log.append(AuditEvent.of(AuditDirection.SENT, request, request, "information-request", "MK-RS-TABANOVCE",
          List.of("MK-GR-BOGORODICA"), null));
      log.append(AuditEvent.rejected(null, null, null, "PCCC-2007"));
    }
    try (FileAuditLog log = FileAuditLog.builder(store.resolve("audit"))
        .clock(Clock.fixed(T0.plusSeconds(90 * 60), ZoneOffset.UTC)).open()) {
      log.append(AuditEvent.of(AuditDirection.RECEIVED, UUID.randomUUID(), request, "reply", "MK-GR-BOGORODICA",
          List.of("MK-RS-TABANOVCE"), null));
    }
  }

  @Test
  void jsonResultCarriesTheStatisticsOfThePeriod() {
    Cli.Result r = Cli.run("stats", "--store", store, "--from", "2026-06-01", "--to", "2026-06-02", "--json");
    assertThat(r.exit()).as(r.toString()).isZero();
    JsonNode s = r.json().get("statistics");
    assertThat(s.at("/messages/sent/information-request").asLong()).isEqualTo(1);
    assertThat(s.at("/messages/received/reply").asLong()).isEqualTo(1);
    assertThat(s.at("/rejectionsByCode/PCCC-2007").asLong()).isEqualTo(1);
    assertThat(s.at("/asking/medianMinutes").asLong()).isEqualTo(90);
    assertThat(s.at("/centre").asText()).isEqualTo("MK-RS-TABANOVCE");
  }

  @Test
  void csvAndHtmlAreWrittenToTheFileAsked() throws Exception {
    Path csv = temp.resolve("out/stats.csv");
    Cli.Result r = Cli.run("stats", "--store", store, "--from", "2026-06-01T00:00:00Z", "--to", "2026-06-02T00:00:00Z",
        "--format", "csv", "--out", csv);
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(Files.readString(csv, StandardCharsets.UTF_8)).startsWith("section,key,value\r\n")
        .contains("rejected,PCCC-2007,1\r\n");
    Cli.Result html = Cli.run("stats", "--store", store, "--from", "2026-06-01", "--to", "2026-06-02", "--format", "html");
    assertThat(html.exit()).isZero();
    assertThat(html.out()).startsWith("<!DOCTYPE html>").contains("PCCC statistics — MK-RS-TABANOVCE");
  }

  @Test
  void editedAuditLogIsRejectedWithExitOne() throws Exception {
    Path segment;
    try (var files = Files.list(store.resolve("audit"))) {
      segment = files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).findFirst().orElseThrow();
    }
    Files.writeString(segment, Files.readString(segment).replace("PCCC-2007", "PCCC-2008"));
    Cli.Result r = Cli.run("stats", "--store", store, "--from", "2026-06-01", "--to", "2026-06-02", "--json");
    assertThat(r.exit()).isEqualTo(ExitCodes.REJECTED);
    assertThat(r.json().get("code").asText()).isEqualTo("PCCC-4101");
  }

  @Test
  void missingStoreAndBackwardsPeriodAreUsageErrors() {
    Cli.Result missing = Cli.run("stats", "--store", temp.resolve("nowhere"), "--json");
    assertThat(missing.exit()).isEqualTo(ExitCodes.CONFIGURATION);
    assertThat(missing.json().get("code").asText()).isEqualTo("PCCC-4100");
    assertThat(Cli.run("stats", "--store", store, "--from", "2026-06-02", "--to", "2026-06-01").exit())
        .isEqualTo(ExitCodes.CONFIGURATION);
    assertThat(Cli.run("stats", "--store", store, "--format", "pdf").exit()).isEqualTo(ExitCodes.CONFIGURATION);
  }
}
