package org.pccc.crypto.jose;

import java.util.Optional;

/**
 * The JWE key management algorithms this SDK supports, with their RFC 7518 names.
 *
 * <p>Thread safety: an enum, immutable.
 */
public enum JweKeyManagementAlgorithm {
  /**
   * ECDH-ES with an ephemeral key per recipient, Concat KDF, and AES-256 key wrap of the content
   * key (RFC 7518 §4.6); with X25519 (RFC 8037 §3.2) or P-256.
   */
  ECDH_ES_A256KW("ECDH-ES+A256KW");

  private final String rfcName;

  JweKeyManagementAlgorithm(String rfcName) {
    this.rfcName = rfcName;
  }

  /** Returns the name used in the {@code alg} header, for example {@code ECDH-ES+A256KW}. */
  public String rfcName() {
    return rfcName;
  }

  /**
   * Finds the algorithm for an {@code alg} header value; the comparison is exact.
   *
   * @param name the header value
   * @return the algorithm, or empty if this SDK does not support it
   */
  public static Optional<JweKeyManagementAlgorithm> fromRfcName(String name) {
    for (JweKeyManagementAlgorithm algorithm : values()) {
      if (algorithm.rfcName.equals(name)) {
        return Optional.of(algorithm);
      }
    }
    return Optional.empty();
  }
}
