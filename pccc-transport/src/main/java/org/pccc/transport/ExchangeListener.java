package org.pccc.transport;

import java.time.Instant;
import java.util.UUID;
import org.pccc.crypto.VerifiedMessage;

/**
 * Observes what a node does, for metrics and operations dashboards. Every method does nothing by
 * default; override what you need. Methods are called on the node's threads and must return
 * quickly and not throw. Arguments carry ids, kinds, centres and codes only: never personal data.
 */
public interface ExchangeListener {

  /** The no-op listener. */
  ExchangeListener NONE = new ExchangeListener() {};

  /** A message was sealed and stored in the outbox for a recipient. */
  default void sent(UUID messageId, String kind, String recipientCentre) {}

  /** A delivery attempt failed and will be retried at {@code nextAttempt}. */
  default void retried(UUID messageId, String recipientCentre, int attempts, Instant nextAttempt, String code) {}

  /** A verified receipt arrived from a recipient. */
  default void delivered(UUID messageId, String recipientCentre) {}

  /** A message could not be delivered before it expired. */
  default void expired(UUID messageId, String recipientCentre) {}

  /** An inbound message was verified and committed (before the application sees it). */
  default void received(VerifiedMessage message) {}

  /** An inbound envelope was a duplicate; the original receipt was sent again. */
  default void duplicate(UUID messageId, String senderCentre) {}

  /** An inbound envelope was rejected with a stable code. */
  default void rejectedInbound(String code) {}

  /** The node's scheduled retention forgot {@code records} inbox records received before {@code cutoff}. */
  default void inboxPurged(int records, Instant cutoff) {}

  /** An open request's reply deadline is near. */
  default void deadlineApproaching(UUID requestId, String requesterCentre, Instant dueBy) {}
}
