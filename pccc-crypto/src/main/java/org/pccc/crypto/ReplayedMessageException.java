package org.pccc.crypto;

import java.util.UUID;

/**
 * An envelope that opened and verified but whose message id was seen before ({@link
 * ErrorCode#REPLAY}). It names the message and its (verified) sender, so that a node can answer a
 * legitimate retry with the original receipt instead of an error.
 */
public class ReplayedMessageException extends EnvelopeRejectedException {
  private static final long serialVersionUID = 1L;

  private final UUID messageId;
  private final String senderCentre;

  /**
   * Creates the exception.
   *
   * @param messageId the id of the replayed message
   * @param senderCentre the centre whose signature verified
   */
  public ReplayedMessageException(UUID messageId, String senderCentre) {
    super(ErrorCode.REPLAY, "message " + messageId + " from " + senderCentre + " was seen before");
    this.messageId = messageId;
    this.senderCentre = senderCentre;
  }

  /** Returns the id of the replayed message. */
  public UUID messageId() {
    return messageId;
  }

  /** Returns the verified sender centre. */
  public String senderCentre() {
    return senderCentre;
  }
}
