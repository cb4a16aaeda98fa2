package org.pccc.crypto;

import java.time.Instant;
import java.util.UUID;

/**
 * Remembers which signer used which message id, so that a recorded envelope cannot be played
 * back. The opener asks it last, after every other check passed, so that nobody can fill it with
 * forged ids, and always with the verified signer: state is keyed by (signer centre, message id),
 * so a member centre that reuses another centre's id (squatting) never makes the other centre's
 * message look like a replay. Implementations are thread-safe; {@link InMemoryReplayGuard} is the
 * default, a node uses its durable inbox.
 */
@FunctionalInterface
public interface ReplayGuard {

  /**
   * Records a (signer, message id) pair if it was not seen before.
   *
   * @param signerCentre the centre whose signature verified
   * @param messageId the id of a message whose signature has been verified
   * @param createdAt the message's creation time (lets the guard forget ids that the opener's
   *     age limit rejects anyway)
   * @return true if this is the first time for this signer; false for a replay
   * @throws EnvelopeRejectedException {@link ErrorCode#REPLAY_QUOTA_EXCEEDED} if the guard
   *     refuses to remember more ids for this signer within its window
   */
  boolean firstSeen(String signerCentre, UUID messageId, Instant createdAt);
}
