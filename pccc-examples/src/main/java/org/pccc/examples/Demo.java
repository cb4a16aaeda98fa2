package org.pccc.examples;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.pccc.crypto.ErrorCode;
import org.pccc.model.code.MessageKind;

/**
 * The README's demo: a simulated regional network of four centres exchanging a day of real kinds
 * of messages — securely, over {@code mem:}, {@code https:} and {@code file:} links, with one
 * centre offline for part of the day and a tampered and a replayed envelope — then a summary and
 * an HTML page of the regional picture. Exits 0 only if everything happened as scripted.
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
   * @param requests requests answered
   * @param deadlinesMet requests answered before their due-by
   * @param rejectionsByCode inbound envelopes refused, per code
   * @param duplicates replays recognised
   * @param picture the HTML page written
   */
  public record Result(List<String> failures, Map<String, Integer> sentByKind, int receiptsVerified, int requests,
      int deadlinesMet, Map<String, Integer> rejectionsByCode, int duplicates, Path picture) {
    /** Returns 0 if everything happened as scripted, 1 otherwise. */
    public int exitCode() {
      return failures.isEmpty() ? 0 : 1;
    }
  }

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
    List<String> failures = new ArrayList<>();
    RegionalDay day;
    DemoNetwork.Counters counters;
    try (DemoNetwork network = new DemoNetwork(runFolder)) {
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
    Path picture = RegionalPicture.write(work.resolve("regional-picture.html"), DemoNetwork.CENTRES,
        day.situation(), day.alerts());

    out.println();
    out.println("Summary");
    out.printf("  %-30s %6s%n", "message kind", "sent");
    for (MessageKind k : MessageKind.values()) {
      if (k != MessageKind.RECEIPT && k != MessageKind.ERROR) {
        out.printf("  %-30s %6d%n", k.code(), byKind.getOrDefault(k.code(), 0));
      }
    }
    out.printf("  %-30s %6d / %d%n", "delivered, receipts verified", counters.receiptsVerified.get(), sent);
    out.printf("  %-30s %6d / %d%n", "deadlines met", day.deadlinesMet(), day.requests());
    out.printf("  %-30s %6d (waited in an outbox while its centre was offline)%n", "messages not lost", day.waitedInOutbox());
    out.printf("  %-30s %6d%n", "replays recognised", counters.duplicates.get());
    out.printf("  %-30s %s%n", "rejections by code", rejections.isEmpty() ? "none" : rejections);
    out.println();
    out.println("Regional picture: " + picture.toAbsolutePath());
    out.printf("Finished in %.1f s: %s%n", (System.nanoTime() - started) / 1e9,
        failures.isEmpty() ? "everything happened as scripted." : failures.size() + " step(s) NOT as scripted: " + failures);
    return new Result(List.copyOf(failures), byKind, counters.receiptsVerified.get(), day.requests(), day.deadlinesMet(),
        rejections, counters.duplicates.get(), picture);
  }

  private static Map<String, Integer> snapshot(Map<String, AtomicInteger> counts) {
    Map<String, Integer> m = new TreeMap<>();
    counts.forEach((k, v) -> m.put(k, v.get()));
    return m;
  }
}
