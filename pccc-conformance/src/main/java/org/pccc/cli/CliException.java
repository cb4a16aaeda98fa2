package org.pccc.cli;

/**
 * A failure a command reports with a chosen exit code and a stable code. The message never holds
 * personal data: only file names, ids and codes.
 */
final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;
  private final String code;

  CliException(int exitCode, String code, String message) {
    super(message);
    this.exitCode = exitCode;
    this.code = code;
  }

  CliException(int exitCode, String code, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
    this.code = code;
  }

  /** A usage or configuration problem: exit code 2. */
  static CliException config(String message) {
    return new CliException(ExitCodes.CONFIGURATION, CliCodes.USAGE, message);
  }

  int exitCode() {
    return exitCode;
  }

  String code() {
    return code;
  }
}
