package org.pccc.crypto.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A signing key (Ed25519 or P-256) with its certificate chain: what a centre signs messages and
 * receipts with, and what the network coordinator signs the directory with.
 *
 * <p>See {@link CertifiedKeyPair} for the checks made at construction. Immutable and thread-safe.
 */
public final class SigningKeyPair extends CertifiedKeyPair {

  private SigningKeyPair(PrivateKey privateKey, List<X509Certificate> chain, String kid) {
    super(privateKey, chain, kid, KeyPurpose.SIGNATURE);
  }

  /**
   * Wraps a signing key and its chain, with the certificate's {@code x5t#S256} as kid.
   *
   * @param privateKey an Ed25519 or P-256 private key
   * @param certificateChain the key's certificate first, then its issuers (the root may be left
   *     out)
   * @return the handle
   * @throws KeyLoadingException if the key is of another algorithm, does not belong to the
   *     certificate, or the certificate's keyUsage does not allow signatures
   */
  public static SigningKeyPair of(PrivateKey privateKey, List<X509Certificate> certificateChain) {
    return new SigningKeyPair(privateKey, certificateChain, null);
  }

  /**
   * Wraps a signing key loaded from PKCS#12 or PEM.
   *
   * @param key the private key and its chain
   * @return the handle
   * @throws KeyLoadingException as {@link #of(PrivateKey, List)}
   */
  public static SigningKeyPair of(CertifiedPrivateKey key) {
    return of(key.privateKey(), key.certificateChain());
  }

  /**
   * Returns the same key pair with another kid, for networks whose directory assigns kids.
   *
   * @param kid 1 to 256 characters
   * @return a new handle
   */
  public SigningKeyPair withKid(String kid) {
    return new SigningKeyPair(privateKey(), certificateChain(), requireKid(kid));
  }
}
