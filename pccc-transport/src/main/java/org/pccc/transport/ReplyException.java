package org.pccc.transport;

import java.util.UUID;
import org.pccc.model.PcccException;

/**
 * The reply future of a {@link PcccNode.PendingRequest} completes with this when no reply can be
 * expected any more: the request's due-by passed without a reply ({@link #EXPIRED}, with the
 * {@link DeliveryException} as cause when no recipient got the request), every recipient refused
 * the request for good ({@link #REFUSED}), or the node closed first ({@link #NODE_CLOSED}). So a
 * {@code reply().get()} without a timeout always returns.
 */
public class ReplyException extends PcccException {
  private static final long serialVersionUID = 1L;

  /**
   * The node closed before a reply came (a receipt future gets {@link
   * DeliveryException#NODE_CLOSED}). A reply arriving after the next start reaches the handler.
   */
  public static final String NODE_CLOSED = "PCCC-3083";
  /** The request's due-by passed without a reply, or no recipient's receipt came before it. */
  public static final String EXPIRED = "PCCC-3081";
  /** Every recipient's transport refused the request for good: no reply can come. */
  public static final String REFUSED = "PCCC-3082";

  private final UUID requestId;

  /**
   * Creates the exception.
   *
   * @param code {@link #EXPIRED}, {@link #REFUSED} or {@link #NODE_CLOSED}
   * @param requestId the request's message id
   * @param detail what happened, without content
   * @param cause the delivery failure behind it, or null
   */
  public ReplyException(String code, UUID requestId, String detail, Throwable cause) {
    super(code, "no reply to request " + requestId + ": " + detail, cause);
    this.requestId = requestId;
  }

  /** Returns the request's message id. */
  public UUID requestId() {
    return requestId;
  }
}
