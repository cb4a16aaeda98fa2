package org.pccc.transport.store;

/**
 * What happened to a message, as recorded in the audit log. The wire form is the constant's name.
 * Adding a constant is a change of the log format: older verifiers reject entries they do not know.
 */
public enum AuditDirection {
  /** This node sealed a message and put it in the outbox. */
  SENT,
  /** This node accepted a message (opened, verified, committed to the inbox). */
  RECEIVED,
  /** A message already in the inbox arrived again and was answered with the original receipt. */
  DUPLICATE,
  /** The application was given a received message. */
  HANDED_TO_APPLICATION,
  /** This node returned a signed receipt for a received message. */
  RECEIPT_SENT,
  /** A receipt for a sent message arrived and verified. */
  RECEIPT_VERIFIED,
  /** An incoming envelope or receipt was rejected; {@code code} says why. */
  REJECTED,
  /** A delivery attempt failed; {@code code} says why. */
  DELIVERY_FAILED,
  /** A sent message's due-by passed without a receipt. */
  EXPIRED,
  /**
   * The log itself was repaired: a torn last line left by a crash was cut off (and kept in a side
   * file). Written only by the log, never accepted from a caller.
   */
  REPAIR
}
