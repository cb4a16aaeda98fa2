package org.pccc.transport.store;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * One sealed message waiting for one recipient's receipt: the envelope bytes (already signed and
 * encrypted, never plaintext), where to deliver them, and the retry state. A message to several
 * recipients has one entry per recipient, because each recipient's receipt completes only its own
 * delivery. Immutable and thread-safe: the envelope is copied in and out.
 *
 * @param messageId the message id from the header
 * @param conversationId the conversation id from the header
 * @param kind the message kind's wire code, for example {@code information-request}
 * @param senderCentre this node's centre id
 * @param recipientCentre the recipient's centre id
 * @param endpoint where the recipient's node accepts envelopes
 * @param envelope the sealed envelope bytes
 * @param createdAt when the message was created
 * @param dueBy when delivery stops being useful and the entry expires; null if never
 * @param attempts how many delivery attempts were made so far
 * @param nextAttemptAt when the next attempt is due
 * @param envelopeSha256 lower-case hex SHA-256 of {@code envelope} (checked)
 * @param signedSha256 lower-case hex SHA-256 of the signed message's JWS signing input, what the
 *     recipient's receipt names ({@code SealedEnvelope.signedSha256()}); null for entries stored
 *     before receipts were bound to the signed message, whose receipts name {@code envelopeSha256}
 */
public record OutboxEntry(
    UUID messageId,
    UUID conversationId,
    String kind,
    String senderCentre,
    String recipientCentre,
    URI endpoint,
    byte[] envelope,
    Instant createdAt,
    Instant dueBy,
    int attempts,
    Instant nextAttemptAt,
    String envelopeSha256,
    String signedSha256) {

  /** Checks every invariant; the digest must match the envelope. */
  public OutboxEntry {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(conversationId, "conversationId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(senderCentre, "senderCentre");
    Objects.requireNonNull(recipientCentre, "recipientCentre");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(envelope, "envelope");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    Objects.requireNonNull(envelopeSha256, "envelopeSha256");
    if (!DurableFiles.KIND.matcher(kind).matches()) {
      throw new IllegalArgumentException("kind must be a message kind code such as information-request");
    }
    if (!DurableFiles.CENTRE_ID.matcher(senderCentre).matches()) {
      throw new IllegalArgumentException("senderCentre is not a valid centre id");
    }
    if (!DurableFiles.CENTRE_ID.matcher(recipientCentre).matches()) {
      throw new IllegalArgumentException("recipientCentre is not a valid centre id");
    }
    if (attempts < 0) {
      throw new IllegalArgumentException("attempts must not be negative");
    }
    envelope = envelope.clone();
    if (!DurableFiles.sha256Hex(envelope).equals(envelopeSha256)) {
      throw new IllegalArgumentException("envelopeSha256 does not match the envelope");
    }
    if (signedSha256 != null && !DurableFiles.SHA256_HEX.matcher(signedSha256).matches()) {
      throw new IllegalArgumentException("signedSha256 must be 64 lower-case hex digits");
    }
  }

  /**
   * Creates an entry stored before receipts were bound to the signed message (no {@code
   * signedSha256}).
   */
  public OutboxEntry(
      UUID messageId, UUID conversationId, String kind, String senderCentre, String recipientCentre,
      URI endpoint, byte[] envelope, Instant createdAt, Instant dueBy, int attempts, Instant nextAttemptAt,
      String envelopeSha256) {
    this(messageId, conversationId, kind, senderCentre, recipientCentre, endpoint, envelope, createdAt, dueBy,
        attempts, nextAttemptAt, envelopeSha256, null);
  }

  /**
   * Returns the digest a receipt for this delivery must name: {@link #signedSha256()}, or for an
   * entry stored before receipts were bound to the signed message, {@link #envelopeSha256()}.
   */
  public String receiptDigest() {
    return signedSha256 != null ? signedSha256 : envelopeSha256;
  }

  /**
   * Creates a new entry: no attempts yet, the first attempt due at {@code createdAt}, the digest
   * computed from the envelope.
   *
   * @return the entry
   */
  public static OutboxEntry create(
      UUID messageId, UUID conversationId, String kind, String senderCentre, String recipientCentre,
      URI endpoint, byte[] envelope, Instant createdAt, Instant dueBy) {
    return create(messageId, conversationId, kind, senderCentre, recipientCentre, endpoint, envelope, createdAt,
        dueBy, null);
  }

  /**
   * Creates a new entry that remembers the digest of the signed message, which the recipient's
   * receipt names: no attempts yet, the first attempt due at {@code createdAt}.
   *
   * @param signedSha256 {@code SealedEnvelope.signedSha256()}, or null
   * @return the entry
   */
  public static OutboxEntry create(
      UUID messageId, UUID conversationId, String kind, String senderCentre, String recipientCentre,
      URI endpoint, byte[] envelope, Instant createdAt, Instant dueBy, String signedSha256) {
    Objects.requireNonNull(envelope, "envelope");
    return new OutboxEntry(messageId, conversationId, kind, senderCentre, recipientCentre, endpoint,
        envelope, createdAt, dueBy, 0, createdAt, DurableFiles.sha256Hex(envelope), signedSha256);
  }

  /** Returns a copy of the envelope bytes. */
  @Override
  public byte[] envelope() {
    return envelope.clone();
  }

  /** Returns the envelope size in bytes, without copying it. */
  public int envelopeSizeBytes() {
    return envelope.length;
  }

  /** Returns this entry after one more attempt, with the next attempt due at {@code next}. */
  public OutboxEntry withAttempt(Instant next) {
    return new OutboxEntry(messageId, conversationId, kind, senderCentre, recipientCentre, endpoint,
        envelope, createdAt, dueBy, attempts + 1, next, envelopeSha256, signedSha256);
  }

  /** Equal when every component is equal, the envelope compared by content. */
  @Override
  public boolean equals(Object o) {
    return o instanceof OutboxEntry e
        && messageId.equals(e.messageId)
        && conversationId.equals(e.conversationId)
        && kind.equals(e.kind)
        && senderCentre.equals(e.senderCentre)
        && recipientCentre.equals(e.recipientCentre)
        && endpoint.equals(e.endpoint)
        && Arrays.equals(envelope, e.envelope)
        && createdAt.equals(e.createdAt)
        && Objects.equals(dueBy, e.dueBy)
        && attempts == e.attempts
        && nextAttemptAt.equals(e.nextAttemptAt)
        && envelopeSha256.equals(e.envelopeSha256)
        && Objects.equals(signedSha256, e.signedSha256);
  }

  @Override
  public int hashCode() {
    return Objects.hash(messageId, recipientCentre, envelopeSha256, attempts, nextAttemptAt);
  }

  /** Names the message, recipient and sizes; never prints the envelope. */
  @Override
  public String toString() {
    return "OutboxEntry[messageId=" + messageId + ", recipient=" + recipientCentre + ", kind=" + kind
        + ", envelopeBytes=" + envelope.length + ", attempts=" + attempts + ", nextAttemptAt=" + nextAttemptAt
        + ", dueBy=" + dueBy + "]";
  }
}
