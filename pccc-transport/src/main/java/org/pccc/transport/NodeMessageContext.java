package org.pccc.transport;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.pccc.crypto.VerifiedMessage;
import org.pccc.model.Header;
import org.pccc.model.Message;
import org.pccc.model.Party;
import org.pccc.model.body.Body;

/** The {@link MessageContext} a node gives its handler: every action goes through that node. */
final class NodeMessageContext implements MessageContext {
  private final PcccNode node;
  private final VerifiedMessage message;

  NodeMessageContext(PcccNode node, VerifiedMessage message) {
    this.node = node;
    this.message = message;
  }

  @Override
  public VerifiedMessage message() {
    return message;
  }

  @Override
  public Header.Builder replyHeader() {
    return node.replyHeaderFor(message);
  }

  @Override
  public DeliveryHandle reply(Body body) {
    return reply(replyHeader().build(), body);
  }

  @Override
  public DeliveryHandle reply(Header header, Body body) {
    Objects.requireNonNull(header, "header");
    if (!message.message().header().messageId().equals(header.inReplyTo())) {
      throw new IllegalArgumentException("the header's inReplyTo does not name the message being handled");
    }
    return node.send(Message.of(header, body));
  }

  @Override
  public DeliveryHandle sendDelayNotice(Instant expectedBy, String reasons) {
    return node.sendDelayNotice(message, expectedBy, reasons);
  }

  @Override
  public DeliveryHandle forward(List<Party> recipients, ForwardingPermission permission) {
    return node.forward(message, recipients, permission);
  }
}
