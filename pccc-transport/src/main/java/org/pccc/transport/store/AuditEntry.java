package org.pccc.transport.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One line of the audit log as written: the event's fields plus the sequence number, the time,
 * and the two hashes that chain it to the previous entry. Only the log (and the verifier, when it
 * reads a log) creates entries; callers append {@link AuditEvent}s. Immutable and thread-safe.
 *
 * <p>{@code hash} is the lower-case hex SHA-256 of the entry's canonical JSON without the
 * {@code hash} field; {@code prevHash} is the previous entry's {@code hash} (64 zeros for entry 1).
 * The canonical form is described on {@link FileAuditLog}.
 *
 * @param seq the sequence number, 1 for the first entry, no gaps
 * @param time when the entry was written, UTC, millisecond precision
 * @param direction what happened
 * @param messageId the message id, or null
 * @param conversationId the conversation id, or null
 * @param kind the message kind's wire code, or null
 * @param senderCentre the sending centre's id, or null
 * @param recipientCentres the recipient centres' ids (may be empty)
 * @param envelopeSha256 hex SHA-256 of the envelope, or null
 * @param code an SDK error code, or null
 * @param prevHash the previous entry's hash
 * @param hash this entry's hash
 */
public record AuditEntry(
    long seq,
    Instant time,
    AuditDirection direction,
    UUID messageId,
    UUID conversationId,
    String kind,
    String senderCentre,
    List<String> recipientCentres,
    String envelopeSha256,
    String code,
    String prevHash,
    String hash) {

  /** Checks every field's format and copies the list. Does not check the hash itself. */
  public AuditEntry {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(prevHash, "prevHash");
    Objects.requireNonNull(hash, "hash");
    if (seq < 1) {
      throw new IllegalArgumentException("seq must be at least 1");
    }
    if (time.getNano() % 1_000_000 != 0) {
      throw new IllegalArgumentException("time must have millisecond precision");
    }
    if (!DurableFiles.SHA256_HEX.matcher(prevHash).matches() || !DurableFiles.SHA256_HEX.matcher(hash).matches()) {
      throw new IllegalArgumentException("prevHash and hash must be 64 lower-case hex digits");
    }
    recipientCentres = AuditEvent.checkFields(kind, senderCentre, recipientCentres, envelopeSha256, code);
  }

  /** Returns this entry's position in the chain. */
  public Anchor anchor() {
    return new Anchor(seq, hash);
  }

  /** Returns whether {@code hash} is the SHA-256 of this entry's canonical form. */
  public boolean hashMatches() {
    return AuditCodec.hashOf(this).equals(hash);
  }

  /** Returns the entry as its log line (canonical JSON including {@code hash}, no newline). */
  public String toJsonLine() {
    return AuditCodec.canonical(this, true);
  }
}
