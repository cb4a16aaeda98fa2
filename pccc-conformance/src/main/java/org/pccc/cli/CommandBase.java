package org.pccc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import org.pccc.crypto.CryptoConfigurationException;
import org.pccc.crypto.EnvelopeRejectedException;
import org.pccc.crypto.pki.KeyLoadingException;
import org.pccc.model.PcccException;
import org.pccc.model.validation.ValidationException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/**
 * What every command shares: the output streams of its {@code CommandLine}, and one place that
 * turns failures into exit codes (1 rejected input, 2 usage or configuration) and into a message
 * without personal data, on stderr and, with {@code --json}, as {@code {"ok":false,"code","error"}}
 * on stdout.
 */
abstract class CommandBase implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** Runs the command; returns its exit code. */
  protected abstract int run() throws Exception;

  /** Whether the user asked for JSON output: the command's {@code --json} option, if it has one. */
  protected boolean jsonOutput() {
    OptionSpec option = spec.findOption("--json");
    return option != null && Boolean.TRUE.equals(option.getValue());
  }

  protected PrintWriter out() {
    return spec.commandLine().getOut();
  }

  protected PrintWriter err() {
    return spec.commandLine().getErr();
  }

  @Override
  public final Integer call() {
    try {
      return run();
    } catch (CliException e) {
      return fail(e.exitCode(), e.code(), e.getMessage());
    } catch (ValidationException e) {
      return fail(ExitCodes.REJECTED, e.code(), "the message is not valid: " + e.report().codes());
    } catch (EnvelopeRejectedException e) {
      return fail(ExitCodes.REJECTED, e.code(), detail(e));
    } catch (KeyLoadingException | CryptoConfigurationException e) {
      return fail(ExitCodes.CONFIGURATION, e.code(), detail(e));
    } catch (PcccException e) {
      return fail(ExitCodes.CONFIGURATION, e.code(), detail(e));
    } catch (IOException | UncheckedIOException e) {
      // IO messages are file names and OS reasons, never content.
      return fail(ExitCodes.CONFIGURATION, CliCodes.USAGE, "input/output error: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      return fail(ExitCodes.CONFIGURATION, CliCodes.USAGE, "invalid argument: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail(ExitCodes.CONFIGURATION, CliCodes.UNEXPECTED, "interrupted");
    } catch (Exception e) {
      // Unknown failures may carry input in their message: print the type only.
      return fail(ExitCodes.CONFIGURATION, CliCodes.UNEXPECTED, "unexpected " + e.getClass().getName());
    }
  }

  /** The message of an SDK exception without the code prefix it starts with. */
  static String detail(PcccException e) {
    String m = e.getMessage();
    String prefix = e.code() + ": ";
    return m != null && m.startsWith(prefix) ? m.substring(prefix.length()) : String.valueOf(m);
  }

  protected int fail(int exitCode, String code, String message) {
    if (jsonOutput()) {
      out().println(Json.write(Json.object().put("ok", false).put("code", code).put("error", message)));
      out().flush();
    }
    err().println("pccc " + spec.name() + ": " + (code == null ? "" : code + ": ") + message);
    err().flush();
    return exitCode;
  }
}
