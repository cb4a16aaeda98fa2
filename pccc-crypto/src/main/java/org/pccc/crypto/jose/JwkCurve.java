package org.pccc.crypto.jose;

import java.util.Optional;

/**
 * The curves this SDK supports, with their JWK {@code crv} names (RFC 7518 §6.2.1.1, RFC 8037 §2).
 *
 * <p>Thread safety: an enum, immutable.
 */
public enum JwkCurve {
  /** Ed25519 signing keys ({@code kty} OKP). */
  ED25519("Ed25519", "OKP"),
  /** X25519 key agreement keys ({@code kty} OKP). */
  X25519("X25519", "OKP"),
  /** NIST P-256 keys for ES256 signing or ECDH-ES key agreement ({@code kty} EC). */
  P_256("P-256", "EC");

  private final String rfcName;
  private final String keyType;

  JwkCurve(String rfcName, String keyType) {
    this.rfcName = rfcName;
    this.keyType = keyType;
  }

  /** Returns the {@code crv} value, for example {@code X25519}. */
  public String rfcName() {
    return rfcName;
  }

  /** Returns the JWK {@code kty} value of keys on this curve: {@code OKP} or {@code EC}. */
  public String keyType() {
    return keyType;
  }

  /** Returns whether keys on this curve can do ECDH key agreement. */
  public boolean supportsKeyAgreement() {
    return this != ED25519;
  }

  /**
   * Finds the curve for a {@code crv} value; the comparison is exact.
   *
   * @param name the {@code crv} value
   * @return the curve, or empty if this SDK does not support it
   */
  public static Optional<JwkCurve> fromRfcName(String name) {
    for (JwkCurve curve : values()) {
      if (curve.rfcName.equals(name)) {
        return Optional.of(curve);
      }
    }
    return Optional.empty();
  }
}
