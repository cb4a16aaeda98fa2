package org.pccc.crypto.pki;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import org.pccc.crypto.internal.pki.KeyPairCheck;
import org.pccc.crypto.internal.pki.KeyUsages;
import org.pccc.crypto.internal.pki.X509;

/**
 * A private key together with its certificate chain: the common part of {@link SigningKeyPair} and
 * {@link EncryptionKeyPair}.
 *
 * <p>Construction checks that the private key belongs to the first certificate, that the algorithm
 * and the certificate's keyUsage fit the purpose, and that the chain is in issuing order (each
 * certificate's issuer is the next one's subject). It does not decide whether the chain is
 * trusted; that is {@link CertificateValidator}'s job.
 *
 * <p>The private key stays a JDK key object so that any JCA provider can use it; this class has no
 * method that returns key bytes, and {@link #toString()} names only the algorithm, the kid and the
 * certificate. Equality is identity: two handles are the same only if they are the same object.
 *
 * <p>Immutable and thread-safe.
 */
public abstract sealed class CertifiedKeyPair permits SigningKeyPair, EncryptionKeyPair {
  private final PrivateKey privateKey;
  private final List<X509Certificate> certificateChain;
  private final KeyAlgorithm algorithm;
  private final String kid;

  CertifiedKeyPair(
      PrivateKey privateKey,
      List<X509Certificate> certificateChain,
      String kid,
      KeyPurpose purpose) {
    Objects.requireNonNull(privateKey, "privateKey");
    this.certificateChain = List.copyOf(Objects.requireNonNull(certificateChain, "chain"));
    if (this.certificateChain.isEmpty()) {
      throw new KeyLoadingException("the certificate chain is empty");
    }
    X509Certificate leaf = this.certificateChain.get(0);
    KeyAlgorithm detected = KeyPairCheck.requireMatch(privateKey, leaf.getPublicKey());
    if (!purpose.allows(detected)) {
      throw new KeyLoadingException(detected + " keys cannot be used for " + purpose);
    }
    if (!KeyUsages.allows(leaf, purpose)) {
      throw new KeyLoadingException(
          "the keyUsage of certificate " + X509.describe(leaf) + " does not allow " + purpose);
    }
    for (int i = 0; i + 1 < this.certificateChain.size(); i++) {
      X509Certificate issued = this.certificateChain.get(i);
      X509Certificate issuer = this.certificateChain.get(i + 1);
      if (!issued.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
        throw new KeyLoadingException(
            "the certificate chain is not in issuing order at position " + (i + 1));
      }
    }
    this.privateKey = privateKey;
    this.algorithm = detected;
    this.kid = kid == null ? CertificateThumbprint.x5tS256(leaf) : requireKid(kid);
  }

  static String requireKid(String kid) {
    Objects.requireNonNull(kid, "kid");
    if (kid.isBlank() || kid.length() > 256) {
      throw new IllegalArgumentException("a kid must have 1 to 256 characters");
    }
    return kid;
  }

  /** Returns the key algorithm. */
  public KeyAlgorithm algorithm() {
    return algorithm;
  }

  /**
   * Returns the private key, for handing to a JCA {@code Signature} or {@code KeyAgreement}. Do not
   * log, serialize or copy it; use {@link Pem} or {@link Pkcs12} to store it.
   */
  public PrivateKey privateKey() {
    return privateKey;
  }

  /** Returns the public key, taken from the certificate. */
  public PublicKey publicKey() {
    return certificate().getPublicKey();
  }

  /** Returns the certificate of the key (the first of the chain). */
  public X509Certificate certificate() {
    return certificateChain.get(0);
  }

  /** Returns the chain: the key's certificate first, then its issuers; unmodifiable. */
  public List<X509Certificate> certificateChain() {
    return certificateChain;
  }

  /**
   * Returns the key id for JOSE headers: the one given at construction, by default the {@code
   * x5t#S256} thumbprint of the certificate.
   */
  public String kid() {
    return kid;
  }

  /** Returns the {@code x5t#S256} thumbprint of the certificate. */
  public String x5tS256() {
    return CertificateThumbprint.x5tS256(certificate());
  }

  /** Names the algorithm, kid and certificate; never key material. */
  @Override
  public String toString() {
    return getClass().getSimpleName()
        + "[algorithm="
        + algorithm
        + ", kid="
        + kid
        + ", certificate="
        + X509.describe(certificate())
        + "]";
  }
}
