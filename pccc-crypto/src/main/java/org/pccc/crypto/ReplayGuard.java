package org.pccc.crypto;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Remembers which signer used which message id, so that a recorded envelope cannot be played
 * back. The opener asks it last, after every other check passed, so that nobody can fill it with
 * forged ids, and always with the verified signer: state is keyed by (signer centre, message id),
 * so a member centre that reuses another centre's id (squatting) never makes the other centre's
 * message look like a replay.
 *
 * <p>An {@link EnvelopeOpener} needs one at the call site ({@link EnvelopeOpener#builder}): a
 * {@code PcccNode} uses its durable inbox, so replays are refused across restarts; code that opens
 * envelopes on its own either implements this interface over its own durable store or takes
 * {@link #inMemoryNotSurvivingRestart()}, whose name says what it gives up. Implementations are
 * thread-safe.
 */
@FunctionalInterface
public interface ReplayGuard {

  /**
   * The window of {@link #inMemoryNotSurvivingRestart()}: the opener's default maximum age plus
   * its default clock skew, the whole span of creation times a default opener accepts.
   */
  Duration DEFAULT_IN_MEMORY_WINDOW = EnvelopeOpener.DEFAULT_MAX_AGE.plus(EnvelopeOpener.DEFAULT_MAX_CLOCK_SKEW);

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

  /**
   * Returns a new guard that remembers ids in memory only
   * ({@link InMemoryReplayGuard#DEFAULT_MAX_IDS_PER_SIGNER} per signer over
   * {@link #DEFAULT_IN_MEMORY_WINDOW}): <b>after a restart of the process every envelope recorded
   * before it is accepted again</b>. Right for tests, one-shot tools and openers whose caller
   * deduplicates durably itself; wrong as the only replay defence of a service.
   *
   * @return a fresh {@link InMemoryReplayGuard}
   */
  static ReplayGuard inMemoryNotSurvivingRestart() {
    return new InMemoryReplayGuard(InMemoryReplayGuard.DEFAULT_MAX_IDS_PER_SIGNER, DEFAULT_IN_MEMORY_WINDOW);
  }
}
