package org.pccc.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.pccc.awareness.AuditEntries;
import org.pccc.awareness.AuditStatistics;
import org.pccc.awareness.CentrePlace;
import org.pccc.awareness.PicturePage;
import org.pccc.awareness.PictureQuery;
import org.pccc.awareness.PictureView;
import org.pccc.awareness.PeriodStatistics;
import org.pccc.awareness.RegionalPicture;
import org.pccc.awareness.RequestState;
import org.pccc.awareness.RequestStatus;
import org.pccc.awareness.StatisticsReport;
import org.pccc.crypto.ErrorCode;
import org.pccc.model.code.MessageKind;

/**
 * The README's demo: a simulated regional network of four centres exchanging a day of real kinds
 * of messages — securely, over {@code mem:}, {@code https:} and {@code file:} links, with one
 * centre offline for part of the day and a tampered and a replayed envelope — on a simulated
 * clock, so that Art. 5 deadlines are real (one request answered in time, one after a delay
 * notice, one left overdue). Every node feeds the SDK's {@link RegionalPicture}; at the end the
 * demo writes the regional picture page and the day's statistics (from the audit logs and the
 * picture) and names both files. Exits 0 only if everything happened as scripted.
 */
public final class Demo {
  // A strong reference: java.util.logging holds loggers weakly, so a level set on a temporary
  // logger object can be lost before Hibernate Validator logs its banner.
  private static final java.util.logging.Logger VALIDATOR_LOG = java.util.logging.Logger.getLogger("org.hibernate.validator");

  private Demo() {}

  /**
   * Runs the demo.
   *
   * @param args optional: the work folder (default {@code target/pccc-demo})
   */
  public static void main(String[] args) throws Exception {
    // The demo keeps the console for its timeline. A library must not do this: it would change
    // the host's logging.
    VALIDATOR_LOG.setLevel(java.util.logging.Level.WARNING);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Path work = Path.of(args.length > 0 ? args[0] : "target/pccc-demo");
    System.exit(run(out, work).exitCode());
  }

  /**
   * What the demo did.
   *
   * @param failures steps that did not happen as scripted
   * @param sentByKind messages sent per kind (per recipient copy)
   * @param receiptsVerified receipts verified by senders
   * @param requests requests made in the day (as scripted)
   * @param deadlinesMet requests answered before their Art. 5 deadline (as scripted)
   * @param rejectionsByCode inbound envelopes refused, per code
   * @param duplicates replays recognised
   * @param picture the regional picture page written
   * @param view the regional picture the page shows
   * @param statistics the day's statistics, from the audit logs and the picture
   * @param statisticsJson the statistics as JSON
   * @param statisticsCsv the statistics as CSV
   */
  public record Result(List<String> failures, Map<String, Integer> sentByKind, int receiptsVerified, int requests,
      int deadlinesMet, Map<String, Integer> rejectionsByCode, int duplicates, Path picture, PictureView view, DayStatistics statistics,
      Path statisticsJson, Path statisticsCsv) {
    /** Returns 0 if everything happened as scripted, 1 otherwise. */
    public int exitCode() {
      return failures.isEmpty() ? 0 : 1;
    }
  }

  /**
   * The network's totals for the day, summed over every centre's statistics.
   *
   * @param requests information requests made
   * @param answered of those, answered (a final reply)
   * @param answeredInTime of those, answered at or before the Art. 5 deadline
   * @param delayNoticesSent delay notices sent (Art. 5(2))
   * @param overdueAtEnd requests unanswered and past their deadline at the day's end
   * @param sentByKind messages sent per kind (one per message, as the audit logs record them)
   * @param rejectionsByCode inbound envelopes refused, per code
   * @param perCentre each centre's statistics
   */
  public record DayStatistics(long requests, long answered, long answeredInTime, long delayNoticesSent,
      long overdueAtEnd, Map<String, Long> sentByKind, Map<String, Long> rejectionsByCode,
      Map<String, PeriodStatistics> perCentre) {}

  /** Runs the demo in a work folder, printing the timeline and summary to {@code out}. */
  public static Result run(PrintStream out, Path work) throws Exception {
    long started = System.nanoTime();
    Files.createDirectories(work);
    Path runFolder = Files.createTempDirectory(work, "run-");
    out.println("PCCC Exchange SDK — a day in a regional network of Police and Customs Co-operation Centres");
    out.println("(synthetic data; development keys generated now, NOT FOR PRODUCTION)");
    out.println();
    for (DemoNetwork.Centre c : DemoNetwork.CENTRES) {
      out.printf("  %-20s %-52s desks %-8s link %s:%n", c.id(), c.name(), String.join("/", c.countries()), c.scheme());
    }
    out.println();
    // A simulated clock, so that the Art. 5 deadlines of the day are real: 05:55 is now.
    DemoClock clock = new DemoClock(Clock.systemUTC());
    RegionalPicture picture = RegionalPicture.create();
    out.println("Simulated day: 05:55 is " + clock.start() + "; the clock moves forward at each step (UTC).");
    out.println();
    List<String> failures = new ArrayList<>();
    RegionalDay day;
    DemoNetwork.Counters counters;
    try (DemoNetwork network = new DemoNetwork(runFolder, clock, picture)) {
      day = new RegionalDay(network, out);
      try {
        day.run();
      } catch (Exception e) {
        failures.add("the scenario stopped: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        out.println("         !! " + failures.get(failures.size() - 1));
      }
      counters = network.counters;
    }
    failures.addAll(day.failures());
    if (counters.expired.get() > 0) {
      failures.add(counters.expired.get() + " deliveries expired");
    }
    Map<String, Integer> byKind = snapshot(counters.sentByKind);
    Map<String, Integer> rejections = snapshot(counters.rejectionsByCode);
    if (!rejections.containsKey(ErrorCode.DECRYPTION_FAILED.code())
        || !rejections.containsKey(ErrorCode.NOT_A_RECIPIENT.code())) {
      failures.add("expected refusals PCCC-2006 (tampered) and PCCC-2005 (not a recipient), got " + rejections);
    }
    int sent = byKind.values().stream().mapToInt(Integer::intValue).sum();
    if (counters.receiptsVerified.get() != sent) {
      failures.add("receipts verified " + counters.receiptsVerified.get() + " of " + sent + " deliveries");
    }

    // The day as the SDK's regional picture and statistics see it.
    Instant from = clock.start();
    Instant to = clock.instant().plusSeconds(1);
    PictureView view = picture.view(PictureQuery.period(from, to));
    for (Map.Entry<String, RegionalDay.Expected> e : day.deadlines().entrySet()) {
      RegionalDay.Expected x = e.getValue();
      RequestState state = view.requests().stream().filter(r -> r.track().requestId().equals(x.requestId())
          && r.track().requestedCentre().equals(x.requestedCentre())).map(RequestStatus::state).findFirst().orElse(null);
      if (state != x.state()) {
        failures.add(e.getKey() + ": the picture says " + state + ", the script expects " + x.state());
      }
    }
    List<CentrePlace> places = DemoNetwork.CENTRES.stream()
        .map(c -> new CentrePlace(c.id(), c.name(), c.countries(), c.position())).toList();
    Path page = PicturePage.write(work.resolve("regional-picture.html"), view, places,
        "Regional picture — SEE-PCCC-DEMO (synthetic data; the script's 05:55 is "
            + clock.start().toString().substring(11, 16) + " UTC)");
    DayStatistics stats = statistics(runFolder, from, to, picture);
    Path json = work.resolve("statistics.json");
    Path csv = work.resolve("statistics.csv");
    writeStatistics(stats, from, to, json, csv);
    check(failures, "requests", stats.requests(), day.requests());
    check(failures, "requests answered in time", stats.answeredInTime(), day.deadlinesMet());
    check(failures, "delay notices sent", stats.delayNoticesSent(), day.delayNotices());
    check(failures, "requests overdue at the end of the day", stats.overdueAtEnd(),
        day.deadlines().values().stream().filter(x -> x.state() == RequestState.OVERDUE).count());

    out.println();
    out.println("Summary");
    out.printf("  %-30s %6s%n", "message kind", "sent");
    for (MessageKind k : MessageKind.values()) {
      if (k != MessageKind.RECEIPT && k != MessageKind.ERROR) {
        out.printf("  %-30s %6d%n", k.code(), byKind.getOrDefault(k.code(), 0));
      }
    }
    out.printf("  %-30s %6d / %d%n", "delivered, receipts verified", counters.receiptsVerified.get(), sent);
    out.printf("  %-30s %6d / %d%n", "requests answered", stats.answered(), stats.requests());
    out.printf("  %-30s %6d / %d%n", "answered in time (Art. 5)", stats.answeredInTime(), stats.requests());
    out.printf("  %-30s %6d%n", "delay notices sent", stats.delayNoticesSent());
    out.printf("  %-30s %6d%n", "overdue at the end of the day", stats.overdueAtEnd());
    out.printf("  %-30s %6d (waited in an outbox while its centre was offline)%n", "messages not lost", day.waitedInOutbox());
    out.printf("  %-30s %6d%n", "replays recognised", counters.duplicates.get());
    out.printf("  %-30s %s%n", "rejections by code", rejections.isEmpty() ? "none" : rejections);
    out.println();
    out.printf("Finished in %.1f s: %s%n", (System.nanoTime() - started) / 1e9,
        failures.isEmpty() ? "everything happened as scripted." : failures.size() + " step(s) NOT as scripted: " + failures);
    out.println("Regional picture: " + page.toAbsolutePath());
    out.println("Statistics:       " + json.toAbsolutePath());
    out.println("Statistics (CSV): " + csv.toAbsolutePath());
    return new Result(List.copyOf(failures), byKind, counters.receiptsVerified.get(), day.requests(), day.deadlinesMet(),
        rejections, counters.duplicates.get(), page, view, stats, json, csv);
  }

  private static void check(List<String> failures, String what, long counted, long scripted) {
    if (counted != scripted) {
      failures.add("statistics count " + counted + " " + what + ", the script " + scripted);
    }
  }

  /** Computes every centre's statistics from its audit log (verified), completed by the picture. */
  private static DayStatistics statistics(Path runFolder, Instant from, Instant to, RegionalPicture picture) {
    Map<String, PeriodStatistics> perCentre = new LinkedHashMap<>();
    long requests = 0;
    long answered = 0;
    long inTime = 0;
    long delays = 0;
    long overdue = 0;
    Map<String, Long> sentByKind = new TreeMap<>();
    Map<String, Long> rejections = new TreeMap<>();
    for (DemoNetwork.Centre c : DemoNetwork.CENTRES) {
      PeriodStatistics s = AuditStatistics.compute(AuditEntries.readVerified(DemoNetwork.storeOf(runFolder, c)), from,
          to, picture);
      perCentre.put(c.id(), s);
      requests += s.asking().requests();
      answered += s.asking().answered();
      inTime += s.asking().deadlineMet();
      delays += s.delayNoticesSent() == null ? 0 : s.delayNoticesSent();
      overdue += s.asking().overdueAtEnd() == null ? 0 : s.asking().overdueAtEnd();
      s.sentByKind().forEach((k, v) -> sentByKind.merge(k, v, Long::sum));
      s.rejectionsByCode().forEach((k, v) -> rejections.merge(k, v, Long::sum));
    }
    return new DayStatistics(requests, answered, inTime, delays, overdue, sentByKind, rejections, perCentre);
  }

  /** Writes the network's totals and each centre's statistics as JSON and as CSV rows. */
  private static void writeStatistics(DayStatistics stats, Instant from, Instant to, Path json, Path csv)
      throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("networkId", "SEE-PCCC-DEMO").put("from", from.toString()).put("to", to.toString());
    ObjectNode totals = root.putObject("network");
    totals.put("requests", stats.requests()).put("answered", stats.answered())
        .put("answeredInTime", stats.answeredInTime()).put("delayNoticesSent", stats.delayNoticesSent())
        .put("overdueAtEnd", stats.overdueAtEnd());
    ObjectNode kinds = totals.putObject("sentByKind");
    stats.sentByKind().forEach(kinds::put);
    ObjectNode codes = totals.putObject("rejectionsByCode");
    stats.rejectionsByCode().forEach(codes::put);
    ArrayNode centres = root.putArray("centres");
    StringBuilder rows = new StringBuilder("centre,section,key,value\r\n");
    rows.append("network,requests,total,").append(stats.requests()).append("\r\n")
        .append("network,requests,answered,").append(stats.answered()).append("\r\n")
        .append("network,requests,answeredInTime,").append(stats.answeredInTime()).append("\r\n")
        .append("network,requests,delayNoticesSent,").append(stats.delayNoticesSent()).append("\r\n")
        .append("network,requests,overdueAtEnd,").append(stats.overdueAtEnd()).append("\r\n");
    stats.sentByKind().forEach((k, v) -> rows.append("network,sent,").append(k).append(',').append(v).append("\r\n"));
    for (Map.Entry<String, PeriodStatistics> e : stats.perCentre().entrySet()) {
      centres.add(mapper.readTree(StatisticsReport.json(e.getValue())));
      String[] lines = StatisticsReport.csv(e.getValue()).split("\r\n");
      for (int i = 1; i < lines.length; i++) { // the first line is the header
        rows.append(e.getKey()).append(',').append(lines[i]).append("\r\n");
      }
    }
    Files.writeString(json, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root), StandardCharsets.UTF_8);
    Files.writeString(csv, rows, StandardCharsets.UTF_8);
  }

  private static Map<String, Integer> snapshot(Map<String, AtomicInteger> counts) {
    Map<String, Integer> m = new TreeMap<>();
    counts.forEach((k, v) -> m.put(k, v.get()));
    return m;
  }
}
