package org.pccc.crypto.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import org.pccc.crypto.internal.pki.X509;

/**
 * A private key and its certificate chain as they were stored, before any check of purpose: what
 * {@link Pkcs12#read} returns and {@link Pkcs12#write} stores. Turn it into a {@link
 * SigningKeyPair} or {@link EncryptionKeyPair} to use it.
 *
 * <p>Immutable and thread-safe; {@link #toString()} never prints key material.
 *
 * @param privateKey the private key
 * @param certificateChain the key's certificate first, then its issuers; not empty
 */
public record CertifiedPrivateKey(PrivateKey privateKey, List<X509Certificate> certificateChain) {

  /** Checks for nulls and copies the chain. */
  public CertifiedPrivateKey {
    Objects.requireNonNull(privateKey, "privateKey");
    certificateChain = List.copyOf(certificateChain);
    if (certificateChain.isEmpty()) {
      throw new IllegalArgumentException("the certificate chain is empty");
    }
  }

  /**
   * Returns the private key and chain of a key pair handle.
   *
   * @param keyPair a signing or encryption key pair
   * @return its private key and chain
   */
  public static CertifiedPrivateKey of(CertifiedKeyPair keyPair) {
    return new CertifiedPrivateKey(keyPair.privateKey(), keyPair.certificateChain());
  }

  /** Returns the key's certificate (the first of the chain). */
  public X509Certificate certificate() {
    return certificateChain.get(0);
  }

  /** Names the key algorithm and the certificate; never key material. */
  @Override
  public String toString() {
    return "CertifiedPrivateKey[algorithm="
        + privateKey.getAlgorithm()
        + ", certificate="
        + X509.describe(certificate())
        + ", chainLength="
        + certificateChain.size()
        + "]";
  }
}
