package org.pccc.crypto;

/**
 * The {@code typ} values this SDK puts in JOSE headers, so that one kind of signed object can
 * never be accepted as another (a receipt as a message, a message as a directory). Checked on
 * opening.
 */
public final class EnvelopeTypes {
  private EnvelopeTypes() {}

  /** The JWE around a signed message. */
  public static final String ENVELOPE = "pccc-envelope";
  /** The JWS of a message. */
  public static final String MESSAGE = "pccc-message";
  /** The JWS of a receipt. */
  public static final String RECEIPT = "pccc-receipt";
  /** The JWS of a network directory. */
  public static final String DIRECTORY = "pccc-directory";
}
