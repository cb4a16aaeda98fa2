package org.pccc.crypto.pki;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a certificate revocation list: which certificate (by serial number, under the CRL's
 * issuer) and since when.
 *
 * <p>Immutable and thread-safe.
 *
 * @param serialNumber the positive serial number of the revoked certificate
 * @param revokedAt when the revocation takes effect; signatures made before it stay valid
 */
public record RevokedCertificate(BigInteger serialNumber, Instant revokedAt) {

  /** Checks for nulls and a positive serial. */
  public RevokedCertificate {
    Objects.requireNonNull(serialNumber, "serialNumber");
    Objects.requireNonNull(revokedAt, "revokedAt");
    if (serialNumber.signum() <= 0) {
      throw new IllegalArgumentException("a serial number is positive");
    }
  }

  /**
   * The entry that revokes a certificate.
   *
   * @param certificate the certificate to revoke
   * @param revokedAt when the revocation takes effect
   * @return the entry
   */
  public static RevokedCertificate of(X509Certificate certificate, Instant revokedAt) {
    return new RevokedCertificate(certificate.getSerialNumber(), revokedAt);
  }
}
