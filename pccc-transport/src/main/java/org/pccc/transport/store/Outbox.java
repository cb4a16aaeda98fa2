package org.pccc.transport.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The sender's durable queue of sealed envelopes awaiting a verified receipt, one entry per
 * (message id, recipient centre). Every method that changes the outbox is durable before it
 * returns: after a crash or restart a new instance on the same storage sees exactly the state the
 * last completed call left.
 *
 * <p>Holds envelope bytes only (signed and encrypted), never plaintext. Implementations are
 * thread-safe.
 *
 * <p>Expiry is two-step so that the sender is told at least once: read {@link #overdue(Instant)},
 * tell the application (and the audit log), then {@link #expire(UUID, String)}.
 */
public interface Outbox extends AutoCloseable {

  /**
   * Adds an entry. Durable before return.
   *
   * @param entry the entry
   * @throws StoreException {@link StoreException#DUPLICATE} if this message and recipient is
   *     already pending or completed
   */
  void add(OutboxEntry entry);

  /**
   * Returns up to {@code max} pending entries whose next attempt is due ({@code nextAttemptAt <=
   * now}), earliest first. Reads only.
   */
  List<OutboxEntry> due(Instant now, int max);

  /**
   * Moves an entry's next attempt to a later time in memory only: used while a delivery the
   * transport accepted waits for its receipt. Not durable on purpose (no disk write per attempt):
   * after a restart the entry is simply due at once, which only means an early retry.
   *
   * @param messageId the message
   * @param recipientCentre the recipient
   * @param nextAttemptAt when the entry is due again
   * @return false if the entry is not pending
   */
  boolean postpone(UUID messageId, String recipientCentre, Instant nextAttemptAt);

  /**
   * Records a failed delivery attempt: increments the attempt count and sets the next attempt time.
   * Durable before return.
   *
   * @return the updated entry, or empty if the entry is no longer pending (completed or expired
   *     meanwhile)
   */
  Optional<OutboxEntry> recordAttempt(UUID messageId, String recipientCentre, Instant nextAttemptAt);

  /**
   * Completes a delivery with the verified receipt: the entry leaves the pending set and the
   * receipt is kept for audit (see {@link #receipt(UUID, String)}). Durable before return.
   * Idempotent: a second receipt for the same delivery returns false and changes nothing.
   *
   * @param receiptBytes the signed receipt as received
   * @return true if the entry was pending, false otherwise
   */
  boolean complete(UUID messageId, String recipientCentre, byte[] receiptBytes);

  /** Returns the pending entries whose due-by has passed ({@code dueBy <= now}), earliest first. */
  List<OutboxEntry> overdue(Instant now);

  /**
   * Removes a pending entry without a receipt (its due-by passed, or the recipient rejected it for
   * good). Durable before return.
   *
   * @return true if the entry was pending
   */
  boolean expire(UUID messageId, String recipientCentre);

  /** Returns one pending entry. */
  Optional<OutboxEntry> find(UUID messageId, String recipientCentre);

  /** Returns every pending entry, next attempt earliest first (reads each from storage). */
  List<OutboxEntry> pending();

  /** Returns the number of pending entries without reading them. */
  int pendingCount();

  /** Returns the receipt kept for a completed delivery, if it has not been purged. */
  Optional<byte[]> receipt(UUID messageId, String recipientCentre);

  /**
   * Deletes kept receipts of deliveries completed before {@code cutoff}, to bound disk use.
   * Durable before return.
   *
   * @return how many receipts were deleted
   */
  int purgeReceiptsBefore(Instant cutoff);

  /** Releases the storage. Further calls throw {@link StoreException#CLOSED}. */
  @Override
  void close();
}
