package org.pccc.crypto.jose;

import java.nio.charset.StandardCharsets;

/**
 * A JWS whose signature verified under a key the caller chose and an algorithm the policy allows.
 * Only {@link UnverifiedJws#verify} makes instances.
 *
 * <p>Thread safety: immutable.
 */
public final class VerifiedJws {
  /** The compact serialization, ASCII; shared with the {@link UnverifiedJws}, never modified. */
  private final byte[] compact;
  private final JoseHeader protectedHeader;
  private final JwsAlgorithm algorithm;
  private final byte[] payload;

  VerifiedJws(byte[] compact, JoseHeader protectedHeader, JwsAlgorithm algorithm, byte[] payload) {
    this.compact = compact;
    this.protectedHeader = protectedHeader;
    this.algorithm = algorithm;
    this.payload = payload;
  }

  /** Returns the authenticated protected header. */
  public JoseHeader protectedHeader() {
    return protectedHeader;
  }

  /** Returns the algorithm the signature was verified with. */
  public JwsAlgorithm algorithm() {
    return algorithm;
  }

  /** Returns a copy of the verified payload. */
  public byte[] payload() {
    return payload.clone();
  }

  /** Returns the compact serialization that was verified. */
  public String compact() {
    return new String(compact, StandardCharsets.US_ASCII);
  }

  /** Returns a description without payload or header values. */
  @Override
  public String toString() {
    return "VerifiedJws[" + algorithm.rfcName() + ", header=" + protectedHeader
        + ", payloadBytes=" + payload.length + "]";
  }
}
