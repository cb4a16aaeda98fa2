package org.pccc.transport.spi;

import org.pccc.model.PcccException;

/**
 * A delivery or reception failure. {@link #retryable()} says whether trying again later may
 * succeed (link down, server busy, timeout) or not (endpoint unknown, envelope rejected).
 * Messages name endpoints and sizes, never envelope content.
 */
public class TransportException extends PcccException {
  private static final long serialVersionUID = 1L;

  /** Link down, timeout, busy: try again later. */
  public static final String UNAVAILABLE = "PCCC-3001";
  /** The far side rejected the envelope (too large, malformed): do not retry. */
  public static final String REJECTED = "PCCC-3002";
  /** The endpoint URI is not valid or not served by this transport. */
  public static final String BAD_ENDPOINT = "PCCC-3003";
  /** No transport, or more than one, for a URI scheme. */
  public static final String NO_TRANSPORT = "PCCC-3004";
  /** The transport is closed. */
  public static final String CLOSED = "PCCC-3005";
  /**
   * The transport authenticated its peer as one centre (for example by its TLS client
   * certificate) and the envelope or receipt it brought is signed by another: refused, not
   * retryable (see {@link InboundEnvelope#AUTHENTICATED_PEER_CENTRE}).
   */
  public static final String PEER_NOT_SIGNER = "PCCC-3060";

  private final boolean retryable;

  /**
   * Creates the exception.
   *
   * @param code one of the constants of this class
   * @param message what happened, without envelope content
   * @param retryable whether a retry may succeed
   */
  public TransportException(String code, String message, boolean retryable) {
    super(code, message);
    this.retryable = retryable;
  }

  /**
   * Creates the exception with a cause.
   *
   * @param code one of the constants of this class
   * @param message what happened, without envelope content
   * @param retryable whether a retry may succeed
   * @param cause the underlying failure
   */
  public TransportException(String code, String message, boolean retryable, Throwable cause) {
    super(code, message, cause);
    this.retryable = retryable;
  }

  /** Returns whether trying again later may succeed. */
  public boolean retryable() {
    return retryable;
  }
}
