package org.pccc.awareness;

import org.pccc.model.PcccException;

/**
 * A failure of the awareness module, with a stable code. Messages name files, periods and codes,
 * never message content.
 */
public final class AwarenessException extends PcccException {
  private static final long serialVersionUID = 1L;

  /** The audit log could not be read (missing folder, unreadable file). */
  public static final String AUDIT_UNREADABLE = "PCCC-4100";
  /** The audit log does not verify (its hash chain is broken): statistics from it would not be evidence. */
  public static final String AUDIT_BROKEN = "PCCC-4101";
  /** A query or period is not valid (for example, its end is before its start). */
  public static final String INVALID_PERIOD = "PCCC-4102";
  /** An export could not be written. */
  public static final String EXPORT_FAILED = "PCCC-4103";

  /**
   * Creates an exception.
   *
   * @param code one of the constants of this class
   * @param message explanation without personal data
   */
  public AwarenessException(String code, String message) {
    super(code, message);
  }

  /**
   * Creates an exception with a cause.
   *
   * @param code one of the constants of this class
   * @param message explanation without personal data
   * @param cause the underlying failure
   */
  public AwarenessException(String code, String message, Throwable cause) {
    super(code, message, cause);
  }
}
