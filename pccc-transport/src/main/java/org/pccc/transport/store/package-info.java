/**
 * Durable stores for reliable delivery: the {@link org.pccc.transport.store.Outbox} (sealed
 * envelopes awaiting receipts), the {@link org.pccc.transport.store.Inbox} (idempotence by sender and
 * message id across restarts), the {@link org.pccc.transport.store.HandoverFolder} and the hash-chained {@link org.pccc.transport.store.AuditLog} with its
 * {@link org.pccc.transport.store.AuditVerifier}, each with a file implementation.
 *
 * <p>Stores hold envelope bytes, receipts, identifiers and digests, never plaintext. Every change
 * the contract calls durable is written to a temporary file, fsynced, renamed into place atomically
 * and followed by a directory fsync (where the platform allows one), so that a crash leaves either
 * the old or the new state. Failures are {@link org.pccc.transport.store.StoreException}s with
 * codes {@code PCCC-4001}…{@code PCCC-4008}.
 */
package org.pccc.transport.store;
