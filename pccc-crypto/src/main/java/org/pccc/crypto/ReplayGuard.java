package org.pccc.crypto;

import java.time.Instant;
import java.util.UUID;

/**
 * Remembers message ids so that a recorded envelope cannot be played back. The opener asks it
 * last, after every other check passed, so that nobody can fill it with forged ids.
 * Implementations are thread-safe; {@link InMemoryReplayGuard} is the default, a node uses its
 * durable inbox.
 */
public interface ReplayGuard {

  /**
   * Records a message id if it was not seen before.
   *
   * @param messageId the id of a message whose signature has been verified
   * @param createdAt the message's creation time (lets the guard forget ids that the opener's
   *     age limit rejects anyway)
   * @return true if this is the first time; false for a replay
   */
  boolean firstSeen(UUID messageId, Instant createdAt);
}
