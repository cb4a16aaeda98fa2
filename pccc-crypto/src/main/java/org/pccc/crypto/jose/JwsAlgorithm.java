package org.pccc.crypto.jose;

import java.util.Optional;

/**
 * The JWS signature algorithms this SDK supports, with their RFC 7518 / RFC 8037 names.
 *
 * <p>Thread safety: an enum, immutable.
 */
public enum JwsAlgorithm {
  /** EdDSA over Ed25519 (RFC 8037 §3.1), the default signature profile. */
  EDDSA("EdDSA"),
  /** ECDSA over P-256 with SHA-256, signature as the 64-byte R||S (RFC 7518 §3.4). */
  ES256("ES256");

  private final String rfcName;

  JwsAlgorithm(String rfcName) {
    this.rfcName = rfcName;
  }

  /** Returns the name used in the {@code alg} header, for example {@code EdDSA}. */
  public String rfcName() {
    return rfcName;
  }

  /**
   * Finds the algorithm for an {@code alg} header value; the comparison is exact (case-sensitive).
   *
   * @param name the header value
   * @return the algorithm, or empty if this SDK does not support it
   */
  public static Optional<JwsAlgorithm> fromRfcName(String name) {
    for (JwsAlgorithm algorithm : values()) {
      if (algorithm.rfcName.equals(name)) {
        return Optional.of(algorithm);
      }
    }
    return Optional.empty();
  }
}
