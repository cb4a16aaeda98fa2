package org.pccc.transport;

import java.time.Instant;
import java.util.List;
import org.pccc.crypto.VerifiedMessage;
import org.pccc.model.Header;
import org.pccc.model.Party;
import org.pccc.model.body.Body;

/**
 * What a {@link MessageHandler} can do about the message it was given, without holding on to the
 * node: reply to it, send the Art. 5(2) delay notice for it, or forward it (under the same H2
 * rules as {@link PcccNode#forward}). Every method sends through the node that received the
 * message, so the outbox, retries, receipts and audit apply as for {@link PcccNode#send}.
 *
 * <p>Valid while the node is open, also after the handler returned (a reply may be sent later from
 * another thread). Thread-safe. An interface so that an application's handler can be tested with
 * a context of its own.
 */
public interface MessageContext {

  /** Returns the message this context belongs to. */
  VerifiedMessage message();

  /**
   * Returns a header builder for a reply to the message: a new message id, the same conversation,
   * {@code inReplyTo} the message, this centre as sender, the message's sender as the only
   * recipient, created now by the node's clock, the message's urgency and language, and handling
   * H0 unless changed. Set a legal basis, purpose or stricter handling as the reply needs, then
   * send with {@link #reply(Header, Body)}.
   */
  Header.Builder replyHeader();

  /**
   * Replies to the message with the header of {@link #replyHeader()} as it is.
   *
   * @param body the reply's body, usually an {@link org.pccc.model.body.Reply}
   * @return the delivery handle of the reply
   * @throws org.pccc.model.validation.ValidationException if the reply is not valid
   */
  DeliveryHandle reply(Body body);

  /**
   * Replies to the message with a header the application completed from {@link #replyHeader()}.
   *
   * @param header the reply's header; its {@code inReplyTo} must name the message
   * @param body the reply's body
   * @return the delivery handle of the reply
   * @throws IllegalArgumentException if the header does not reply to this message
   */
  DeliveryHandle reply(Header header, Body body);

  /**
   * Sends the delay notice of Directive (EU) 2023/977 Art. 5(2) for the message (a request) and
   * moves its tracked reply deadline; see {@link PcccNode#sendDelayNotice}.
   *
   * @param expectedBy when the reply is now expected
   * @param reasons why (for example judicial authorisation pending); no personal data
   * @return the delivery handle of the notice
   */
  DeliveryHandle sendDelayNotice(Instant expectedBy, String reasons);

  /**
   * Passes the message's content on to other centres; see {@link PcccNode#forward}.
   *
   * @param recipients where to send it
   * @param permission the provider's permission, required for content received under H2,
   *     otherwise may be null
   * @return the delivery handle
   * @throws HandlingRestrictionException if the content is H2 and no permission of its provider
   *     is given
   */
  DeliveryHandle forward(List<Party> recipients, ForwardingPermission permission);
}
