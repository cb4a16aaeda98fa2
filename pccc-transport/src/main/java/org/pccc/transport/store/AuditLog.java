package org.pccc.transport.store;

import java.util.List;
import java.util.Optional;

/**
 * An append-only, hash-chained record of what happened to every message sent and received:
 * identifiers, codes and envelope digests only, never content. Each entry carries the hash of the
 * previous one, so {@link AuditVerifier} can prove that nothing was edited, removed, reordered or
 * inserted. Implementations are thread-safe; appends are serialised.
 */
public interface AuditLog extends AutoCloseable {

  /**
   * Appends one entry. Durable (fsynced) before return.
   *
   * @return the entry as written, with its sequence number, time and hashes
   * @throws StoreException {@link StoreException#AUDIT_TORN_TAIL} while a torn tail awaits
   *     {@link #repairTornTail()}; {@link StoreException#IO} if the disk fails
   */
  AuditEntry append(AuditEvent event);

  /**
   * Appends several entries in order with one fsync at the end: all are durable when this returns;
   * after a crash during the call, a prefix of them may be in the log (the last possibly torn).
   *
   * @return the entries as written
   */
  List<AuditEntry> appendAll(List<AuditEvent> events);

  /** Returns the last entry's sequence number and hash ({@link Anchor#GENESIS} when empty). */
  Anchor head();

  /**
   * Returns whether the log ends with a torn line (a crash during a write). While it does, appends
   * are refused: cutting the tail is an explicit decision, see {@link #repairTornTail()}.
   */
  boolean hasTornTail();

  /**
   * Cuts off a torn last line, keeping its bytes in a side file, and appends a
   * {@link AuditDirection#REPAIR} entry that records the repair in the chain itself.
   *
   * @return the REPAIR entry, or empty if there was nothing to repair
   */
  Optional<AuditEntry> repairTornTail();

  /** Closes the log. Further calls throw {@link StoreException#CLOSED}. */
  @Override
  void close();
}
