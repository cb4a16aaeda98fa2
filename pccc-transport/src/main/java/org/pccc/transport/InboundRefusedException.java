package org.pccc.transport;

import java.util.UUID;
import org.pccc.transport.spi.TransportException;

/**
 * A node refused an inbound message that opened and verified, for a reason of the node's own
 * bookkeeping rather than of the envelope. The node audits it (code, message id, signer) and
 * answers the transport with a non-retryable {@link TransportException#REJECTED}.
 *
 * <p>Immutable once thrown.
 */
public final class InboundRefusedException extends TransportException {
  private static final long serialVersionUID = 1L;

  /**
   * A message names a request this node sent and is waiting for, but is not signed by one of that
   * request's recipients (reply hijacking by another member centre).
   */
  public static final String REPLY_NOT_FROM_RECIPIENT = "PCCC-3040";
  /**
   * An envelope kept for hand-over after a crash is not the one its inbox record commits to
   * (other digest, message id or signer); it is quarantined, never handed to the application.
   */
  public static final String HANDOVER_MISMATCH = "PCCC-3041";

  private final UUID messageId;
  private final String senderCentre;

  /**
   * Creates the exception.
   *
   * @param code one of this class's codes
   * @param messageId the refused message's id
   * @param senderCentre its verified signer
   * @param message explanation with ids only
   */
  public InboundRefusedException(String code, UUID messageId, String senderCentre, String message) {
    super(code, message, false);
    this.messageId = messageId;
    this.senderCentre = senderCentre;
  }

  /** Returns the refused message's id. */
  public UUID messageId() {
    return messageId;
  }

  /** Returns the refused message's verified signer. */
  public String senderCentre() {
    return senderCentre;
  }
}
