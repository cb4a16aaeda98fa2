package org.pccc.transport.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The receiver's durable memory of accepted messages, keyed by (sender centre, message id), that
 * makes delivery idempotent across restarts: a message is committed once, a duplicate is answered
 * with the original receipt, and a message is handed to the application once. Every method that
 * changes the inbox is durable before it returns. Implementations are thread-safe.
 *
 * <p><b>Why the sender is part of the key</b>: message ids are chosen by senders. A member centre
 * that learns another centre's message id (as a co-recipient) and uses it first must not make the
 * genuine message look like a duplicate, nor get its sender the wrong receipt. So records of two
 * senders with the same id live side by side; {@link #findAll} shows such a clash.
 *
 * <p>The node's order is: {@link #find} (duplicate? resend the stored receipt), open and verify,
 * {@link #commit}, hand to the application, {@link #markHandled}. After a crash between commit and
 * hand-off, {@link #unhandled()} lists what still has to be handed over.
 *
 * <p><b>Retention</b>: {@link #purgeOlderThan(Instant)} forgets old ids to bound disk and memory;
 * a purged id is accepted again if it ever comes back. The node's replay guard (the accepted window
 * for created-at) must therefore be shorter than the inbox retention, so that an old message is
 * rejected by the window before the inbox has forgotten it.
 */
public interface Inbox extends AutoCloseable {

  /** Returns what is known about a sender's message id, if it was committed and not purged. */
  Optional<InboxRecord> find(String senderCentre, UUID messageId);

  /** Returns the records of every sender that used this message id (usually none or one). */
  List<InboxRecord> findAll(UUID messageId);

  /**
   * Records a message as accepted, atomically and durably before return. Exactly one of any number
   * of concurrent commits of the same (sender, id) succeeds.
   *
   * @return true if this call committed the record, false if the sender's id was already present (the
   *     stored record is unchanged; {@link #find} returns it)
   */
  boolean commit(InboxRecord record);

  /**
   * Marks a committed message as handed to the application. Durable before return; idempotent.
   *
   * @return true if this call changed the state, false if it was already marked
   * @throws StoreException {@link StoreException#NOT_FOUND} if the sender's id is not in the inbox
   */
  boolean markHandled(String senderCentre, UUID messageId);

  /** Returns the committed records not yet handed to the application, oldest first. */
  List<InboxRecord> unhandled();

  /**
   * Forgets handed-over messages received before {@code cutoff}. Records not yet handed to the
   * application are kept whatever their age. Durable before return.
   *
   * @return how many records were removed
   */
  int purgeOlderThan(Instant cutoff);

  /** Returns the number of records held for one sender (what its quota is measured on). */
  int sizeFrom(String senderCentre);

  /** Returns the number of records held. */
  int size();

  /** Releases the storage. Further calls throw {@link StoreException#CLOSED}. */
  @Override
  void close();
}
