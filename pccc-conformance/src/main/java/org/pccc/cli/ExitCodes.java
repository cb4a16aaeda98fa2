package org.pccc.cli;

/** The exit codes of every {@code pccc} command. */
public final class ExitCodes {
  /** Success. */
  public static final int OK = 0;
  /** The input was rejected: invalid message, refused envelope, invalid receipt, no match. */
  public static final int REJECTED = 1;
  /** Usage or configuration error: bad options, missing or unreadable key files, bad directory. */
  public static final int CONFIGURATION = 2;

  private ExitCodes() {}
}
