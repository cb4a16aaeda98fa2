package org.pccc.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code pccc} command-line tool: validate, seal and open PCCC messages, export the schemas,
 * manage development networks and directories, regenerate test vectors, run a node, and report a
 * node's statistics from its audit log.
 *
 * <p>Exit codes for every command: 0 success, 1 the input was rejected (invalid message, refused
 * envelope, invalid receipt, names that do not match), 2 usage or configuration error. With
 * {@code --json} a command prints exactly one JSON object on stdout (shapes in each command's
 * help); {@code serve --json} prints one object per line. Errors never contain personal data.
 */
@Command(
    name = "pccc",
    mixinStandardHelpOptions = true,
    versionProvider = Pccc.Version.class,
    description = "PCCC Exchange SDK tool. Exit codes: 0 success, 1 input rejected, 2 usage or configuration error.",
    subcommands = {CommandLine.HelpCommand.class})
public final class Pccc implements Runnable {
  /** The class of the conformance command, registered only when it is on the class path. */
  static final String CONFORMANCE_COMMAND = "org.pccc.conformance.ConformanceCommand";

  /** Held so that its level is not garbage collected with the logger. */
  private static final java.util.logging.Logger QUIET = java.util.logging.Logger.getLogger("org.hibernate");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private Pccc() {}

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  /**
   * Builds the command line with every command registered.
   *
   * @return a new command line; set its out/err writers to capture output
   */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Pccc());
    for (Object command : commands()) {
      cl.addSubcommand(command);
    }
    cl.setExecutionExceptionHandler((e, line, parsed) -> {
      line.getErr().println("pccc: " + CliCodes.UNEXPECTED + ": unexpected " + e.getClass().getName());
      return ExitCodes.CONFIGURATION;
    });
    return cl;
  }

  /** The commands (instances, or the class of the conformance command if it is present), in help order. */
  static List<Object> commands() {
    List<Object> list = new ArrayList<>(List.of(
        new ValidateCommand(), new SchemaCommand(), new SealCommand(), new OpenCommand(),
        new VerifyReceiptCommand(), new NamesCommand(), new DirectoryCommand(), new VectorsCommand(),
        new ServeCommand(), new SendCommand(), new StatsCommand()));
    try {
      // Loaded by name so that this code builds without the conformance suite; picocli creates
      // the instance from the class (its constructor need not be public).
      list.add(Class.forName(CONFORMANCE_COMMAND));
    } catch (ClassNotFoundException e) {
      // The conformance suite is not part of this build.
    }
    return list;
  }

  /**
   * Runs the tool and exits with its exit code.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    // Libraries log their start-up banners through java.util.logging to stderr; a command's
    // stderr is for its own diagnostics.
    QUIET.setLevel(java.util.logging.Level.WARNING);
    System.exit(execute(args));
  }

  /**
   * Runs the tool without exiting, for tests and embedding.
   *
   * @param args the command line
   * @return the exit code
   */
  public static int execute(String... args) {
    return commandLine().execute(args);
  }

  /** Reports the SDK version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    /** The version when the manifest does not say (running from classes). */
    static final String FALLBACK = "0.1.0-SNAPSHOT";

    @Override
    public String[] getVersion() {
      String v = Pccc.class.getPackage().getImplementationVersion();
      return new String[] {"pccc " + (v == null ? FALLBACK : v) + " (PCCC Exchange SDK, message format 1.0)"};
    }
  }
}
