package org.pccc.transport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.pccc.transport.store.EnqueueJournal;
import org.pccc.transport.store.Outbox;
import org.pccc.transport.store.OutboxEntry;
import org.pccc.transport.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts one message's outbox entries (one per recipient) in the outbox all or none, so that a
 * failure at recipient k of n leaves nothing behind and sending the message again reaches every
 * recipient instead of failing as a duplicate for the first ones.
 *
 * <p>The outbox adds one entry atomically, so for several recipients an {@link EnqueueJournal}
 * record naming them is written first and removed once all are in. If an add fails, the entries
 * already added are taken out again (before the scheduler may deliver them: it skips a message
 * {@link #inProgress}); if the process dies meanwhile, or taking them out fails too, the journal
 * record is still there and {@link #recover()} at the next start takes them out. Either way {@code send} did not return, so
 * the application sends the message again. Thread-safe.
 */
final class AllOrNothingEnqueue {
  private static final Logger LOG = LoggerFactory.getLogger(AllOrNothingEnqueue.class);

  private final Outbox outbox;
  private final EnqueueJournal journal;
  private final Set<UUID> inProgress = ConcurrentHashMap.newKeySet();

  AllOrNothingEnqueue(Outbox outbox, Path journalFolder) {
    this.outbox = outbox;
    this.journal = EnqueueJournal.open(journalFolder);
  }

  /**
   * Takes out the entries of enqueues a crash interrupted. Call before the scheduler starts.
   *
   * @return how many interrupted enqueues were undone
   */
  int recover() {
    Map<UUID, List<String>> left = journal.interrupted();
    for (Map.Entry<UUID, List<String>> e : left.entrySet()) {
      for (String centre : e.getValue()) {
        outbox.expire(e.getKey(), centre);
      }
      journal.end(e.getKey());
      LOG.warn("message {}: an interrupted send to {} recipients was undone; the application sends it again",
          e.getKey(), e.getValue().size());
    }
    return left.size();
  }

  /** Returns whether the message's entries are being added now (the scheduler leaves them alone). */
  boolean inProgress(UUID messageId) {
    return inProgress.contains(messageId);
  }

  /**
   * Adds every entry, all of one message, or none.
   *
   * @param entries one per recipient, all with the same message id
   * @throws RuntimeException the failure of the first add that failed, after the entries added
   *     before it were taken out again
   */
  void enqueue(List<OutboxEntry> entries) {
    if (entries.size() == 1) {
      outbox.add(entries.get(0));
      return;
    }
    UUID messageId = entries.get(0).messageId();
    if (!inProgress.add(messageId)) {
      throw new StoreException(StoreException.DUPLICATE, "message " + messageId + " is being sent already");
    }
    try {
      // The journal may only name entries this call adds: recovery takes out what it names, and
      // must never take out a pending delivery of an earlier send of the same message.
      List<String> centres = new ArrayList<>();
      for (OutboxEntry e : entries) {
        if (outbox.find(messageId, e.recipientCentre()).isPresent()) {
          throw new StoreException(StoreException.DUPLICATE,
              "message " + messageId + " is already pending for " + e.recipientCentre());
        }
        centres.add(e.recipientCentre());
      }
      journal.begin(messageId, centres);
      List<OutboxEntry> added = new ArrayList<>();
      try {
        for (OutboxEntry e : entries) {
          outbox.add(e);
          added.add(e);
        }
      } catch (RuntimeException | Error failure) {
        if (undo(added, failure)) {
          journal.end(messageId);
        }
        throw failure;
      }
      journal.end(messageId);
    } finally {
      inProgress.remove(messageId);
    }
  }

  /** Takes out what was added; false (the journal stays for {@link #recover()}) if that failed. */
  private boolean undo(List<OutboxEntry> added, Throwable failure) {
    boolean all = true;
    for (OutboxEntry e : added) {
      try {
        outbox.expire(e.messageId(), e.recipientCentre());
      } catch (RuntimeException undoFailure) {
        failure.addSuppressed(undoFailure);
        all = false;
      }
    }
    return all;
  }
}
