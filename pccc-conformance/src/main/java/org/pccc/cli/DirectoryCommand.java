package org.pccc.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code pccc directory create|sign|verify}: development networks and signed directories. */
@Command(name = "directory", mixinStandardHelpOptions = true, versionProvider = Pccc.Version.class,
    description = "Creates development networks, signs and verifies network directories.",
    subcommands = {DirectoryCreateCommand.class, DirectorySignCommand.class, DirectoryVerifyCommand.class})
final class DirectoryCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: create, sign or verify");
  }
}
