package org.pccc.crypto.pki;

/**
 * What a key and its certificate are used for in the secure envelope.
 *
 * <p>Thread-safe (an enum).
 */
public enum KeyPurpose {
  /**
   * Signing messages, receipts and the network directory (JWS). The certificate's key usage must
   * include {@code digitalSignature} or {@code nonRepudiation} (contentCommitment).
   */
  SIGNATURE,
  /**
   * Receiving encrypted content keys (JWE {@code ECDH-ES+A256KW}). The certificate's key usage must
   * include {@code keyAgreement}.
   */
  KEY_AGREEMENT;

  /**
   * Tells whether keys of the algorithm can serve this purpose at all (X25519 cannot sign, Ed25519
   * cannot agree keys, P-256 can do both).
   *
   * @param algorithm the key algorithm
   * @return {@code true} if the algorithm fits the purpose
   */
  public boolean allows(KeyAlgorithm algorithm) {
    return this == SIGNATURE ? algorithm.canSign() : algorithm.canAgreeKeys();
  }
}
