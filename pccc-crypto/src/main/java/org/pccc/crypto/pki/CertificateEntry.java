package org.pccc.crypto.pki;

import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * One certificate in a {@link CertificateSet}, with the key id that JOSE headers use for it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kid the key id, 1 to 256 characters; by default the {@code x5t#S256} thumbprint
 * @param certificate the certificate
 */
public record CertificateEntry(String kid, X509Certificate certificate) {

  /** Checks the kid and the certificate. */
  public CertificateEntry {
    CertifiedKeyPair.requireKid(kid);
    Objects.requireNonNull(certificate, "certificate");
  }

  /**
   * An entry whose kid is the certificate's {@code x5t#S256} thumbprint.
   *
   * @param certificate the certificate
   * @return the entry
   */
  public static CertificateEntry of(X509Certificate certificate) {
    return new CertificateEntry(CertificateThumbprint.x5tS256(certificate), certificate);
  }

  /** Returns the certificate's {@code x5t#S256} thumbprint. */
  public String x5tS256() {
    return CertificateThumbprint.x5tS256(certificate);
  }

  /** Returns the certificate's validity window. */
  public CertificateValidity validity() {
    return CertificateValidity.of(certificate);
  }
}
