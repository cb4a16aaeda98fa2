package org.pccc.conformance;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pccc conformance}: runs the conformance suite against an adapter command and prints the
 * report. Exit 0 when the adapter conforms, 1 when a vector failed, 2 on a usage or
 * configuration error (no such vectors folder, an adapter template that cannot be split).
 */
@Command(
    name = "conformance",
    mixinStandardHelpOptions = true,
    description = {
        "Runs the conformance suite against an adapter: a command to which the suite appends",
        "'validate --json FILE', 'open --json --keys DIR --directory FILE --coordinator CERT --at INSTANT ENVELOPE'",
        "or 'seal --keys DIR --directory FILE --coordinator CERT --out FILE MESSAGE'.",
        "Exit 0: every vector passed; 1: a vector failed; 2: usage or configuration error."})
public class ConformanceCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--adapter", required = true, paramLabel = "COMMAND",
      description = "The adapter's command template, split like a shell would, e.g. 'node adapters/node/adapter.mjs'.")
  String adapter;

  @Option(names = "--vectors", paramLabel = "DIR", defaultValue = "pccc-conformance/vectors",
      description = "The vectors folder (default: ${DEFAULT-VALUE}).")
  Path vectors;

  @Option(names = "--timeout-seconds", paramLabel = "N", defaultValue = "60",
      description = "Longest time one adapter call may take (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @Option(names = "--json", description = "Print the report as JSON.")
  boolean json;

  /** Creates the command; picocli sets the options. */
  public ConformanceCommand() {}

  @Override
  public Integer call() {
    PrintWriter out = spec == null ? new PrintWriter(System.out, true) : spec.commandLine().getOut();
    PrintWriter err = spec == null ? new PrintWriter(System.err, true) : spec.commandLine().getErr();
    if (!Files.isDirectory(vectors)) {
      err.println("conformance: no vectors folder at " + vectors);
      return 2;
    }
    if (timeoutSeconds <= 0) {
      err.println("conformance: --timeout-seconds must be positive");
      return 2;
    }
    ProcessAdapter process;
    try {
      process = ProcessAdapter.of(adapter, Duration.ofSeconds(timeoutSeconds));
    } catch (IllegalArgumentException e) {
      err.println("conformance: " + e.getMessage());
      return 2;
    }
    ConformanceReport report = ConformanceSuite.over(vectors).run(process);
    out.print(json ? report.toJson() + System.lineSeparator() : report.toText());
    out.flush();
    return report.passed() ? 0 : 1;
  }

  /**
   * Runs the command on its own (the {@code pccc} tool registers it as a subcommand instead).
   *
   * @param args command line
   */
  public static void main(String[] args) {
    System.exit(new CommandLine(new ConformanceCommand()).execute(args));
  }
}
