package org.pccc.crypto.internal.jose;

import org.pccc.crypto.jose.JwkCurve;

/** The three key types the JOSE code handles. */
public enum KeyType {
  /** Ed25519 signing key; raw form is 32 bytes (RFC 8032). */
  ED25519(JwkCurve.ED25519),
  /** X25519 key agreement key; raw form is 32 bytes (RFC 7748). */
  X25519(JwkCurve.X25519),
  /** P-256 key; raw public form is X||Y (64 bytes), raw private form is d (32 bytes). */
  P256(JwkCurve.P_256);

  private final JwkCurve curve;

  KeyType(JwkCurve curve) {
    this.curve = curve;
  }

  /** Returns the JWK curve. */
  public JwkCurve curve() {
    return curve;
  }

  /** Returns the type for a JWK curve. */
  public static KeyType of(JwkCurve curve) {
    for (KeyType type : values()) {
      if (type.curve == curve) {
        return type;
      }
    }
    throw new IllegalArgumentException(curve.name());
  }
}
