package org.pccc.crypto.jose;

import java.security.PublicKey;
import java.util.Objects;

/**
 * A recipient to encrypt to: the key id written to its per-recipient header, and its X25519 or
 * P-256 public key (from our own directory).
 *
 * <p>Thread safety: an immutable record (public keys are immutable).
 *
 * @param keyId the {@code kid} the recipient will look itself up by; not blank
 * @param publicKey the recipient's X25519 or P-256 key agreement key
 */
public record JweRecipient(String keyId, PublicKey publicKey) {
  /** Checks that both parts are present. */
  public JweRecipient {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(publicKey, "publicKey");
    if (keyId.isBlank()) {
      throw new IllegalArgumentException("keyId must not be blank");
    }
  }

  /** Returns a description without the key bytes. */
  @Override
  public String toString() {
    return "JweRecipient[keyId=" + keyId + ", " + publicKey.getAlgorithm() + "]";
  }
}
