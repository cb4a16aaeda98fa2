package org.pccc.crypto.pki;

/**
 * The key algorithm pairs of the secure envelope: which algorithm a centre signs with and which
 * one it receives encrypted content keys with.
 *
 * <p>Thread-safe (an enum).
 */
public enum KeyProfile {
  /** The default profile: Ed25519 signatures ({@code EdDSA}), X25519 key agreement. */
  ED25519_X25519(KeyAlgorithm.ED25519, KeyAlgorithm.X25519),
  /** The alternative profile: P-256 for both ({@code ES256}, ECDH-ES on P-256). */
  P256(KeyAlgorithm.P256, KeyAlgorithm.P256);

  private final KeyAlgorithm signing;
  private final KeyAlgorithm encryption;

  KeyProfile(KeyAlgorithm signing, KeyAlgorithm encryption) {
    this.signing = signing;
    this.encryption = encryption;
  }

  /** Returns the algorithm of signing keys (and of the CA keys of the development PKI). */
  public KeyAlgorithm signing() {
    return signing;
  }

  /** Returns the algorithm of encryption (key agreement) keys. */
  public KeyAlgorithm encryption() {
    return encryption;
  }
}
