package org.pccc.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * A sealed envelope as produced by {@link EnvelopeSealer}: the bytes to send (a JWE in the
 * general JSON serialization wrapping a JWS of the message), plus what the sealer knows about
 * them. On the receiving side an envelope is just bytes until {@link EnvelopeOpener} has checked
 * it. Immutable; the byte array is copied on the way in and out.
 */
public final class SealedEnvelope {
  private final byte[] bytes;
  private final UUID messageId;
  private final String sha256;
  private final String signedSha256;

  SealedEnvelope(byte[] bytes, UUID messageId, String signedSha256) {
    this.bytes = bytes.clone();
    this.messageId = Objects.requireNonNull(messageId, "messageId");
    this.sha256 = Digests.sha256Hex(bytes);
    this.signedSha256 = Objects.requireNonNull(signedSha256, "signedSha256");
  }

  /** Returns a copy of the envelope bytes (UTF-8 JSON). */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Returns the envelope as text. */
  public String text() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** Returns the id of the message inside. */
  public UUID messageId() {
    return messageId;
  }

  /**
   * Returns the lower-case hex SHA-256 of the envelope bytes: what the audit log records. A
   * receipt does not name it (anyone can change these bytes without a key); see {@link
   * #signedSha256()}.
   */
  public String sha256() {
    return sha256;
  }

  /**
   * Returns the lower-case hex SHA-256 of the inner JWS's signing input (see {@link
   * Digests#signingInputSha256Hex}): what a receipt for this envelope names and what the sender
   * keeps to match it.
   */
  public String signedSha256() {
    return signedSha256;
  }

  /** Returns the size in bytes. */
  public int size() {
    return bytes.length;
  }

  @Override
  public String toString() {
    return "SealedEnvelope[messageId=" + messageId + ", bytes=" + bytes.length + "]";
  }
}
