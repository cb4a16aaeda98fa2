package org.pccc.transport;

import java.util.UUID;
import org.pccc.model.PcccException;

/**
 * A message could not be delivered to a recipient: it expired before a receipt arrived
 * ({@link #EXPIRED}) or the recipient rejected it for good ({@link #REJECTED}); or the outcome is
 * not known because the node closed first ({@link #NODE_CLOSED}).
 */
public class DeliveryException extends PcccException {
  private static final long serialVersionUID = 1L;

  /** The due-by passed without a verified receipt. */
  public static final String EXPIRED = "PCCC-3010";
  /** The recipient's transport rejected the envelope and retrying cannot help. */
  public static final String REJECTED = "PCCC-3011";
  /**
   * The node closed before the receipt came. The message stays in the outbox and is delivered
   * after the next start; this future only stops waiting.
   */
  public static final String NODE_CLOSED = "PCCC-3080";

  private final UUID messageId;
  private final String recipientCentre;

  /**
   * Creates the exception.
   *
   * @param code {@link #EXPIRED}, {@link #REJECTED} or {@link #NODE_CLOSED}
   * @param messageId the message
   * @param recipientCentre the recipient
   * @param detail what happened, without content
   */
  public DeliveryException(String code, UUID messageId, String recipientCentre, String detail) {
    super(code, "message " + messageId + " to " + recipientCentre + ": " + detail);
    this.messageId = messageId;
    this.recipientCentre = recipientCentre;
  }

  /** Returns the message id. */
  public UUID messageId() {
    return messageId;
  }

  /** Returns the recipient centre. */
  public String recipientCentre() {
    return recipientCentre;
  }
}
