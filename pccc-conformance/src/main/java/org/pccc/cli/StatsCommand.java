package org.pccc.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.pccc.awareness.AuditStatistics;
import org.pccc.awareness.AwarenessException;
import org.pccc.awareness.PeriodStatistics;
import org.pccc.awareness.StatisticsReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pccc stats --store DIR [--from T] [--to T] [--format json|csv|html] [--out FILE] [--json]}:
 * the statistics of a period from a node's audit log alone (nothing is decrypted). The log's hash
 * chain is verified first; an edited log is rejected (exit 1, {@code PCCC-4101}).
 *
 * <p>JSON: {@code {"ok":true,"from","to","written","statistics":{…}}} or {@code {"ok":false,"code","error"}}.
 */
@Command(name = "stats", mixinStandardHelpOptions = true, versionProvider = Pccc.Version.class,
    description = {"Statistics of a period from a node's audit log alone (no decryption): messages by kind,",
        "partner and direction, delivery outcomes, duplicates, rejections by code, reply times.",
        "Urgency, deadlines, outcomes and refusal grounds are not in the audit log and are reported as unavailable.",
        "--json prints {\"ok\":true,\"from\",\"to\",\"written\",\"statistics\":{...}} or {\"ok\":false,\"code\",\"error\"}.",
        "Exit codes: 0 written, 1 the audit log does not verify, 2 usage or missing/unreadable store."})
final class StatsCommand extends CommandBase {
  /** Output formats. */
  enum Format { json, csv, html }

  @Option(names = "--store", required = true, paramLabel = "DIR",
      description = "The node's store folder (or its audit folder).")
  Path store;

  @Option(names = "--from", paramLabel = "TIME", converter = TimeConverter.class,
      description = "Start of the period (inclusive): 2026-06-01 or 2026-06-01T06:00:00Z; default 24 h before --to.")
  Instant from;

  @Option(names = "--to", paramLabel = "TIME", converter = TimeConverter.class,
      description = "End of the period (exclusive): a date (its start, UTC) or an instant; default now.")
  Instant to;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
      description = "json, csv or html (default json).")
  Format format;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
  Path out;

  @Option(names = "--json", description = "Print one JSON object on stdout.")
  boolean json;

  @Override
  protected int run() throws Exception {
    Instant end = to != null ? to : Instant.now();
    Instant start = from != null ? from : end.minus(Duration.ofHours(24));
    if (!end.isAfter(start)) {
      throw CliException.config("--to must be after --from");
    }
    PeriodStatistics stats;
    try {
      stats = AuditStatistics.of(store, start, end);
    } catch (AwarenessException e) {
      if (AwarenessException.AUDIT_BROKEN.equals(e.code())) {
        return fail(ExitCodes.REJECTED, e.code(), detail(e));
      }
      return fail(ExitCodes.CONFIGURATION, e.code(), detail(e));
    }
    String report = switch (format) {
      case json -> StatisticsReport.json(stats);
      case csv -> StatisticsReport.csv(stats);
      case html -> StatisticsReport.html(stats, "PCCC statistics" + (stats.centre() == null ? "" : " — " + stats.centre()));
    };
    if (out != null) {
      Path parent = out.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(out, report, StandardCharsets.UTF_8);
    }
    if (json) {
      var o = Json.object().put("ok", true).put("from", start.toString()).put("to", end.toString())
          .put("written", out == null ? null : out.toString());
      o.set("statistics", Json.parse(StatisticsReport.json(stats).getBytes(StandardCharsets.UTF_8)));
      out().println(Json.write(o));
    } else if (out == null) {
      out().print(report);
    } else {
      out().println("wrote " + format + " statistics of " + start + " – " + end + " to " + out);
    }
    out().flush();
    return ExitCodes.OK;
  }

  /** Reads a date (its start, UTC) or an ISO-8601 instant. */
  static final class TimeConverter implements CommandLine.ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      try {
        return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
            : Instant.parse(value);
      } catch (DateTimeParseException e) {
        throw new CommandLine.TypeConversionException("not a date (2026-06-01) or an instant (2026-06-01T06:00:00Z): "
            + value);
      }
    }
  }
}
