package org.pccc.examples.samples;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.pccc.model.Examples;
import org.pccc.model.Message;
import org.pccc.model.code.MessageKind;
import org.pccc.model.json.PcccJson;
import org.pccc.model.json.ReadResult;

/**
 * Sample: read and validate messages. Reads every message of the example corpus, validates it,
 * and prints a summary; then shows how a bad message is answered with stable codes and JSON
 * Pointers. Exits non-zero if any example is rejected.
 */
public final class ReadAndValidate {
  private ReadAndValidate() {}

  /**
   * Runs the demo.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    // Hibernate Validator announces its version on java.util.logging; the demo keeps the console
    // for the timeline. A library must not do this: it would change the host's logging.
    java.util.logging.Logger.getLogger("org.hibernate.validator").setLevel(java.util.logging.Level.WARNING);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    System.exit(run(out));
  }

  /** Runs the demo, printing to {@code out}; returns the process exit code. */
  static int run(PrintStream out) {
    PcccJson json = PcccJson.create();
    Map<MessageKind, Integer> perKind = new EnumMap<>(MessageKind.class);
    int rejected = 0;
    out.println("PCCC Exchange SDK: reading the example corpus");
    out.println();
    out.printf("%-34s %-20s %-22s %-26s %s%n", "example", "kind", "from", "to", "result");
    for (Map.Entry<String, byte[]> e : Examples.all().entrySet()) {
      ReadResult result = json.read(e.getValue());
      if (result instanceof ReadResult.Accepted accepted) {
        Message m = accepted.message();
        perKind.merge(m.body().kind(), 1, Integer::sum);
        out.printf("%-34s %-20s %-22s %-26s %s%n", e.getKey(), m.body().kind().code(),
            m.header().sender().centreId(), m.header().recipients().get(0).centreId()
                + (m.header().recipients().size() > 1 ? " +" + (m.header().recipients().size() - 1) : ""),
            "valid");
      } else {
        rejected++;
        out.printf("%-34s %-20s %-22s %-26s %s%n", e.getKey(), "-", "-", "-", "REJECTED " + result.report().codes());
      }
    }
    out.println();
    out.println("Messages per kind (label in Macedonian / Greek):");
    Locale mk = Locale.forLanguageTag("mk");
    Locale el = Locale.forLanguageTag("el");
    for (MessageKind kind : MessageKind.values()) {
      out.printf("  %-20s %2d   %s / %s%n", kind.code(), perKind.getOrDefault(kind, 0), kind.label(mk), kind.label(el));
    }
    out.println();
    String bad = "{\"pccc\":\"1.0\",\"header\":{\"messageId\":\"not-a-uuid\"},\"body\":{\"type\":\"reply\"}}";
    out.println("A malformed message gets a report with stable codes and JSON Pointers, never a stack trace:");
    out.println("  " + json.read(bad.getBytes(StandardCharsets.UTF_8)).report().toString().replace("\n", "\n  "));
    out.println();
    out.println(rejected == 0 ? "All examples valid." : rejected + " example(s) rejected.");
    return rejected == 0 ? 0 : 1;
  }
}
