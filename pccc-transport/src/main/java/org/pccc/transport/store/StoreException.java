package org.pccc.transport.store;

import org.pccc.model.PcccException;

/**
 * A failure of a durable store (outbox, inbox, audit log). Codes are in the {@code PCCC-40xx}
 * range and stable. Messages name message ids, centre ids and file names, never envelope content.
 * Immutable.
 */
public class StoreException extends PcccException {
  private static final long serialVersionUID = 1L;

  /** Reading or writing the disk failed (disk full, permissions, I/O error). */
  public static final String IO = "PCCC-4001";
  /** A stored file is damaged; it was moved to the store's {@code quarantine} folder. */
  public static final String CORRUPT = "PCCC-4002";
  /** The message (or message and recipient) is not in the store. */
  public static final String NOT_FOUND = "PCCC-4003";
  /** The message (or message and recipient) is already in the store. */
  public static final String DUPLICATE = "PCCC-4004";
  /** Another store instance (in this or another process) has the folder open. */
  public static final String LOCKED = "PCCC-4005";
  /** The store was closed. */
  public static final String CLOSED = "PCCC-4006";
  /** The audit log ends with a torn line (a crash mid-write); call {@code repairTornTail()}. */
  public static final String AUDIT_TORN_TAIL = "PCCC-4007";
  /** The audit log's last entry does not verify, so the chain cannot be continued. */
  public static final String AUDIT_BROKEN = "PCCC-4008";

  /**
   * Creates the exception.
   *
   * @param code one of the constants of this class
   * @param message what happened, without personal data or envelope content
   */
  public StoreException(String code, String message) {
    super(code, message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param code one of the constants of this class
   * @param message what happened, without personal data or envelope content
   * @param cause the underlying failure
   */
  public StoreException(String code, String message, Throwable cause) {
    super(code, message, cause);
  }
}
