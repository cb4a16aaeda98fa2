package org.pccc.cli;

/**
 * The stable codes the {@code pccc} tool reports for its own failures, apart from the SDK's codes
 * that it passes on (validation {@code PCCC-0xxx}, envelope {@code PCCC-20xx}, configuration
 * {@code PCCC-29xx}, ...). Both go with exit code 2.
 *
 * <p>Thread safety: constants only.
 */
public final class CliCodes {
  /**
   * {@code PCCC-0910}: the command cannot run as asked: a bad option or argument, a file that is
   * missing, too large, unreadable or unwritable.
   */
  public static final String USAGE = "PCCC-0910";

  /** {@code PCCC-0911}: the command failed for an unexpected reason, or was interrupted. */
  public static final String UNEXPECTED = "PCCC-0911";

  private CliCodes() {}
}
