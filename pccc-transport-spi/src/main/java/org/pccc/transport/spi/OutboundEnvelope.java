package org.pccc.transport.spi;

import java.util.Objects;
import java.util.UUID;

/**
 * An envelope to deliver, with the routing metadata a transport may use (for example as Kafka
 * record headers or HTTP headers). The metadata never contains personal data: ids, kinds and
 * centres only. Immutable; the byte array is not copied, callers must not modify it.
 *
 * @param bytes the sealed envelope
 * @param messageId the id of the message inside (also what receivers deduplicate on)
 * @param conversationId the conversation, so that transports can keep one conversation in order
 * @param kind the message kind code, for example {@code reply}
 * @param senderCentre the sending centre's id
 * @param recipientCentre the centre this copy is delivered to
 */
public record OutboundEnvelope(
    byte[] bytes, UUID messageId, UUID conversationId, String kind, String senderCentre, String recipientCentre) {

  /** Checks that every part is present. */
  public OutboundEnvelope {
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(conversationId, "conversationId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(senderCentre, "senderCentre");
    Objects.requireNonNull(recipientCentre, "recipientCentre");
  }
}
